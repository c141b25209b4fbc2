import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../tests/helpers/database";
import { inTransaction, inTransactionWhenOk } from "../../../db/transaction";
import { loadTowns } from "../../../demo/reference";
import { loadActor } from "../../../platform/accounts/accounts.repository";
import type { Actor } from "../../../platform/roles";
import { allocate, resultHash, type AllocationInput, type Grade, type Purpose } from "../allocation";
import { runRanking } from "../commands/ranking";
import { pointsDb } from "../points.tables";
import { findCycle } from "../repository";
import type { RunContext } from "./run.input";
import { runResultOf, runResultPage } from "./run.rows";

// A ranking run stores its snapshot and result as rows with their hashes; the same snapshot allocated again
// through the object API gives the identical list and hash; a re-run reproduces both hashes; a failed write
// leaves nothing.

let database: TestDatabase;
let actor: Actor;
let cycleId = "";
const TOWNS = ["shiqi", "dongqu", "xiaolan"];
const COUNT = 600;

function uuid(prefix: number, index: number): string {
  return `${prefix.toString(16).padStart(8, "0")}-0000-4000-8000-${index.toString(16).padStart(12, "0")}`;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const accountId = await inTransaction(db, async (trx) => {
    await loadTowns(trx);
    const account = await trx
      .insertInto("accounts")
      .values({ username: "rows.admin", display_name: "Rows", password_hash: "-" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const cycle = await pointsDb(trx)
      .insertInto("points_cycles")
      .values({
        year: 2015,
        title: "2015",
        policy_id: "zhongshan-points-2014",
        opens_on: "2014-09-01",
        closes_on: "2015-04-30",
        quotas_due_on: "2015-03-31",
        housing_units: 12,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    cycleId = cycle.id;
    await pointsDb(trx)
      .insertInto("points_quotas")
      .values(
        TOWNS.flatMap((town) => [
          {
            cycle_id: cycle.id,
            purpose: "school",
            town_code: town,
            grade: "primary_1",
            places: 25,
            synthetic: true,
            source: "test",
          },
          {
            cycle_id: cycle.id,
            purpose: "school",
            town_code: town,
            grade: "junior_1",
            places: 15,
            synthetic: true,
            source: "test",
          },
          {
            cycle_id: cycle.id,
            purpose: "hukou",
            town_code: town,
            grade: "",
            places: 30,
            synthetic: true,
            source: "test",
          },
        ]),
      )
      .execute();
    await pointsDb(trx)
      .insertInto("points_schools")
      .values(
        TOWNS.flatMap((town, t) =>
          ["primary_1", "junior_1"].flatMap((grade, g) =>
            [0, 1].map((k) => ({
              id: uuid(0x30000000, t * 4 + g * 2 + k),
              cycle_id: cycle.id,
              town_code: town,
              name: `${town}-${grade}-${k}`,
              grade,
              seats: 12,
              x: t * 10000 + k * 2000,
              y: g * 100,
              synthetic: true,
            })),
          ),
        ),
      )
      .execute();
    for (let r = 0; r < COUNT; r++) {
      const town = TOWNS[r % 3];
      const purpose: Purpose = r % 5 < 2 ? "school" : r % 5 < 4 ? "hukou" : "housing";
      await trx
        .insertInto("persons")
        .values({
          id: uuid(0x10000000, r),
          name: `人${r}`,
          id_number: `ROWS${r}`,
          gender: "male",
          birth_date: "1985-01-01",
          town_code: town,
          hukou_type: "migrant",
        })
        .execute();
      await pointsDb(trx)
        .insertInto("points_enrolments")
        .values({
          id: uuid(0x20000000, r),
          person_id: uuid(0x10000000, r),
          town_code: town,
          residence_permit_number: `RP${r}`,
          work_started_on: "2010-01-01",
          enrolled_on: "2014-09-01",
          status: "enrolled",
        })
        .execute();
      // Few distinct totals so ties reach every level; a shared property every 40th application.
      const quality = 1000 * Math.floor(random() * 3);
      const insurance = 500 * Math.floor(random() * 3);
      const residence = 500 * Math.floor(random() * 2);
      await pointsDb(trx)
        .insertInto("points_applications")
        .values({
          id: uuid(0, (r * 7919) % COUNT),
          cycle_id: cycle.id,
          enrolment_id: uuid(0x20000000, r),
          person_id: uuid(0x10000000, r),
          town_code: town,
          purpose,
          grade: purpose === "school" ? (r % 2 ? "junior_1" : "primary_1") : null,
          home_x: purpose === "school" ? (r % 3) * 10000 + random() * 3000 : null,
          home_y: purpose === "school" ? random() * 500 : null,
          property_key: r % 40 === 0 ? "shared-flat" : null,
          household_key: r % 9 === 0 ? `h${Math.floor(r / 18)}` : null,
          applied_at: new Date(Date.UTC(2014, 9, 1) + 3_600_000 * Math.floor(random() * 5)).toISOString(),
          applied_on: "2014-10-01",
          status: r % 50 === 0 ? "disqualified" : "accepted",
          score_total: quality + insurance + residence,
          score_subscores: JSON.stringify({ personal_quality: quality, insurance, residence }),
          eligible: r % 13 !== 0,
          policy_id: "zhongshan-points-2014",
          placement_refused_on: r % 31 === 0 ? "2015-05-06" : null,
          conditions: "{}",
        })
        .execute();
    }
    return account.id;
  });
  actor = (await loadActor(db, accountId))!;
});

afterAll(async () => {
  await database?.close();
});

async function run(chunkRows?: number) {
  return inTransactionWhenOk(database.db, async (trx) =>
    runRanking(trx, { actor, requestId: null }, (await findCycle(trx, cycleId))!, { chunkRows }),
  );
}

/** The object-API input rebuilt from a run's stored snapshot rows and context alone. */
async function inputFromSnapshot(runId: string): Promise<AllocationInput> {
  const stored = await pointsDb(database.db)
    .selectFrom("points_runs")
    .select("context")
    .where("id", "=", runId)
    .executeTakeFirstOrThrow();
  const context = stored.context as RunContext;
  const rows = await pointsDb(database.db)
    .selectFrom("points_run_inputs")
    .selectAll()
    .where("run_id", "=", runId)
    .orderBy("row_number")
    .execute();
  return {
    towns: context.towns,
    applicants: rows.map((row) => ({
      applicationId: row.application_id,
      personId: row.person_id,
      purpose: row.purpose as Purpose,
      townCode: row.town_code,
      ...(row.grade ? { grade: row.grade as Grade } : {}),
      total: row.total,
      personalQuality: row.personal_quality,
      insurance: row.insurance,
      residence: row.residence,
      appliedAt: new Date(row.applied_at).toISOString(),
      ...(row.home_x !== null && row.home_y !== null ? { home: { x: row.home_x, y: row.home_y } } : {}),
      eligible: row.eligible,
      ...(row.property_key ? { propertyId: row.property_key } : {}),
      ...(row.household_key ? { householdId: row.household_key } : {}),
    })),
    quotas: {
      school: context.quotas.school.map((quota) => ({ ...quota, grade: quota.grade as Grade })),
      hukou: context.quotas.hukou,
      housingUnits: context.quotas.housingUnits,
    },
    schools: context.schools.map((school) => ({
      schoolId: school.schoolId,
      townCode: school.townCode,
      grade: school.grade as Grade,
      seats: school.seats,
      location: { x: school.x, y: school.y },
    })),
    refused: rows.filter((row) => row.refused).map((row) => row.application_id),
  };
}

describe("a ranking run as rows", () => {
  it("stores the policy, counts, snapshot rows in application order, result rows and both hashes", async () => {
    const first = await run(128);
    if (!first.ok) throw new Error(first.error.message);
    const stored = first.value;
    expect(stored).toMatchObject({ policy_id: "zhongshan-points-2014", application_count: COUNT, sequence: 1 });
    expect(stored.input_hash).toMatch(/^[0-9a-f]{64}$/);
    const inputs = await pointsDb(database.db)
      .selectFrom("points_run_inputs")
      .select(["row_number", "application_id", "town_code"])
      .where("run_id", "=", stored.id)
      .orderBy("row_number")
      .execute();
    expect(inputs.map((row) => row.row_number)).toEqual(Array.from({ length: COUNT }, (_, i) => i + 1));
    expect(inputs.map((row) => row.application_id)).toEqual(Array.from({ length: COUNT }, (_, i) => uuid(0, i)));
    const snapshot = await inputFromSnapshot(stored.id);
    expect(snapshot.refused!.length).toBeGreaterThan(0);
    const again = allocate(snapshot);
    if (!again.ok) throw new Error(again.error.message);
    // The same snapshot through the object API: the identical list and the identical hash.
    expect(await runResultPage(database.db, stored.id, { offset: 0, limit: COUNT })).toEqual(again.value.applications);
    expect(resultHash(again.value)).toBe(stored.result_hash);
    expect(stored.summary).toMatchObject({
      summaries: again.value.summaries,
      hukouSecondRound: again.value.hukouSecondRound,
    });
    expect(stored.eligible_count).toBe(snapshot.applicants.filter((applicant) => applicant.eligible).length);
    expect(stored.admitted_count).toBe(again.value.applications.filter((item) => item.outcome === "admitted").length);
    const outcomes = new Set(again.value.applications.map((item) => item.outcome));
    for (const outcome of ["admitted", "waiting", "not_admitted", "ineligible", "forfeited"])
      expect(outcomes).toContain(outcome);
    expect(
      again.value.applications.some((item) => item.tieBreak === "appliedAt" || item.tieBreak === "applicationId"),
    ).toBe(true);
    expect(await runResultOf(database.db, stored.id, uuid(0, 5))).toEqual(again.value.applications[5]);
  });

  it("re-runs to the same snapshot and result hashes; a changed score changes both", async () => {
    const [one, two] = [await run(), await run(50)];
    if (!one.ok || !two.ok) throw new Error("run refused");
    expect(two.value.sequence).toBe(one.value.sequence + 1);
    expect([two.value.input_hash, two.value.result_hash]).toEqual([one.value.input_hash, one.value.result_hash]);
    await pointsDb(database.db)
      .updateTable("points_applications")
      .set({ score_total: 99_999 })
      .where("id", "=", uuid(0, 3))
      .execute();
    const changed = await run();
    if (!changed.ok) throw new Error(changed.error.message);
    expect(changed.value.input_hash).not.toBe(one.value.input_hash);
    expect(changed.value.result_hash).not.toBe(one.value.result_hash);
  });

  it("leaves no run, no snapshot and no result rows when a result write fails", async () => {
    const runsBefore = await pointsDb(database.db)
      .selectFrom("points_runs")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    await sql`create function run_results_fail() returns trigger language plpgsql as $$ begin raise exception 'disk full (simulated)'; end; $$`.execute(
      database.db,
    );
    await sql`create trigger run_results_fail after insert on points_run_results for each statement execute function run_results_fail()`.execute(
      database.db,
    );
    await expect(run(100)).rejects.toThrow(/disk full/);
    await sql`drop trigger run_results_fail on points_run_results`.execute(database.db);
    const runsAfter = await pointsDb(database.db)
      .selectFrom("points_runs")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(runsAfter.n)).toBe(Number(runsBefore.n));
    const orphans = await sql<{
      n: number;
    }>`select count(*)::integer as n from points_run_inputs i where not exists (select 1 from points_runs r where r.id = i.run_id)`.execute(
      database.db,
    );
    expect(orphans.rows[0].n).toBe(0);
    const inputs = await sql<{ n: number }>`select count(*)::integer as n from points_run_inputs`.execute(database.db);
    expect(inputs.rows[0].n).toBe(Number(runsAfter.n) * COUNT);
  });
});
