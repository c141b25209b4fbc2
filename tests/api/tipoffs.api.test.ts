/**
 * Tip-offs end to end on the demo data: an anonymous report followed by receipt code (information, photos with
 * EXIF stripped), routing to the handling department, its decision and reward collected by receipt code, the
 * wrong-guess and report rate limits, admin categories and routing, and a verified tip by a person in the
 * points scheme becoming the `verified_tips_5y` fact.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addWorkingDays } from "../../src/core/calendar";
import { clock, withClock } from "../../src/core/clock";
import { addDays } from "../../src/core/dates";
import { inTransaction } from "../../src/db/transaction";
import { demoPassword } from "../../src/demo/accounts";
import { loadDemo } from "../../src/demo/load";
import { buildApp } from "../../src/http/app";
import { modules } from "../../src/http/modules";
import { refreshVerifiedTipFacts } from "../../src/modules/tipoffs/commands/points.refresh";
import { maxWrongGuesses } from "../../src/modules/tipoffs/guesses";
import { tipoffDeadlines } from "../../src/modules/tipoffs/deadlines";
import { campaignTipoffFigures } from "../../src/modules/tipoffs/repository";
import { reportsPerHour } from "../../src/modules/tipoffs/routes/tipoffs.routes";
import { demoReceiptCodes } from "../../src/modules/tipoffs/seeds";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { signIn, type Session } from "../helpers/fixtures";
import { createAccount } from "../../src/platform/accounts/accounts.commands";
import { gpsMarker, jpegWithExif, pngWithText } from "../helpers/images";

let database: TestDatabase;
let app: FastifyInstance;
const s = {} as Record<"officer" | "colleague" | "education" | "admin" | "programme" | "clerk" | "resident", Session>;
let addressCounter = 0;
/** A fresh client address, so each test has its own rate-limit budget. */
const address = () => `10.9.0.${++addressCounter}`;

function post(url: string, payload: unknown, remoteAddress = address()) {
  return app.inject({ method: "POST", url: `/api/v1${url}`, payload: payload as object, remoteAddress });
}

function photoUpload(receiptCode: string, bytes: Buffer, remoteAddress = address()) {
  const boundary = `----tip${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="receiptCode"\r\n\r\n${receiptCode}\r\n`),
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="p.jpg"\r\ncontent-type: image/jpeg\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({
    method: "POST",
    url: "/api/v1/tipoffs/follow/photos",
    payload,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    remoteAddress,
  });
}

const report = {
  categoryCode: "drugs",
  townCode: "shiqi",
  place: "石岐区测试路 1 号",
  description: "<script>alert(1)</script> 有人在楼道交易可疑物品",
  anonymous: true,
};

