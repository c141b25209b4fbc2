/**
 * The innovation fund through the API: a call, applications with budget lines, conflicts and assignment,
 * scores, allocation with the shared code published for objections, staged payments and the payment file.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addWorkingDays } from "../../src/core/calendar";
import { clock, resetClock, setClock, withClock } from "../../src/core/clock";
import { addDays } from "../../src/core/dates";
import { inTransaction } from "../../src/db/transaction";
import { fundReviewWorkingDays } from "../../src/modules/fund/deadlines";
import { fundDb } from "../../src/modules/fund/tables";
import { createAccount } from "../../src/platform/accounts/accounts.commands";
import { createTestApp, type TestApp } from "../helpers/app";
import { countAudit, signIn, testPassword, type Session } from "../helpers/fixtures";

let test: TestApp;
let admin: Session;
const applicants: Session[] = [];
const reviewers: Session[] = [];
const reviewerIds: string[] = [];
const today = clock.today();
const closeOn = addDays(today, 5);
let callId: string;
const applicationIds: string[] = [];

async function makeAccount(username: string, role: "vendor" | "reviewer"): Promise<{ session: Session; id: string }> {
  const id = await inTransaction(test.database.db, async (trx) => {
    const created = await createAccount(
      trx,
      { actor: null, username: "test", requestId: null },
      { username, displayName: username, password: testPassword, roles: [{ role }] },
    );
    if (!created.ok) throw new Error(created.error.message);
    return created.value.id;
  });
  return { session: await signIn(test.app, username), id };
}

beforeAll(async () => {
  test = await createTestApp();
  admin = await signIn(test.app, "programmeadmin");
  for (let index = 1; index <= 3; index += 1) applicants.push((await makeAccount(`org${index}`, "vendor")).session);
  for (let index = 1; index <= 4; index += 1) {
    const made = await makeAccount(`expert${index}`, "reviewer");
    reviewers.push(made.session);
    reviewerIds.push(made.id);
  }
});

afterAll(async () => {
  resetClock();
  await test?.close();
});

const application = (requestedYuan: number, lines: number[]) => ({
  applicantName: "中山市示例社工中心",
  title: "社区议事厅",
  requestedYuan,
  budgetLines: lines.map((amountYuan, index) => ({ item: `第${index + 1}项`, amountYuan })),
  payeeName: '=HYPERLINK("x")',
  bankAccount: "6222020000000000",
});

describe("innovation fund", () => {
  it("opens a call with the default weights and refuses a budget line exceeding the request", async () => {
    const call = await admin.request("POST", "/api/v1/fund/calls", {
      year: Number(today.slice(0, 4)),
      title: "创新专项资金",
      budgetYuan: 100,
      applicationsCloseOn: closeOn,
    });
    expect(call.statusCode, call.body).toBe(201);
    expect(call.json().criteria.map((each: { weight: number }) => each.weight)).toEqual([30, 25, 25, 10, 10]);
    callId = call.json().id;
    const tooBig = await applicants[0].request(
      "POST",
      `/api/v1/fund/calls/${callId}/applications`,
      application(50, [20, 60]),
    );
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error.code).toBe("budget_line_exceeds_request");
    expect(tooBig.json().error.fields).toHaveProperty("budgetLines.1.amountYuan");
    const sum = await applicants[0].request(
      "POST",
      `/api/v1/fund/calls/${callId}/applications`,
      application(50, [30, 30]),
    );
    expect(sum.statusCode).toBe(400);
    for (const [index, requested] of [60, 50, 30].entries()) {
      const created = await applicants[index].request(
        "POST",
        `/api/v1/fund/calls/${callId}/applications`,
        application(requested, [requested]),
      );
      expect(created.statusCode, created.body).toBe(201);
      applicationIds.push(created.json().id);
    }
  });

  it("never assigns a reviewer with a declared conflict, and a conflicted reviewer cannot score", async () => {
    const declared = await reviewers[3].request("POST", `/api/v1/fund/applications/${applicationIds[0]}/conflict`, {
      note: "亲属任职",
    });
    expect(declared.statusCode).toBe(201);
    const refused = await admin.request("POST", `/api/v1/fund/applications/${applicationIds[0]}/reviewers`, {
      reviewerIds: [reviewerIds[0], reviewerIds[3]],
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("reviewer_conflict");
    expect(refused.json().error.fields).toHaveProperty("reviewerIds.1");
    for (const id of applicationIds) {
      const assigned = await admin.request("POST", `/api/v1/fund/applications/${id}/reviewers`, {
        reviewerIds: reviewerIds.slice(0, 3),
      });
      expect(assigned.statusCode, assigned.body).toBe(200);
    }
    const conflicted = await reviewers[3].request("POST", `/api/v1/fund/applications/${applicationIds[0]}/scores`, {
      scores: { innovation: 90, need: 90, feasibility: 90, budget: 90, sustainability: 90 },
    });
    expect(conflicted.statusCode).toBe(403);
    expect(conflicted.json().error.code).toBe("recused");
  });

  it("refuses scores out of range and a missing criterion", async () => {
    const out = await reviewers[0].request("POST", `/api/v1/fund/applications/${applicationIds[0]}/scores`, {
      scores: { innovation: 101, need: 90, feasibility: 90, budget: 90, sustainability: 90 },
    });
    expect(out.statusCode).toBe(400);
    expect(out.json().error.fields).toHaveProperty("scores.innovation");
    const missing = await reviewers[0].request("POST", `/api/v1/fund/applications/${applicationIds[0]}/scores`, {
      scores: { innovation: 90 },
    });
    expect(missing.statusCode).toBe(400);
  });

  it("puts each assigned review in its reviewer's inbox, due ten working days after applications close", async () => {
    type Task = { kind: string; entityId: string; dueOn: string; link: string; overdue: boolean; label: string };
    const reviewTasks = async (session: Session) =>
      ((await session.request("GET", "/api/v1/inbox")).json().items as Task[]).filter(
        (task) => task.kind === "fund.review",
      );
    const dueOn = addWorkingDays(closeOn, fundReviewWorkingDays);
    const mine = await reviewTasks(reviewers[0]);
    expect(mine.map((task) => task.entityId).sort()).toEqual(
      applicationIds.map((id) => `${id}:${reviewerIds[0]}`).sort(),
    );
    expect(mine[0]).toMatchObject({ dueOn, link: "/console/fund/reviews", overdue: false });
    // Not assigned (the conflicted reviewer), or not yet overdue (the programme admin): no task.
    expect(await reviewTasks(reviewers[3])).toEqual([]);
    expect(await reviewTasks(admin)).toEqual([]);
    // Past the due date the programme admin has every unscored review, marked as escalated.
    const late = await withClock(addDays(dueOn, 1), () => reviewTasks(admin));
    expect(late).toHaveLength(applicationIds.length * 3);
    expect(late.every((task) => task.overdue && task.label.includes("逾期"))).toBe(true);
  });

  it("lets the programme admin set the call's working days to score, and moves the reviewers' due dates", async () => {
    const dueOf = async (session: Session) =>
      ((await session.request("GET", "/api/v1/inbox")).json().items as { kind: string; dueOn: string }[]).find(
        (task) => task.kind === "fund.review",
      )?.dueOn;
    const changed = await admin.request("PATCH", `/api/v1/fund/calls/${callId}/deadlines`, { reviewWorkingDays: 3 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ reviewWorkingDays: 3, reportReviewWorkingDays: fundReviewWorkingDays });
    expect(await dueOf(reviewers[0])).toBe(addWorkingDays(closeOn, 3));
    expect(await countAudit(test.database.db, "fund.call.deadlines")).toBe(1);
    // Out of range, or nothing given: refused next to the field; a reviewer may not change it.
    const tooLong = await admin.request("PATCH", `/api/v1/fund/calls/${callId}/deadlines`, { reviewWorkingDays: 61 });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.fields).toHaveProperty("reviewWorkingDays");
    const empty = await admin.request("PATCH", `/api/v1/fund/calls/${callId}/deadlines`, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields).toHaveProperty("reviewWorkingDays");
    const notAdmin = await reviewers[0].request("PATCH", `/api/v1/fund/calls/${callId}/deadlines`, {
      reviewWorkingDays: 30,
    });
    expect(notAdmin.statusCode).toBe(403);
    const back = await admin.request("PATCH", `/api/v1/fund/calls/${callId}/deadlines`, {
      reviewWorkingDays: fundReviewWorkingDays,
    });
    expect(back.statusCode).toBe(200);
    expect(await dueOf(reviewers[0])).toBe(addWorkingDays(closeOn, fundReviewWorkingDays));
  });

  it("opens a call with its own deadlines", async () => {
    const call = await admin.request("POST", "/api/v1/fund/calls", {
      year: Number(today.slice(0, 4)),
      title: "短期限申报",
      budgetYuan: 10,
      applicationsCloseOn: closeOn,
      reviewWorkingDays: 5,
      reportReviewWorkingDays: 15,
    });
    expect(call.statusCode, call.body).toBe(201);
    expect(call.json()).toMatchObject({ reviewWorkingDays: 5, reportReviewWorkingDays: 15 });
    const zero = await admin.request("POST", "/api/v1/fund/calls", {
      year: Number(today.slice(0, 4)),
      title: "零期限",
      budgetYuan: 10,
      applicationsCloseOn: closeOn,
      reviewWorkingDays: 0,
    });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().error.fields).toHaveProperty("reviewWorkingDays");
  });

  it("publishes no result of a call before it is allocated", async () => {
    const response = await test.app.inject({ method: "GET", url: "/api/v1/fund/results" });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().items.map((each: { id: string }) => each.id)).not.toContain(callId);
  });

  it("ranks and funds with the shared code (skipping what does not fit), publishes, pays in two stages", async () => {
    // all criteria equal per application: A 90, B 80, C 70 → A 60 (40 left), B 50 skipped, C 30 funded
    for (const [index, id] of applicationIds.entries()) {
      const value = 90 - 10 * index;
      for (const reviewer of reviewers.slice(0, 3)) {
        const scored = await reviewer.request("POST", `/api/v1/fund/applications/${id}/scores`, {
          scores: { innovation: value, need: value, feasibility: value, budget: value, sustainability: value },
        });
        expect(scored.statusCode, scored.body).toBe(200);
      }
    }
    // Scored: the reviews leave the reviewers' inboxes.
    const inbox = (await reviewers[0].request("GET", "/api/v1/inbox")).json().items as { kind: string }[];
    expect(inbox.filter((task) => task.kind === "fund.review")).toEqual([]);
    const early = await admin.request("POST", `/api/v1/fund/calls/${callId}/allocate`, {});
    expect(early.statusCode).toBe(409);
    setClock(addDays(closeOn, 1));
    const allocated = await admin.request("POST", `/api/v1/fund/calls/${callId}/allocate`, {});
    expect(allocated.statusCode, allocated.body).toBe(200);
    const results = (await test.app.inject({ method: "GET", url: `/api/v1/fund/calls/${callId}/results` })).json();
    expect(results.items.map((each: { score: string; grantedYuan: string }) => [each.score, each.grantedYuan])).toEqual(
      [
        ["90.00", "60.00"],
        ["80.00", "0.00"],
        ["70.00", "30.00"],
      ],
    );
    const start = await admin.request("POST", `/api/v1/fund/applications/${applicationIds[0]}/payments`, {
      stage: "start",
      paidOn: addDays(closeOn, 1),
    });
    expect(start.json().paidYuan).toBe("36.00");
    // The rest waits for the final evaluation: the accepted final report.
    const tooEarly = await admin.request("POST", `/api/v1/fund/applications/${applicationIds[0]}/payments`, {
      stage: "final",
      paidOn: addDays(closeOn, 2),
    });
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().error.code).toBe("final_evaluation_required");
    const notOwn = await applicants[1].request("POST", `/api/v1/fund/applications/${applicationIds[0]}/reports`, {
      kind: "final",
      summary: "冒名",
    });
    expect(notOwn.statusCode).toBe(404);
    const progress = await applicants[0].request("POST", `/api/v1/fund/applications/${applicationIds[0]}/reports`, {
      kind: "progress",
      summary: "完成议事厅建设",
      spentYuan: 20,
    });
    expect(progress.statusCode, progress.body).toBe(201);
    const report = await applicants[0].request("POST", `/api/v1/fund/applications/${applicationIds[0]}/reports`, {
      kind: "final",
      summary: "项目结项：议事 24 次",
      spentYuan: 58.5,
    });
    expect(report.statusCode, report.body).toBe(201);
    const reportTasks = async () =>
      ((await admin.request("GET", "/api/v1/inbox")).json().items as { kind: string; entityId: string }[])
        .filter((task) => task.kind === "fund.report_review")
        .map((task) => task.entityId);
    expect((await reportTasks()).sort()).toEqual([progress.json().id, report.json().id].sort());
    const noScore = await admin.request("POST", `/api/v1/fund/applications/${applicationIds[0]}/report-reviews`, {
      reportId: report.json().id,
      accepted: true,
    });
    expect(noScore.statusCode).toBe(400);
    const accepted = await admin.request("POST", `/api/v1/fund/applications/${applicationIds[0]}/report-reviews`, {
      reportId: report.json().id,
      accepted: true,
      score: 86.5,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: "accepted", score: "86.50", spentYuan: "58.50" });
    expect(await reportTasks()).toEqual([progress.json().id]);
    const beyond = await admin.request("POST", `/api/v1/fund/applications/${applicationIds[0]}/payments`, {
      stage: "final",
      paidOn: addDays(closeOn, 2),
      amountYuan: 24.01,
    });
    expect(beyond.statusCode).toBe(409);
    expect(beyond.json().error.code).toBe("payment_exceeds_grant");
    const final = await admin.request("POST", `/api/v1/fund/applications/${applicationIds[0]}/payments`, {
      stage: "final",
      paidOn: addDays(closeOn, 2),
    });
    expect(final.json().paidYuan).toBe("60.00");
    const unfunded = await admin.request("POST", `/api/v1/fund/applications/${applicationIds[1]}/payments`, {
      stage: "start",
      paidOn: addDays(closeOn, 2),
    });
    expect(unfunded.statusCode).toBe(409);
  });

  it("exports the payment file by POST, CSV or XLSX, formula-escaped, and records each export in the audit log", async () => {
    const bare = await test.app.inject({ method: "GET", url: `/api/v1/fund/calls/${callId}/payment-file` });
    expect(bare.statusCode, "a GET never exports (and records) the payment file").toBe(404);
    const auditor = await signIn(test.app, "auditor");
    const refused = await auditor.request("POST", `/api/v1/fund/calls/${callId}/payment-file`, {});
    expect(refused.statusCode).toBe(403);
    expect(await countAudit(test.database.db, "fund.payment_file.export")).toBe(0);

    const file = await admin.request("POST", `/api/v1/fund/calls/${callId}/payment-file`, {});
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers["content-type"]).toContain("text/csv");
    expect(file.headers["content-disposition"]).toMatch(
      /^attachment; filename="fund-\d{4}-[\d-]+\.csv"; filename\*=UTF-8''/,
    );
    const rows = file.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    // the payee "=HYPERLINK(...)" is text in the spreadsheet, never a formula
    expect(rows.find((row) => row.includes("HYPERLINK"))).toContain(`"'=HYPERLINK(""x"")"`);
    expect(rows.some((row) => /(^|,)=/.test(row))).toBe(false);
    expect(rows.at(-1)).toBe("合计,,60.00,,,2 笔");
    const entries = await test.database.db
      .selectFrom("audit_entries")
      .select(["entity_id", "after"])
      .where("action", "=", "fund.payment_file.export")
      .execute();
    expect(entries).toHaveLength(1);
    expect(entries[0].entity_id).toBe(callId);
    expect(entries[0].after).toMatchObject({ format: "csv", rows: 2, totalFen: 6000 });

    const xlsx = await admin.request("POST", `/api/v1/fund/calls/${callId}/payment-file`, { format: "xlsx" });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(2).getCell(2).value).toBe(`'=HYPERLINK("x")`);
    expect(sheet.getRow(4).getCell(3).value).toBe("60.00");
    expect(await countAudit(test.database.db, "fund.payment_file.export")).toBe(2);
  });

  it("shows the applicant its own application with reports and payments, and no one else's", async () => {
    const mine = (await applicants[0].request("GET", "/api/v1/fund/applications/mine")).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0].application.id).toBe(applicationIds[0]);
    expect(mine.items[0].reports.map((each: { kind: string }) => each.kind)).toEqual(["progress", "final"]);
    expect(mine.items[0].payments.map((each: { amountYuan: string }) => each.amountYuan)).toEqual(["36.00", "24.00"]);
    const other = await applicants[1].request("GET", `/api/v1/fund/applications/${applicationIds[0]}`);
    expect(other.statusCode).toBe(404);
  });

  it("publishes the allocated call's ranked projects without payee, bank account or personal data", async () => {
    // A payee who is a person, with a mobile number: it must never reach the public results.
    await fundDb(test.database.db)
      .updateTable("fund_applications")
      .set({ payee_name: "王小明 13912345678" })
      .where("id", "=", applicationIds[2])
      .execute();
    const response = await test.app.inject({ method: "GET", url: "/api/v1/fund/results" });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["cache-control"]).toBe("public, max-age=300");
    const call = response.json().items.find((each: { id: string }) => each.id === callId);
    expect(call).toMatchObject({
      budgetYuan: "100.00",
      grantedYuan: "90.00",
      fundedCount: 2,
      applicationCount: 3,
      publicityStartOn: addDays(closeOn, 1),
    });
    expect(
      call.projects.map((each: { rank: number; score: string; outcome: string; grantedYuan: string }) => [
        each.rank,
        each.score,
        each.outcome,
        each.grantedYuan,
      ]),
    ).toEqual([
      [1, "90.00", "funded_in_full", "60.00"],
      [2, "80.00", "over_remaining_budget", "0.00"],
      [3, "70.00", "funded_in_full", "30.00"],
    ]);
    expect(call.projects[0]).toMatchObject({ organisation: "中山市示例社工中心", title: "社区议事厅" });
    expect(Object.keys(call.projects[0])).not.toContain("summary");
    const body = response.body;
    for (const secret of ["王小明", "HYPERLINK", "6222020000000000", "第1项"]) expect(body).not.toContain(secret);
    expect(body).not.toMatch(/(?<![0-9])1[3-9]\d{9}(?![0-9])/);
    expect(body).not.toMatch(
      /(?<![0-9])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9])/,
    );
  });
});

describe("innovation fund: eligibility and sub-budgets", () => {
  it("refuses an applicant type or 镇区 the call does not accept, naming the rule", async () => {
    resetClock();
    const call = await admin.request("POST", "/api/v1/fund/calls", {
      year: Number(today.slice(0, 4)),
      title: "镇区专项",
      budgetYuan: 100,
      applicationsCloseOn: closeOn,
      eligibleTypes: ["town", "organisation"],
      eligibleTowns: ["shiqi"],
      categories: [
        { code: "elderly", label: "养老", budgetYuan: 40 },
        { code: "youth", label: "青少年" },
      ],
    });
    expect(call.statusCode, call.body).toBe(201);
    expect(call.json().categories).toEqual([
      { code: "elderly", label: "养老", budgetYuan: "40.00" },
      { code: "youth", label: "青少年", budgetYuan: null },
    ]);
    const id = call.json().id as string;
    const body = (extra: Record<string, unknown>) => ({ ...application(30, [30]), ...extra });
    const department = await applicants[0].request(
      "POST",
      `/api/v1/fund/calls/${id}/applications`,
      body({ applicantType: "department", townCode: "shiqi", category: "youth" }),
    );
    expect(department.statusCode).toBe(403);
    expect(department.json().error.code).toBe("not_eligible");
    expect(department.json().error.message).toContain("镇区、社会组织");
    const otherTown = await applicants[0].request(
      "POST",
      `/api/v1/fund/calls/${id}/applications`,
      body({ applicantType: "organisation", townCode: "xiaolan", category: "youth" }),
    );
    expect(otherTown.statusCode).toBe(403);
    expect(otherTown.json().error.fields).toHaveProperty("townCode");
    const noCategory = await applicants[0].request(
      "POST",
      `/api/v1/fund/calls/${id}/applications`,
      body({ applicantType: "organisation", townCode: "shiqi" }),
    );
    expect(noCategory.statusCode).toBe(400);
    expect(noCategory.json().error.code).toBe("invalid_category");
    const tooMuch = await admin.request("POST", "/api/v1/fund/calls", {
      year: 2030,
      title: "x",
      budgetYuan: 10,
      applicationsCloseOn: closeOn,
      categories: [{ code: "a", label: "A", budgetYuan: 11 }],
    });
    expect(tooMuch.statusCode).toBe(400);
  });

  it("funds a category with a sub-budget within it and the others from the rest", async () => {
    const call = await admin.request("POST", "/api/v1/fund/calls", {
      year: Number(today.slice(0, 4)),
      title: "分项预算",
      budgetYuan: 100,
      applicationsCloseOn: closeOn,
      categories: [
        { code: "elderly", label: "养老", budgetYuan: 40 },
        { code: "youth", label: "青少年" },
      ],
    });
    const id = call.json().id as string;
    // elderly: 50 (best score) does not fit the 40 sub-budget, 30 does; youth: 60 fits the remaining 60.
    const plan: [number, string, number][] = [
      [50, "elderly", 95],
      [30, "elderly", 70],
      [60, "youth", 60],
    ];
    const ids: string[] = [];
    for (const [index, [requested, category]] of plan.entries()) {
      const created = await applicants[index].request("POST", `/api/v1/fund/calls/${id}/applications`, {
        ...application(requested, [requested]),
        category,
      });
      expect(created.statusCode, created.body).toBe(201);
      ids.push(created.json().id);
    }
    for (const [index, applicationId] of ids.entries()) {
      await admin.request("POST", `/api/v1/fund/applications/${applicationId}/reviewers`, {
        reviewerIds: reviewerIds.slice(0, 3),
      });
      const value = plan[index][2];
      for (const reviewer of reviewers.slice(0, 3))
        await reviewer.request("POST", `/api/v1/fund/applications/${applicationId}/scores`, {
          scores: { innovation: value, need: value, feasibility: value, budget: value, sustainability: value },
        });
    }
    const work = (await reviewers[0].request("GET", "/api/v1/fund/reviews/mine")).json();
    const scored = work.items.find((each: { application: { id: string } }) => each.application.id === ids[0]);
    expect(scored).toMatchObject({ assigned: true, conflict: false, myScores: { innovation: "95.00" } });
    setClock(addDays(closeOn, 1));
    const allocated = await admin.request("POST", `/api/v1/fund/calls/${id}/allocate`, {});
    expect(allocated.statusCode, allocated.body).toBe(200);
    const items = (await admin.request("GET", `/api/v1/fund/calls/${id}/applications`)).json().items as {
      id: string;
      grantedYuan: string;
      outcome: string;
    }[];
    const granted = Object.fromEntries(items.map((each) => [each.id, [each.grantedYuan, each.outcome]]));
    expect(granted[ids[0]]).toEqual(["0.00", "over_remaining_budget"]);
    expect(granted[ids[1]]).toEqual(["30.00", "funded_in_full"]);
    expect(granted[ids[2]]).toEqual(["60.00", "funded_in_full"]);
    resetClock();
  });

  it("treats a conflict as one with the applicant: excluded from every application of it, in every call", async () => {
    // expert4 declared a conflict on org1's application of the first call; org1 applies to a second call.
    const call = await admin.request("POST", "/api/v1/fund/calls", {
      year: Number(today.slice(0, 4)),
      title: "第二批",
      budgetYuan: 200,
      applicationsCloseOn: closeOn,
    });
    const id = call.json().id as string;
    const applied = [];
    for (const applicant of applicants.slice(0, 2)) {
      const created = await applicant.request("POST", `/api/v1/fund/calls/${id}/applications`, application(50, [50]));
      expect(created.statusCode, created.body).toBe(201);
      applied.push(created.json().id as string);
    }
    const [org1Second, org2Second] = applied;
    const refused = await admin.request("POST", `/api/v1/fund/applications/${org1Second}/reviewers`, {
      reviewerIds: [reviewerIds[3]],
    });
    expect(refused.statusCode, "a conflict declared on another application of the applicant counts").toBe(409);
    expect(refused.json().error.code).toBe("reviewer_conflict");
    expect(refused.json().error.fields["reviewerIds.0"]).toContain("申报单位");
    // org2 is another applicant: expert4 may review it.
    const other = await admin.request("POST", `/api/v1/fund/applications/${org2Second}/reviewers`, {
      reviewerIds: [reviewerIds[3]],
    });
    expect(other.statusCode, other.body).toBe(200);
    const work = (await reviewers[3].request("GET", "/api/v1/fund/reviews/mine")).json();
    const conflictOf = (applicationId: string) =>
      work.items.find((each: { application: { id: string } }) => each.application.id === applicationId)?.conflict;
    expect(conflictOf(org1Second)).toBe(true);
    expect(conflictOf(org2Second)).toBe(false);
    const assignments = (await admin.request("GET", `/api/v1/fund/calls/${id}/assignments`)).json();
    expect(assignments.conflicts).toEqual([{ applicationId: org1Second, reviewerId: reviewerIds[3] }]);

    // expert1..3 score both; then expert1 declares a conflict on org1's first application: its score of org1's
    // second one is recused, and it is unassigned from nothing it already scored.
    const scores = { innovation: 80, need: 80, feasibility: 80, budget: 80, sustainability: 80 };
    for (const applicationId of applied) {
      await admin.request("POST", `/api/v1/fund/applications/${applicationId}/reviewers`, {
        reviewerIds: reviewerIds.slice(0, 3),
      });
      for (const reviewer of reviewers.slice(0, 3)) {
        const scored = await reviewer.request("POST", `/api/v1/fund/applications/${applicationId}/scores`, { scores });
        expect(scored.statusCode, scored.body).toBe(200);
      }
    }
    const declared = await reviewers[0].request("POST", `/api/v1/fund/applications/${applicationIds[0]}/conflict`, {
      note: "曾任该机构理事",
    });
    expect(declared.statusCode).toBe(201);
    const rescore = await reviewers[0].request("POST", `/api/v1/fund/applications/${org1Second}/scores`, { scores });
    expect(rescore.statusCode).toBe(403);
    expect(rescore.json().error.code).toBe("recused");
    setClock(addDays(closeOn, 1));
    const allocated = await admin.request("POST", `/api/v1/fund/calls/${id}/allocate`, {});
    expect(allocated.statusCode, allocated.body).toBe(200);
    const items = (await admin.request("GET", `/api/v1/fund/calls/${id}/applications`)).json().items as {
      id: string;
      grantedYuan: string;
      outcome: string;
    }[];
    const outcome = Object.fromEntries(items.map((each) => [each.id, [each.outcome, each.grantedYuan]]));
    // Two non-recused reviewers left on org1's application: not ranked, unfunded.
    expect(outcome[org1Second]).toEqual(["too_few_reviewers", "0.00"]);
    expect(outcome[org2Second]).toEqual(["funded_in_full", "50.00"]);
    resetClock();
  });
});
