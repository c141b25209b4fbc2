import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addWorkingDays } from "../../src/core/calendar";
import { addDays } from "../../src/core/dates";
import { clock, withClock } from "../../src/core/clock";
import { inTransaction } from "../../src/db/transaction";
import { demoPassword } from "../../src/demo/accounts";
import { loadDemo } from "../../src/demo/load";
import { buildApp } from "../../src/http/app";
import { modules } from "../../src/http/modules";
import { supportsPerHour } from "../../src/modules/suggestions/routes";
import { createAccount } from "../../src/platform/accounts/accounts.commands";
import { suggestionDeadlines } from "../../src/modules/suggestions/deadlines";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { signIn, type Session } from "../helpers/fixtures";

let database: TestDatabase;
let app: FastifyInstance;
let resident: Session;
let residentTwo: Session;
/** Only the rate-limit test supports as this resident: its budget is its own. */
let residentThree: Session;
let officer: Session;
let education: Session;
let admin: Session;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemo(database.db, { modules, persons: 400 });
  const person = await database.db
    .selectFrom("persons")
    .select("id")
    .where("id", "not in", database.db.selectFrom("accounts").select("person_id").where("person_id", "is not", null))
    .where("id", "not in", database.db.selectFrom("suggestion_supports" as never).select("person_id" as never))
    .orderBy("id")
    .limit(2)
    .execute();
  await inTransaction(database.db, async (trx) => {
    for (const [username, personId] of [
      ["resident.two", person[0].id],
      ["resident.three", person[1].id],
    ]) {
      const created = await createAccount(
        trx,
        { actor: null, requestId: null },
        { username, displayName: username, password: demoPassword, roles: [{ role: "resident" }], personId },
      );
      if (!created.ok) throw new Error(created.error.message);
    }
  });
  app = await buildApp({ db: database.db, webDist: "/nonexistent", loginRateLimitPerMinute: 1000 });
  resident = await signIn(app, "resident", demoPassword);
  residentTwo = await signIn(app, "resident.two", demoPassword);
  residentThree = await signIn(app, "resident.three", demoPassword);
  officer = await signIn(app, "verifier.publicsecurity", demoPassword);
  education = await signIn(app, "verifier.education", demoPassword);
  admin = await signIn(app, "programme.admin", demoPassword);
}, 180_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
});

async function demoIdea(reference: string) {
  const list = (await app.inject({ method: "GET", url: `/api/v1/suggestions?q=${reference}` })).json();
  expect(list.items, reference).toHaveLength(1);
  return list.items[0] as { id: string; supportCount: number; supportThreshold: number; proposer: string };
}

