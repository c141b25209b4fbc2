/**
 * The points module's applicants as a population of scoring requests, for trying a policy draft against the
 * version in force (the policies module's simulation). Each request carries the facts that count for the
 * application's score today (`countingFactsOfEnrolments`: the facts `countingFacts` gives and `rescoreEnrolment`
 * scores, read set-based with the volunteer facts refreshed from the ledger), so the simulation compares exactly
 * what the ranking would read.
 */
import { sql } from "kysely";
import type { Executor } from "../../db/transaction";
import { pointsDb } from "./points.tables";
import { countingFactsOfEnrolments } from "./commands/scores";

/** Enrolments whose facts are read per step (set-based: a few queries per step, whatever its size). */
const FACTS_CHUNK = 100_000;

/** The cycle whose applicants are simulated. */
export interface PopulationCycle {
  id: string;
  year: number;
  title: string;
  policyId: string;
}

/** One applicant as a scoring request (`id` is the application id), with the name shown to staff. */
export interface ApplicantRequest {
  id: string;
  personName: string;
  purpose: string;
  town: string;
  application_date: string;
  grade?: string;
  facts: Record<string, unknown>;
}

/**
 * The cycle to simulate: the one named, else the latest (by year, then opening date) that has accepted
 * applications, else the latest; undefined when there is no cycle.
 */
export async function simulationCycle(executor: Executor, cycleId?: string): Promise<PopulationCycle | undefined> {
  const db = pointsDb(executor);
  let query = db.selectFrom("points_cycles as c").select(["c.id", "c.year", "c.title", "c.policy_id"]);
  if (cycleId) query = query.where("c.id", "=", cycleId);
  else
    query = query
      .orderBy(
        sql`case when exists (select 1 from points_applications a where a.cycle_id = c.id and a.status = 'accepted') then 0 else 1 end`,
      )
      .orderBy("c.year", "desc")
      .orderBy("c.opens_on", "desc");
  const row = await query.limit(1).executeTakeFirst();
  return row ? { id: row.id, year: row.year, title: row.title, policyId: row.policy_id } : undefined;
}

/**
 * The accepted applications of a cycle as requests, in application order (applied_at, id); `onProgress` is told
 * how many are read. Facts are read per enrolment once, however many applications it has, a chunk of enrolments at
 * a time.
 */
export async function applicantPopulation(
  executor: Executor,
  cycleId: string,
  onProgress?: (done: number, total: number) => void,
): Promise<ApplicantRequest[]> {
  const rows = await pointsDb(executor)
    .selectFrom("points_applications as a")
    .innerJoin("persons as p", "p.id", "a.person_id")
    .select(["a.id", "a.enrolment_id", "a.purpose", "a.town_code", "a.applied_on", "a.grade", "p.name"])
    .where("a.cycle_id", "=", cycleId)
    .where("a.status", "=", "accepted")
    .orderBy("a.applied_at")
    .orderBy("a.id")
    .execute();
  const factsOf = new Map<string, Record<string, unknown>>();
  const enrolmentIds = [...new Set(rows.map((row) => row.enrolment_id))];
  for (let start = 0; start < enrolmentIds.length; start += FACTS_CHUNK) {
    const chunk = enrolmentIds.slice(start, start + FACTS_CHUNK);
    for (const [id, facts] of await countingFactsOfEnrolments(executor, chunk)) factsOf.set(id, facts);
    onProgress?.(
      Math.min(rows.length, Math.round((rows.length * (start + chunk.length)) / enrolmentIds.length)),
      rows.length,
    );
  }
  return rows.map((row) => ({
    id: row.id,
    personName: row.name,
    purpose: row.purpose,
    town: row.town_code,
    application_date: row.applied_on,
    ...(row.purpose === "school" ? { grade: row.grade ?? "primary_1" } : {}),
    facts: factsOf.get(row.enrolment_id) ?? {},
  }));
}