beforeAll(async () => {
  process.env.GONGZHI_FILES = mkdtempSync(join(tmpdir(), "gongzhi-tipoffs-"));
  database = await createTestDatabase();
  await loadDemo(database.db, { modules, persons: 200 });
  // A second officer of the same department: the reporter's identity is for the officer who took the tip only.
  await inTransaction(database.db, async (trx) => {
    const created = await createAccount(
      trx,
      { actor: null, requestId: null },
      {
        username: "verifier.publicsecurity.two",
        displayName: "市公安局核查员二",
        password: demoPassword,
        roles: [{ role: "verifier", departmentCode: "public_security" }],
      },
    );
    if (!created.ok) throw new Error(created.error.message);
  });
  app = await buildApp({ db: database.db, webDist: "/nonexistent" });
  const names = {
    officer: "verifier.publicsecurity",
    colleague: "verifier.publicsecurity.two",
    education: "verifier.education",
    admin: "admin",
    programme: "programme.admin",
    clerk: "clerk.shiqi",
    resident: "resident",
  } as const;
  for (const [key, username] of Object.entries(names))
    s[key as keyof typeof s] = await signIn(app, username, demoPassword);
}, 240_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe("reporting and following by receipt code", () => {
  it("files an anonymous report, routes it to the handling department with a working-day deadline", async () => {
    const filed = await post("/tipoffs", report);
    expect(filed.statusCode, filed.body).toBe(201);
    const receipt = filed.json();
    expect(receipt.receiptCode).toMatch(/^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/);
    expect(receipt.departmentName).toBe("市公安局");
    expect(receipt.dueOn).toBe(addWorkingDays(clock.today(), 15));
    const stored = await sql<{
      n: number;
    }>`select count(*)::int as n from tipoffs where receipt_hash like ${"%" + receipt.receiptCode + "%"}`.execute(
      database.db,
    );
    expect(stored.rows[0].n, "the code itself is never stored").toBe(0);

    const followed = await post("/tipoffs/follow", { receiptCode: receipt.receiptCode.toLowerCase() });
    expect(followed.statusCode, followed.body).toBe(200);
    expect(followed.json()).toMatchObject({ reference: receipt.reference, state: "submitted", photoCount: 0 });
    expect(followed.json().description).toBe(report.description);

    const added = await post("/tipoffs/follow/information", {
      receiptCode: receipt.receiptCode,
      text: "补充：每晚十点后",
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().events.map((event: { kind: string }) => event.kind)).toEqual(["submitted", "information"]);

    // The handling department's officers have it in their inbox; overdue, it is escalated to programme admins.
    const id = (await s.officer.request("GET", `/api/v1/tipoffs?q=${receipt.reference}`)).json().items[0].id;
    const [task] = (await tipoffDeadlines(database.db)).filter((item) => item.entityId === id);
    expect(task.assignees).toEqual([{ role: "verifier", departmentCode: "public_security" }]);
    expect(JSON.stringify(task)).not.toContain(report.description);
    const late = await withClock(addDays(receipt.dueOn, 1), () => tipoffDeadlines(database.db));
    expect(late.find((item) => item.entityId === id)?.assignees).toContainEqual({ role: "programme_admin" });
  });

  it("refuses bad reports naming the field", async () => {
    const unknown = await post("/tipoffs", { ...report, categoryCode: "nope" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toHaveProperty("categoryCode");
    const town = await post("/tipoffs", { ...report, townCode: "atlantis" });
    expect(town.json().error.fields).toHaveProperty("townCode");
    const named = await post("/tipoffs", { ...report, anonymous: false });
    expect(named.json().error.fields).toHaveProperty(["reporter.name"]);
    const phone = await post("/tipoffs", { ...report, anonymous: false, reporter: { name: "王五", phone: "12" } });
    expect(phone.statusCode).toBe(400);
    expect(phone.json().error.fields).toHaveProperty(["reporter.phone"]);
    const extra = await post("/tipoffs", { ...report, secret: 1 });
    expect(extra.statusCode).toBe(400);
  });

  it("strips EXIF/GPS from photos before anyone sees them, and refuses other files by content", async () => {
    const filed = (await post("/tipoffs", report)).json();
    const jpeg = await photoUpload(filed.receiptCode, jpegWithExif());
    expect(jpeg.statusCode, jpeg.body).toBe(201);
    const png = await photoUpload(filed.receiptCode, pngWithText());
    expect(png.statusCode, png.body).toBe(201);
    const pdf = await photoUpload(filed.receiptCode, Buffer.from("%PDF-1.4\n%photo"));
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error.code).toBe("file_type_not_allowed");
    const text = await photoUpload(filed.receiptCode, Buffer.from("hello"));
    expect(text.statusCode).toBe(400);
    const wrongCode = await photoUpload("AAAA-AAAA-AAAA-AAAA-AAAA-AAAA", jpegWithExif());
    expect(wrongCode.statusCode).toBe(404);

    const queue = await s.officer.request("GET", `/api/v1/tipoffs?q=${encodeURIComponent("测试路")}&pageSize=100`);
    const item = queue.json().items.find((row: { reference: string }) => row.reference === filed.reference);
    const detail = (await s.officer.request("GET", `/api/v1/tipoffs/${item.id}`)).json();
    expect(detail.photos).toHaveLength(2);
    for (const photo of detail.photos) {
      const content = await s.officer.request("GET", `/api/v1/tipoffs/${item.id}/photos/${photo.id}`);
      expect(content.statusCode).toBe(200);
      expect(content.rawPayload.includes(gpsMarker)).toBe(false);
      expect(content.rawPayload.includes("Exif")).toBe(false);
    }
  });

  it("rate-limits wrong receipt codes per address, then refuses even the right one", async () => {
    const filed = (await post("/tipoffs", report)).json();
    const guesser = address();
    for (let attempt = 0; attempt < maxWrongGuesses; attempt++) {
      const wrong = await post(
        "/tipoffs/follow",
        { receiptCode: `ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZ${String(attempt).padStart(2, "0")}` },
        guesser,
      );
      expect(wrong.statusCode).toBe(404);
      expect(wrong.json().error.message).toContain("回执码");
    }
    const locked = await post("/tipoffs/follow", { receiptCode: filed.receiptCode }, guesser);
    expect(locked.statusCode).toBe(429);
    const elsewhere = await post("/tipoffs/follow", { receiptCode: filed.receiptCode });
    expect(elsewhere.statusCode).toBe(200);
  });

  it("limits reports per address", async () => {
    const reporter = address();
    const statuses = [];
    for (let index = 0; index <= reportsPerHour; index++)
      statuses.push((await post("/tipoffs", report, reporter)).statusCode);
    expect(statuses.slice(0, reportsPerHour).every((status) => status === 201)).toBe(true);
    expect(statuses[reportsPerHour]).toBe(429);
  });
});

describe("the handling department", () => {
  it("sees its own department's tips; other officers get 404; supervisors see them without the reporter", async () => {
    const filed = (
      await post("/tipoffs", {
        ...report,
        anonymous: false,
        reporter: { name: "测试举报人", phone: "13711112222" },
      })
    ).json();
    const queue = (await s.officer.request("GET", "/api/v1/tipoffs?pageSize=100")).json();
    const row = queue.items.find((item: { reference: string }) => item.reference === filed.reference);
    expect(row).toBeDefined();
    expect((await s.education.request("GET", "/api/v1/tipoffs?pageSize=100")).json().total).toBe(0);
    expect((await s.education.request("GET", `/api/v1/tipoffs/${row.id}`)).statusCode).toBe(404);
    expect((await s.education.request("POST", `/api/v1/tipoffs/${row.id}/take`)).statusCode).toBe(404);
    expect((await s.clerk.request("GET", `/api/v1/tipoffs/${row.id}`)).statusCode).toBe(403);

    // Before anyone takes it, no officer reads the reporter; the one who takes it does, the colleague never.
    const beforeTaking = await s.officer.request("GET", `/api/v1/tipoffs/${row.id}`);
    expect(beforeTaking.json()).toMatchObject({ handling: true, assignedToMe: false, reporter: null });
    expect(beforeTaking.body).not.toContain("13711112222");
    expect((await s.officer.request("POST", `/api/v1/tipoffs/${row.id}/take`)).json().reporter).toMatchObject({
      name: "测试举报人",
    });
    const officerView = (await s.officer.request("GET", `/api/v1/tipoffs/${row.id}`)).json();
    expect(officerView.reporter).toMatchObject({ name: "测试举报人", phone: "13711112222" });
    const colleagueView = await s.colleague.request("GET", `/api/v1/tipoffs/${row.id}`);
    expect(colleagueView.json()).toMatchObject({ handling: true, assignedToMe: false, reporter: null });
    expect(colleagueView.body).not.toContain("测试举报人");
    const reads = await sql<{ actor_username: string }>`
      select actor_username from audit_entries where action = 'tipoff.reporter.read' and entity_id = ${row.id}`.execute(
      database.db,
    );
    expect(reads.rows.map((read) => read.actor_username)).toEqual(["verifier.publicsecurity"]);
    const supervisorView = await s.programme.request("GET", `/api/v1/tipoffs/${row.id}`);
    expect(supervisorView.json().reporter).toBeNull();
    expect(supervisorView.body).not.toContain("测试举报人");
    expect(supervisorView.body).not.toContain("13711112222");
    expect((await s.programme.request("POST", `/api/v1/tipoffs/${row.id}/take`)).statusCode).toBe(403);
  });

  it("takes, messages, verifies and rewards; the reporter reads it and collects the reward once by receipt code", async () => {
    const filed = (await post("/tipoffs", report)).json();
    const id = (await s.officer.request("GET", `/api/v1/tipoffs?q=${filed.reference}`)).json().items[0].id;
    const early = await s.officer.request("POST", `/api/v1/tipoffs/${id}/reward`, {
      amountYuan: "100",
      note: "领取方式",
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.code).toBe("not_verified");
    expect((await s.officer.request("POST", `/api/v1/tipoffs/${id}/take`)).json().state).toBe("investigating");
    await s.officer.request("POST", `/api/v1/tipoffs/${id}/messages`, { text: "内部备注：已布控", toReporter: false });
    await s.officer.request("POST", `/api/v1/tipoffs/${id}/messages`, { text: "感谢举报，正在核查" });
    const decided = await s.officer.request("POST", `/api/v1/tipoffs/${id}/decision`, {
      verified: true,
      note: "线索属实",
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ state: "verified", decidedOn: clock.today() });
    const again = await s.officer.request("POST", `/api/v1/tipoffs/${id}/decision`, { verified: false, note: "改判" });
    expect(again.json().error.code).toBe("tipoff_closed");
    const tooMuch = await s.officer.request("POST", `/api/v1/tipoffs/${id}/reward`, {
      amountYuan: "300000.01",
      note: "领取",
    });
    expect(tooMuch.json().error.fields).toHaveProperty("amountYuan");
    const reward = await s.officer.request("POST", `/api/v1/tipoffs/${id}/reward`, {
      amountYuan: "800.50",
      note: "凭回执码到举报中心领取",
    });
    expect(reward.statusCode, reward.body).toBe(200);

    const followed = (await post("/tipoffs/follow", { receiptCode: filed.receiptCode })).json();
    expect(followed.state).toBe("verified");
    expect(followed.outcomeNote).toBe("线索属实");
    expect(followed.reward).toMatchObject({ amountYuan: "800.50", collectedOn: null });
    const texts = followed.events.map((event: { text: string }) => event.text);
    expect(texts).toContain("感谢举报，正在核查");
    expect(texts, "internal notes stay internal").not.toContain("内部备注：已布控");
    const closed = await post("/tipoffs/follow/information", { receiptCode: filed.receiptCode, text: "还有一事" });
    expect(closed.json().error.code).toBe("tipoff_closed");

    const collected = await post("/tipoffs/follow/reward", { receiptCode: filed.receiptCode });
    expect(collected.statusCode, collected.body).toBe(200);
    expect(collected.json().reward.collectedOn).toBe(clock.today());
    expect((await post("/tipoffs/follow/reward", { receiptCode: filed.receiptCode })).json().error.code).toBe(
      "reward_collected",
    );
  });

  it("shows the demo tips with their documented receipt codes", async () => {
    const verified = (await post("/tipoffs/follow", { receiptCode: demoReceiptCodes.verified })).json();
    expect(verified).toMatchObject({ state: "verified", reward: { amountYuan: "500.00" } });
    const submitted = (await post("/tipoffs/follow", { receiptCode: "dem0-tip0-0000-0000-0000-0001" })).json();
    expect(submitted.state).toBe("submitted");
  });
});

describe("categories and routing (admins)", () => {
  it("adds a category, routes one town elsewhere, and refuses non-admins", async () => {
    const created = await s.admin.request("POST", "/api/v1/tipoffs/categories", {
      code: "illegal_gambling",
      name: "赌博线索",
      departmentCode: "public_security",
      investigationDays: 7,
    });
    expect(created.statusCode, created.body).toBe(201);
    const duplicate = await s.admin.request("POST", "/api/v1/tipoffs/categories", {
      code: "illegal_gambling",
      name: "赌博",
      departmentCode: "public_security",
    });
    expect(duplicate.json().error.code).toBe("duplicate_category");
    const badDepartment = await s.admin.request("PATCH", "/api/v1/tipoffs/categories/illegal_gambling", {
      departmentCode: "nowhere",
    });
    expect(badDepartment.json().error.fields).toHaveProperty("departmentCode");
    const routed = await s.admin.request("PUT", "/api/v1/tipoffs/categories/illegal_gambling/routing/guzhen", {
      departmentCode: "fire_services",
    });
    expect(routed.json().routing).toEqual([{ townCode: "guzhen", departmentCode: "fire_services" }]);
    const elsewhere = (
      await post("/tipoffs", { ...report, categoryCode: "illegal_gambling", townCode: "guzhen" })
    ).json();
    expect(elsewhere.departmentName).toBe("市公安消防局");
    const home = (await post("/tipoffs", { ...report, categoryCode: "illegal_gambling" })).json();
    expect(home.departmentName).toBe("市公安局");
    expect(home.dueOn).toBe(addWorkingDays(clock.today(), 7));
    expect((await s.programme.request("POST", "/api/v1/tipoffs/categories", { code: "x" })).statusCode).toBe(403);
    const listed = (await app.inject({ method: "GET", url: "/api/v1/tipoffs/categories" })).json();
    expect(listed.items.map((item: { code: string }) => item.code)).toContain("illegal_gambling");
  });
});

describe("campaign tags", () => {
  it("tags a report with a campaign by code, refuses an unknown one, and counts the campaign's tips", async () => {
    const campaign = await sql<{
      id: string;
      code: string;
    }>`select id, code from participation_campaigns order by code limit 1`.execute(database.db);
    expect(campaign.rows, "the demo has campaigns").toHaveLength(1);
    const { id: campaignId, code } = campaign.rows[0];
    const unknown = await post("/tipoffs", { ...report, campaignCode: "no_such_campaign" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toHaveProperty("campaignCode");
    const before = await campaignTipoffFigures(database.db, campaignId);
    const filed = await post("/tipoffs", { ...report, campaignCode: code });
    expect(filed.statusCode, filed.body).toBe(201);
    const row = (await s.officer.request("GET", `/api/v1/tipoffs?q=${filed.json().reference}`)).json().items[0];
    expect(row.campaignCode).toBe(code);
    await s.officer.request("POST", `/api/v1/tipoffs/${row.id}/decision`, { verified: true, note: "属实" });
    expect(await campaignTipoffFigures(database.db, campaignId)).toEqual({
      reported: before.reported + 1,
      verified: before.verified + 1,
    });
    // The campaign's public page reads the same counts, without an account, and nothing else.
    const figures = await app.inject({ method: "GET", url: `/api/v1/tipoffs/campaigns/${code}/figures` });
    expect(figures.statusCode, figures.body).toBe(200);
    expect(figures.json()).toEqual({ code, reported: before.reported + 1, verified: before.verified + 1 });
    const missing = await app.inject({ method: "GET", url: "/api/v1/tipoffs/campaigns/no_such_campaign/figures" });
    expect(missing.statusCode).toBe(404);
  });
});

describe("verified tips in the points scheme", () => {
  it("counts a signed-in resident's verified named tip as verified_tips_5y after the daily refresh", async () => {
    const person = await sql<{ person_id: string }>`select person_id from accounts where username = 'resident'`.execute(
      database.db,
    );
    const personId = person.rows[0].person_id;
    const enrolled = await s.clerk.request("POST", "/api/v1/points/enrolments", {
      personId,
      residencePermitNumber: "GD4420999999",
      workStartedOn: "2012-01-01",
    });
    expect(enrolled.statusCode, enrolled.body).toBe(201);
    const filed = await s.resident.request("POST", "/api/v1/tipoffs", { ...report, anonymous: false });
    expect(filed.statusCode, filed.body).toBe(201);
    const reference = filed.json().reference;
    const id = (await s.officer.request("GET", `/api/v1/tipoffs?q=${reference}`)).json().items[0].id;
    expect((await s.officer.request("POST", `/api/v1/tipoffs/${id}/take`)).json().reporter).toMatchObject({
      signedIn: true,
      personLinked: true,
    });
    await s.officer.request("POST", `/api/v1/tipoffs/${id}/decision`, { verified: true, note: "属实" });
    const before =
      await sql`select 1 from points_facts where fact = 'verified_tips_5y' and enrolment_id = ${enrolled.json().id}`.execute(
        database.db,
      );
    expect(before.rows, "the decision itself does not touch points").toHaveLength(0);

    const refreshed = await inTransaction(database.db, (trx) =>
      refreshVerifiedTipFacts(trx, { actor: null, username: "test", requestId: null }),
    );
    expect(refreshed).toMatchObject({ ok: true });
    const fact = await sql<{
      value: unknown;
      status: string;
      department_code: string;
    }>`select value, status, department_code from points_facts where fact = 'verified_tips_5y' and enrolment_id = ${enrolled.json().id}`.execute(
      database.db,
    );
    expect(fact.rows[0]).toMatchObject({ value: 1, status: "confirmed", department_code: "public_security" });
    const again = await inTransaction(database.db, (trx) =>
      refreshVerifiedTipFacts(trx, { actor: null, username: "test", requestId: null }),
    );
    expect(again).toMatchObject({ ok: true, value: { reported: 0 } });
  });
});
