import type { Executor } from "../../../db/transaction";

/** The audit entries of one record, newest first: a record's history is its audit trail. */
export async function loadHistory(executor: Executor, entityType: string, entityId: string) {
  return executor
    .selectFrom("audit_entries")
    .select(["position", "at", "action", "actor_username", "before", "after"])
    .where("entity_type", "=", entityType)
    .where("entity_id", "=", entityId)
    .orderBy("position", "desc")
    .limit(500)
    .execute();
}
