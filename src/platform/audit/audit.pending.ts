import type { Insertable, Kysely, Selectable } from "kysely";
import type { AuditContentColumns, AuditEntriesTable, AuditPendingTable, Database } from "../../db/schema";
import { canonicalJson, hashAuditContent, type AuditContent } from "./audit.hash";
import { entryMac, loadAuditKey, sameMac, waitingMac } from "./audit.key";

// Audit entries that waited for the chain's head (audit.log.ts stores them in `audit_pending` when another
// transaction holds it) are chained here: one transaction takes the head, reads everything waiting in the order
// written, checks each entry's keyed hash, gives each the next position and its chain hash and keyed hash, moves
// the entries into `audit_entries` and the head past them. A write that left an entry waiting calls this after its
// commit and answers once its entry is chained; calls that arrive while a sealing runs share the next one (a
// group commit), so under load one sealing chains the entries of many writes.

/** An entry's content before it has a place in the chain (no position, no previous hash). */
export type WaitingContent = Omit<AuditContent, "position" | "previousHash">;

/** How many waiting entries one sealing transaction chains at most (then the next one goes on). */
const sealBatch = 1000;

/** How many of the oldest waiting entries `audit verify` inspects one by one. */
const inspectedWaiting = 10_000;

/** A waiting entry older than this is reported by `audit verify`: its sealing failed or never ran. */
export const waitingTooLongMs = 60_000;

/** The content of a stored entry, chained or waiting, as its hashes cover it (without its place in the chain). */
export function waitingRowContent(row: Selectable<AuditContentColumns>): WaitingContent {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actor_id,
    actorUsername: row.actor_username,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    townCode: row.town_code,
    before: row.before ?? null,
    after: row.after ?? null,
    requestId: row.request_id,
  };
}

/** Whether a waiting entry carries the keyed hash only the audit key gives. */
export function waitingEntryIntact(key: Buffer, row: Selectable<AuditPendingTable>): boolean {
  return sameMac(row.content_mac, waitingMac(key, canonicalJson(waitingRowContent(row))));
}

/** The sealing state of one database: the sealing running, and the one that will start after it. */
interface Sealer {
  running: Promise<number> | null;
  next: Promise<number> | null;
}
const sealers = new WeakMap<Kysely<Database>, Sealer>();

/**
 * Chains every entry waiting when the sealing starts; resolves with how many it chained. A call made while a
 * sealing runs waits for the next one (which starts after the running one and sees everything committed before
 * it), shared by every call made meanwhile.
 */
export function sealWaitingAudit(db: Kysely<Database>): Promise<number> {
  let sealer = sealers.get(db);
  if (!sealer) {
    sealer = { running: null, next: null };
    sealers.set(db, sealer);
  }
  const state = sealer;
  if (!state.running) {
    const run = sealAll(db).finally(() => {
      if (state.running === run) state.running = null;
    });
    state.running = run;
    return run;
  }
  state.next ??= state.running
    .catch(() => 0)
    .then(() => {
      state.next = null;
      return sealWaitingAudit(db);
    });
  return state.next;
}

async function sealAll(db: Kysely<Database>): Promise<number> {
  let total = 0;
  for (;;) {
    const { chained, full } = await sealOnce(db);
    total += chained;
    if (!full || chained === 0) return total;
  }
}

/**
 * One sealing transaction: up to `sealBatch` waiting entries chained, in the order they were written, in two round
 * trips between BEGIN and COMMIT (the sealing runs once per group of writes under load, so each one counts): one
 * takes the head and reads what waits, one stores the entries, moves the head and clears them from the waiting table.
 */
async function sealOnce(db: Kysely<Database>): Promise<{ chained: number; full: boolean }> {
  return db.transaction().execute(async (trx) => {
    const found = await trx
      .with("head", (query) => query.selectFrom("audit_head").select(["position", "hash"]).forUpdate())
      .selectFrom("head")
      .leftJoinLateral(
        (eb) => eb.selectFrom("audit_pending").selectAll().orderBy("at").orderBy("id").limit(sealBatch).as("waiting"),
        (join) => join.onTrue(),
      )
      .select(["head.position as head_position", "head.hash as head_hash"])
      .selectAll("waiting")
      .execute();
    const head = found[0];
    if (!head) throw new Error("the audit head row is missing (created by migration 0004): restore it before writing");
    const rows = found.filter((row) => row.id !== null) as unknown as Selectable<AuditPendingTable>[];
    if (rows.length === 0) return { chained: 0, full: false };
    const key = loadAuditKey({ create: true })!;
    let position = Number(head.head_position);
    let previousHash = head.head_hash;
    const entries: Insertable<AuditEntriesTable>[] = [];
    // An entry without a valid keyed hash was not written by Gongzhi: it stays where it is, and verify reports it.
    for (const row of rows.filter((candidate) => waitingEntryIntact(key, candidate))) {
      position += 1;
      const content: AuditContent = { ...waitingRowContent(row), position, previousHash };
      const hash = hashAuditContent(content);
      entries.push({
        position,
        id: row.id,
        at: row.at,
        actor_id: row.actor_id,
        actor_username: row.actor_username,
        action: row.action,
        entity_type: row.entity_type,
        entity_id: row.entity_id,
        town_code: row.town_code,
        before: content.before === null ? null : JSON.stringify(content.before),
        after: content.after === null ? null : JSON.stringify(content.after),
        request_id: row.request_id,
        previous_hash: previousHash,
        hash,
        mac: entryMac(key, hash),
      });
      previousHash = hash;
    }
    if (entries.length > 0) {
      // Data-modifying parts of a WITH run once each, whether or not the statement reads them.
      await trx
        .with("chained", (query) => query.insertInto("audit_entries").values(entries))
        .with("moved", (query) =>
          query.updateTable("audit_head").set({ position, hash: previousHash, updated_at: new Date() }),
        )
        .deleteFrom("audit_pending")
        .where(
          "id",
          "in",
          entries.map((entry) => entry.id),
        )
        .execute();
    }
    return { chained: entries.length, full: rows.length === sealBatch };
  });
}

/** Waiting entries `audit verify` reports: those without a valid keyed hash, and those waiting too long. */
export async function waitingProblems(
  db: Kysely<Database>,
  key: Buffer | null,
  now = Date.now(),
): Promise<{ waiting: number; problems: { id: string; reason: string }[] }> {
  const count = await db
    .selectFrom("audit_pending")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  // The oldest ones are enough to say what is wrong; a backlog of millions is not read into memory.
  const rows = await db
    .selectFrom("audit_pending")
    .selectAll()
    .orderBy("at")
    .orderBy("id")
    .limit(inspectedWaiting)
    .execute();
  const problems: { id: string; reason: string }[] = [];
  for (const row of rows) {
    if (key && !waitingEntryIntact(key, row))
      problems.push({
        id: row.id,
        reason: "an entry waiting for the chain has no valid keyed hash (written without the audit key): never chained",
      });
    else if (now - row.at.getTime() > waitingTooLongMs)
      problems.push({
        id: row.id,
        reason: `an entry has waited for the chain since ${row.at.toISOString()}: run \`gongzhi audit seal\``,
      });
  }
  return { waiting: Number(count.n), problems };
}
