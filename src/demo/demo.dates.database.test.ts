/**
 * The first start seeds the demo on the hardest days of the calendar: the day before the National Day holiday,
 * inside the 2027 Spring Festival (a provisional year), New Year's Eve, and the day the first start used to fail.
 * The dates are planned for every day of 2026–2035 by src/modules/assistance/seeds.plan.test.ts; this runs the
 * real seeds, commands and rules on a database for a handful of them.
 */
import { afterEach, describe, expect, it } from "vitest";
import { resetClock, setClock } from "../core/clock";
import { modules } from "../http/modules";
import { assistanceDb } from "../modules/assistance/tables";
import { payrollMonths } from "../modules/assistance/seeds";
import { pointsDb } from "../modules/points/points.tables";
import type { ModuleManifest } from "../platform/module";
import { verifyAuditChain } from "../platform/audit/audit.verify";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/database";
import { resetOfficialYears, setOfficialYear } from "../core/calendar";
import { provisionalHolidays } from "../core/calendar.provisional";
import { deadlineChanges, openDeadlines } from "../platform/deadlines/deadlines";
import { DemoLoadError, hasDemoData, isDatabaseEmpty, loadDemo } from "./load";

let database: TestDatabase | undefined;

afterEach(async () => {
  resetClock();
  await database?.close();
  database = undefined;
});

describe("the demo seeds on hard days", () => {
  for (const day of ["2026-09-30", "2027-02-08", "2026-12-31", "2026-12-04"]) {
    it(`loads completely on ${day}`, async () => {
      setClock(day);
      database = await createTestDatabase();
      await loadDemo(database.db, { modules, persons: 600 });
      await expectCompleteDemo(database, day);
      if (day === "2026-12-31") await expectDeadlinesListedWhenTheNoticeComes(database);
    });
  }
});

async function expectCompleteDemo(database: TestDatabase, day: string) {
  expect(await hasDemoData(database.db)).toBe(true);
  const states = await assistanceDb(database.db).selectFrom("assistance_cases").select("state").execute();
  expect(new Set(states.map((row) => row.state))).toEqual(
    new Set([
      "submitted",
      "investigated",
      "appraised",
      "town_reviewed",
      "publicised",
      "active",
      "refused",
      "appealed",
      "stopped",
      "withdrawn",
    ]),
  );
  // A year of payrolls: the twelve months before this one, each approved, paying more households as cases join.
  const payrolls = await assistanceDb(database.db)
    .selectFrom("assistance_payrolls")
    .select(["month", "status", "households"])
    .orderBy("month")
    .execute();
  expect(payrolls.map((payroll) => payroll.month)).toEqual(payrollMonths(day));
  expect(payrolls.at(-1)!.month < day.slice(0, 7)).toBe(true);
  expect(payrolls.every((payroll) => payroll.status === "approved" && payroll.households > 0)).toBe(true);
  expect(payrolls.at(-1)!.households).toBeGreaterThan(payrolls[0].households);
  await expectPointsYear(database, day);
  expect((await verifyAuditChain(database.db)).ok).toBe(true);
}

/**
 * The points year: enrolments in several 镇区 (none in 石岐区, left for the walk by hand), facts in every state,
 * the open cycle with applications and no run, the previous cycle ranked twice after an upheld objection and final.
 */
