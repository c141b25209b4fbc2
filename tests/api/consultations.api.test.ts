import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../src/core/dates";
import { clock } from "../../src/core/clock";
import { inTransaction } from "../../src/db/transaction";
import { demoPassword } from "../../src/demo/accounts";
import { loadDemo } from "../../src/demo/load";
import { buildApp } from "../../src/http/app";
import { modules } from "../../src/http/modules";
import { commentSupportsPerHour, commentsPerHour } from "../../src/modules/consultations/routes";
import { createAccount } from "../../src/platform/accounts/accounts.commands";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { signIn, type Session } from "../helpers/fixtures";

let database: TestDatabase;
let app: FastifyInstance;
let resident: Session;
let outsider: Session;
let policy: Session;
let clerkShiqi: Session;
let clerkXiaolan: Session;
/** Residents of the resident's community: the second support, and the rate limits (each their own budget). */
let neighbour: Session;
let neighbourTwo: Session;

interface Consultation {
  id: string;
  kind: string;
  status: string;
  articles: { id: string; number: number; comments: { id: string; text: string | null; hidden: unknown }[] }[];
}

beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemo(database.db, { modules, persons: 400 });
  // A resident of another community, to see that a community's deliberation stays with its residents.
  const residentCommunity = await sql<{ community_id: string }>`select p.community_id from accounts a
    join persons p on p.id = a.person_id where a.username = 'resident'`.execute(database.db);
  const other = await database.db
    .selectFrom("persons")
    .select("id")
    .where("community_id", "is not", null)
    .where("community_id", "!=", residentCommunity.rows[0].community_id)
    .where("id", "not in", database.db.selectFrom("accounts").select("person_id").where("person_id", "is not", null))
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const neighbours = await database.db
    .selectFrom("persons")
    .select("id")
    .where("community_id", "=", residentCommunity.rows[0].community_id)
    .where("id", "not in", database.db.selectFrom("accounts").select("person_id").where("person_id", "is not", null))
    .orderBy("id")
    .limit(2)
    .execute();
  expect(neighbours).toHaveLength(2);
  await inTransaction(database.db, async (trx) => {
    for (const [username, personId] of [
      ["outsider", other.id],
      ["neighbour", neighbours[0].id],
      ["neighbour.two", neighbours[1].id],
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
  outsider = await signIn(app, "outsider", demoPassword);
  policy = await signIn(app, "policy.officer", demoPassword);
  clerkShiqi = await signIn(app, "clerk.shiqi", demoPassword);
  clerkXiaolan = await signIn(app, "clerk.xiaolan", demoPassword);
  neighbour = await signIn(app, "neighbour", demoPassword);
  neighbourTwo = await signIn(app, "neighbour.two", demoPassword);
}, 180_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
});

async function byKind(session: Session | null, kind: string): Promise<Consultation | undefined> {
  const list = session
    ? (await session.request("GET", "/api/v1/consultations")).json()
    : (await app.inject({ method: "GET", url: "/api/v1/consultations" })).json();
  const item = list.items.find((row: { kind: string }) => row.kind === kind);
  if (!item) return undefined;
  return session
    ? (await session.request("GET", `/api/v1/consultations/${item.id}`)).json()
    : (await app.inject({ method: "GET", url: `/api/v1/consultations/${item.id}` })).json();
}

describe("public consultation: the 2016 points-scheme draft", () => {
  it("shows a hidden comment's reason in its place, never its text, and refuses comments after the close", async () => {
    const draft = (await byKind(null, "public"))!;
    expect(draft.status).toBe("closed");
    const comments = draft.articles.flatMap((article) => article.comments);
    const hidden = comments.filter((comment) => comment.hidden);
    expect(hidden).toHaveLength(1);
    expect(hidden[0].text).toBeNull();
    expect(hidden[0].hidden).toMatchObject({ rule: "abuse" });
    expect(JSON.stringify(draft)).not.toContain("脑子进水");
    const late = await resident.request("POST", `/api/v1/consultations/${draft.id}/comments`, {
      articleId: draft.articles[0].id,
      text: "晚了吗？",
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.code).toBe("consultation_not_open");
    // Comments are never deleted nor rewritten, whatever the caller.
    await expect(
      sql`delete from consultation_comments where id = ${hidden[0].id}`.execute(database.db),
    ).rejects.toThrow(/never deleted/);
    await expect(
      sql`update consultation_comments set text = 'x' where id = ${hidden[0].id}`.execute(database.db),
    ).rejects.toThrow(/never changed/);
  });

  it("publishes the report only when it answers every visible comment, then the decision linked to it", async () => {
    const draft = (await byKind(null, "public"))!;
    const visible = draft.articles.flatMap((article) => article.comments).filter((comment) => !comment.hidden);
    const early = await policy.request("POST", `/api/v1/consultations/${draft.id}/decision`, { title: "t", text: "x" });
    expect(early.json().error.code).toBe("report_required");
    expect(
      (await clerkShiqi.request("POST", `/api/v1/consultations/${draft.id}/report`, { summary: "s", items: [] }))
        .statusCode,
    ).toBe(404);
    const partial = await policy.request("POST", `/api/v1/consultations/${draft.id}/report`, {
      summary: "共收到意见 6 条。",
      items: [
        {
          commentIds: [visible[0].id],
          summary: "支持放宽",
          outcome: "adopted",
          response: "采纳，工作满半年即可申请。",
        },
      ],
    });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().error.code).toBe("comments_unanswered");
    const report = await policy.request("POST", `/api/v1/consultations/${draft.id}/report`, {
      summary: "共收到意见 6 条，1 条因违反管理规则被隐藏。",
      items: [
        { commentIds: [visible[0].id], summary: "支持放宽", outcome: "adopted", response: "采纳。" },
        {
          commentIds: visible.slice(1).map((comment) => comment.id),
          summary: "参保、镇区奖励和过渡期",
          outcome: "partly_adopted",
          response: "设一年过渡期；省内参保年限暂不计分，因各地缴费基数不一。",
        },
      ],
    });
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json()).toMatchObject({ status: "reported", report: { publishedOn: clock.today() } });
    const decision = await policy.request("POST", `/api/v1/consultations/${draft.id}/decision`, {
      title: "中山市流动人员积分制管理规定",
      text: "经征求意见修改后印发。",
    });
    expect(decision.json()).toMatchObject({ status: "decided", decision: { title: "中山市流动人员积分制管理规定" } });
  });
});

