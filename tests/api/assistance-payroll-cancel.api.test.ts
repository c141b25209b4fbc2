import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { addMonths, todayInShanghai } from "../../src/core/dates";
import { buildApp } from "../../src/http/app";
import { resetClock, setClock } from "../../src/core/clock";
import { assistanceModule } from "../../src/modules/assistance/manifest";
import { assistanceDb } from "../../src/modules/assistance/tables";
import { registryModule } from "../../src/modules/registry/manifest";
import { verifyAuditChain } from "../../src/platform/audit/audit.verify";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { countAudit, seedTestWorld, signIn, type Session } from "../helpers/fixtures";
import { caseBody, daysAgo, makeHousehold, throughTown } from "./assistance.fixtures";

// A payroll month far ahead used to be accepted and then blocked every real month (`later_payroll_exists`)
// with no way back but a database edit. Months after next month are refused; a payroll never approved can be
// cancelled by a programme admin, with an audit entry, and then no longer blocks anything.
let database: TestDatabase;
let app: FastifyInstance;
let admin: Session;
let clerk: Session;
let auditor: Session;
const today = todayInShanghai();
const month = (offset: number) => addMonths(`${today.slice(0, 7)}-01`, offset).slice(0, 7);

beforeAll(async () => {
  database = await createTestDatabase();
  await seedTestWorld(database.db);
  app = await buildApp({ db: database.db, modules: [registryModule, assistanceModule] });
  admin = await signIn(app, "programmeadmin");
  clerk = await signIn(app, "clerk");
  auditor = await signIn(app, "auditor");
  const { householdId, personIds } = await makeHousehold(clerk, "shiqi", [{ name: "撤一" }]);
  const created = await clerk.request(
    "POST",
    "/api/v1/assistance/cases",
    caseBody(householdId, personIds, [0], { submittedOn: daysAgo(30) }),
  );
  const ready = await throughTown(clerk, created.json().id, {
    investigated: 29,
    appraised: 28,
    opinion: 27,
    publicity: 25,
  });
  const approved = await admin.request("POST", `/api/v1/assistance/cases/${ready.id}/decision`, {
    version: ready.version,
    decision: "approved",
    decidedOn: daysAgo(0),
  });
  if (approved.statusCode !== 200) throw new Error(approved.body);
});

afterEach(() => {
  resetClock();
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const payrolls = () => assistanceDb(database.db).selectFrom("assistance_payrolls").select("month").execute();

describe("payroll months and cancellation", () => {
  it("refuses a month after next month, naming the field, and writes nothing", async () => {
    for (const far of ["9999-12", month(2)]) {
      const response = await admin.request("POST", "/api/v1/assistance/payrolls", { month: far });
      expect(response.statusCode, far).toBe(400);
      expect(response.json().error).toMatchObject({
        code: "month_out_of_range",
        fields: { month: expect.stringContaining(month(1)) },
      });
    }
    expect(await payrolls()).toEqual([]);
    // The window follows the platform clock, not the machine's.
    setClock(`${month(-3)}-15`);
    expect(
      (await admin.request("POST", "/api/v1/assistance/payrolls", { month: month(0) })).json().error,
    ).toMatchObject({ code: "month_out_of_range", fields: { month: expect.stringContaining(month(-2)) } });
  });

  it("lets a programme admin cancel a wrong payroll that blocks the real month, with one audit entry", async () => {
    const wrong = await admin.request("POST", "/api/v1/assistance/payrolls", { month: month(1) });
    expect(wrong.statusCode, wrong.body).toBe(201);
    expect(wrong.json()).toMatchObject({ households: 1, totalYuan: "1120.00" });
    const blocked = await admin.request("POST", "/api/v1/assistance/payrolls", { month: month(0) });
    expect(blocked.json().error.code).toBe("later_payroll_exists");

    const url = `/api/v1/assistance/payrolls/${month(1)}/cancellation`;
    const version = wrong.json().version as number;
    expect((await clerk.request("POST", url, { version, reason: "月份选错" })).statusCode).toBe(403);
    expect((await auditor.request("POST", url, { version, reason: "月份选错" })).statusCode).toBe(403);
    const noReason = await admin.request("POST", url, { version });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields).toHaveProperty("reason");
    expect((await admin.request("POST", url, { version: version + 1, reason: "月份选错" })).statusCode).toBe(409);
    expect(
      (
        await admin.request("POST", "/api/v1/assistance/payrolls/2020-01/cancellation", {
          version: 1,
          reason: "不存在",
        })
      ).statusCode,
    ).toBe(404);

    const before = await countAudit(database.db, "assistance.payroll.cancel");
    const cancelled = await admin.request("POST", url, { version, reason: "月份选错" });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toEqual({ month: month(1), status: "cancelled" });
    expect(await countAudit(database.db, "assistance.payroll.cancel")).toBe(before + 1);
    const entry = await database.db
      .selectFrom("audit_entries")
      .selectAll()
      .where("action", "=", "assistance.payroll.cancel")
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ entity_id: month(1), actor_username: "programmeadmin" });
    expect(entry.before).toMatchObject({ status: "computed", households: 1, totalFen: 112000 });
    expect(entry.after).toEqual({ status: "cancelled", reason: "月份选错" });
    expect(
      await assistanceDb(database.db)
        .selectFrom("assistance_payroll_lines")
        .selectAll()
        .where("month", "=", month(1))
        .execute(),
    ).toEqual([]);
    expect(
      await assistanceDb(database.db)
        .selectFrom("assistance_payroll_totals")
        .selectAll()
        .where("month", "=", month(1))
        .execute(),
    ).toEqual([]);
    expect((await admin.request("GET", `/api/v1/assistance/payrolls/${month(1)}`)).statusCode).toBe(404);
    expect((await admin.request("POST", url, { version, reason: "再次撤销" })).statusCode).toBe(404);

    const real = await admin.request("POST", "/api/v1/assistance/payrolls", { month: month(0) });
    expect(real.statusCode, real.body).toBe(201);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it("refuses to cancel an approved payroll or one with a later payroll", async () => {
    const current = (await admin.request("GET", `/api/v1/assistance/payrolls/${month(0)}`)).json();
    const next = await admin.request("POST", "/api/v1/assistance/payrolls", { month: month(1) });
    expect(next.statusCode).toBe(201);
    const earlier = await admin.request("POST", `/api/v1/assistance/payrolls/${month(0)}/cancellation`, {
      version: current.version,
      reason: "测试较早月份",
    });
    expect(earlier.json().error).toMatchObject({ code: "later_payroll_exists", fields: { month: expect.any(String) } });
    const approved = await admin.request("POST", `/api/v1/assistance/payrolls/${month(1)}/approval`, {
      version: next.json().version,
    });
    expect(approved.statusCode).toBe(200);
    const refused = await admin.request("POST", `/api/v1/assistance/payrolls/${month(1)}/cancellation`, {
      version: approved.json().version,
      reason: "已审核",
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: "invalid_state", fields: { status: expect.any(String) } });
    expect((await payrolls()).map((row) => row.month).sort()).toEqual([month(0), month(1)]);
  });
});
