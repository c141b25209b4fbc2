import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { genesisHash, hashAuditContent } from "./audit.hash";

/** One break in the chain: where it is and what is wrong. */
export interface AuditProblem {
  position: number;
  id: string | null;
  reason: string;
}

/** The outcome of checking the whole chain. */
export interface AuditVerification {
  ok: boolean;
  checked: number;
  problems: AuditProblem[];
}

const batchSize = 2000;

/**
 * Re-hashes every audit entry in position order and checks the links: an edited entry no longer matches its
 * hash, a deleted one leaves a gap in the positions and a broken link. Reports each problem with its position.
 */
export async function verifyAuditChain(
  db: Kysely<Database>,
  onProgress?: (checked: number, total: number) => void,
): Promise<AuditVerification> {
  const totalRow = await db
    .selectFrom("audit_entries")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  const total = Number(totalRow.count);
  const problems: AuditProblem[] = [];
  let expectedPosition = 1;
  let previousHash = genesisHash;
  let checked = 0;
  let after = 0;
  while (true) {
    const rows = await db
      .selectFrom("audit_entries")
      .selectAll()
      .where("position", ">", after)
      .orderBy("position")
      .limit(batchSize)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const position = Number(row.position);
      if (position !== expectedPosition) {
        const missing = expectedPosition === position - 1 ? `${expectedPosition}` : `${expectedPosition}–${position - 1}`;
        problems.push({ position: expectedPosition, id: null, reason: `entries missing at position ${missing} (deleted)` });
      }
      if (row.previous_hash !== previousHash) {
        problems.push({ position, id: row.id, reason: "previous hash does not match the entry before it" });
      }
      const recomputed = hashAuditContent({
        position,
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
      });
      if (recomputed !== row.hash) {
        problems.push({ position, id: row.id, reason: "content does not match its hash (edited)" });
      }
      previousHash = row.hash;
      expectedPosition = position + 1;
      checked += 1;
    }
    after = Number(rows[rows.length - 1].position);
    onProgress?.(checked, total);
  }
  return { ok: problems.length === 0, checked, problems };
}
