/** Helpers of `gongzhi points cycle`: the acting account, the cycle of a year, and a run's JSON summary. */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { pointsDb } from "./points.tables";
import { findCycle, type CycleRecord, type RunRecord } from "./repository";
import { loadActor } from "../../platform/accounts/accounts.repository";
import type { Actor } from "../../platform/roles";
import { hasRole } from "../../platform/roles";

type Answer<T> = { ok: true; value: T } | { ok: false; error: string };

/** The programme admin account named by `--as`. */
export async function programmeActor(db: Kysely<Database>, username: string): Promise<Answer<Actor>> {
  const account = await db.selectFrom("accounts").select("id").where("username", "=", username).executeTakeFirst();
  const actor = account ? await loadActor(db, account.id) : null;
  if (!actor || !hasRole(actor, "programme_admin"))
    return { ok: false, error: `--as: "${username}" is not a programme admin account` };
  return { ok: true, value: actor };
}

/** The cycle of a year. */
export async function findCycleOfYear(db: Kysely<Database>, year: string): Promise<Answer<CycleRecord>> {
  if (!/^\d{4}$/.test(year)) return { ok: false, error: `--year must be a year like 2014, got ${year}` };
  const row = await pointsDb(db)
    .selectFrom("points_cycles")
    .select("id")
    .where("year", "=", Number(year))
    .executeTakeFirst();
  return row ? { ok: true, value: (await findCycle(db, row.id))! } : { ok: false, error: `no cycle for ${year}` };
}

/** The JSON summary of a run: ids, hashes, counts of outcomes per purpose. */
export function runSummary(run: RunRecord) {
  const outcomes = (run.summary as { outcomes?: Record<string, Record<string, number>> }).outcomes ?? {};
  return {
    runId: run.id,
    sequence: run.sequence,
    status: run.status,
    policyId: run.policy_id,
    inputHash: run.input_hash,
    resultHash: run.result_hash,
    outcomes,
  };
}
