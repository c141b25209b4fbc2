/**
 * What the ledger benchmark times, through the app's own code: the set-based refresh of the five-year volunteer
 * facts of a cycle's applicants (`ledgerFactValues`, which the policy simulation's applicant population reads
 * through `countingFactsOfEnrolments`), that whole applicant population, and the resident's hours page
 * (`volunteeringOfPerson`, the queries behind `GET /participation/me`, 我的志愿服务) for a sample of volunteers.
 */
import { sql, type Kysely } from "kysely";
import type { Database } from "../../src/db/schema";
import { ledgerFactValues, type LedgerFactName } from "../../src/modules/participation/facts";
import { volunteeringOfPerson } from "../../src/modules/participation/ledger.repository";
import { applicantPopulation } from "../../src/modules/points/policy-population";

/** The refresh of a cycle's applicants: how many, how many have hours in the window, how long it took. */
export interface RefreshTiming {
  applicants: number;
  withHours: number;
  ms: number;
  values: Map<string, Record<LedgerFactName, number>>;
}

/** Refreshes the volunteer facts of every accepted applicant of the cycle as of `today`. */
export async function timeRefresh(db: Kysely<Database>, cycleId: string, today: string): Promise<RefreshTiming> {
  const start = performance.now();
  const applicants = await sql<{ person_id: string }>`select distinct person_id from points_applications
    where cycle_id = ${cycleId} and status = 'accepted'`.execute(db);
  const values = await ledgerFactValues(
    db,
    applicants.rows.map((row) => row.person_id),
    today,
  );
  return {
    applicants: applicants.rows.length,
    withHours: values.size,
    ms: performance.now() - start,
    values,
  };
}

/** Reads the cycle's applicants with all their counting facts (the policy simulation's population). */
export async function timeApplicantPopulation(db: Kysely<Database>, cycleId: string) {
  const start = performance.now();
  const population = await applicantPopulation(db, cycleId);
  return { applicants: population.length, ms: performance.now() - start };
}

/** Volunteers spread evenly over the population (ordered by ID number), `count` of them. */
export async function sampleVolunteers(db: Kysely<Database>, count: number): Promise<string[]> {
  const rows = await sql<{ id: string }>`select id from (
      select id, row_number() over (order by id_number) as n, count(*) over () as total from persons) p
    where n % greatest(1, total / ${count}) = 0 order by n limit ${count}`.execute(db);
  return rows.rows.map((row) => row.id);
}

/** A percentile of sorted durations (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Times the hours page of each volunteer once, in turn; the durations come back sorted with their entry counts. */
export async function timeHoursPages(db: Kysely<Database>, personIds: readonly string[]) {
  const durations: number[] = [];
  let entries = 0;
  let mostEntries = 0;
  for (const personId of personIds) {
    const start = performance.now();
    const page = await volunteeringOfPerson(db, personId);
    durations.push(performance.now() - start);
    entries += page.entries.length;
    mostEntries = Math.max(mostEntries, page.entries.length);
  }
  durations.sort((a, b) => a - b);
  return {
    samples: durations.length,
    p50: percentile(durations, 50),
    p99: percentile(durations, 99),
    max: durations.at(-1) ?? 0,
    meanEntries: durations.length ? entries / durations.length : 0,
    mostEntries,
  };
}
