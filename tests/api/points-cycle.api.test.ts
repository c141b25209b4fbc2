import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { generateIdNumber } from "../../src/core/id-number";
import { buildApp } from "../../src/http/app";
import {
  counterApplication,
  createMigrant,
  createRoleAccount,
  expectStatus,
} from "../../src/modules/points/points.api.fixture";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { countAudit, seedTestWorld, signIn, testPassword, type Session } from "../helpers/fixtures";
import { setClock, resetClock } from "../../src/core/clock";

// Golden test of a whole cycle through the API: counter work, ranking with ties at each level, school placement
// to the nearest school with seats, hukou two rounds with the 10% cap biting, housing city-wide, publicity,
// an objection that succeeds, a new run with differences, the final list and notices. Totals are worked by hand:
// education college 60 / senior secondary 30, residence permit 5 a year (cap 50), ×1.3 outside the central districts.

let database: TestDatabase;
let app: FastifyInstance;
const sessions = {} as Record<
  "clerk" | "clerkXiaolan" | "verifier" | "programmeAdmin" | "auditor" | "objector",
  Session
>;
let cycleId = "";
const ids: Record<string, { enrolmentId: string; applicationId: string; total: number }> = {};
const hukou = { insurancePaidLastMonth: true, continuousWorkMonths: 36 };
let sequence = 0;
const childId = (day: number) => generateIdNumber("440102", `2008-08-${String(day).padStart(2, "0")}`, 11);

function setToday(date: string) {
  setClock(date);
}

async function applicant(
  name: string,
  town: string,
  clerk: Session,
  facts: Record<string, unknown>,
  application: Record<string, unknown>,
) {
  sequence += 1;
  const person = await createMigrant(database.db, {
    name,
    town,
    birthDate: `1975-0${(sequence % 9) + 1}-1${sequence % 10}`,
    sequence,
  });
  ids[name] = await counterApplication(clerk, { personId: person.personId, cycleId, facts, application });
  return person;
}

beforeAll(async () => {
  setToday("2015-01-05");
  database = await createTestDatabase();
  await seedTestWorld(database.db);
  app = await buildApp({ db: database.db });
  for (const name of ["clerk", "clerkXiaolan", "verifier", "programmeAdmin", "auditor"] as const)
    sessions[name] = await signIn(app, name.toLowerCase());
});

afterAll(async () => {
  resetClock();
  await app?.close();
  await database?.close();
});

