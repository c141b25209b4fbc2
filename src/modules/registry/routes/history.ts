import type { Executor } from "../../../db/transaction";
import { describeAuditEntries } from "../../../platform/audit/audit.describe";
import { presentHistoryEntry } from "../presenters";
import { registryRecordNames } from "../record-names";

/** The audit entries of one record, newest first: a record's history is its audit trail. */
export async function loadHistory(executor: Executor, entityType: string, entityId: string) {
  return executor
    .selectFrom("audit_entries")
    .select(["position", "at", "action", "actor_id", "actor_username", "before", "after"])
    .where("entity_type", "=", entityType)
    .where("entity_id", "=", entityId)
    .orderBy("position", "desc")
    .limit(500)
    .execute();
}

/**
 * A record's history as the API answers it: each entry with its sentence and its labelled fields (people named,
 * never by id); the values only for callers who see the full record, the field labels for the others.
 */
export async function presentHistory(executor: Executor, entityType: string, entityId: string, full: boolean) {
  const entries = await loadHistory(executor, entityType, entityId);
  const described = await describeAuditEntries(
    executor,
    entries.map((entry) => ({
      at: entry.at.toISOString(),
      actorId: entry.actor_id,
      actorUsername: entry.actor_username,
      action: entry.action,
      entityType,
      entityId,
      before: entry.before,
      after: entry.after,
    })),
    registryRecordNames,
    full,
  );
  return {
    items: entries.map((entry, index) => ({
      ...presentHistoryEntry(entry, full),
      summary: described[index].summary,
      changes: full
        ? described[index].changes
        : described[index].changes.map((change) => ({ ...change, before: null, after: null })),
    })),
  };
}
