/**
 * The innovation fund through the API: a call, applications with budget lines, conflicts and assignment,
 * scores, allocation with the shared code published for objections, staged payments and the payment file.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clock, resetClock, setClock } from "../../src/core/clock";
import { addDays } from "../../src/core/dates";
import { inTransaction } from "../../src/db/transaction";
import { createAccount } from "../../src/platform/accounts/accounts.commands";
import { createTestApp, type TestApp } from "../helpers/app";
import { signIn, testPassword, type Session } from "../helpers/fixtures";

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
    const file = await admin.request("GET", `/api/v1/fund/calls/${callId}/payment-file`);
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain("'=HYPERLINK");
    expect(file.body).toContain("36.00");
    expect(file.body).toContain("60.00");
  });
});
