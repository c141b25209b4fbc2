import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { entryMac, loadAuditKey } from "./audit.key";
import { verifyAuditChain } from "./audit.verify";

/** The outcome of sealing: how many entries received their keyed hash, or why nothing was done. */
export type SealOutcome = { sealed: number } | { refused: string };

/**
 * Adds the keyed hash to the entries written before the audit key existed (the leading run of entries without
 * one), after checking that the whole chain is otherwise intact. An entry without a keyed hash AFTER a sealed
 * one was stripped of it (tampering) and is never sealed: verify keeps reporting it.
 */
export async function sealAuditEntries(db: Kysely<Database>): Promise<SealOutcome> {
  const key = loadAuditKey({ create: true })!;
  const check = await verifyAuditChain(db, { key });
  const unsealed = check.problems.filter((problem) => problem.reason.startsWith("no keyed hash"));
  const other = check.problems.filter((problem) => !problem.reason.startsWith("no keyed hash"));
  if (other.length > 0)
    return {
      refused: `the chain has ${other.length} other problem(s): run \`gongzhi audit verify\` and resolve them first`,
    };
  if (unsealed.length === 0) return { sealed: 0 };
  if (unsealed.length > 1 || unsealed[0].position !== 1)
    return {
      refused: "entries without a keyed hash follow sealed ones: keyed hashes were removed (tampering), not sealing",
    };
  const firstSealed = await db
    .selectFrom("audit_entries")
    .select((eb) => eb.fn.min("position").as("position"))
    .where("mac", "is not", null)
    .executeTakeFirst();
  const end = firstSealed?.position == null ? Number.MAX_SAFE_INTEGER : Number(firstSealed.position) - 1;
  return inTransaction(db, async (trx) => {
    const rows = await trx
      .selectFrom("audit_entries")
      .select(["position", "hash"])
      .where("mac", "is", null)
      .where("position", "<=", end)
      .orderBy("position")
      .execute();
    for (const row of rows)
      await trx
        .updateTable("audit_entries")
        .set({ mac: entryMac(key, row.hash) })
        .where("position", "=", row.position)
        .execute();
    return { sealed: rows.length };
  });
}
