import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { addDays } from "../../src/core/dates";
import { addWorkingDays } from "../../src/core/calendar";
import { inTransactionWhenOk } from "../../src/db/transaction";
import { buildApp } from "../../src/http/app";
import { publishList, publicityEndDate, type PublishInput } from "../../src/platform/publicity";
import type { Actor } from "../../src/platform/roles";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { countAudit, seedTestWorld, signIn, testIdNumber, type Session, type TestWorld } from "../helpers/fixtures";
import { clock, withClock } from "../../src/core/clock";

// Publicity: masked public lists with a working-day period, exports, versions with differences, and objections
// routed to the owning department with working-day deadlines.

let database: TestDatabase;
let app: FastifyInstance;
let world: TestWorld;
const sessions = {} as Record<"resident" | "clerk" | "clerkXiaolan" | "verifier" | "programmeAdmin", Session>;
const today = clock.today();

function adminActor(): Actor {
  return {
    id: world.accounts.programmeAdmin,
    username: "programmeadmin",
    displayName: "admin",
    personId: null,
    grants: [{ role: "programme_admin", townCode: null, departmentCode: null }],
  };
}

function listInput(overrides: Partial<PublishInput> = {}): PublishInput {
  return {
    kind: "points.school",
    subjectKey: "test:school:shiqi",
    title: "石岐区积分入学名单",
    townCode: "shiqi",
    startDate: today,
    workingDays: 7,
    columns: [
      { key: "total", label: "积分" },
      { key: "result", label: "结果" },
    ],
    entries: [
      {
        rank: 1,
        name: "张三明",
        idNumber: testIdNumber(11),
        townCode: "shiqi",
        values: { total: "120.50", result: "录取" },
        subjectType: "points_application",
        subjectId: "a1",
      },
      {
        rank: 2,
        name: "李四",
        idNumber: testIdNumber(12),
        townCode: "shiqi",
        values: { total: "99.00", result: "录取" },
        subjectType: "points_application",
        subjectId: "a2",
      },
      {
        rank: 3,
        name: "欧阳春花",
        idNumber: testIdNumber(13),
        townCode: "shiqi",
        values: { total: "80.00", result: "候补" },
        subjectType: "points_application",
        subjectId: "a3",
      },
    ],
    ...overrides,
  };
}