// Before the meeting below is recorded: the deliberation takes comments until then.
describe("supports and rate limits of a deliberation", () => {
  async function residentComment(text: string) {
    const mine = (await byKind(resident, "community"))!;
    const commented = await resident.request("POST", `/api/v1/consultations/${mine.id}/comments`, {
      articleId: mine.articles[0].id,
      text,
    });
    expect(commented.statusCode, commented.body).toBe(201);
    return { consultation: mine, commentId: commented.json().articles[0].comments.at(-1).id as string };
  }

  it("counts a neighbour's support of a comment once and refuses the second", async () => {
    const { consultation, commentId } = await residentComment("路灯也请修一修。");
    const supportUrl = `/api/v1/consultations/${consultation.id}/comments/${commentId}/supports`;
    const first = await neighbour.request("POST", supportUrl);
    expect(first.statusCode, first.body).toBe(200);
    const second = await neighbour.request("POST", supportUrl);
    expect(second.statusCode).toBe(400);
    expect(second.json().error.code).toBe("already_supported");
    expect(second.json().error.message).toContain("您已支持过该意见");
    const row = await sql<{
      support_count: number;
    }>`select support_count from consultation_comments where id = ${commentId}`.execute(database.db);
    expect(Number(row.rows[0].support_count)).toBe(1);
    const supports = await sql<{ count: string }>`select count(*) from consultation_comment_supports
      where comment_id = ${commentId}`.execute(database.db);
    expect(Number(supports.rows[0].count)).toBe(1);
  });

  it("limits one account's comments per hour; another resident still comments", async () => {
    const mine = (await byKind(neighbour, "community"))!;
    const statuses: number[] = [];
    for (let index = 0; index <= commentsPerHour; index++)
      statuses.push(
        (
          await neighbour.request("POST", `/api/v1/consultations/${mine.id}/comments`, {
            articleId: mine.articles[0].id,
            text: `第 ${index + 1} 条意见`,
          })
        ).statusCode,
      );
    expect(statuses.slice(0, commentsPerHour).every((status) => status === 201)).toBe(true);
    expect(statuses[commentsPerHour]).toBe(429);
    const other = await neighbourTwo.request("POST", `/api/v1/consultations/${mine.id}/comments`, {
      articleId: mine.articles[0].id,
      text: "我也有意见。",
    });
    expect(other.statusCode, other.body).toBe(201);
  });

  it("limits one account's supports per hour, refused ones included; another resident still supports", async () => {
    const { consultation, commentId } = await residentComment("健身器材请加防滑垫。");
    const supportUrl = `/api/v1/consultations/${consultation.id}/comments/${commentId}/supports`;
    const statuses: number[] = [];
    for (let index = 0; index <= commentSupportsPerHour; index++)
      statuses.push((await neighbourTwo.request("POST", supportUrl)).statusCode);
    expect(statuses[0]).toBe(200);
    expect(statuses.slice(1, commentSupportsPerHour).every((status) => status === 400)).toBe(true);
    expect(statuses[commentSupportsPerHour]).toBe(429);
    const other = await neighbour.request("POST", supportUrl);
    expect(other.statusCode, other.body).toBe(200);
  });
});

