import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { Trx } from "../../db/transaction";
import { genesisHash, hashAuditContent, type AuditContent } from "./audit.hash";
import { entryMac, loadAuditKey } from "./audit.key";

const auditLockKey = 72_011_305;

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
 * Appends one entry to the audit log inside the caller's transaction: takes the chain lock, reads the head
 * (last position and hash), stores the new entry hashed over its content and the previous hash, and moves the
 * head to it; the hash is also sealed with the audit key (a keyed hash kept in `mac`). The next position comes from the head, not the table, so deleted newest entries stay a gap.
 */
export async function appendAudit(trx: Trx, record: AuditRecord): Promise<AuditContent & { hash: string }> {
  await sql`select pg_advisory_xact_lock(${auditLockKey})`.execute(trx);
  const last =
    (await trx.selectFrom("audit_head").select(["position", "hash"]).executeTakeFirst()) ??
    (await trx
      .selectFrom("audit_entries")
      .select(["position", "hash"])
      .orderBy("position", "desc")
      .limit(1)
      .executeTakeFirst());
  const content: AuditContent = {
    position: (last?.position ?? 0) + 1,
    id: randomUUID(),
    at: new Date().toISOString(),
    actorId: record.actorId,
    actorUsername: record.actorUsername,
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId,
    townCode: record.townCode ?? null,
    before: plainJson(record.before),
    after: plainJson(record.after),
    requestId: record.requestId ?? null,
    previousHash: last?.hash ?? genesisHash,
  };
  const hash = hashAuditContent(content);
  const key = loadAuditKey({ create: true })!;
  await trx
    .insertInto("audit_entries")
    .values({
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
    })
    .execute();
  await trx
    .insertInto("audit_head")
    .values({ position: content.position, hash })
    .onConflict((conflict) =>
      conflict.column("singleton").doUpdateSet({ position: content.position, hash, updated_at: new Date() }),
    )
    .execute();
  return { ...content, hash };
}
