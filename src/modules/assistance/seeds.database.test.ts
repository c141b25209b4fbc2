import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../../db/transaction";
import { loadDemo } from "../../demo/load";
import { verifyAuditChain } from "../../platform/audit/audit.verify";
import { createTestDatabase, type TestDatabase } from "../../../tests/helpers/database";
import { payrollMonths, seedAssistance } from "./seeds";
import { clock } from "../../core/clock";
import { assistanceDb } from "./tables";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemo(database.db, { persons: 800 });
  await inTransaction(database.db, (trx) => seedAssistance(trx, {}));
});

afterAll(async () => {
  await database?.close();
});

describe("assistance demo seeds", () => {
  it("leaves cases at several states in several 镇区, synthetic CPI months and an approved payroll", async () => {
    const db = assistanceDb(database.db);
    const cases = await db.selectFrom("assistance_cases").select(["town_code", "state"]).execute();
    expect(new Set(cases.map((row) => row.town_code)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(cases.map((row) => row.state))).toEqual(
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
    const cpi = await db.selectFrom("assistance_cpi").selectAll().execute();
    expect(cpi).toHaveLength(4);
    expect(cpi.every((row) => row.synthetic)).toBe(true);
    const payrolls = await db.selectFrom("assistance_payrolls").selectAll().orderBy("month").execute();
    expect(payrolls.map((payroll) => payroll.month)).toEqual(payrollMonths(clock.today()));
    expect(payrolls.every((payroll) => payroll.status === "approved" && Number(payroll.total_fen) > 0)).toBe(true);
    // Each month's lines add up to its total, and the oldest cases are paid in every month of the year.
    const lines = await db
      .selectFrom("assistance_payroll_lines")
      .select(["month", "kind", "case_id", "total_fen"])
      .execute();
    for (const payroll of payrolls)
      expect(
        lines.filter((line) => line.month === payroll.month).reduce((sum, line) => sum + Number(line.total_fen), 0),
      ).toBe(Number(payroll.total_fen));
    const months = new Map<string, number>();
    for (const line of lines.filter((each) => each.kind === "regular"))
      months.set(line.case_id, (months.get(line.case_id) ?? 0) + 1);
    expect(Math.max(...months.values())).toBe(12);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });
});