describe("村居议事: a community's own deliberation", () => {
  it("is seen and discussed by its residents only, moderated by its town's clerks", async () => {
    expect(await byKind(null, "community")).toBeUndefined();
    expect(await byKind(outsider, "community")).toBeUndefined();
    const mine = (await byKind(resident, "community"))!;
    expect(mine.status).toBe("open");
    const commented = await resident.request("POST", `/api/v1/consultations/${mine.id}/comments`, {
      articleId: mine.articles[0].id,
      text: "<b>支持</b>，但沙池要有遮阳。",
    });
    expect(commented.statusCode, commented.body).toBe(201);
    const comment = commented.json().articles[0].comments.at(-1);
    expect(comment).toMatchObject({ text: "<b>支持</b>，但沙池要有遮阳。", mine: true });
    const own = await resident.request("POST", `/api/v1/consultations/${mine.id}/comments/${comment.id}/supports`);
    expect(own.json().error.code).toBe("own_comment");
    const elsewhere = await clerkXiaolan.request(
      "POST",
      `/api/v1/consultations/${mine.id}/comments/${comment.id}/hide`,
      { rule: "abuse", reason: "x" },
    );
    expect(elsewhere.statusCode).toBe(404);
    const badRule = await clerkShiqi.request("POST", `/api/v1/consultations/${mine.id}/comments/${comment.id}/hide`, {
      rule: "dislike",
      reason: "x",
    });
    expect(badRule.json().error.code).toBe("unknown_rule");
    const tooManyVotes = await clerkShiqi.request("POST", `/api/v1/consultations/${mine.id}/meeting`, {
      heldOn: clock.today(),
      present: ["张三", "李四"],
      votesFor: 2,
      votesAgainst: 1,
      votesAbstain: 0,
      outcome: "通过",
    });
    expect(tooManyVotes.json().error.code).toBe("votes_exceed_present");
    const future = await clerkShiqi.request("POST", `/api/v1/consultations/${mine.id}/meeting`, {
      heldOn: addDays(clock.today(), 1),
      present: ["张三"],
      votesFor: 1,
      votesAgainst: 0,
      votesAbstain: 0,
      outcome: "通过",
    });
    expect(future.json().error.code).toBe("meeting_in_future");
    const held = await clerkShiqi.request("POST", `/api/v1/consultations/${mine.id}/meeting`, {
      heldOn: clock.today(),
      present: ["张三", "李四", "王五"],
      votesFor: 2,
      votesAgainst: 1,
      votesAbstain: 0,
      outcome: "通过：增设游乐设施，照明延长至 22 点。",
    });
    expect(held.statusCode, held.body).toBe(200);
    expect((await resident.request("GET", `/api/v1/consultations/${mine.id}`)).json().meeting).toMatchObject({
      votesFor: 2,
      present: ["张三", "李四", "王五"],
    });
  });
});
