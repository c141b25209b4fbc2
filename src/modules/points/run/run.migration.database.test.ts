import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../tests/helpers/database";
import { listMigrations, migrate } from "../../../db/migrate";
import { inTransaction } from "../../../db/transaction";
import { loadTowns } from "../../../demo/reference";
import { allocate, resultHash, type AllocationInput } from "../allocation";
import { pointsDb } from "../points.tables";
import { runResultPage } from "./run.rows";

// Migration 0012 moves the runs stored as JSON blobs (before it) into the snapshot and result rows.

let database: TestDatabase;
const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

beforeAll(async () => {
  database = await createTestDatabase({ migrated: false });
  await migrate(
    database.db,
    listMigrations().filter((migration) => migration.name < "0012"),
  );
});

afterAll(async () => {
  await database?.close();
});

describe("migration 0012", () => {
  it("moves an old JSON run into input and result rows with its summaries, context and counts", async () => {
    const input: AllocationInput = {
      towns: ["shiqi", "xiaolan"],
      applicants: [
        {
          applicationId: id(1),
          personId: id(11),
          purpose: "school",
          townCode: "shiqi",
          grade: "primary_1",
          total: 8000,
          personalQuality: 3000,
          insurance: 2000,
          residence: 1000,
          appliedAt: "2015-03-02T09:30:00.000Z",
          home: { x: 10, y: 20 },
          eligible: true,
          propertyId: "flat-1",
          householdId: "h1",
        },
        {
          applicationId: id(2),
          personId: id(12),
          purpose: "hukou",
          townCode: "xiaolan",
          total: 7000,
          personalQuality: 3000,
          insurance: 2000,
          residence: 1000,
          appliedAt: "2015-03-03T09:30:00.000Z",
          eligible: true,
        },
        {
          applicationId: id(3),
          personId: id(13),
          purpose: "housing",
          townCode: "xiaolan",
          total: 6000,
          personalQuality: 1000,
          insurance: 2000,
          residence: 1000,
          appliedAt: "2015-03-04T09:30:00.000Z",
          eligible: false,
        },
      ],
      quotas: {
        school: [{ townCode: "shiqi", grade: "primary_1", places: 1 }],
        hukou: [{ townCode: "xiaolan", places: 1 }],
        housingUnits: 1,
      },
      schools: [{ schoolId: id(100), townCode: "shiqi", grade: "primary_1", seats: 1, location: { x: 0, y: 0 } }],
      refused: [id(2)],
    };
    const result = allocate(input);
    if (!result.ok) throw new Error(result.error.message);
    const runId = await inTransaction(database.db, async (trx) => {
      await loadTowns(trx);
      const cycle = await pointsDb(trx)
        .insertInto("points_cycles")
        .values({
          year: 2014,
          title: "2014",
          policy_id: "zhongshan-points-2014",
          opens_on: "2014-09-01",
          closes_on: "2015-04-30",
          quotas_due_on: "2015-03-31",
          housing_units: 1,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const snapshot = JSON.stringify({ policyId: "zhongshan-points-2014", input });
      const row = await sql<{
        id: string;
      }>`insert into points_runs (cycle_id, sequence, status, policy_id, input_snapshot, input_hash, result, result_hash)
        values (${cycle.id}, 1, 'published', 'zhongshan-points-2014', ${snapshot}::jsonb, 'old-hash', ${JSON.stringify(result.value)}::jsonb, ${resultHash(result.value)})
        returning id`.execute(trx);
      return row.rows[0].id;
    });
    await migrate(database.db);
    const run = await pointsDb(database.db)
      .selectFrom("points_runs")
      .selectAll()
      .where("id", "=", runId)
      .executeTakeFirstOrThrow();
    expect(run).toMatchObject({
      input_hash: "old-hash",
      result_hash: resultHash(result.value),
      application_count: 3,
      eligible_count: 2,
      admitted_count: 1,
    });
    expect(run.summary).toEqual({ summaries: result.value.summaries, hukouSecondRound: result.value.hukouSecondRound });
    expect(run.context).toMatchObject({ towns: input.towns, schools: input.schools });
    expect(await runResultPage(database.db, runId, { offset: 0, limit: 10 })).toEqual(result.value.applications);
    const inputs = await pointsDb(database.db)
      .selectFrom("points_run_inputs")
      .selectAll()
      .where("run_id", "=", runId)
      .orderBy("row_number")
      .execute();
    expect(
      inputs.map((row) => [
        row.row_number,
        row.application_id,
        row.refused,
        row.property_key,
        row.household_key,
        row.home_x,
        new Date(row.applied_at).toISOString(),
      ]),
    ).toEqual([
      [1, id(1), false, "flat-1", "h1", 10, "2015-03-02T09:30:00.000Z"],
      [2, id(2), true, null, null, null, "2015-03-03T09:30:00.000Z"],
      [3, id(3), false, null, null, null, "2015-03-04T09:30:00.000Z"],
    ]);
  });
});
