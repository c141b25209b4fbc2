import { randomUUID } from "node:crypto";
import type { Trx } from "../../db/transaction";
import { hashAuditContent, type AuditContent } from "./audit.hash";
import { entryMac, loadAuditKey } from "./audit.key";

/** What a write records: who did what to which record, in which 镇区, with the state before and after. */
export interface AuditRecord {
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string;
  townCode?: string | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
}

/** Turns a value into plain JSON (dates to ISO strings), so the stored jsonb hashes the same as the input. */
function plainJson(value: unknown): unknown {
  return value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));
}

/**
 * Appends one entry to the audit log inside the caller's transaction, in two round trips: the head row is read
 * `for update` (the chain lock: a concurrent append waits for this transaction to end, then reads the head it
 * left), then one statement stores the new entry — hashed over its content and the previous hash, and sealed with
 * the audit key (a keyed hash kept in `mac`) — and moves the head to it. The lock is held from the first round trip
 * to the caller's commit, so everything that can be prepared is prepared before it. The next position comes from
 * the head, not the table, so deleted newest entries stay a gap. (Migration 0004 creates the head row and a
 * trigger keeps it from being deleted or moved back.)
 */
export async function appendAudit(trx: Trx, record: AuditRecord): Promise<AuditContent & { hash: string }> {
  const key = loadAuditKey({ create: true })!;
  const before = plainJson(record.before);
  const after = plainJson(record.after);
  const id = randomUUID();
  const last = await trx.selectFrom("audit_head").select(["position", "hash"]).forUpdate().executeTakeFirst();
  if (!last) throw new Error("the audit head row is missing (created by migration 0004): restore it before writing");
  const content: AuditContent = {
    position: last.position + 1,
    id,
    at: new Date().toISOString(),
    actorId: record.actorId,
    actorUsername: record.actorUsername,
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId,
    townCode: record.townCode ?? null,
    before,
    after,
    requestId: record.requestId ?? null,
    previousHash: last.hash,
  };
  const hash = hashAuditContent(content);
  const entry = {
    position: content.position,
    id: content.id,
    at: new Date(content.at),
    actor_id: content.actorId,
    actor_username: content.actorUsername,
    action: content.action,
    entity_type: content.entityType,
    entity_id: content.entityId,
    town_code: content.townCode,
    before: content.before === null ? null : JSON.stringify(content.before),
    after: content.after === null ? null : JSON.stringify(content.after),
    request_id: content.requestId,
    previous_hash: content.previousHash,
    hash,
    mac: entryMac(key, hash),
  };
  await trx
    .with("entry", (db) => db.insertInto("audit_entries").values(entry).returning(["position", "hash"]))
    .updateTable("audit_head")
    .from("entry")
    .set((eb) => ({ position: eb.ref("entry.position"), hash: eb.ref("entry.hash"), updated_at: new Date() }))
    .execute();
  return { ...content, hash };
}
