import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterCommit, sharedWithOthers, type Trx } from "../../db/transaction";
import { canonicalJson, hashAuditContent, type AuditContent } from "./audit.hash";
import { entryMac, loadAuditKey, waitingMac } from "./audit.key";
import { sealWaitingAudit, type WaitingContent } from "./audit.pending";

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

/** An appended entry: chained at once (with its position and hash), or waiting to be chained after the commit. */
export type AppendedAudit = (AuditContent & { hash: string; waiting: false }) | (WaitingContent & { waiting: true });

/** Turns a value into plain JSON (dates to ISO strings), so the stored jsonb hashes the same as the input. */
function plainJson(value: unknown): unknown {
  return value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));
}

/** Transactions that have stored an entry as waiting: their later entries wait too, so they keep their order. */
const waitingTransactions = new WeakSet<Trx>();

/**
 * Appends one entry to the audit log inside the caller's transaction.
 *
 * When the chain's head is free, the entry joins the chain at once, in two round trips: the head row is taken
 * `for update` (the chain lock, held to the caller's commit), then one statement stores the entry — hashed over its
 * content and the previous hash, and sealed with the audit key (a keyed hash kept in `mac`) — and moves the head to
 * it. The next position comes from the head, not the table, so deleted newest entries stay a gap. (Migration 0004
 * creates the head row and a trigger keeps it from being deleted or moved back.)
 *
 * When another transaction holds the head (many writes at once), the same first round trip stores the entry as
 * waiting instead (`audit_pending`, under a keyed hash of its content), and the entry is chained by one sealing
 * transaction for everything waiting right after this transaction commits (audit.pending.ts): concurrent writes do
 * not queue on the head, and a rolled-back write leaves nothing. A transaction opened by `inTransaction` while
 * others of this process are open beside it does not try the head at all: holding it to its commit would send every
 * other write, and the sealing, to wait behind it (under load this alone cost a fifth of the write throughput).
 */
export async function appendAudit(trx: Trx, record: AuditRecord): Promise<AppendedAudit> {
  const key = loadAuditKey({ create: true })!;
  const content: WaitingContent = {
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
  };
  const contentMac = waitingMac(key, canonicalJson(content));
  const waitingRow = sql`select ${content.id}::uuid, ${content.at}::timestamptz, ${content.actorId}::uuid,
      ${content.actorUsername}::text, ${content.action}::text, ${content.entityType}::text, ${content.entityId}::text,
      ${content.townCode}::text, ${jsonText(content.before)}::jsonb, ${jsonText(content.after)}::jsonb,
      ${content.requestId}::text, ${contentMac}::text`;
  const insertWaiting = sql`insert into audit_pending (id, at, actor_id, actor_username, action, entity_type,
      entity_id, town_code, before, after, request_id, content_mac)`;

  if (waitingTransactions.has(trx) || sharedWithOthers(trx)) {
    await sql`${insertWaiting} ${waitingRow}`.execute(trx);
    return waitForSeal(trx, content);
  }
  const taken = await sql<{ present: boolean; position: string | null; hash: string | null }>`
    with head as (select position, hash from audit_head for update skip locked),
    waiting as (${insertWaiting} ${waitingRow} where not exists (select 1 from head) returning id)
    select exists (select 1 from audit_head) as present, (select position from head)::text as position,
      (select hash from head) as hash`.execute(trx);
  const last = taken.rows[0];
  if (!last?.present)
    throw new Error("the audit head row is missing (created by migration 0004): restore it before writing");
  if (last.position === null || last.hash === null) return waitForSeal(trx, content);

  const chained: AuditContent = { ...content, position: Number(last.position) + 1, previousHash: last.hash };
  const hash = hashAuditContent(chained);
  const entry = {
    position: chained.position,
    id: chained.id,
    at: new Date(chained.at),
    actor_id: chained.actorId,
    actor_username: chained.actorUsername,
    action: chained.action,
    entity_type: chained.entityType,
    entity_id: chained.entityId,
    town_code: chained.townCode,
    before: jsonText(chained.before),
    after: jsonText(chained.after),
    request_id: chained.requestId,
    previous_hash: chained.previousHash,
    hash,
    mac: entryMac(key, hash),
  };
  await trx
    .with("entry", (db) => db.insertInto("audit_entries").values(entry).returning(["position", "hash"]))
    .updateTable("audit_head")
    .from("entry")
    .set((eb) => ({ position: eb.ref("entry.position"), hash: eb.ref("entry.hash"), updated_at: new Date() }))
    .execute();
  return { ...chained, hash, waiting: false };
}

function jsonText(value: unknown): string | null {
  return value === null ? null : JSON.stringify(value);
}

/** Marks `trx` as having an entry waiting (once: its later entries wait too, and one sealing after its commit). */
function waitForSeal(trx: Trx, content: WaitingContent): AppendedAudit {
  if (!waitingTransactions.has(trx)) {
    waitingTransactions.add(trx);
    afterCommit(trx, sealAfterCommit);
  }
  return { ...content, waiting: true };
}

/** After a commit that left entries waiting: chain them before the caller answers. A failure is logged, not thrown:
 * the write has committed, and the next sealing (any write's, the server's start, `gongzhi audit seal`) chains them. */
async function sealAfterCommit(db: Parameters<Parameters<typeof afterCommit>[1]>[0]): Promise<void> {
  try {
    await sealWaitingAudit(db);
  } catch (error) {
    process.emitWarning(`audit: entries left waiting for the chain: ${(error as Error).message}`);
  }
}
