import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import ExcelJS from "exceljs";
import { inTransactionWhenOk } from "../../src/db/transaction";
import { buildApp } from "../../src/http/app";
import { runPayroll } from "../../src/modules/assistance/commands/payroll.run";
import { withClock } from "../../src/core/clock";
import { assistanceModule } from "../../src/modules/assistance/manifest";
import { assistanceDb } from "../../src/modules/assistance/tables";
import { registryModule } from "../../src/modules/registry/manifest";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { countAudit, seedTestWorld, signIn, type Session } from "../helpers/fixtures";
import { caseBody, daysAgo, makeHousehold, throughTown } from "./assistance.fixtures";
import { clock } from "../../src/core/clock";

// Golden payroll: six households of 1 to 6 members, worked by hand under the 2021 standard still in force
// (1120 yuan, supplement 448), a price trigger this month, and a January rise decided late with back-pay.
let database: TestDatabase;
let app: FastifyInstance;
let clerk: Session;
let clerkXiaolan: Session;
let admin: Session;
let policyOfficer: Session;
const month0 = clock.today().slice(0, 7);
const nextYear = Number(month0.slice(0, 4)) + 1;
const january = `${nextYear}-01`;
const february = `${nextYear}-02`;
const march = `${nextYear}-03`;
const caseIds: string[] = [];

const households: { town: "shiqi" | "xiaolan"; incomes: (string | number)[]; categories?: string[][] }[] = [
  { town: "shiqi", incomes: [0] }, // 1120
  { town: "shiqi", incomes: [800, 0] }, // 2240 − 800 = 1440
  { town: "shiqi", incomes: [1000, "1200.50", 0], categories: [[], [], ["minor", "student"]] }, // 1159.50 + 448
  {
    town: "shiqi",
    incomes: [2000, 1500, 0, 0],
    categories: [[], ["serious_illness"], ["severe_disability", "minor"], []],
  }, // 980 + 896
  { town: "xiaolan", incomes: ["1000.01", 0, 0, 0, 0] }, // 4599.99
  {
    town: "xiaolan",
    incomes: [3000, 2000, 1000, 0, 0, "0.99"],
    categories: [["double_elderly"], ["double_elderly"], [], [], [], []],
  }, // 719.01 + 896
];
const month0Regular = ["1120.00", "1440.00", "1607.50", "1876.00", "4599.99", "1615.01"];

/** Runs a payroll as if on the first day of its month (the platform clock; months after next are refused). */
async function runIn(month: string) {
  return withClock(`${month}-01`, async () => admin.request("POST", "/api/v1/assistance/payrolls", { month }));
}

async function lines(month: string, kind: "regular" | "adjustment") {
  const rows = await assistanceDb(database.db)
    .selectFrom("assistance_payroll_lines")
    .selectAll()
    .where("month", "=", month)
    .where("kind", "=", kind)
    .execute();
  return rows;
}