async function publish(input: PublishInput) {
  const result = await inTransactionWhenOk(database.db, (trx) =>
    publishList(trx, { actor: adminActor(), requestId: null }, input),
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedTestWorld(database.db);
  app = await buildApp({ db: database.db });
  for (const name of ["resident", "clerk", "clerkXiaolan", "verifier", "programmeAdmin"] as const)
    sessions[name] = await signIn(app, name.toLowerCase());
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe("public lists", () => {
  it("publishes masked entries with the period's end date, readable without login", async () => {
    const list = await publish(listInput());
    expect(list.endDate).toBe(publicityEndDate(today, 7));
    expect(await countAudit(database.db, "publicity.publish")).toBe(1);
    const header = await app.inject({ method: "GET", url: `/api/v1/public/publicity/lists/${list.id}` });
    expect(header.json()).toMatchObject({
      version: 1,
      status: "publicised",
      workingDays: 7,
      endDate: list.endDate,
      periodEnded: false,
      entryCount: 3,
    });
    // The period ends after its last day by the server's clock: still 公示中 in status, but shown as ended.
    const headerOn = (day: string) =>
      withClock(day, async () =>
        (await app.inject({ method: "GET", url: `/api/v1/public/publicity/lists/${list.id}` })).json(),
      );
    expect((await headerOn(list.endDate)).periodEnded).toBe(false);
    expect(await headerOn(addDays(list.endDate, 1))).toMatchObject({ status: "publicised", periodEnded: true });
    const listed = await withClock(addDays(list.endDate, 1), async () =>
      (await app.inject({ method: "GET", url: "/api/v1/public/publicity/lists" })).json(),
    );
    expect(listed.items.find((item: { id: string }) => item.id === list.id).periodEnded).toBe(true);
    const entries = await app.inject({ method: "GET", url: `/api/v1/public/publicity/lists/${list.id}/entries` });
    const body = entries.json();
    expect(body.total).toBe(3);
    expect(body.items[0]).toMatchObject({ rank: 1, maskedName: "张*明", values: { total: "120.50", result: "录取" } });
    expect(body.items[2].maskedName).toBe("欧**花");
    expect(entries.body).not.toContain(testIdNumber(11));
    expect(entries.body).not.toContain("张三明");
    expect(entries.body).not.toContain("subjectId");
    const search = await app.inject({
      method: "GET",
      url: `/api/v1/public/publicity/lists/${list.id}/entries?q=${encodeURIComponent("李")}`,
    });
    expect(search.json().items.map((item: { rank: number }) => item.rank)).toEqual([2]);
  });

  it("exports XLSX and PDF with masked data only", async () => {
    const list = (await app.inject({ method: "GET", url: "/api/v1/public/publicity/lists?kind=points." })).json()
      .items[0];
    const xlsx = await app.inject({ method: "GET", url: `/api/v1/public/publicity/lists/${list.id}/export/xlsx` });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-disposition"]).toMatch(/^attachment;/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getCell("A1").value).toBe("石岐区积分入学名单");
    expect(String(sheet.getCell("A2").value)).toContain(list.endDate);
    expect(sheet.getRow(3).values).toEqual([undefined, "排名", "姓名", "身份证号码", "镇区", "积分", "结果"]);
    expect(sheet.getRow(4).values).toEqual([
      undefined,
      1,
      "张*明",
      expect.stringMatching(/^4420\*+/),
      "石岐区",
      "120.50",
      "录取",
    ]);
    const pdf = await app.inject({ method: "GET", url: `/api/v1/public/publicity/lists/${list.id}/export/pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.rawPayload.toString("latin1")).toContain("NotoSansSC");
  });

  it("republishes a new version, supersedes the old one and shows the differences", async () => {
    const input = listInput();
    const second = await publish({
      ...input,
      entries: [
        input.entries[1],
        { ...input.entries[0], rank: 2, values: { total: "95.00", result: "录取" } },
        input.entries[2],
      ].map((entry, index) => ({ ...entry, rank: index + 1 })),
    });
    expect(second.version).toBe(2);
    const lists = (await app.inject({ method: "GET", url: "/api/v1/public/publicity/lists" })).json().items;
    expect(lists.map((item: { version: number }) => item.version)).toEqual([2]);
    const differences = (
      await app.inject({ method: "GET", url: `/api/v1/public/publicity/lists/${second.id}/differences` })
    ).json();
    expect(differences.previousVersion).toBe(1);
    expect(differences.items).toEqual([
      {
        maskedName: "张*明",
        changed: ["rank", "total"],
        before: { rank: 1, values: { total: "120.50", result: "录取" } },
        after: { rank: 2, values: { total: "95.00", result: "录取" } },
      },
      {
        maskedName: "李*",
        changed: ["rank"],
        before: { rank: 2, values: { total: "99.00", result: "录取" } },
        after: { rank: 1, values: { total: "99.00", result: "录取" } },
      },
    ]);
  });

  it("pages through the lists, newest first, with how many match and each list's entry count", async () => {
    const list = (url: string) => app.inject({ method: "GET", url: `/api/v1/public/publicity/lists${url}` });
    for (const town of ["dongqu", "xiaolan", "guzhen"])
      await publish(listInput({ subjectKey: `test:hukou:${town}`, kind: "points.hukou", townCode: town }));
    const all = (await list("")).json();
    expect(all).toMatchObject({ page: 1, pageSize: 100 });
    expect(all.total).toBe(all.items.length);
    const first = (await list("?pageSize=2")).json();
    const second = (await list("?pageSize=2&page=2")).json();
    expect(first).toMatchObject({ total: all.total, page: 1, pageSize: 2 });
    expect([...first.items, ...second.items].map((item: { id: string }) => item.id)).toEqual(
      all.items.slice(0, 4).map((item: { id: string }) => item.id),
    );
    expect(first.items[0].entryCount).toBe(3);
    const hukou = (await list("?kind=points.hukou")).json();
    expect(hukou.total).toBe(3);
    expect((await list("?kind=points.hukou&townCode=xiaolan")).json().total).toBe(1);
    expect((await list("?pageSize=201")).statusCode).toBe(400);
  });
});

describe("objections", () => {
  it("routes an objection to the owning department with 5 + 5 working-day deadlines, forwarded, answered, published", async () => {
    const list = (await app.inject({ method: "GET", url: "/api/v1/public/publicity/lists" })).json().items[0];
    const entry = (await app.inject({ method: "GET", url: `/api/v1/public/publicity/lists/${list.id}/entries` })).json()
      .items[0];
    const url = `/api/v1/publicity/lists/${list.id}/objections`;
    expect(
      (await app.inject({ method: "POST", url, payload: { entryId: entry.id, reason: "学历与事实不符" } })).statusCode,
    ).toBe(401);
    const unknown = await sessions.resident.request("POST", url, {
      entryId: world.persons.shiqi,
      reason: "学历与事实不符合",
    });
    expect(unknown.json().error.fields).toHaveProperty("entryId");
    const raised = await sessions.resident.request("POST", url, {
      entryId: entry.id,
      indicator: "education",
      reason: "该申请人学历证书为伪造",
    });
    expect(raised.statusCode).toBe(201);
    const objection = raised.json();
    const forwardDue = addWorkingDays(today, 5);
    expect(objection).toMatchObject({
      departmentCode: "education",
      status: "received",
      forwardDue,
      checkDue: addWorkingDays(forwardDue, 5),
      deadline: { stage: "forward", overdue: false },
    });

    const queue = (await sessions.verifier.request("GET", "/api/v1/publicity/objections")).json().items;
    expect(queue.map((item: { id: string }) => item.id)).toEqual([objection.id]);
    expect(
      (await sessions.clerkXiaolan.request("GET", `/api/v1/publicity/objections/${objection.id}`)).statusCode,
    ).toBe(404);
    const early = await sessions.verifier.request("POST", `/api/v1/publicity/objections/${objection.id}/answer`, {
      decision: "upheld",
      answer: "核实属实",
    });
    expect(early.json().error.code).toBe("objection_not_forwarded");
    expect(
      (await sessions.clerkXiaolan.request("POST", `/api/v1/publicity/objections/${objection.id}/forward`, {}))
        .statusCode,
    ).toBe(404);
    const forwarded = await sessions.clerk.request("POST", `/api/v1/publicity/objections/${objection.id}/forward`, {});
    expect(forwarded.json()).toMatchObject({ status: "forwarded", deadline: { stage: "check" } });
    const answered = await sessions.verifier.request("POST", `/api/v1/publicity/objections/${objection.id}/answer`, {
      decision: "upheld",
      answer: "经核查学历证书不实，取消该项积分",
    });
    expect(answered.json()).toMatchObject({ status: "upheld", answeredOn: today });
    expect(await countAudit(database.db, "publicity.objection.answer")).toBe(1);

    const outcomes = await app.inject({ method: "GET", url: `/api/v1/public/publicity/lists/${list.id}/objections` });
    expect(outcomes.json()).toMatchObject({
      pending: 0,
      items: [{ rank: 1, maskedName: entry.maskedName, indicator: "education", status: "upheld" }],
    });
    expect(outcomes.body).not.toContain(world.accounts.resident);
    expect((await sessions.resident.request("GET", "/api/v1/publicity/objections")).json().items).toHaveLength(1);
  });

  it("refuses an objection after the publicity end date, naming the date", async () => {
    const old = await publish(
      listInput({ subjectKey: "test:hukou:shiqi", kind: "points.hukou", startDate: addDays(today, -40) }),
    );
    const entry = (await app.inject({ method: "GET", url: `/api/v1/public/publicity/lists/${old.id}/entries` })).json()
      .items[0];
    const late = await sessions.resident.request("POST", `/api/v1/publicity/lists/${old.id}/objections`, {
      entryId: entry.id,
      reason: "积分计算有误请核查",
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.code).toBe("publicity_over");
    expect(late.json().error.message).toContain(old.endDate);
    const finalised = await sessions.programmeAdmin.request("POST", `/api/v1/publicity/lists/${old.id}/finalise`);
    expect(finalised.json()).toMatchObject({ status: "final" });
  });

  it("does not finalise a list before its period ends", async () => {
    const current = (
      await app.inject({ method: "GET", url: "/api/v1/public/publicity/lists?kind=points.school" })
    ).json().items[0];
    const early = await sessions.programmeAdmin.request("POST", `/api/v1/publicity/lists/${current.id}/finalise`);
    expect(early.json().error.code).toBe("publicity_not_over");
    expect((await sessions.clerk.request("POST", `/api/v1/publicity/lists/${current.id}/finalise`)).statusCode).toBe(
      403,
    );
  });
});
