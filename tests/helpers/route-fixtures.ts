/**
 * Fixtures shared by the tests generated from the route table (authorization matrix, object-level access):
 * a few real records per target kind, from different 镇区, departments and households where the record has one;
 * a missing record per kind; values for the other path parameters; and the URL of a route for given params.
 */
import { randomUUID } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { Database } from "../../src/db/schema";
import type { AnyRoute } from "../../src/platform/http/route";

/** Path and query values naming one record. */
export interface RecordInput {
  params?: Record<string, string>;
  query?: Record<string, string>;
}

/** Demo accounts a permission's further rule refuses although their role is listed (the education verifier is no price officer). */
export const refusedByRule: Record<string, readonly string[]> = {
  "assistance.cpi.read": ["verifier.education", "verifier.publicsecurity"],
  "assistance.cpi.record": ["verifier.education", "verifier.publicsecurity"],
  "points.deductions": ["verifier.education"],
};

/** Up to a handful of records per target kind, from different 镇区 where the record has one. */
// The demo holds records in many 镇区: the candidates come from the clerks' two and one more, so every scoped
// target has records in and out of each clerk's scope.
const scopeTowns = sql.join(["shiqi", "xiaolan", "dongqu"]);

export const candidates: Record<
  string,
  (db: Kysely<Database>) => Promise<{ params?: Record<string, string>; query?: Record<string, string> }[]>
> = {
  person: (db) =>
    ids(
      db,
      sql`select distinct on (town_code) id from persons where town_code in ('shiqi', 'xiaolan', 'guzhen') order by town_code, id`,
    ),
  household: (db) =>
    ids(
      db,
      sql`select distinct on (town_code) id from households where town_code in ('shiqi', 'xiaolan', 'guzhen') order by town_code, id`,
    ),
  organisation: (db) =>
    ids(db, sql`select distinct on (town_code) id from organisations order by town_code, id limit 3`),
  file: (db) => ids(db, sql`select id from stored_files order by id limit 3`),
  publicityList: (db) => ids(db, sql`select id from publicity_lists order by id limit 2`),
  objection: (db) => ids(db, sql`select id from publicity_objections order by id limit 3`),
  enrolment: (db) =>
    ids(
      db,
      sql`(select distinct on (town_code) id from points_enrolments where town_code in (${scopeTowns}) order by town_code, id limit 4) union (select e.id from points_enrolments e join accounts a on a.person_id = e.person_id where a.username = 'resident')`,
    ),
  enrolmentOfPerson: async (db) =>
    (
      await sql<{
        person_id: string;
      }>`select distinct on (town_code) person_id from points_enrolments where town_code in (${scopeTowns}) order by town_code, id limit 4`.execute(
        db,
      )
    ).rows.map((row) => ({ query: { personId: row.person_id } })),
  fact: (db) =>
    ids(
      db,
      sql`select distinct on (town_code, department_code) id from points_facts where town_code in (${scopeTowns}) order by town_code, department_code, id limit 6`,
    ),
  application: (db) =>
    ids(
      db,
      sql`select distinct on (town_code) id from points_applications where town_code in (${scopeTowns}) order by town_code, id limit 4`,
    ),
  cycle: (db) => ids(db, sql`select id from points_cycles order by id limit 1`),
  run: (db) => ids(db, sql`select id from points_runs order by id limit 1`),
  case: (db) =>
    ids(
      db,
      sql`select distinct on (town_code) id from assistance_cases where town_code in (${scopeTowns}) order by town_code, id limit 4`,
    ),
  referral: (db) =>
    ids(
      db,
      sql`select distinct on (town_code) id from assistance_referrals where town_code in (${scopeTowns}) order by town_code, id limit 3`,
    ),
  job: (db) => ids(db, sql`select id from jobs order by id limit 5`),
  tipoff: (db) =>
    ids(db, sql`select distinct on (department_code) id from tipoffs order by department_code, id limit 4`),
  tipoffCategory: async (db) =>
    (await sql<{ code: string }>`select code from tipoff_categories order by code limit 2`.execute(db)).rows.map(
      (row) => ({ params: { code: row.code } }),
    ),
  tipoffPhoto: async (db) =>
    (
      await sql<{ tipoff_id: string; id: string }>`select tipoff_id, id from tipoff_photos order by id limit 2`.execute(
        db,
      )
    ).rows.map((row) => ({ params: { id: row.tipoff_id, photoId: row.id } })),
  open311Key: (db) => ids(db, sql`select id from open311_keys order by id limit 1`),
  activity: (db) =>
    ids(
      db,
      sql`(select id from volunteer_activities where organisation_id in (select organisation_id from volunteer_organisers) order by starts_at desc limit 1) union (select id from volunteer_activities where organisation_id not in (select organisation_id from volunteer_organisers) limit 1)`,
    ),
  signup: (db) =>
    ids(
      db,
      sql`(select s.id from volunteer_signups s join accounts u on u.person_id = s.person_id where u.username = 'resident' and s.status <> 'cancelled' limit 1) union (select s.id from volunteer_signups s join volunteer_activities a on a.id = s.activity_id where a.organisation_id in (select organisation_id from volunteer_organisers) limit 1) union (select s.id from volunteer_signups s join volunteer_activities a on a.id = s.activity_id where a.organisation_id not in (select organisation_id from volunteer_organisers) limit 1)`,
    ),
  ledgerEntry: (db) =>
    ids(
      db,
      sql`(select id from volunteer_ledger where activity_id is not null and reverses_entry_id is null limit 1) union (select id from volunteer_ledger where import_id is not null limit 1)`,
    ),
  jointCase: (db) => ids(db, sql`select id from coordination_cases order by number limit 3`),
  jointTask: (db) =>
    ids(db, sql`select distinct on (department_code) id from coordination_tasks order by department_code, id limit 6`),
  jointMeeting: (db) => ids(db, sql`select id from coordination_meetings order by number limit 2`),
  // The active version: approving or activating it is refused (409), so the matrix never writes a policy file.
  policyVersion: () => Promise.resolve([{ params: { id: "zhongshan-points-2014" } }]),
  policySimulation: (db) =>
    ids(db, sql`select id from jobs where kind = 'policies.simulate' and status = 'succeeded' limit 1`),
  campaign: async (db) =>
    (await sql<{ code: string }>`select code from participation_campaigns order by code limit 2`.execute(db)).rows.map(
      (row) => ({ params: { code: row.code } }),
    ),
  suggestion: (db) =>
    ids(db, sql`select distinct on (department_code) id from suggestions order by department_code, id limit 4`),
  consultation: (db) => ids(db, sql`select id from consultations order by kind, id limit 4`),
  servicesVendor: (db) => ids(db, sql`select id from services_vendors order by name limit 3`),
  servicesNeed: (db) => ids(db, sql`select id from services_needs order by bids_close_on limit 3`),
  servicesContract: (db) => ids(db, sql`select id from services_contracts order by signed_on limit 2`),
  servicesRecommendation: (db) =>
    ids(db, sql`select distinct on (town_code) id from services_recommendations order by town_code, id limit 3`),
  servicesSurvey: (db) => ids(db, sql`select id from services_surveys order by id limit 1`),
  fundCall: (db) => ids(db, sql`select id from fund_calls order by id limit 2`),
  fundApplication: (db) => ids(db, sql`select id from fund_applications order by id limit 2`),
  account: (db) => ids(db, sql`select id from accounts order by username limit 2`),
  standard: (db) => ids(db, sql`select id from assistance_standards order by id limit 2`),
  payroll: async (db) =>
    (await sql<{ month: string }>`select month from assistance_payrolls order by month limit 1`.execute(db)).rows.map(
      (row) => ({ params: { month: row.month } }),
    ),
};

