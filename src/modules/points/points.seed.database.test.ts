import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../../db/transaction";
import { loadDepartments, loadTowns } from "../../demo/reference";
import { createTestDatabase, type TestDatabase } from "../../../tests/helpers/database";
import { pointsDb } from "./points.tables";
import { cycleYearOn, hukouPlaces2015, seedPoints, splitByWeight } from "./points.seed";
import { setClock, resetClock } from "../../core/clock";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  resetClock();
  await database?.close();
});

describe("splitByWeight", () => {
  it("splits exactly by largest remainders", () => {
    expect(splitByWeight(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(splitByWeight(4400, [730, 700, 1600]).reduce((a, b) => a + b, 0)).toBe(4400);
    expect(splitByWeight(5, [0, 0])).toEqual([0, 0]);
  });
});

describe("the demo cycle", () => {
  it("opens in September of the cycle year", () => {
    expect(cycleYearOn("2026-11-27")).toBe(2026);
    expect(cycleYearOn("2027-03-31")).toBe(2026);
    expect(cycleYearOn("2026-09-01")).toBe(2026);
  });

  it("loads the real 2015 school quotas and synthetic hukou places, units and schools, once, for this year and the last", async () => {
    setClock("2015-01-05");
    await inTransaction(database.db, async (trx) => {
      await loadTowns(trx);
      await loadDepartments(trx);
      await seedPoints(trx);
      await seedPoints(trx);
    });
    const db = pointsDb(database.db);
    const cycles = await db.selectFrom("points_cycles").selectAll().orderBy("year", "desc").execute();
    expect(cycles.map((cycle) => cycle.year)).toEqual([2014, 2013]);
    expect(cycles[0]).toMatchObject({
      year: 2014,
      opens_on: "2014-09-01",
      closes_on: "2015-04-30",
      quotas_due_on: "2015-03-31",
      housing_units: 500,
    });
    // Without accounts and migrants (no demo population here) the cycles hold no applications.
    expect(await db.selectFrom("points_applications").select("id").executeTakeFirst()).toBeUndefined();
    const quotas = await db.selectFrom("points_quotas").selectAll().where("cycle_id", "=", cycles[0].id).execute();
    const shiqi = quotas.filter((quota) => quota.town_code === "shiqi" && quota.purpose === "school");
    expect(shiqi.map((quota) => [quota.grade, quota.places, quota.synthetic]).sort()).toEqual([
      ["junior_1", 280, false],
      ["primary_1", 260, false],
    ]);
    const hukou = quotas.filter((quota) => quota.purpose === "hukou");
    expect(hukou).toHaveLength(24);
    expect(hukou.reduce((sum, quota) => sum + quota.places, 0)).toBe(hukouPlaces2015);
    expect(hukou.every((quota) => quota.synthetic)).toBe(true);
    const schools = await db.selectFrom("points_schools").selectAll().where("cycle_id", "=", cycles[0].id).execute();
    expect(schools).toHaveLength(24 * 2 * 3);
    expect(schools.every((school) => school.synthetic && school.name.endsWith("（演示）"))).toBe(true);
  });
});
