import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../../db/transaction";
import { loadDemo } from "../../demo/load";
import { verifyAuditChain } from "../../platform/audit/audit.verify";
import { createTestDatabase, type TestDatabase } from "../../../tests/helpers/database";
import { seedAssistance } from "./seeds";
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
      new Set(["submitted", "investigated", "appraised", "town_reviewed", "publicised", "active", "refused"]),
    );
    const cpi = await db.selectFrom("assistance_cpi").selectAll().execute();
    expect(cpi).toHaveLength(4);
    expect(cpi.every((row) => row.synthetic)).toBe(true);
    const payrolls = await db.selectFrom("assistance_payrolls").selectAll().execute();
    expect(payrolls).toHaveLength(1);
    expect(payrolls[0].status).toBe("approved");
    expect(Number(payrolls[0].total_fen)).toBeGreaterThan(0);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });
});
