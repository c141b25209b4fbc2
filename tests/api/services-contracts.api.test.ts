/**
 * Purchased services after the award, through the API: contract with milestones, the vendor's progress reports,
 * a recommendation only the owning department decides (never the vendor), the satisfaction survey (one answer per
 * person), evaluations with the "agreement needs improvement" flag, and past performance for later scoring; an
 * approved assistance recommendation forwarded to the assistance module as a referral (转介) that takes effect only
 * when the 镇区's desk accepts it there (opening the household's case) or is declined with a reason.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clock, resetClock, withClock } from "../../src/core/clock";
import { addDays } from "../../src/core/dates";
import { inTransaction } from "../../src/db/transaction";
import { declineReferral } from "../../src/modules/assistance/commands/referral.commands";
import { findReferral } from "../../src/modules/assistance/referrals.repository";
import { decideRecommendation } from "../../src/modules/services/commands/contracts";
import { payContract } from "../../src/modules/services/commands/payments";
import { publishNeed, submitBid } from "../../src/modules/services/commands/needs";
import { awardNeed, declarePanel, scoreBid } from "../../src/modules/services/commands/panel";
import {
  attachVendorDocument,
  checkVendorRequirement,
  grantQualification,
  registerVendor,
} from "../../src/modules/services/commands/vendors";
import { findRecommendation } from "../../src/modules/services/contracts.repository";
import { findNeed, findVendorOfAccount } from "../../src/modules/services/repository";
import { createAccount } from "../../src/platform/accounts/accounts.commands";
import { loadActor } from "../../src/platform/accounts/accounts.repository";
import { storeFile } from "../../src/platform/files/files.commands";
import type { Actor } from "../../src/platform/roles";
import { createTestApp, type TestApp } from "../helpers/app";
import { countAudit, signIn, testPassword, type Session } from "../helpers/fixtures";
import { caseBody, makeHousehold } from "./assistance.fixtures";

let test: TestApp;
let admin: Session;
let clerk: Session;
let clerkXiaolan: Session;
const vendorSessions: Session[] = [];
const today = clock.today();
let awardedNeedId: string;
let openNeedId: string;
let winnerIndex: number;

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function account(username: string, role: "vendor" | "reviewer"): Promise<Actor> {
  return inTransaction(test.database.db, async (trx) => {
    const created = must(
      await createAccount(
        trx,
        { actor: null, username: "test", requestId: null },
        { username, displayName: username, password: testPassword, roles: [{ role }] },
      ),
    );
    return (await loadActor(trx, created.id))!;
  });
}

/** Three qualified vendors, a need awarded 10 days ago (bids 90k/80k/95k), and one need still open for bids. */
async function setUp(): Promise<void> {
  const vendors = [
    await account("vendor1", "vendor"),
    await account("vendor2", "vendor"),
    await account("vendor3", "vendor"),
  ];
  const reviewers = [
    await account("reviewer1", "reviewer"),
    await account("reviewer2", "reviewer"),
    await account("reviewer3", "reviewer"),
  ];
  const officer = await inTransaction(
    test.database.db,
    async (trx) => (await loadActor(trx, test.world.accounts.programmeAdmin))!,
  );
  const ctx = (actor: Actor) => ({ actor, requestId: null });
  await inTransaction(test.database.db, async (trx) => {
    await withClock(addDays(today, -100), async () => {
      for (const [index, vendor] of vendors.entries()) {
        let record = must(
          await registerVendor(trx, ctx(vendor), {
            name: `测试机构${index + 1}`,
            creditCode: `52442000MJL00010${index}A`,
            legalRepresentative: "陈立",
            bankAccount: `6222 0200 0000 000${index}`,
          }),
        );
        for (const requirement of record.requirements.map((each) => each.requirement)) {
          const file = must(
            await storeFile(trx, ctx(vendor), { name: "d.pdf", bytes: new TextEncoder().encode("%PDF-1.4\n%%EOF\n") }),
          );
          record = must(await attachVendorDocument(trx, ctx(vendor), record, { requirement, fileId: file.id }));
          record = must(await checkVendorRequirement(trx, ctx(reviewers[0]), record, { requirement, passed: true }));
        }
        must(
          await grantQualification(trx, ctx(reviewers[0]), record, {
            categories: ["social_work"],
            until: addDays(today, 300),
          }),
        );
      }
    });
    const need = await withClock(addDays(today, -40), async () =>
      must(
        await publishNeed(trx, ctx(officer), {
          departmentCode: "civil_affairs",
          title: "合同测试项目",
          description: "个案服务",
          townCode: "shiqi",
          budgetYuan: 100000,
          periodStart: addDays(today, -10),
          periodEnd: addDays(today, 300),
          requiredQualifications: ["social_work"],
          indicators: [
            { name: "服务对象人数", target: "≥ 300" },
            { name: "个案服务", target: "≥ 60" },
          ],
          bidsCloseOn: addDays(today, -20),
        }),
      ),
    );
    awardedNeedId = need.id;
    await withClock(addDays(today, -30), async () => {
      for (const [index, vendor] of vendors.entries())
        must(
          await submitBid(trx, ctx(vendor), need, await findVendorOfAccount(trx, vendor.id), {
            priceYuan: [90000, 80000, 95000][index],
            plan: "方案",
            team: "团队",
          }),
        );
    });
    await withClock(addDays(today, -15), async () => {
      for (const reviewer of reviewers) {
        must(await declarePanel(trx, ctx(reviewer), need, { conflicts: [] }));
        const bids = await trx
          .selectFrom("services_bids" as never)
          .select(["id" as never])
          .where("need_id" as never, "=", need.id as never)
          .execute();
        for (const bid of bids as { id: string }[])
          must(await scoreBid(trx, ctx(reviewer), need, { bidId: bid.id, plan: 80, staff: 80, past: 80 }));
      }
      must(await awardNeed(trx, ctx(officer), (await findNeed(trx, need.id))!, {}));
    });
    // equal plan/staff/past scores: the lowest price (vendor2, 80,000) wins
    winnerIndex = 1;
    openNeedId = must(
      await publishNeed(trx, ctx(officer), {
        departmentCode: "civil_affairs",
        title: "尚在投标的项目",
        description: "x",
        townCode: "shiqi",
        budgetYuan: 100000,
        periodStart: addDays(today, 30),
        periodEnd: addDays(today, 300),
        bidsCloseOn: addDays(today, 5),
      }),
    ).id;
  });
  for (const username of ["vendor1", "vendor2", "vendor3"]) vendorSessions.push(await signIn(test.app, username));
}

