import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../src/db/schema";
import { canonicalJson } from "../../src/platform/audit/audit.hash";
import { loadAuditKey, waitingMac } from "../../src/platform/audit/audit.key";
import type { WaitingContent } from "../../src/platform/audit/audit.pending";

/**
 * Stores an audit entry as waiting for the chain, as a write that found the head held does (or as a server that
 * stopped before its sealing leaves it); `mac` replaces its keyed hash (a forged entry). Returns the entry's id.
 */
export async function storeWaitingEntry(
  db: Kysely<Database>,
  entityId: string,
  at: Date,
  mac?: string,
): Promise<string> {
  const content: WaitingContent = {
    id: randomUUID(),
    at: at.toISOString(),
    actorId: null,
    actorUsername: "test",
    action: "test.write",
    entityType: "test",
    entityId,
    townCode: null,
    before: null,
    after: { entityId },
    requestId: null,
  };
  await db
    .insertInto("audit_pending")
    .values({
      id: content.id,
      at,
      actor_id: null,
      actor_username: content.actorUsername,
      action: content.action,
      entity_type: content.entityType,
      entity_id: entityId,
      town_code: null,
      before: null,
      after: JSON.stringify(content.after),
      request_id: null,
      content_mac: mac ?? waitingMac(loadAuditKey({ create: true })!, canonicalJson(content)),
    })
    .execute();
  return content.id;
}
