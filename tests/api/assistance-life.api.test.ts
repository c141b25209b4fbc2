import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { addMonths } from "../../src/core/dates";
import { buildApp } from "../../src/http/app";
import { withClock } from "../../src/core/clock";
import { assistanceModule } from "../../src/modules/assistance/manifest";
import { registryModule } from "../../src/modules/registry/manifest";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { countAudit, seedTestWorld, signIn, type Session } from "../helpers/fixtures";
import { caseBody, daysAgo, makeHousehold, throughTown } from "./assistance.fixtures";
import { clock } from "../../src/core/clock";

// An active case over several months: review schedule, a reported change, a reduction from a month, a later
// increase dated ahead, a stop, then fraud with recovery and a fine. Standard 1120 (2021, still in force).
let database: TestDatabase;
let app: FastifyInstance;
let clerk: Session;
let admin: Session;
let caseId: string;
let personIds: string[];
const month = (offset: number) => addMonths(`${clock.today().slice(0, 7)}-01`, offset).slice(0, 7);

async function current() {
  return (await clerk.request("GET", `/api/v1/assistance/cases/${caseId}`)).json();
}

/** Runs the payroll of a month as if on its first day (the platform clock; months after next are refused). */
async function payroll(offset: number) {
  const paid = month(offset);
  return withClock(`${paid}-01`, async () =>
    (await admin.request("POST", "/api/v1/assistance/payrolls", { month: paid })).json(),
  );
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedTestWorld(database.db);
  app = await buildApp({ db: database.db, modules: [registryModule, assistanceModule] });
  clerk = await signIn(app, "clerk");
  admin = await signIn(app, "programmeadmin");
  const household = await makeHousehold(clerk, "shiqi", [{ name: "罗一" }, { name: "罗二", relationship: "spouse" }]);
  personIds = household.personIds;
  const created = await clerk.request(
    "POST",
    "/api/v1/assistance/cases",
    caseBody(household.householdId, personIds, [0, 0], { submittedOn: daysAgo(30), workCapacity: "able" }),
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
  caseId = approved.json().id;
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe("an active case over time", () => {
  it("reviews able-bodied households quarterly and records reported changes", async () => {
    const before = await current();
    expect(before.deadlines.nextReviewOn).toBe(addMonths(daysAgo(0), 3));
    // Evidence ids are checked: a malformed id is a 400 naming it (it was a 500), an unknown one too (it was stored).
    const reviews = `/api/v1/assistance/cases/${caseId}/reviews`;
    const malformed = await clerk.request("POST", reviews, {
      reviewedOn: daysAgo(0),
      findings: "情况无变化",
      fileIds: ["not-a-uuid"],
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.fields).toHaveProperty("fileIds.0");
    const unknown = await clerk.request("POST", reviews, {
      reviewedOn: daysAgo(0),
      findings: "情况无变化",
      fileIds: ["00000000-0000-4000-8000-000000000000"],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: "unknown_file", fields: { "fileIds.0": expect.any(String) } });
    expect((await current()).timeline.filter((event: { kind: string }) => event.kind === "reviewed")).toHaveLength(0);
    const reviewed = await clerk.request("POST", `/api/v1/assistance/cases/${caseId}/reviews`, {
      reviewedOn: daysAgo(0),
      findings: "情况无变化",
    });
    expect(reviewed.json().timeline.at(-1)).toMatchObject({
      kind: "reviewed",
      details: { nextReviewOn: addMonths(daysAgo(0), 3) },
    });
    const change = await clerk.request("POST", `/api/v1/assistance/cases/${caseId}/changes`, {
      kind: "employment",
      happenedOn: daysAgo(0),
      description: "户主找到工作，月薪 1,000 元",
    });
    expect(change.json().timeline.at(-1)).toMatchObject({ kind: "change_reported", details: { change: "employment" } });
  });

  it("reduces from this month, increases from a later month, stops, and the payroll follows each revision", async () => {
    let record = await current();
    const members = (incomes: string[]) =>
      personIds.map((personId, index) => ({ personId, monthlyIncomeYuan: incomes[index], categories: [] }));
    const reduced = await clerk.request("POST", `/api/v1/assistance/cases/${caseId}/adjustments`, {
      version: record.version,
      fromMonth: month(0),
      reason: "户主就业，收入增加",
      members: members(["1000", "0"]),
      assetsYuan: "0",
    });
    expect(reduced.statusCode, reduced.body).toBe(200);
    expect(reduced.json().timeline.at(-1)).toMatchObject({
      kind: "adjusted",
      details: { direction: "reduce", beforeFen: 224000, afterFen: 124000 },
    });
    expect((await payroll(0)).totalYuan).toBe("1240.00");
    record = await current();
    const late = await clerk.request("POST", `/api/v1/assistance/cases/${caseId}/adjustments`, {
      version: record.version,
      fromMonth: month(0),
      reason: "再次调整收入",
      members: members(["0", "0"]),
      assetsYuan: "0",
    });
    expect(late.json().error.code).toBe("month_already_paid");
    const stale = await clerk.request("POST", `/api/v1/assistance/cases/${caseId}/adjustments`, {
      version: record.version - 1,
      fromMonth: month(2),
      reason: "版本过期测试",
      members: members(["0", "0"]),
      assetsYuan: "0",
    });
    expect(stale.statusCode).toBe(409);
    const increased = await clerk.request("POST", `/api/v1/assistance/cases/${caseId}/adjustments`, {
      version: record.version,
      fromMonth: month(2),
      reason: "户主失业，收入减少",
      members: members(["0", "0"]),
      assetsYuan: "0",
    });
    expect(increased.json()).toMatchObject({ revision: 3 });
    expect((await payroll(1)).totalYuan).toBe("1240.00");
    expect((await payroll(2)).totalYuan).toBe("2240.00");
    record = await current();
    const stopped = await admin.request("POST", `/api/v1/assistance/cases/${caseId}/stop`, {
      version: record.version,
      fromMonth: month(3),
      reason: "家庭收入超过标准",
    });
    expect(stopped.json()).toMatchObject({ state: "stopped", stopMonth: month(3) });
    expect((await payroll(3)).households).toBe(0);
  });

  it("records fraud: recovers what was paid since a month and fines 1.5 times it", async () => {
    const record = await current();
    const fraud = await admin.request("POST", `/api/v1/assistance/cases/${caseId}/fraud`, {
      version: record.version,
      fraudSince: month(1),
      fromMonth: month(3),
      fineMultiple: 1.5,
      reason: "隐瞒家庭收入骗取低保",
    });
    expect(fraud.statusCode, fraud.body).toBe(200);
    // Paid for months 1 and 2: 1240 + 2240 = 3480; fine 1.5 × 3480 = 5220.
    expect(fraud.json().timeline.at(-1)).toMatchObject({
      kind: "fraud",
      details: { recoverFen: 348000, fineFen: 522000 },
    });
    expect(await countAudit(database.db, "assistance.case.fraud")).toBe(1);
    expect(
      (
        await clerk.request("POST", `/api/v1/assistance/cases/${caseId}/fraud`, {
          version: fraud.json().version,
          fraudSince: month(1),
          fromMonth: month(3),
          fineMultiple: 1.5,
          reason: "办事员无权",
        })
      ).statusCode,
    ).toBe(403);
  });
});