beforeAll(async () => {
  test = await createTestApp();
  admin = await signIn(test.app, "programmeadmin");
  clerk = await signIn(test.app, "clerk");
  clerkXiaolan = await signIn(test.app, "clerkxiaolan");
  await setUp();
});

async function countCases(): Promise<number> {
  const row = await test.database.db
    .selectFrom("assistance_cases" as never)
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  return Number((row as { count: number }).count);
}

afterAll(async () => {
  resetClock();
  await test?.close();
});

let contractId: string;
const milestones = [
  { title: "需求评估", dueOn: addDays(today, 20) },
  { title: "中期", dueOn: addDays(today, 150) },
];

describe("services contracts", () => {
  it("signs only an awarded need, once, with the winner's price, indicators and milestones", async () => {
    const early = await admin.request("POST", `/api/v1/services/needs/${openNeedId}/contract`, { milestones });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe("not_awarded");
    const byVendor = await vendorSessions[winnerIndex].request(
      "POST",
      `/api/v1/services/needs/${awardedNeedId}/contract`,
      {
        milestones,
      },
    );
    expect(byVendor.statusCode).toBe(403);
    const outside = await admin.request("POST", `/api/v1/services/needs/${awardedNeedId}/contract`, {
      milestones: [{ title: "x", dueOn: addDays(today, 400) }],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields["milestones.0.dueOn"]).toContain("服务期");
    const signed = await admin.request("POST", `/api/v1/services/needs/${awardedNeedId}/contract`, { milestones });
    expect(signed.statusCode, signed.body).toBe(201);
    expect(signed.json()).toMatchObject({
      vendorName: "测试机构2",
      amountYuan: "80000.00",
      status: "active",
      improvement: null,
      indicators: [{ name: "服务对象人数" }, { name: "个案服务" }],
      milestones: [{ seq: 1, title: "需求评估", doneOn: null }, { seq: 2 }],
    });
    contractId = signed.json().id;
    const again = await admin.request("POST", `/api/v1/services/needs/${awardedNeedId}/contract`, { milestones });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("contract_exists");
    expect(await countAudit(test.database.db, "services.contract.sign")).toBe(1);
  });

  it("lets the contracted vendor alone see its contract and report progress; acceptance completes the milestone", async () => {
    const mine = await vendorSessions[winnerIndex].request("GET", "/api/v1/services/contracts");
    expect(mine.json().items.map((each: { id: string }) => each.id)).toEqual([contractId]);
    const others = await vendorSessions[0].request("GET", "/api/v1/services/contracts");
    expect(others.json().items).toEqual([]);
    const peek = await vendorSessions[0].request("GET", `/api/v1/services/contracts/${contractId}`);
    expect(peek.statusCode).toBe(404);
    const foreign = await vendorSessions[0].request("POST", `/api/v1/services/contracts/${contractId}/reports`, {
      summary: "冒名报告",
    });
    expect(foreign.statusCode).toBe(404);
    const wrongMilestone = await vendorSessions[winnerIndex].request(
      "POST",
      `/api/v1/services/contracts/${contractId}/reports`,
      { summary: "完成评估", milestoneSeq: 9 },
    );
    expect(wrongMilestone.statusCode).toBe(400);
    expect(wrongMilestone.json().error.code).toBe("unknown_milestone");
    const report = await vendorSessions[winnerIndex].request(
      "POST",
      `/api/v1/services/contracts/${contractId}/reports`,
      {
        summary: "完成 120 户需求评估",
        milestoneSeq: 1,
      },
    );
    expect(report.statusCode, report.body).toBe(201);
    const accepted = await admin.request("POST", `/api/v1/services/contracts/${contractId}/report-reviews`, {
      reportId: report.json().id,
      accepted: true,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().milestones[0].doneOn).toBe(today);
    const twice = await admin.request("POST", `/api/v1/services/contracts/${contractId}/report-reviews`, {
      reportId: report.json().id,
      accepted: true,
    });
    expect(twice.statusCode).toBe(409);
  });

  it("pays a milestone only after its report is accepted, within the contract amount, by the department alone", async () => {
    const pay = (session: Session, body: Record<string, unknown>) =>
      session.request("POST", `/api/v1/services/contracts/${contractId}/payments`, body);
    // The route: a vendor holds no payment permission.
    const byVendor = await pay(vendorSessions[winnerIndex], { stage: "milestone", milestoneSeq: 1 });
    expect(byVendor.statusCode).toBe(403);
    // The command: even called directly with the vendor as actor, it refuses.
    const direct = await inTransaction(test.database.db, async (trx) => {
      const vendorActor = (await loadActor(
        trx,
        (await trx.selectFrom("accounts").select("id").where("username", "=", "vendor2").executeTakeFirstOrThrow()).id,
      ))!;
      return payContract(trx, { actor: vendorActor, requestId: null }, contractId, {
        stage: "milestone",
        milestoneSeq: 1,
      });
    });
    expect(direct.ok).toBe(false);
    if (!direct.ok) expect(direct.error.code).toBe("vendor_cannot_pay");
    // Milestone 2 has no accepted progress report yet.
    const early = await pay(admin, { stage: "milestone", milestoneSeq: 2 });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe("report_not_accepted");
    expect(early.json().error.fields.milestoneSeq).toContain("进展报告通过审阅后方可付款");
    // The final payment waits for the final evaluation.
    const final = await pay(admin, { stage: "final" });
    expect(final.statusCode).toBe(409);
    expect(final.json().error.code).toBe("final_evaluation_required");
    expect(final.json().error.fields.stage).toContain("终期评估");
    // Never beyond the contract amount (80,000.00).
    const beyond = await pay(admin, { stage: "milestone", milestoneSeq: 1, amountYuan: "80000.01" });
    expect(beyond.statusCode).toBe(409);
    expect(beyond.json().error.code).toBe("payment_exceeds_contract");
    expect(beyond.json().error.fields.amountYuan).toContain("超过合同金额");
    const future = await pay(admin, { stage: "milestone", milestoneSeq: 1, paidOn: addDays(today, 1) });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toHaveProperty("paidOn");
    expect(await countAudit(test.database.db, "services.payment.record")).toBe(0);

    // Milestone 1's report is accepted: it is paid its share, 80,000 ÷ 3 rounded down to the fen.
    const paid = await pay(admin, { stage: "milestone", milestoneSeq: 1, note: "第一期" });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json()).toMatchObject({
      amountYuan: "80000.00",
      paidYuan: "26666.66",
      remainingYuan: "53333.34",
      schedule: [
        { stage: "milestone", milestoneSeq: 1, plannedYuan: "26666.66", status: "paid" },
        { stage: "milestone", milestoneSeq: 2, plannedYuan: "26666.66", status: "awaiting_report", payment: null },
        { stage: "final", milestoneSeq: null, plannedYuan: "26666.68", status: "awaiting_evaluation" },
      ],
      payments: [{ stage: "milestone", milestoneSeq: 1, amountYuan: "26666.66", paidOn: today, note: "第一期" }],
    });
    const entries = await test.database.db
      .selectFrom("audit_entries")
      .select(["entity_type", "entity_id", "after"])
      .where("action", "=", "services.payment.record")
      .execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      entity_type: "services_contract",
      entity_id: contractId,
      after: { stage: "milestone", milestoneSeq: 1, amountFen: 2666666, paidFen: 2666666, contractFen: 8000000 },
    });
    const twice = await pay(admin, { stage: "milestone", milestoneSeq: 1 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("stage_paid");

    // The vendor sees its own contract's payments; another vendor does not.
    const seen = await vendorSessions[winnerIndex].request("GET", `/api/v1/services/contracts/${contractId}/payments`);
    expect(seen.json().paidYuan).toBe("26666.66");
    const foreign = await vendorSessions[0].request("GET", `/api/v1/services/contracts/${contractId}/payments`);
    expect(foreign.statusCode).toBe(404);
    const detail = (await admin.request("GET", `/api/v1/services/contracts/${contractId}`)).json();
    expect(detail.payments.payments).toHaveLength(1);
  });

  it("sends a vendor's assistance recommendation to the 镇区; a vendor can never approve its own", async () => {
    const submitted = await vendorSessions[winnerIndex].request(
      "POST",
      `/api/v1/services/contracts/${contractId}/recommendations`,
      { kind: "assistance", subjectName: "李某家庭", townCode: "shiqi", reason: "收入低于低保标准" },
    );
    expect(submitted.statusCode, submitted.body).toBe(201);
    expect(submitted.json().status).toBe("pending");
    const id = submitted.json().id as string;
    // The route: a vendor holds no decision permission.
    const ownApproval = await vendorSessions[winnerIndex].request(
      "POST",
      `/api/v1/services/recommendations/${id}/decision`,
      { approved: true },
    );
    expect(ownApproval.statusCode).toBe(403);
    // The command: even called directly with the vendor as actor, it refuses and writes nothing.
    const refused = await inTransaction(test.database.db, async (trx) => {
      const vendorActor = (await loadActor(
        trx,
        (await trx.selectFrom("accounts").select("id").where("username", "=", "vendor2").executeTakeFirstOrThrow()).id,
      ))!;
      return decideRecommendation(trx, { actor: vendorActor, requestId: null }, (await findRecommendation(trx, id))!, {
        approved: true,
      });
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe("vendor_cannot_decide");
    // Another 镇区's clerk does not see it; the clerk of 石岐区 decides.
    const elsewhere = await clerkXiaolan.request("POST", `/api/v1/services/recommendations/${id}/decision`, {
      approved: true,
    });
    expect(elsewhere.statusCode).toBe(404);
    const queue = await clerk.request("GET", "/api/v1/services/recommendations?status=pending");
    expect(queue.json().items.map((each: { id: string }) => each.id)).toEqual([id]);
    const approved = await clerk.request("POST", `/api/v1/services/recommendations/${id}/decision`, {
      approved: true,
      note: "转入低保审核",
    });
    expect(approved.statusCode, approved.body).toBe(200);
    // Approval does not take effect in services: the recommendation is forwarded to the assistance module.
    expect(approved.json()).toMatchObject({ status: "forwarded", decisionNote: "转入低保审核", referralNote: "" });
    expect(approved.json().referralId).toEqual(expect.any(String));
    forwardedId = id;
    referralId = approved.json().referralId;
    const again = await admin.request("POST", `/api/v1/services/recommendations/${id}/decision`, { approved: false });
    expect(again.statusCode).toBe(409);
    expect(await countAudit(test.database.db, "services.recommendation.approve")).toBe(0);
    expect(await countAudit(test.database.db, "services.recommendation.forward")).toBe(1);
    expect(await countAudit(test.database.db, "assistance.referral.receive")).toBe(1);
  });

  let forwardedId: string;
  let referralId: string;
  let openedCaseNumber: string;
  it("makes the forwarded recommendation a pending referral that only the 镇区's assistance desk sees", async () => {
    const list = await clerk.request("GET", "/api/v1/assistance/referrals?status=pending");
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({
        id: referralId,
        sourceModule: "services",
        sourceId: forwardedId,
        sourceContractId: contractId,
        sourceName: "测试机构" + (winnerIndex + 1),
        subjectName: "李某家庭",
        townCode: "shiqi",
        reason: "收入低于低保标准",
        status: "pending",
        caseId: null,
      }),
    ]);
    expect((await admin.request("GET", "/api/v1/assistance/referrals")).json().items).toHaveLength(1);
    // Another 镇区's clerk: not listed, and the single 404 for reading and deciding.
    expect((await clerkXiaolan.request("GET", "/api/v1/assistance/referrals")).json().items).toEqual([]);
    expect((await clerkXiaolan.request("GET", `/api/v1/assistance/referrals/${referralId}`)).statusCode).toBe(404);
    const outOfScope = await clerkXiaolan.request("POST", `/api/v1/assistance/referrals/${referralId}/decline`, {
      reason: "不属本镇",
    });
    expect(outOfScope.statusCode).toBe(404);
    // The vendor never decides, here either.
    const vendor = vendorSessions[winnerIndex];
    expect((await vendor.request("GET", "/api/v1/assistance/referrals")).statusCode).toBe(403);
    expect(
      (await vendor.request("POST", `/api/v1/assistance/referrals/${referralId}/decline`, { reason: "x" })).statusCode,
    ).toBe(403);
    // Nor does the assistance command let a vendor decide, even called directly.
    const direct = await inTransaction(test.database.db, async (trx) => {
      const vendorActor = (await loadActor(
        trx,
        (await trx.selectFrom("accounts").select("id").where("username", "=", "vendor2").executeTakeFirstOrThrow()).id,
      ))!;
      return declineReferral(trx, { actor: vendorActor, requestId: null }, (await findReferral(trx, referralId))!, {
        reason: "机构自行决定",
      });
    });
    expect(direct.ok).toBe(false);
    if (!direct.ok) expect(direct.error.code).toBe("vendor_cannot_decide");
    // It is a task in the clerk's inbox, due in 10 working days.
    const inbox = await clerk.request("GET", "/api/v1/inbox");
    expect(inbox.statusCode, inbox.body).toBe(200);
    const task = inbox.json().items.find((each: { entityId: string }) => each.entityId === referralId);
    expect(task).toMatchObject({ kind: "assistance.referral", link: "/console/assistance/referrals" });
    expect(task.dueOn).toBe(list.json().items[0].dueOn);
    expect(
      (await clerkXiaolan.request("GET", "/api/v1/inbox"))
        .json()
        .items.some((each: { entityId: string }) => each.entityId === referralId),
    ).toBe(false);
  });

  it("takes effect only when the desk accepts: the household's application is opened in the same transaction", async () => {
    const { householdId, personIds } = await makeHousehold(clerk, "shiqi", [
      { name: "李大明" },
      { name: "李小红", relationship: "child" },
    ]);
    const other = await makeHousehold(clerkXiaolan, "xiaolan", [{ name: "黄二" }]);
    const casesBefore = await countCases();
    // A household of another 镇区 is refused; refused input leaves the referral pending and opens nothing.
    const elsewhere = await clerk.request(
      "POST",
      `/api/v1/assistance/referrals/${referralId}/acceptance`,
      caseBody(other.householdId, other.personIds, ["0"]),
    );
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error).toMatchObject({
      code: "household_other_town",
      fields: { householdId: expect.any(String) },
    });
    const badIncome = await clerk.request(
      "POST",
      `/api/v1/assistance/referrals/${referralId}/acceptance`,
      caseBody(householdId, personIds, ["-5", "0"]),
    );
    expect(badIncome.statusCode).toBe(400);
    expect(await countCases()).toBe(casesBefore);
    expect((await clerk.request("GET", `/api/v1/assistance/referrals/${referralId}`)).json().status).toBe("pending");

    const accepted = await clerk.request(
      "POST",
      `/api/v1/assistance/referrals/${referralId}/acceptance`,
      caseBody(householdId, personIds, ["300", "0"]),
    );
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: "accepted", caseId: expect.any(String) });
    openedCaseNumber = accepted.json().caseNumber;
    expect(openedCaseNumber).toMatch(/^DB\d{4}-\d{6}$/);
    // The case exists in the assistance module, at the counter, for that household.
    const opened = await clerk.request("GET", `/api/v1/assistance/cases/${accepted.json().caseId}`);
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({
      number: openedCaseNumber,
      householdId,
      state: "submitted",
      channel: "counter",
    });
    expect(await countCases()).toBe(casesBefore + 1);
    // The services side follows: accepted, with the case number.
    const followed = await admin.request("GET", "/api/v1/services/recommendations?status=accepted");
    expect(followed.json().items).toEqual([
      expect.objectContaining({ id: forwardedId, status: "accepted", referralNote: openedCaseNumber }),
    ]);
    expect(await countAudit(test.database.db, "assistance.referral.accept")).toBe(1);
    expect(await countAudit(test.database.db, "services.recommendation.follow")).toBe(1);
    // A second decision is refused, whichever it is.
    const twice = await admin.request(
      "POST",
      `/api/v1/assistance/referrals/${referralId}/acceptance`,
      caseBody(householdId, personIds, ["300", "0"]),
    );
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("already_decided");
    const declineAfter = await clerk.request("POST", `/api/v1/assistance/referrals/${referralId}/decline`, {
      reason: "重复",
    });
    expect(declineAfter.statusCode).toBe(409);
    expect(await countCases()).toBe(casesBefore + 1);
  });

  async function forward(subjectName: string): Promise<{ recommendationId: string; referralId: string }> {
    const submitted = await vendorSessions[winnerIndex].request(
      "POST",
      `/api/v1/services/contracts/${contractId}/recommendations`,
      { kind: "assistance", subjectName, townCode: "shiqi", reason: "家庭困难" },
    );
    expect(submitted.statusCode, submitted.body).toBe(201);
    const decided = await admin.request("POST", `/api/v1/services/recommendations/${submitted.json().id}/decision`, {
      approved: true,
    });
    expect(decided.json().status).toBe("forwarded");
    return { recommendationId: submitted.json().id, referralId: decided.json().referralId };
  }

  it("declines a referral only with a reason, which the services side then shows", async () => {
    const { recommendationId, referralId: id } = await forward("王某家庭");
    const empty = await clerk.request("POST", `/api/v1/assistance/referrals/${id}/decline`, {});
    expect(empty.statusCode).toBe(400);
    const blank = await clerk.request("POST", `/api/v1/assistance/referrals/${id}/decline`, { reason: "   " });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error).toMatchObject({ code: "reason_required", fields: { reason: expect.any(String) } });
    const declined = await clerk.request("POST", `/api/v1/assistance/referrals/${id}/decline`, {
      reason: "经核实家庭收入高于低保标准",
    });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json()).toMatchObject({
      status: "declined",
      decisionNote: "经核实家庭收入高于低保标准",
      caseId: null,
    });
    const recommendation = (await admin.request("GET", "/api/v1/services/recommendations?status=declined")).json()
      .items[0];
    expect(recommendation).toMatchObject({
      id: recommendationId,
      status: "declined",
      referralNote: "经核实家庭收入高于低保标准",
    });
    const again = await admin.request("POST", `/api/v1/assistance/referrals/${id}/decline`, { reason: "再次" });
    expect(again.statusCode).toBe(409);
    expect(await countAudit(test.database.db, "assistance.referral.decline")).toBe(1);
  });

  it("accepts a referral by linking a case of its 镇区 already open", async () => {
    const { recommendationId, referralId: id } = await forward("李大明家庭");
    const unknown = await clerk.request("POST", `/api/v1/assistance/referrals/${id}/case-link`, {
      caseNumber: "DB1999-000001",
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe("unknown_case");
    const linked = await clerk.request("POST", `/api/v1/assistance/referrals/${id}/case-link`, {
      caseNumber: openedCaseNumber,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({ status: "accepted", caseNumber: openedCaseNumber });
    const recommendation = (await admin.request("GET", "/api/v1/services/recommendations?status=accepted"))
      .json()
      .items.find((each: { id: string }) => each.id === recommendationId);
    expect(recommendation).toMatchObject({ status: "accepted", referralNote: openedCaseNumber });
  });

  let surveyId: string;
  it("runs the satisfaction survey: public questions, one answer per person, answers 1–5 only", async () => {
    const opened = await admin.request("POST", `/api/v1/services/contracts/${contractId}/survey`, {
      closesOn: addDays(today, 10),
    });
    expect(opened.statusCode, opened.body).toBe(201);
    surveyId = opened.json().surveyId;
    const form = await test.app.inject({ method: "GET", url: `/api/v1/services/surveys/${surveyId}` });
    expect(form.json()).toMatchObject({ open: true, vendorName: "测试机构2" });
    const questions = form.json().questions as { id: string }[];
    const answer = (phone: string, value: number) =>
      test.app.inject({
        method: "POST",
        url: `/api/v1/services/surveys/${surveyId}/answers`,
        payload: { phone, answers: Object.fromEntries(questions.map((each) => [each.id, value])) },
      });
    // 3 of 5 people unhappy: 40% satisfied
    for (const [index, value] of [5, 4, 2, 1, 2].entries()) {
      const answered = await answer(`1380000000${index}`, value);
      expect(answered.statusCode, answered.body).toBe(201);
    }
    const twice = await answer("138 0000 0000", 5);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("already_answered");
    const outOfRange = await answer("13800000009", 6);
    expect(outOfRange.statusCode).toBe(400);
    const stored = await test.database.db
      .selectFrom("services_survey_answers" as never)
      .selectAll()
      .execute();
    expect(JSON.stringify(stored)).not.toContain("13800000000");
    const closed = await withClock(addDays(today, 11), () => answer("13800000008", 5));
    expect(closed.statusCode).toBe(409);
    const detail = await admin.request("GET", `/api/v1/services/contracts/${contractId}`);
    expect(detail.json().survey).toMatchObject({ respondents: 5, satisfaction: "40.00" });
    expect(detail.json().survey.questions[0].counts).toEqual([1, 2, 0, 1, 1]);
  });

  it("flags 'agreement needs improvement' when the indicators are met but satisfaction is under 70%", async () => {
    const results = [
      { name: "服务对象人数", actual: "320", met: true, score: 90 },
      { name: "个案服务", actual: "64", met: true, score: 85.5 },
    ];
    const missing = await admin.request("POST", `/api/v1/services/contracts/${contractId}/evaluations`, {
      stage: "mid",
      evaluator: "third_party",
      evaluatorName: "中山市评估中心",
      results: results.slice(0, 1),
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe("invalid_results");
    const mid = await admin.request("POST", `/api/v1/services/contracts/${contractId}/evaluations`, {
      stage: "mid",
      evaluator: "third_party",
      evaluatorName: "中山市评估中心",
      results,
    });
    expect(mid.statusCode, mid.body).toBe(201);
    // (90 + 85.5) / 2 = 87.75
    expect(mid.json()).toMatchObject({ score: "87.75", indicatorsMet: true, satisfaction: "40.00", answers: 5 });
    const detail = (await admin.request("GET", `/api/v1/services/contracts/${contractId}`)).json();
    expect(detail.contract).toMatchObject({ improvement: "flagged", improvementSatisfaction: "40.00" });
    const improved = await admin.request("POST", `/api/v1/services/contracts/${contractId}/improvement`, {
      action: "增加夜间入户时段，服务对象可直接联系项目主管",
    });
    expect(improved.statusCode, improved.body).toBe(200);
    expect(improved.json()).toMatchObject({ improvement: "addressed" });
    const twice = await admin.request("POST", `/api/v1/services/contracts/${contractId}/improvement`, { action: "x" });
    expect(twice.statusCode).toBe(409);
  });

  it("completes the contract with the final evaluation and feeds the vendor's past performance", async () => {
    const final = await admin.request("POST", `/api/v1/services/contracts/${contractId}/evaluations`, {
      stage: "final",
      evaluator: "department",
      evaluatorName: "市民政局",
      results: [
        { name: "服务对象人数", actual: "330", met: true, score: 92 },
        { name: "个案服务", actual: "70", met: true, score: 88.25 },
      ],
    });
    expect(final.statusCode, final.body).toBe(201);
    // (92 + 88.25) / 2 = 90.125 → 90.13 (half up)
    expect(final.json().score).toBe("90.13");
    const detail = (await admin.request("GET", `/api/v1/services/contracts/${contractId}`)).json();
    expect(detail.contract.status).toBe("completed");
    const late = await vendorSessions[winnerIndex].request("POST", `/api/v1/services/contracts/${contractId}/reports`, {
      summary: "补充",
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe("contract_completed");
    const vendorId = detail.contract.vendorId as string;
    const reviewer = await signIn(test.app, "reviewer1");
    const performance = await reviewer.request("GET", `/api/v1/services/vendors/${vendorId}/performance`);
    expect(performance.json()).toEqual({ vendorId, finalScores: ["90.13"], mean: "90.13" });
  });

  it("pays the rest of the contract after the final evaluation, never beyond the contract amount", async () => {
    const pay = (body: Record<string, unknown>) =>
      admin.request("POST", `/api/v1/services/contracts/${contractId}/payments`, body);
    const beyond = await pay({ stage: "final", amountYuan: "53333.35" });
    expect(beyond.statusCode).toBe(409);
    expect(beyond.json().error.code).toBe("payment_exceeds_contract");
    const final = await pay({ stage: "final" });
    expect(final.statusCode, final.body).toBe(201);
    expect(final.json()).toMatchObject({ paidYuan: "80000.00", remainingYuan: "0.00" });
    expect(final.json().schedule.at(-1)).toMatchObject({
      stage: "final",
      status: "paid",
      payment: { amountYuan: "53333.34" },
    });
    const again = await pay({ stage: "final" });
    expect(again.statusCode).toBe(409);
    expect(await countAudit(test.database.db, "services.payment.record")).toBe(2);
  });

  it("exports the bank payment file of a period's contract payments, rows and total to the fen, audited", async () => {
    const file = (session: Session, body: Record<string, unknown>) =>
      session.request("POST", "/api/v1/services/payment-file", body);
    const period = { from: addDays(today, -30), to: today };
    expect((await file(vendorSessions[winnerIndex], period)).statusCode).toBe(403);
    expect((await file(await signIn(test.app, "auditor"), period)).statusCode).toBe(403);
    const backwards = await file(admin, { from: today, to: addDays(today, -1) });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error).toMatchObject({ code: "invalid_period" });
    expect(backwards.json().error.fields.to).toContain("截止日期不能早于起始日期");
    const unknown = await file(admin, { ...period, contractIds: ["00000000-0000-4000-8000-000000000000"] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toHaveProperty("contractIds.0");
    // A paid vendor without a bank account on record: no file the bank would reject.
    await test.database.db
      .updateTable("services_vendors" as never)
      .set({ bank_account: "" } as never)
      .where("name" as never, "=", "测试机构2" as never)
      .execute();
    const missing = await file(admin, period);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe("missing_bank_account");
    expect(missing.json().error.message).toContain("测试机构2");
    // The vendor sets it again itself (another vendor cannot; digits only).
    const vendorId = (await vendorSessions[winnerIndex].request("GET", "/api/v1/services/vendors/mine")).json().vendor
      .id as string;
    const setAccount = (session: Session, bankAccount: string) =>
      session.request("PUT", `/api/v1/services/vendors/${vendorId}/bank-account`, { bankAccount });
    expect((await setAccount(vendorSessions[0], "6222020000000009")).statusCode).toBe(404);
    const letters = await setAccount(vendorSessions[winnerIndex], "6222-ABC");
    expect(letters.statusCode).toBe(400);
    expect(letters.json().error.code).toBe("invalid_bank_account");
    const set = await setAccount(vendorSessions[winnerIndex], "6222 0200 0000 0001");
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().bankAccount).toBe("6222020000000001");
    expect(await countAudit(test.database.db, "services.vendor.bank_account")).toBe(1);
    expect(await countAudit(test.database.db, "services.payment_file.export")).toBe(0);

    // The milestone (26,666.66) and the final payment (53,333.34), both paid today: 2 rows, total 80,000.00.
    const csv = await file(admin, period);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.headers["content-disposition"]).toBe(
      `attachment; filename="services-payments-${period.from}-${today}.csv"; filename*=UTF-8''` +
        encodeURIComponent(`购买服务拨付文件-${period.from}至${today}.csv`),
    );
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toEqual([
      "收款账号,收款人,金额（元）,阶段,支付日期,项目",
      `6222020000000001,测试机构2,26666.66,里程碑 1：需求评估,${today},合同测试项目`,
      `6222020000000001,测试机构2,53333.34,尾款,${today},合同测试项目`,
      "合计,,80000.00,,,2 笔",
    ]);
    const fen = (yuan: string) => Number(yuan.replace(".", ""));
    const amounts = lines.slice(1, -1).map((line) => fen(line.split(",")[2]));
    expect(amounts.reduce((sum, each) => sum + each, 0)).toBe(fen(lines.at(-1)!.split(",")[2]));
    expect(amounts.reduce((sum, each) => sum + each, 0)).toBe(8000000);

    // The selection narrows to chosen contracts; a period without payments is an empty file with a zero total.
    const chosen = await file(admin, { ...period, contractIds: [contractId], format: "xlsx" });
    expect(chosen.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(chosen.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(2).getCell(3).value).toBe("26666.66");
    expect(sheet.getRow(4).getCell(3).value).toBe("80000.00");
    const before = await file(admin, { from: addDays(today, -30), to: addDays(today, -1) });
    expect(
      before.body
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n"),
    ).toEqual(["收款账号,收款人,金额（元）,阶段,支付日期,项目", "合计,,0.00,,,0 笔"]);

    const entries = await test.database.db
      .selectFrom("audit_entries")
      .select(["entity_type", "entity_id", "after"])
      .where("action", "=", "services.payment_file.export")
      .orderBy("position")
      .execute();
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({
      entity_type: "services_payment_file",
      entity_id: `${period.from}..${today}`,
      after: { format: "csv", rows: 2, totalFen: 8000000, from: period.from, to: today, contractIds: [] },
    });
    expect(entries[1].after).toMatchObject({ format: "xlsx", rows: 2, totalFen: 8000000, contractIds: [contractId] });
    expect(entries[2].after).toMatchObject({ rows: 0, totalFen: 0 });
  });

  it("records one social-work station per 镇区 and shows the coverage publicly", async () => {
    const body = {
      name: "石岐区社工站",
      staff: 10,
      socialWorkers: 6,
      services: ["个案帮扶", "长者关爱"],
      supervisionContractId: contractId,
    };
    const byVendor = await vendorSessions[0].request("PUT", "/api/v1/services/stations/shiqi", body);
    expect(byVendor.statusCode).toBe(403);
    const tooMany = await admin.request("PUT", "/api/v1/services/stations/shiqi", { ...body, socialWorkers: 11 });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.fields).toHaveProperty("socialWorkers");
    const saved = await admin.request("PUT", "/api/v1/services/stations/shiqi", body);
    expect(saved.statusCode, saved.body).toBe(200);
    const again = await admin.request("PUT", "/api/v1/services/stations/shiqi", { ...body, staff: 12 });
    expect(again.statusCode).toBe(200);
    const coverage = (await test.app.inject({ method: "GET", url: "/api/v1/services/stations" })).json();
    expect(coverage.covered).toBe(1);
    expect(coverage.socialWorkers).toBe(6);
    const shiqi = coverage.items.find((each: { townCode: string }) => each.townCode === "shiqi");
    expect(shiqi.station).toMatchObject({ staff: 12, supervisionVendor: "测试机构2" });
    expect(coverage.items.find((each: { townCode: string }) => each.townCode === "xiaolan").station).toBeNull();
    expect(await countAudit(test.database.db, "services.station.save")).toBe(2);
  });
});
