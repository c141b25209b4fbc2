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
    new Set(["submitted", "investigated", "appraised", "town_reviewed", "publicised", "active", "refused"]),
  );
  const payroll = await assistanceDb(database.db)
    .selectFrom("assistance_payrolls")
    .select(["month", "status"])
    .executeTakeFirstOrThrow();
  expect(payroll.status).toBe("approved");
  expect(payroll.month < day.slice(0, 7)).toBe(true);
  expect((await verifyAuditChain(database.db)).ok).toBe(true);
}

/**
 * On New Year's Eve the demo's running publicity ends in January 2027, counted on the provisional year. A notice
 * that adds a holiday in that January lists the case's deadlines as changed; nothing stored moves.
 */
async function expectDeadlinesListedWhenTheNoticeComes(database: TestDatabase) {
  const open = await openDeadlines(modules, database.db);
  const publicity = open.find((deadline) => deadline.kind === "assistance.publicity_end");
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
    const moved = changes.find((change) => change.kind === "assistance.publicity_end")!;
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