async function expectPointsYear(database: TestDatabase, day: string) {
  const db = pointsDb(database.db);
  const enrolments = await db.selectFrom("points_enrolments").select(["town_code", "enrolled_on"]).execute();
  expect(new Set(enrolments.map((row) => row.town_code)).size).toBeGreaterThanOrEqual(5);
  expect(enrolments.some((row) => row.town_code === "shiqi")).toBe(false);
  expect(enrolments.every((row) => row.enrolled_on <= day)).toBe(true);
  const facts = await db.selectFrom("points_facts").select("status").execute();
  expect(new Set(facts.map((row) => row.status))).toEqual(
    new Set(["declared", "confirmed", "with_department", "corrected", "rejected"]),
  );
  const cycles = await db.selectFrom("points_cycles").selectAll().orderBy("year", "desc").execute();
  expect(cycles).toHaveLength(2);
  const [current, previous] = cycles;
  expect(current.opens_on <= day).toBe(true);
  const applied = await db.selectFrom("points_applications").select(["cycle_id", "applied_on", "purpose"]).execute();
  const ofCurrent = applied.filter((row) => row.cycle_id === current.id);
  expect(ofCurrent.length).toBeGreaterThan(50);
  expect(new Set(ofCurrent.map((row) => row.purpose))).toEqual(new Set(["school", "hukou", "housing"]));
  expect(applied.every((row) => row.applied_on <= day)).toBe(true);
  const runs = await db.selectFrom("points_runs").select(["cycle_id", "status", "sequence"]).execute();
  expect(runs.filter((run) => run.cycle_id === current.id)).toEqual([]);
  expect(runs.map((run) => [run.sequence, run.status]).sort()).toEqual([
    [1, "published"],
    [2, "final"],
  ]);
  expect(runs.every((run) => run.cycle_id === previous.id)).toBe(true);
  const objections = await db.selectFrom("publicity_objections").select("status").execute();
  expect(new Set(objections.map((row) => row.status))).toEqual(new Set(["upheld", "rejected"]));
  const lists = await db
    .selectFrom("publicity_lists")
    .select(["status", "end_date"])
    .where("kind", "like", "points.%")
    .execute();
  expect(lists.some((list) => list.status === "final")).toBe(true);
  expect(lists.every((list) => list.status === "final" || list.status === "superseded")).toBe(true);
  expect(lists.every((list) => list.end_date < day)).toBe(true);
  const showcase = await database.db
    .selectFrom("accounts")
    .select("person_id")
    .where("username", "=", "resident.xiaolan")
    .executeTakeFirstOrThrow();
  const own = await db
    .selectFrom("points_applications")
    .select("cycle_id")
    .where("person_id", "=", showcase.person_id!)
    .execute();
  expect(new Set(own.map((row) => row.cycle_id))).toEqual(new Set([current.id, previous.id]));
}

/**
 * On New Year's Eve the demo's running publicity ends in January 2027, counted on the provisional year. A notice
 * that adds a holiday in that January lists the case's deadlines as changed; nothing stored moves.
 */
async function expectDeadlinesListedWhenTheNoticeComes(database: TestDatabase) {
  const open = await openDeadlines(modules, database.db);
  // (the demo year has several cases in publicity: take one ending on or after the day the notice will add)
  const publicity = open.find(
    (deadline) => deadline.kind === "assistance.publicity_end" && deadline.dueOn >= "2027-01-04",
  );
  expect(publicity?.dueOn.startsWith("2027-01")).toBe(true);
  expect(deadlineChanges(open)).toEqual([]);
  try {
    setOfficialYear({
      year: 2027,
      source: "国务院办公厅关于2027年部分节假日安排的通知（测试）",
      holidays: { ...provisionalHolidays(2027), "2027-01-04": "元旦" },
      workdays: {},
    });
    const changes = deadlineChanges(open);
    expect(changes.map((change) => change.kind)).toEqual(
      expect.arrayContaining(["assistance.publicity_end", "assistance.decision", "publicity.list_end"]),
    );
    const moved = changes.find(
      (change) => change.kind === "assistance.publicity_end" && change.entityId === publicity!.entityId,
    )!;
    expect(moved).toMatchObject({ entityId: publicity!.entityId, dueOn: publicity!.dueOn });
    expect(moved.recomputedOn > moved.dueOn).toBe(true);
    const stored = await assistanceDb(database.db)
      .selectFrom("assistance_cases")
      .select("publicity_end_on")
      .where("id", "=", publicity!.entityId)
      .executeTakeFirstOrThrow();
    expect(stored.publicity_end_on).toBe(publicity!.dueOn);
  } finally {
    resetOfficialYears();
  }
}

describe("a demo load that fails", () => {
  it("leaves an empty database and names the step and what to do", async () => {
    database = await createTestDatabase();
    const broken: ModuleManifest = {
      name: "broken",
      routes: [],
      permissions: {},
      seeds: async () => {
        throw new Error("decidedOn 不能早于 2026-10-12");
      },
    };
    const failure = await loadDemo(database.db, { modules: [...modules, broken], persons: 200 }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(DemoLoadError);
    expect((failure as Error).message).toContain("step: broken seeds");
    expect((failure as Error).message).toContain("decidedOn 不能早于 2026-10-12");
    expect((failure as Error).message).toContain("--no-demo");
    expect(await isDatabaseEmpty(database.db)).toBe(true);
    expect(
      await assistanceDb(database.db).selectFrom("assistance_cases").select("id").executeTakeFirst(),
    ).toBeUndefined();
    expect(await database.db.selectFrom("audit_entries").select("position").executeTakeFirst()).toBeUndefined();
    // The next start seeds again from empty.
    await loadDemo(database.db, { modules, persons: 200 });
    expect(await hasDemoData(database.db)).toBe(true);
  });
});
