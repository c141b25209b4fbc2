import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { inTransactionWhenOk } from "../../src/db/transaction";
import { buildApp } from "../../src/http/app";
import { runPayroll } from "../../src/modules/assistance/commands/payroll.run";
import { assistanceModule } from "../../src/modules/assistance/manifest";
import { findPayroll } from "../../src/modules/assistance/payroll.repository";
import { policyParameters } from "../../src/modules/assistance/parameters";
import { registryModule } from "../../src/modules/registry/manifest";
import type { ParameterTree } from "../../src/rules/parameters";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { seedTestWorld, signIn, type Session } from "../helpers/fixtures";
import { caseBody, makeHousehold, throughTown } from "./assistance.fixtures";

// The 2018 standard of 976 was decided after 1 January: January and February were paid at 896, March at 976
// with back-pay to January. The payroll is run on the policy as known in January 2018 (without its 2018
// values); the 2018 standard then arrives as an approved standard with its effective date.
let database: TestDatabase;
let app: FastifyInstance;
let admin: Session;
let policyOfficer: Session;
let known2018: ParameterTree;
const context = { actor: null, username: "test", requestId: null };

function withoutFrom(tree: ParameterTree, paths: string[], from: string): ParameterTree {
  const copy = new Map(tree);
  for (const path of paths)
    copy.set(path, { ...tree.get(path)!, values: tree.get(path)!.values.filter((entry) => entry.from !== from) });
  return copy;
}

async function run(month: string) {
  const result = await inTransactionWhenOk(database.db, (trx) => runPayroll(trx, context, month, { base: known2018 }));
  if (!result.ok) return result;
  return { ok: true as const, value: (await findPayroll(database.db, month))!.payroll };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedTestWorld(database.db);
  app = await buildApp({ db: database.db, modules: [registryModule, assistanceModule] });
  const clerk = await signIn(app, "clerk");
  admin = await signIn(app, "programmeadmin");
  policyOfficer = await signIn(app, "policyofficer");
  known2018 = withoutFrom(policyParameters(), ["dibao.standard", "classified_supplement.amount"], "2018-01-01");
  const { householdId, personIds } = await makeHousehold(clerk, "shiqi", [
    { name: "梁一" },
    { name: "梁二", relationship: "spouse" },
    { name: "梁三" },
  ]);
  const created = await clerk.request(
    "POST",
    "/api/v1/assistance/cases",
    caseBody(householdId, personIds, [500, 0, 0], { categories: [[], [], ["minor"]], submittedOn: "2017-12-01" }),
  );
  if (created.statusCode !== 201) throw new Error(created.body);
  const ready = await throughTown(clerk, created.json().id, {
    investigated: "2017-12-04",
    appraised: "2017-12-06",
    opinion: "2017-12-08",
    publicity: "2017-12-11",
  });
  const approved = await admin.request("POST", `/api/v1/assistance/cases/${ready.id}/decision`, {
    version: ready.version,
    decision: "approved",
    decidedOn: "2018-01-10",
  });
  if (approved.statusCode !== 200) throw new Error(approved.body);
  expect(approved.json()).toMatchObject({ startMonth: "2018-01" });
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe("back-pay after the late 2018 decision", () => {
  it("refuses a month before the policy has a standard", async () => {
    const early = await admin.request("POST", "/api/v1/assistance/payrolls", { month: "2016-12" });
    expect(early.statusCode).toBe(400);
    expect(early.json().error).toMatchObject({ code: "no_standard", fields: { month: expect.any(String) } });
  });

  it("pays January and February at 896, then March at 976 with the difference for both months", async () => {
    for (const month of ["2018-01", "2018-02"]) {
      const paid = await run(month);
      // 896 × 3 − 500 = 2188, plus one supplement of 358 (⌊896 × 0.4⌋).
      expect(paid.ok && paid.value.total_fen).toBe(254600);
    }
    const proposed = await policyOfficer.request("POST", "/api/v1/assistance/standards", {
      effectiveFrom: "2018-01-01",
      perCapitaConsumptionYuan: 33462,
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const id = proposed.json().id as string;
    expect(
      (await policyOfficer.request("POST", `/api/v1/assistance/standards/${id}/submission`, { version: 1 })).statusCode,
    ).toBe(200);
    const decided = await admin.request("POST", `/api/v1/assistance/standards/${id}/decision`, {
      version: 2,
      decision: "approved",
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const standards = (await admin.request("GET", "/api/v1/assistance/standards")).json().items;
    // round(0.35 × 33,462 / 12) = round(975.98) = 976; supplement ⌊976 × 0.4⌋ = 390 (the published figures).
    expect(standards[0]).toMatchObject({ standardYuan: "976.00", supplementYuan: "390.00", status: "approved" });

    const march = await run("2018-03");
    expect(march.ok).toBe(true);
    if (!march.ok) return;
    // 976 × 3 − 500 + 390 = 2818; back-pay (2818 − 2546) × 2 = 544.
    expect(march.value).toMatchObject({
      dibao_fen: 242800,
      supplement_fen: 39000,
      adjustment_fen: 54400,
      total_fen: 336200,
    });
    const again = await run("2018-04");
    expect(again.ok && again.value.adjustment_fen).toBe(0);
  });

  it("pays a price subsidy entered late for a month already paid as an adjustment", async () => {
    const entered = await admin.request("PUT", "/api/v1/assistance/cpi/2018-02", {
      cpiPercent: "2.9",
      foodPercent: "6.5",
      releasedOn: "2018-03-20",
    });
    expect(entered.json()).toMatchObject({ triggered: true, active: true });
    const may = await run("2018-05");
    // February: round(976 × 6.5 %) = round(63.44) = 63 yuan for each of 3 persons.
    expect(may.ok && may.value.adjustment_fen).toBe(18900);
    expect(may.ok && may.value.price_subsidy_fen).toBe(0);
  });

  it("restores February's basis when May is cancelled, so running May again pays the difference again", async () => {
    const may = (await admin.request("GET", "/api/v1/assistance/payrolls/2018-05")).json();
    const cancelled = await admin.request("POST", "/api/v1/assistance/payrolls/2018-05/cancellation", {
      version: may.version,
      reason: "重新计算",
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const again = await run("2018-05");
    expect(again.ok && again.value.adjustment_fen).toBe(18900);
  });
});
