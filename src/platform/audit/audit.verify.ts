import type { Kysely, Selectable } from "kysely";
import type { AuditEntriesTable, Database } from "../../db/schema";
import { genesisHash, hashAuditContent, type AuditContent } from "./audit.hash";

/** One break in the chain: where it is and what is wrong. */
export interface AuditProblem {
  position: number;
  id: string | null;
  reason: string;
}

/** The newest entry as the audit head records it: an operator keeps this hash outside the database. */
export interface AuditHead {
  position: number;
  hash: string;
}

/** The outcome of checking the whole chain. */
export interface AuditVerification {
  ok: boolean;
  checked: number;
  problems: AuditProblem[];
  /** The audit head when the check started (null when its record is missing). */
  head: AuditHead | null;
}

/** Options of a check. */
export interface AuditVerifyOptions {
  /** Called after each batch with the entries checked so far and the total. */
  onProgress?: (checked: number, total: number) => void;
  /** A head hash recorded earlier outside the database: it must still be the hash of an entry of the chain. */
  expectHead?: string;
}

const batchSize = 2000;

/** The content of a stored audit entry as its hash covers it (and as the audit API shows it, with the hash). */
export function auditRowContent(row: Selectable<AuditEntriesTable>): AuditContent {
  return {
    position: Number(row.position),
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
    previousHash: row.previous_hash,
  };
}

async function readHead(db: Kysely<Database>): Promise<AuditHead | null> {
  const row = await db.selectFrom("audit_head").select(["position", "hash"]).executeTakeFirst();
  return row ? { position: Number(row.position), hash: row.hash } : null;
}

/**
 * Re-hashes every audit entry in position order and checks the links: an edited entry no longer matches its
 * hash, a deleted one leaves a gap in the positions and a broken link, and deleted newest entries leave the
 * audit head pointing past the end (a truncated tail). Reports each problem with its position; with
 * `expectHead`, also checks that a head hash recorded earlier is still in the chain.
 */
export async function verifyAuditChain(
  db: Kysely<Database>,
  options: AuditVerifyOptions = {},
): Promise<AuditVerification> {
  const head = await readHead(db);
  const totalRow = await db
    .selectFrom("audit_entries")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .$if(head !== null, (query) => query.where("position", "<=", head!.position))
    .executeTakeFirstOrThrow();
  const total = Number(totalRow.count);
  const problems: AuditProblem[] = [];
  let expectedPosition = 1;
  let previousHash = genesisHash;
  let checked = 0;
  let after = 0;
  let last: { position: number; id: string; hash: string } | null = null;
  let expectedHeadFound = false;
  while (true) {
    const rows = await db
      .selectFrom("audit_entries")
      .selectAll()
      .where("position", ">", after)
      .$if(head !== null, (query) => query.where("position", "<=", head!.position))
      .orderBy("position")
      .limit(batchSize)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const position = Number(row.position);
      if (position !== expectedPosition) {
        const missing =
          expectedPosition === position - 1 ? `${expectedPosition}` : `${expectedPosition}–${position - 1}`;
        problems.push({
          position: expectedPosition,
          id: null,
          reason: `entries missing at position ${missing} (deleted)`,
        });
      }
      if (row.previous_hash !== previousHash) {
        problems.push({ position, id: row.id, reason: "previous hash does not match the entry before it" });
      }
      const recomputed = hashAuditContent(auditRowContent(row));
      if (recomputed !== row.hash) {
        problems.push({ position, id: row.id, reason: "content does not match its hash (edited)" });
      }
      if (options.expectHead !== undefined && row.hash === options.expectHead) expectedHeadFound = true;
      previousHash = row.hash;
      expectedPosition = position + 1;
      last = { position, id: row.id, hash: row.hash };
      checked += 1;
    }
    after = Number(rows[rows.length - 1].position);
    options.onProgress?.(checked, total);
  }
  problems.push(...(await headProblems(db, head, last)));
  if (options.expectHead !== undefined && !expectedHeadFound) {
    problems.push({
      position: (last?.position ?? 0) + 1,
      id: null,
      reason: `the recorded head hash ${options.expectHead} is not in the chain (entries deleted or rewritten since it was recorded)`,
    });
  }
  return { ok: problems.length === 0, checked, problems, head };
}

/** Compares the head read at the start with the last entry checked, and looks for entries the head never covered. */
async function headProblems(
  db: Kysely<Database>,
  head: AuditHead | null,
  last: { position: number; id: string; hash: string } | null,
): Promise<AuditProblem[]> {
  if (!head) {
    return last ? [{ position: last.position, id: null, reason: "the audit head record is missing (deleted)" }] : [];
  }
  const lastPosition = last?.position ?? 0;
  if (lastPosition < head.position) {
    const missing = lastPosition + 1 === head.position ? `${head.position}` : `${lastPosition + 1}–${head.position}`;
    return [
      {
        position: lastPosition + 1,
        id: null,
        reason: `entries missing at position ${missing} (deleted: truncated tail — the audit head records ${head.position} entries ending in hash ${head.hash})`,
      },
    ];
  }
  if (last && last.hash !== head.hash) {
    return [
      {
        position: last.position,
        id: last.id,
        reason: "the newest entry's hash does not match the audit head (rewritten)",
      },
    ];
  }
  // Entries the head never covered: read the table's end first, then the head (an append moves both at once).
  const end = await db
    .selectFrom("audit_entries")
    .select((eb) => eb.fn.max("position").as("position"))
    .executeTakeFirst();
  const now = await readHead(db);
  const endPosition = Number(end?.position ?? 0);
  if (now && endPosition > now.position) {
    return [
      {
        position: now.position + 1,
        id: null,
        reason: `entries after the audit head (position ${now.position}) that it does not record`,
      },
    ];
  }
  return [];
}