function totalOf(caseId: string, rows: { case_id: string; total_fen: number }[]): number {
  return rows.filter((row) => row.case_id === caseId).reduce((sum, row) => sum + Number(row.total_fen), 0);
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedTestWorld(database.db);
  app = await buildApp({ db: database.db, modules: [registryModule, assistanceModule] });
  clerk = await signIn(app, "clerk");
  clerkXiaolan = await signIn(app, "clerkxiaolan");
  admin = await signIn(app, "programmeadmin");
  policyOfficer = await signIn(app, "policyofficer");
  for (const [index, spec] of households.entries()) {
    const session = spec.town === "shiqi" ? clerk : clerkXiaolan;
    const members = spec.incomes.map((_, position) => ({
      name: `户${index + 1}成员${position + 1}`,
      relationship: position === 0 ? "head" : "child",
    }));
    const { householdId, personIds } = await makeHousehold(session, spec.town, members);
    const created = await session.request(
      "POST",
      "/api/v1/assistance/cases",
      caseBody(householdId, personIds, spec.incomes, { categories: spec.categories, submittedOn: daysAgo(30) }),
    );
    if (created.statusCode !== 201) throw new Error(created.body);
    const ready = await throughTown(session, created.json().id, {
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
    caseIds.push(ready.id);
  }
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe("assistance payroll", () => {
  it("refuses bad CPI input and records a month that does not trigger", async () => {
    const bad = await admin.request("PUT", `/api/v1/assistance/cpi/${month0}`, {
      cpiPercent: "3.555",
      foodPercent: null,
      releasedOn: daysAgo(0),
    });
    expect(bad.json().error.fields).toHaveProperty("cpiPercent");
    const text = await admin.request("PUT", `/api/v1/assistance/cpi/${month0}`, {
      cpiPercent: "abc",
      foodPercent: null,
      releasedOn: daysAgo(0),
    });
    expect(text.statusCode).toBe(400);
    expect(
      (
        await clerk.request("PUT", `/api/v1/assistance/cpi/${month0}`, {
          cpiPercent: "1",
          foodPercent: "1",
          releasedOn: daysAgo(0),
        })
      ).statusCode,
    ).toBe(403);
  });

  it("detects a price trigger and prepares the subsidy for every covered person, due in 20 working days", async () => {
    const response = await admin.request("PUT", `/api/v1/assistance/cpi/${month0}`, {
      cpiPercent: "3.6",
      foodPercent: "6.5",
      releasedOn: `${month0}-01`,
      synthetic: true,
    });
    expect(response.statusCode, response.body).toBe(200);
    // 21 persons × round(1120 × 6.5 %) = 21 × 73 (food is the higher rise of the two that trigger).
    expect(response.json()).toMatchObject({
      triggered: true,
      active: true,
      coveredHouseholds: 6,
      coveredPersons: 21,
      subsidyYuan: "1533.00",
    });
    expect(response.json().dueOn > `${month0}-01`).toBe(true);
    const listed = await clerk.request("GET", "/api/v1/assistance/cpi");
    expect(listed.json().items[0]).toMatchObject({
      month: month0,
      cpiPercent: "3.60",
      foodPercent: "6.50",
      recordedBy: "programmeadmin",
    });
  });

  it("leaves nothing behind when a run dies half-way, then runs once and only once", async () => {
    const killed = inTransactionWhenOk(database.db, (trx) =>
      runPayroll(trx, { actor: null, username: "test", requestId: null }, month0, {
        beforeTotals: async () => {
          throw new Error("killed");
        },
      }),
    );
    await expect(killed).rejects.toThrow("killed");
    expect(await lines(month0, "regular")).toHaveLength(0);
    expect(await assistanceDb(database.db).selectFrom("assistance_payrolls").selectAll().execute()).toHaveLength(0);

    const run = await admin.request("POST", "/api/v1/assistance/payrolls", { month: month0 });
    expect(run.statusCode, run.body).toBe(201);
    const payroll = run.json();
    expect(payroll).toMatchObject({ households: 6, persons: 21, status: "computed", totalYuan: "13791.50" });
    expect(payroll.categories).toEqual({
      dibaoYuan: "10018.50",
      supplementYuan: "2240.00",
      priceSubsidyYuan: "1533.00",
      adjustmentYuan: "0.00",
    });
    const byTown = Object.fromEntries(
      payroll.towns.map((town: { townCode: string; totalYuan: string }) => [town.townCode, town.totalYuan]),
    );
    // shiqi: 6043.50 + 10 persons × 73; xiaolan: 6215.00 + 11 × 73.
    expect(byTown).toEqual({ shiqi: "6773.50", xiaolan: "7018.00" });
    const regular = await lines(month0, "regular");
    const persons = [1, 2, 3, 4, 5, 6];
    for (const [index, caseId] of caseIds.entries()) {
      const expectedFen = Math.round(Number(month0Regular[index]) * 100) + persons[index] * 7300;
      expect(totalOf(caseId, regular), `household of ${index + 1}`).toBe(expectedFen);
    }
    const again = await admin.request("POST", "/api/v1/assistance/payrolls", { month: month0 });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: false, totalYuan: "13791.50", lines: payroll.lines });
    expect(await lines(month0, "regular")).toHaveLength(6);
    expect(await countAudit(database.db, "assistance.payroll.run")).toBe(1);
  });

  it("exports the bank file only after approval, totals equal to the sum of lines to the fen", async () => {
    const early = await admin.request("POST", `/api/v1/assistance/payrolls/${month0}/bank-file`, {});
    expect(early.json().error.code).toBe("not_approved");
    const current = (await admin.request("GET", `/api/v1/assistance/payrolls/${month0}`)).json();
    const approved = await admin.request("POST", `/api/v1/assistance/payrolls/${month0}/approval`, {
      version: current.version,
    });
    expect(approved.json().status).toBe("approved");
    const stale = await admin.request("POST", `/api/v1/assistance/payrolls/${month0}/approval`, {
      version: current.version,
    });
    expect(stale.statusCode).toBe(409);
    const csv = await admin.request("POST", `/api/v1/assistance/payrolls/${month0}/bank-file`, { format: "csv" });
    expect(csv.statusCode).toBe(200);
    const rows = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n")
      .map((row) => row.split(","));
    const payments = rows.slice(1, -1);
    expect(payments).toHaveLength(6);
    const sumFen = payments.reduce((sum, row) => sum + Number(row[2].replace(".", "")), 0);
    expect(rows.at(-1)![2]).toBe("13791.50");
    expect(sumFen).toBe(1379150);
    expect(payments.every((row) => /^\d+\.\d{2}$/.test(row[2]))).toBe(true);
    expect(rows[0][4]).toBe("镇区");
    expect(
      [...new Set(payments.map((row) => row[4]))].sort(),
      "the 镇区 column names the 镇区, never its code",
    ).toEqual(["小榄镇", "石岐区"].sort());
    expect(csv.headers["content-disposition"]).toBe(
      `attachment; filename="dibao-${month0}.csv"; filename*=UTF-8''${encodeURIComponent(
        `最低生活保障发放-${month0.slice(0, 4)}年${Number(month0.slice(5))}月.csv`,
      )}`,
    );
    const xlsx = await admin.request("POST", `/api/v1/assistance/payrolls/${month0}/bank-file`, { format: "xlsx" });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(8);
    expect(sheet.getRow(8).getCell(3).value).toBe("13791.50");
    expect((await clerk.request("POST", `/api/v1/assistance/payrolls/${month0}/bank-file`, {})).statusCode).toBe(403);
    const bare = await app.inject({ method: "GET", url: `/api/v1/assistance/payrolls/${month0}/bank-file` });
    expect(bare.statusCode, "a GET never exports (and records) the bank file").toBe(404);
  });

  it("pays a January rise decided in February from March with back-pay for January and February", async () => {
    for (const month of [january, february]) {
      const run = await runIn(month);
      expect(run.json()).toMatchObject({ totalYuan: "12258.50", categories: { priceSubsidyYuan: "0.00" } });
    }
    // Natural growth: round(0.35 × 41,000 / 12) = round(1195.83) = 1196 > 1120; supplement ⌊1196 × 0.4⌋ = 478.
    const proposed = await policyOfficer.request("POST", "/api/v1/assistance/standards", {
      effectiveFrom: `${january}-01`,
      perCapitaConsumptionYuan: "41000",
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const standards = (await policyOfficer.request("GET", "/api/v1/assistance/standards")).json().items;
    expect(standards[0]).toMatchObject({ standardYuan: "1196.00", supplementYuan: "478.00", status: "proposed" });
    // 76 × 21 persons + 30 × 5 qualifying members = 1746 yuan more per month; every household affected.
    expect(standards[0].simulation).toMatchObject({ households: 6, affected: 6, differenceFen: 174600 });
    expect(standards[0].simulation.byTown.map((town: { town: string }) => town.town)).toEqual(["shiqi", "xiaolan"]);
    expect(
      (
        await admin.request("POST", `/api/v1/assistance/standards/${proposed.json().id}/decision`, {
          version: 1,
          decision: "approved",
        })
      ).json().error.code,
    ).toBe("invalid_state");
    expect(
      (
        await policyOfficer.request("POST", `/api/v1/assistance/standards/${proposed.json().id}/submission`, {
          version: 1,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await policyOfficer.request("POST", `/api/v1/assistance/standards/${proposed.json().id}/decision`, {
          version: 2,
          decision: "approved",
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await admin.request("POST", `/api/v1/assistance/standards/${proposed.json().id}/decision`, {
          version: 2,
          decision: "approved",
        })
      ).statusCode,
    ).toBe(200);

    const run = await runIn(march);
    // Regular March at 1196: 1196 + 1592 + 1865.50 + 2240 + 4979.99 + 2131.01 = 14004.50; back-pay 2 × 1746.
    expect(run.json()).toMatchObject({ totalYuan: "17496.50", categories: { adjustmentYuan: "3492.00" } });
    const adjustments = await lines(march, "adjustment");
    expect(adjustments.map((row) => row.for_month).sort()).toEqual([
      ...Array(6).fill(january),
      ...Array(6).fill(february),
    ]);
    expect(totalOf(caseIds[2], adjustments)).toBe(2 * (3 * 7600 + 3000));
    // Running March again pays nothing twice; the January basis is now settled.
    expect((await runIn(march)).json().created).toBe(false);
    const earlier = await admin.request("POST", "/api/v1/assistance/payrolls", { month: february });
    expect(earlier.json().created).toBe(false);
  });
});