describe("suggestions (金点子)", () => {
  it("lists and searches ideas publicly with the proposer's name masked and no person behind it", async () => {
    const answer = await app.inject({ method: "GET", url: "/api/v1/suggestions?state=not_adopted" });
    expect(answer.statusCode).toBe(200);
    const page = answer.json();
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) {
      expect(item.state).toBe("not_adopted");
      expect(item.proposer).toMatch(/\*/);
      expect(item).not.toHaveProperty("proposerPersonId");
    }
    const one = (await app.inject({ method: "GET", url: `/api/v1/suggestions/${page.items[0].id}` })).json();
    expect(one.answer.length).toBeGreaterThan(10);
    expect(JSON.stringify(one)).not.toMatch(/person|account/i);
  });

  it("counts one support per resident; the support reaching the threshold starts the answer deadline", async () => {
    const idea = await demoIdea("JZ-DEMO-00001");
    expect(idea.supportCount).toBe(idea.supportThreshold - 1);
    const anonymous = await app.inject({ method: "POST", url: `/api/v1/suggestions/${idea.id}/supports` });
    expect(anonymous.statusCode).toBe(401);
    const supported = await resident.request("POST", `/api/v1/suggestions/${idea.id}/supports`);
    expect(supported.statusCode, supported.body).toBe(200);
    const today = clock.today();
    expect(supported.json()).toMatchObject({
      supportCount: idea.supportThreshold,
      supportedByMe: true,
      thresholdReachedOn: today,
      answerDueOn: addWorkingDays(today, 15),
      answerOverdue: false,
    });
    const again = await resident.request("POST", `/api/v1/suggestions/${idea.id}/supports`);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe("already_supported");
    // The owning department has the answer as a task; once overdue, the programme admins have it too.
    const [deadline] = (await suggestionDeadlines(database.db)).filter((item) => item.entityId === idea.id);
    expect(deadline.assignees).toEqual([{ role: "verifier", departmentCode: "public_security" }]);
    const late = await withClock(addDays(addWorkingDays(today, 15), 1), () => suggestionDeadlines(database.db));
    expect(late.find((item) => item.entityId === idea.id)?.assignees).toContainEqual({ role: "programme_admin" });
  });

  it("refuses supporting one's own idea, and proposing without a department or campaign", async () => {
    const proposed = await residentTwo.request("POST", "/api/v1/suggestions", {
      title: "<script>alert(1)</script> 公交站加装遮阳棚",
      body: "夏天等车太晒。",
      townCode: "shiqi",
      campaignCode: "gongyi",
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    expect(proposed.json()).toMatchObject({ state: "submitted", supportCount: 0, mine: true });
    expect(proposed.json().title).toBe("<script>alert(1)</script> 公交站加装遮阳棚");
    const own = await residentTwo.request("POST", `/api/v1/suggestions/${proposed.json().id}/supports`);
    expect(own.json().error.code).toBe("own_suggestion");
    const noDepartment = await residentTwo.request("POST", "/api/v1/suggestions", {
      title: "t",
      body: "b",
      townCode: "shiqi",
    });
    expect(noDepartment.statusCode).toBe(400);
    expect(Object.keys(noDepartment.json().error.fields)).toEqual(["departmentCode"]);
    const staff = await officer.request("POST", "/api/v1/suggestions", { title: "t", body: "b", townCode: "shiqi" });
    expect(staff.statusCode).toBe(403);
  });

  it("lets only the owning department answer, with reasons when not adopting, then record implementation", async () => {
    const idea = await demoIdea("JZ-DEMO-00001");
    expect((await education.request("POST", `/api/v1/suggestions/${idea.id}/review`)).statusCode).toBe(404);
    expect((await resident.request("POST", `/api/v1/suggestions/${idea.id}/review`)).statusCode).toBe(403);
    const review = await officer.request("POST", `/api/v1/suggestions/${idea.id}/review`);
    expect(review.json().state).toBe("under_review");
    const short = await officer.request("POST", `/api/v1/suggestions/${idea.id}/answer`, {
      outcome: "partly_adopted",
      answer: "部分采纳",
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.code).toBe("reason_required");
    const answered = await officer.request("POST", `/api/v1/suggestions/${idea.id}/answer`, {
      outcome: "partly_adopted",
      answer: "部分采纳：先在石岐段设置 3 个巡逻点；报警柱需与市政统筹，明年纳入预算。",
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ state: "partly_adopted", answeredOn: clock.today() });
    expect((await suggestionDeadlines(database.db)).some((item) => item.entityId === idea.id)).toBe(false);
    const late = await resident.request("POST", `/api/v1/suggestions/${idea.id}/supports`);
    expect(late.statusCode).toBe(400);
    const done = await admin.request("POST", `/api/v1/suggestions/${idea.id}/progress`, {
      text: "3 个巡逻点已启用。",
      implemented: true,
    });
    expect(done.json().state).toBe("implemented");
    expect(done.json().progress.map((note: { text: string }) => note.text)).toEqual(["3 个巡逻点已启用。"]);
    const figures = (await app.inject({ method: "GET", url: "/api/v1/suggestions/campaigns/zhian/figures" })).json();
    expect(figures.adopted).toBeGreaterThanOrEqual(1);
  });
});

describe("the rate limit on supports", () => {
  it("limits one account's supports per hour, refused ones included; another resident still supports", async () => {
    const open = (await app.inject({ method: "GET", url: "/api/v1/suggestions?state=submitted" })).json();
    const idea = (open.items as { id: string; mine?: boolean }[]).at(-1)!;
    const supportUrl = `/api/v1/suggestions/${idea.id}/supports`;
    const statuses: number[] = [];
    for (let index = 0; index <= supportsPerHour; index++)
      statuses.push((await residentThree.request("POST", supportUrl)).statusCode);
    expect(statuses[0]).toBe(200);
    expect(statuses.slice(1, supportsPerHour).every((status) => status === 400)).toBe(true);
    expect(statuses[supportsPerHour]).toBe(429);
    const limited = await residentThree.request("POST", supportUrl);
    expect(limited.json().error.code).toBe("rate_limited");
    const other = await residentTwo.request("POST", supportUrl);
    expect(other.statusCode, other.body).toBe(200);
  });
});