describe("a points cycle end to end", () => {
  it("opens the cycle, imports quotas (CSV) and sets schools", async () => {
    const cycle = expectStatus(
      await sessions.programmeAdmin.request("POST", "/api/v1/points/cycles", {
        year: 2014,
        opensOn: "2014-09-01",
        closesOn: "2015-04-30",
        quotasDueOn: "2015-03-31",
        housingUnits: 1,
      }),
      201,
    ).json();
    cycleId = cycle.id;
    const csv = "town_code,purpose,grade,places\nshiqi,school,primary_1,2\nshiqi,hukou,,10\nxiaolan,hukou,,10\n";
    expect(
      expectStatus(
        await sessions.programmeAdmin.request("POST", `/api/v1/points/cycles/${cycleId}/quotas`, { csv }),
        200,
      ).json(),
    ).toEqual({ imported: 3, refused: [] });
    const bad = await sessions.programmeAdmin.request("POST", `/api/v1/points/cycles/${cycleId}/quotas`, {
      csv: "town_code,purpose,grade,places\nnowhere,hukou,,3\n",
    });
    expect(bad.json().error.fields).toHaveProperty(["rows.2.town_code"]);
    const huge = await sessions.programmeAdmin.request("POST", `/api/v1/points/cycles/${cycleId}/quotas`, {
      csv: "town_code,purpose,grade,places\nshiqi,hukou,,99999999999\n",
    });
    expect(huge.statusCode, huge.body).toBeGreaterThanOrEqual(400);
    expect(huge.statusCode).toBeLessThan(500);
    const schools = [
      { name: "石岐一小", townCode: "shiqi", grade: "primary_1", seats: 1, x: 0, y: 0, synthetic: true },
      { name: "石岐二小", townCode: "shiqi", grade: "primary_1", seats: 5, x: 1000, y: 0, synthetic: true },
    ];
    expect(
      expectStatus(
        await sessions.programmeAdmin.request("PUT", `/api/v1/points/cycles/${cycleId}/schools`, { schools }),
        200,
      ).json(),
    ).toEqual({ schools: 2 });
    expect(
      (
        await sessions.clerk.request("POST", "/api/v1/points/cycles", {
          year: 2015,
          opensOn: "2015-09-01",
          closesOn: "2016-04-30",
          quotasDueOn: "2016-03-31",
        })
      ).statusCode,
    ).toBe(403);
  });

  it("accepts applications at the counter and scores them", async () => {
    const school = (child: string, x: number) => ({
      purpose: "school",
      child: { name: child, idNumber: "", grade: "primary_1", attended: "none" },
      home: { x, y: 0 },
    });
    const kids = [childId(1), childId(2), childId(3)];
    for (const [index, [name, residence, x]] of (
      [
        ["校一", 4, 10],
        ["校二", 2, 20],
        ["校三", 0, 5],
      ] as const
    ).entries()) {
      const body = school(`${name}子`, x);
      body.child.idNumber = kids[index];
      await applicant(name, "shiqi", sessions.clerk, { education: "college", residence_permit_years: residence }, body);
    }
    expect([ids["校一"].total, ids["校二"].total, ids["校三"].total]).toEqual([80, 70, 60]);
    const xiaolan: [string, string, number][] = [
      ["小一", "college", 10],
      ["小二", "college", 9],
      ["小三", "college", 8],
      ["小四", "college", 7],
      ["小五", "college", 6],
      ["小六", "senior_secondary", 10],
      ["小七", "college", 4],
      ["小八", "college", 3],
      ["小九", "college", 2],
      ["小十", "college", 1],
      ["小十一", "college", 0],
      ["小十二", "college", 0],
    ];
    for (const [name, education, residence] of xiaolan) {
      const person = await applicant(
        name,
        "xiaolan",
        sessions.clerkXiaolan,
        { education, residence_permit_years: residence },
        { purpose: "hukou", conditions: hukou },
      );
      if (name === "小十二")
        await createRoleAccount(database.db, "objector", testPassword, { role: "resident" }, person.personId);
    }
    expect(xiaolan.map(([name]) => ids[name].total)).toEqual([
      143, 136.5, 130, 123.5, 117, 104, 104, 97.5, 91, 84.5, 78, 78,
    ]);
    await applicant(
      "石入户",
      "shiqi",
      sessions.clerk,
      { education: "college", residence_permit_years: 5 },
      { purpose: "hukou", conditions: hukou },
    );
    await applicant(
      "房一",
      "shiqi",
      sessions.clerk,
      { education: "college" },
      { purpose: "housing", conditions: { insurancePaidLastMonth: true, ownsHomeInZhongshan: false } },
    );
    await applicant(
      "房二",
      "xiaolan",
      sessions.clerkXiaolan,
      { education: "senior_secondary" },
      { purpose: "housing", conditions: { insurancePaidLastMonth: true, ownsHomeInZhongshan: false } },
    );
    expect([ids["石入户"].total, ids["房一"].total, ids["房二"].total]).toEqual([85, 60, 39]);
    sessions.objector = await signIn(app, "objector");
  });

  it("refuses bad applications with the rule and clause", async () => {
    const again = await sessions.clerk.request("POST", "/api/v1/points/applications", {
      enrolmentId: ids["校一"].enrolmentId,
      cycleId,
      purpose: "school",
      child: { name: "另一子", idNumber: childId(9), grade: "primary_1", attended: "none" },
      home: { x: 0, y: 0 },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: "duplicate_application",
      fields: { purpose: expect.any(String) },
    });
    const sameChild = await sessions.clerk.request("POST", "/api/v1/points/applications", {
      enrolmentId: ids["校二"].enrolmentId,
      cycleId,
      purpose: "hukou",
      conditions: { insurancePaidLastMonth: false },
    });
    expect(sameChild.json().error).toMatchObject({ code: "insurance_last_month" });
    expect(sameChild.json().error.message).toContain("中府〔2014〕106号 第九条");
    const enrolled = await sessions.clerk.request("POST", "/api/v1/points/applications", {
      enrolmentId: ids["石入户"].enrolmentId,
      cycleId,
      purpose: "school",
      child: { name: "已读", idNumber: childId(10), grade: "primary_1", attended: "primary" },
      home: { x: 0, y: 0 },
    });
    expect(enrolled.json().error).toMatchObject({
      code: "child_already_enrolled",
      fields: { "child.attended": expect.stringContaining("第七条") },
    });
    const otherParent = await sessions.clerk.request("POST", "/api/v1/points/applications", {
      enrolmentId: ids["石入户"].enrolmentId,
      cycleId,
      purpose: "school",
      child: { name: "校一子", idNumber: childId(1), grade: "primary_1", attended: "none" },
      home: { x: 0, y: 0 },
    });
    expect(otherParent.statusCode).toBe(409);
    expect(otherParent.json().error.code).toBe("child_already_applied");
    setToday("2015-05-04");
    const late = await sessions.clerk.request("POST", "/api/v1/points/applications", {
      enrolmentId: ids["房一"].enrolmentId,
      cycleId,
      purpose: "hukou",
      conditions: hukou,
    });
    expect(late.json().error).toMatchObject({
      code: "outside_window",
      fields: { cycleId: expect.stringContaining("2015-04-30") },
    });
    setToday("2015-01-05");
  });

  it("ranks with ties at each level, the nearest school with seats and the 10% cap; a re-run gives the same hash", async () => {
    const run = expectStatus(
      await sessions.programmeAdmin.request("POST", `/api/v1/points/cycles/${cycleId}/runs`),
      201,
    ).json();
    expect(run).toMatchObject({ sequence: 1, status: "completed", policyId: "zhongshan-points-2014" });
    const result = (name: string) =>
      run.applications.find((item: { applicationId: string }) => item.applicationId === ids[name].applicationId);
    expect(result("校一")).toMatchObject({ rank: 1, outcome: "admitted", distance: 10 });
    expect(result("校二")).toMatchObject({ rank: 2, outcome: "admitted", distance: 980 });
    expect(result("校三")).toMatchObject({ rank: 3, outcome: "waiting" });
    expect(result("小七")).toMatchObject({ rank: 6, outcome: "admitted", round: 1 });
    expect(result("小六")).toMatchObject({ rank: 7, outcome: "admitted", round: 1, tieBreak: "personalQuality" });
    expect(result("小十")).toMatchObject({ rank: 10, outcome: "admitted", round: 1 });
    expect(result("小十一")).toMatchObject({ rank: 11, outcome: "admitted", round: 2 });
    expect(result("小十二")).toMatchObject({ rank: 12, outcome: "not_admitted", tieBreak: "appliedAt" });
    expect(result("石入户")).toMatchObject({ rank: 1, outcome: "admitted", round: 1 });
    expect(result("房一")).toMatchObject({ rank: 1, rankScope: "city", outcome: "admitted" });
    expect(result("房二")).toMatchObject({ rank: 2, outcome: "waiting" });
    const xiaolanSummary = run.summaries.find(
      (summary: { purpose: string; townCode: string }) => summary.purpose === "hukou" && summary.townCode === "xiaolan",
    );
    expect(xiaolanSummary).toMatchObject({ quota: 10, secondRoundCap: 1, admitted: 10, admittedSecondRound: 1 });
    expect(run.hukouSecondRound).toMatchObject({ places: 9, candidates: 2, admitted: 1 });
    const again = expectStatus(
      await sessions.programmeAdmin.request("POST", `/api/v1/points/cycles/${cycleId}/runs`),
      201,
    ).json();
    expect(again.sequence).toBe(2);
    expect(again.resultHash).toBe(run.resultHash);
    expect(again.inputHash).toBe(run.inputHash);
    expect(await countAudit(database.db, "points.run")).toBe(2);
  });

  it("publishes a run once even when asked twice at once", async () => {
    const runs = (await sessions.programmeAdmin.request("GET", `/api/v1/points/cycles/${cycleId}/runs`)).json().items;
    const latest = runs[0];
    const answers = await Promise.all(
      [1, 2].map(() => sessions.programmeAdmin.request("POST", `/api/v1/points/runs/${latest.id}/publish`)),
    );
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    const lists = (await app.inject({ method: "GET", url: "/api/v1/public/publicity/lists?kind=points." })).json()
      .items;
    expect(
      lists.map((list: { kind: string; townCode: string | null }) => `${list.kind}:${list.townCode ?? "city"}`).sort(),
    ).toEqual(["points.housing:city", "points.hukou:shiqi", "points.hukou:xiaolan", "points.school:shiqi"]);
    const housing = lists.find((list: { kind: string }) => list.kind === "points.housing");
    expect(housing).toMatchObject({ workingDays: 20, startDate: "2015-01-05", endDate: "2015-01-30" });
    const hukouList = lists.find(
      (list: { kind: string; townCode: string }) => list.kind === "points.hukou" && list.townCode === "xiaolan",
    );
    expect(hukouList).toMatchObject({ workingDays: 5, endDate: "2015-01-09" });
    const entries = (
      await app.inject({ method: "GET", url: `/api/v1/public/publicity/lists/${hukouList.id}/entries` })
    ).json().items;
    expect(
      entries
        .slice(9)
        .map((entry: { rank: number; maskedName: string; values: unknown }) => [
          entry.rank,
          entry.maskedName,
          entry.values,
        ]),
    ).toEqual([
      [10, "小*", { total: "84.50", result: "录取" }],
      [11, "小*一", { total: "78.00", result: "录取（第二轮）" }],
      [12, "小*二", { total: "78.00", result: "未获指标" }],
    ]);
    const school = lists.find((list: { kind: string }) => list.kind === "points.school");
    const schoolEntries = (
      await app.inject({ method: "GET", url: `/api/v1/public/publicity/lists/${school.id}/entries` })
    ).json().items;
    expect(schoolEntries.map((entry: { values: { result: string } }) => entry.values.result)).toEqual([
      "录取（石岐一小）",
      "录取（石岐二小）",
      "候补",
    ]);
    const mine = (await sessions.objector.request("GET", "/api/v1/points/me")).json();
    expect(mine.applications[0].result).toMatchObject({ rank: 12, outcome: "not_admitted" });
    expect(mine.messages[0].text).toContain("第 12 名");
  });

  it("an upheld objection corrects a fact; a new run publishes a new version with the differences; the final list and notices follow", async () => {
    const lists = (
      await app.inject({ method: "GET", url: "/api/v1/public/publicity/lists?kind=points.hukou&townCode=xiaolan" })
    ).json().items;
    const entries = (
      await app.inject({ method: "GET", url: `/api/v1/public/publicity/lists/${lists[0].id}/entries?q=10` })
    ).json().items;
    const objection = expectStatus(
      await sessions.objector.request("POST", `/api/v1/publicity/lists/${lists[0].id}/objections`, {
        entryId: entries[0].id,
        indicator: "education",
        reason: "第10名的大专学历证书系伪造",
      }),
      201,
    ).json();
    expect(objection).toMatchObject({ departmentCode: "education", forwardDue: "2015-01-12", checkDue: "2015-01-19" });
    expectStatus(
      await sessions.clerkXiaolan.request("POST", `/api/v1/publicity/objections/${objection.id}/forward`, {}),
      200,
    );
    const file = (await sessions.clerkXiaolan.request("GET", `/api/v1/points/enrolments/${ids["小十"].enrolmentId}`))
      .json()
      .facts.find((fact: { fact: string }) => fact.fact === "education");
    expectStatus(await sessions.clerkXiaolan.request("POST", `/api/v1/points/facts/${file.id}/send`), 200);
    const queue = (await sessions.verifier.request("GET", "/api/v1/points/verification/queue")).json();
    expect(queue.facts.map((fact: { id: string }) => fact.id)).toEqual([file.id]);
    expect(queue.facts[0]).toMatchObject({ stage: "check", due: "2015-01-12", overdue: false });
    expect(queue.objections.map((item: { id: string }) => item.id)).toEqual([objection.id]);
    // The verifier sees whose item it is, masked as verifiers see people, and what the objection is about.
    expect(queue.facts[0]).toMatchObject({ personName: "小*", files: [] });
    expect(queue.objections[0]).toMatchObject({ rank: 10, maskedName: "小*", files: [] });
    expect(queue.objections[0].listTitle).toContain("积分入户");
    // The same item in the verifier's inbox: whose (masked) and which indicator, by its label, never its code.
    const inbox = (await sessions.verifier.request("GET", "/api/v1/inbox")).json().items as {
      kind: string;
      entityId: string;
      subject: string | null;
      reference: string;
    }[];
    expect(inbox.find((task) => task.kind === "points.fact_check" && task.entityId === file.id)).toMatchObject({
      subject: "小*",
      reference: "文化程度 (Education)",
    });
    expect(
      (await sessions.verifier.request("GET", `/api/v1/points/enrolments/${ids["小十"].enrolmentId}`)).json().enrolment
        .name,
    ).toBe("小*");
    expectStatus(
      await sessions.verifier.request("POST", `/api/v1/points/facts/${file.id}/decide`, {
        decision: "corrected",
        value: "senior_secondary",
        reason: "学信网无此大专学历，按高中认定",
      }),
      200,
    );
    // An answer is written out: a blank one is refused and the objection stays open.
    const blank = await sessions.verifier.request("POST", `/api/v1/publicity/objections/${objection.id}/answer`, {
      decision: "upheld",
      answer: "   ",
    });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error).toMatchObject({ code: "answer_required", fields: { answer: expect.any(String) } });
    expectStatus(
      await sessions.verifier.request("POST", `/api/v1/publicity/objections/${objection.id}/answer`, {
        decision: "upheld",
        answer: "学历更正为高中，积分重新计算",
      }),
      200,
    );
    // The objector is told the outcome and the written answer in the app; nobody else is.
    const told = (await sessions.objector.request("GET", "/api/v1/me/notifications")).json().items;
    expect(told).toEqual([
      expect.objectContaining({
        kind: "objection.answered",
        text: expect.stringMatching(/第 10 名 小\*提出的异议，经核查成立。答复：学历更正为高中，积分重新计算$/),
        link: null,
      }),
    ]);
    expect((await sessions.clerkXiaolan.request("GET", "/api/v1/me/notifications")).json().items).toEqual([]);
    // The objector's own objections carry what they are about and the answer.
    expect((await sessions.objector.request("GET", "/api/v1/publicity/objections")).json().items).toEqual([
      expect.objectContaining({
        status: "upheld",
        answer: "学历更正为高中，积分重新计算",
        rank: 10,
        maskedName: "小*",
      }),
    ]);
    const corrected = (
      await sessions.clerkXiaolan.request("GET", `/api/v1/points/applications/${ids["小十"].applicationId}`)
    ).json();
    expect(corrected).toMatchObject({ total: 45.5, eligible: false });
    expect(corrected.history.map((row: { total: number }) => row.total)).toEqual([84.5, 45.5]);

    const run = expectStatus(
      await sessions.programmeAdmin.request("POST", `/api/v1/points/cycles/${cycleId}/runs`),
      201,
    ).json();
    expectStatus(await sessions.programmeAdmin.request("POST", `/api/v1/points/runs/${run.id}/publish`), 200);
    const republished = (
      await app.inject({ method: "GET", url: "/api/v1/public/publicity/lists?kind=points.hukou&townCode=xiaolan" })
    ).json().items[0];
    expect(republished.version).toBe(2);
    const differences = (
      await app.inject({ method: "GET", url: `/api/v1/public/publicity/lists/${republished.id}/differences` })
    ).json();
    expect(
      differences.items
        .map((item: { maskedName: string; changed: string[]; after: { rank: number | null } }) => [
          item.maskedName,
          item.changed,
          item.after.rank,
        ])
        .sort(),
    ).toEqual([
      ["小*", ["rank", "total", "result"], null],
      ["小*一", ["rank", "result"], 10],
      ["小*二", ["rank", "result"], 11],
    ]);
    const early = await sessions.programmeAdmin.request("POST", `/api/v1/points/runs/${run.id}/finalise`);
    expect(early.json().error.code).toBe("publicity_not_over");
    expect(
      (await sessions.objector.request("GET", `/api/v1/points/applications/${ids["小十二"].applicationId}/notice`))
        .statusCode,
    ).toBe(409);
    setToday("2015-03-02");
    expect(
      expectStatus(await sessions.programmeAdmin.request("POST", `/api/v1/points/runs/${run.id}/finalise`), 200).json()
        .status,
    ).toBe("final");
    // Each applicant with an account is told the final list is published, with a link to their notice.
    const final = (await sessions.objector.request("GET", "/api/v1/me/notifications")).json().items[0];
    expect(final).toMatchObject({
      kind: "list.final",
      text: expect.stringMatching(/名单已正式公布：第 11 名/),
      link: `/api/v1/points/applications/${ids["小十二"].applicationId}/notice`,
    });
    const notice = await sessions.objector.request("GET", final.link.replace(/^\/api\/v1/, "/api/v1"));
    expect(notice.statusCode).toBe(200);
    expect(notice.headers["content-disposition"]).toMatch(/^attachment;/);
    expect(notice.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(
      (await sessions.objector.request("GET", `/api/v1/points/applications/${ids["小十一"].applicationId}`)).statusCode,
    ).toBe(404);
    expect((await sessions.auditor.request("POST", `/api/v1/points/cycles/${cycleId}/runs`)).statusCode).toBe(403);
  });
});