async function ids(db: Kysely<Database>, query: ReturnType<typeof sql<unknown>>) {
  return ((await query.execute(db)).rows as { id: string }[]).map((row) => ({ params: { id: row.id } }));
}

/** A record that does not exist, for every target kind. */
export function missing(resource: string): { params?: Record<string, string>; query?: Record<string, string> } {
  if (resource === "payroll") return { params: { month: "1999-01" } };
  if (resource === "campaign") return { params: { code: "no_such_campaign" } };
  if (resource === "enrolmentOfPerson") return { query: { personId: randomUUID() } };
  if (resource === "tipoffCategory") return { params: { code: "no_such_category" } };
  return { params: { id: randomUUID() } };
}

/** Values for path parameters that are not the target's. */
export const defaultParams: Record<string, () => string> = {
  id: () => randomUUID(),
  personId: () => randomUUID(),
  code: () => "shiqi",
  month: () => "1999-01",
  format: () => "xlsx",
  fact: () => "education",
  photoId: () => randomUUID(),
  commentId: () => randomUUID(),
  accountId: () => randomUUID(),
  townCode: () => "shiqi",
};

export function url(
  route: AnyRoute,
  input: { params?: Record<string, string>; query?: Record<string, string> } = {},
): string {
  const path = route.url.replace(/:(\w+)/g, (_, name: string) =>
    encodeURIComponent(input.params?.[name] ?? defaultParams[name]()),
  );
  const query = new URLSearchParams(
    input.query ?? (route.url === "/points/enrolments" && route.method === "GET" ? { personId: randomUUID() } : {}),
  ).toString();
  return `/api/v1${path}${query ? `?${query}` : ""}`;
}
