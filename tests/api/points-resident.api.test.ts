import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildApp } from "../../src/http/app";
import { createMigrant, createRoleAccount, expectStatus } from "../../src/modules/points/points.api.fixture";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { countAudit, seedTestWorld, signIn, testPassword, type Session } from "../helpers/fixtures";
import { setClock, resetClock } from "../../src/core/clock";

// The resident's side and the staff around it: the public self-check, enrolment (Reg. Art. 2), facts with
// evidence, counter checks, the department queue with deadlines and escalation, deductions, fraud.

let database: TestDatabase;
let app: FastifyInstance;
const sessions = {} as Record<
  | "clerk"
  | "clerkXiaolan"
  | "verifier"
  | "programmeAdmin"
  | "resident"
  | "migrant"
  | "migrantOffice"
  | "police"
  | "health",
  Session
>;
let migrant = { personId: "", idNumber: "" };
let enrolmentId = "";
let cycleId = "";
let applicationId = "";

function setToday(date: string) {
  setClock(date);
}

async function evidence(session: Session): Promise<string> {
  const boundary = "----pointsEvidence";
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="证明.pdf"\r\ncontent-type: application/pdf\r\n\r\n`,
    ),
    Buffer.from("%PDF-1.4\n% evidence\n"),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/files?townCode=shiqi",
    payload,
    headers: {
      "content-type": `multipart/form-data; boundary=${boundary}`,
      cookie: session.cookie,
      "x-csrf-token": session.csrfToken,
    },
  });
  return expectStatus(response, 201).json().id;
}

beforeAll(async () => {
  process.env.GONGZHI_FILES = mkdtempSync(join(tmpdir(), "gongzhi-points-"));
  setToday("2015-01-05");
  database = await createTestDatabase();
  await seedTestWorld(database.db);
  app = await buildApp({ db: database.db });
  migrant = await createMigrant(database.db, { name: "王小明", town: "shiqi", birthDate: "1990-06-15", sequence: 7 });
  await createRoleAccount(database.db, "migrant", testPassword, { role: "resident" }, migrant.personId);
  await createRoleAccount(database.db, "migrantoffice", testPassword, {
    role: "verifier",
    departmentCode: "migrant_office",
  });
  await createRoleAccount(database.db, "police", testPassword, { role: "verifier", departmentCode: "public_security" });
  await createRoleAccount(database.db, "health", testPassword, {
    role: "verifier",
    departmentCode: "health_family_planning",
  });
  for (const name of [
    "clerk",
    "clerkXiaolan",
    "verifier",
    "programmeAdmin",
    "resident",
    "migrant",
    "migrantOffice",
    "police",
    "health",
  ] as const)
    sessions[name] = await signIn(app, name.toLowerCase());
  cycleId = expectStatus(
    await sessions.programmeAdmin.request("POST", "/api/v1/points/cycles", {
      year: 2014,
      opensOn: "2014-09-01",
      closesOn: "2015-04-30",
      quotasDueOn: "2015-03-31",
      housingUnits: 10,
    }),
    201,
  ).json().id;
});

afterAll(async () => {
  resetClock();
  await app?.close();
  await database?.close();
});

describe("the public self-check (积分自测)", () => {
  it("scores facts for the three purposes with every step and its clause, storing nothing", async () => {
    const before = await countAudit(database.db);
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/public/points/self-check",
      payload: { town: "xiaolan", date: "2015-01-05", facts: { education: "college", residence_permit_years: 2 } },
    });
    expect(response.statusCode).toBe(200);
    const { results } = response.json();
    // (60 + 2 × 5) × 1.3 = 91 for every purpose; hukou needs 60, school and housing 30.
    expect([results.school.total, results.housing.total, results.hukou.total]).toEqual([91, 91, 91]);
    expect(results.hukou).toMatchObject({
      threshold: 60,
      eligible: true,
      subscores: { personal_quality: 60, residence: 10 },
    });
    const education = results.school.steps.find((step: { indicator: string }) => step.indicator === "education");
    expect(education).toMatchObject({ points: 60, reference: expect.stringContaining("一(一)1") });
    expect(await countAudit(database.db)).toBe(before);
    const bad = await app.inject({
      method: "POST",
      url: "/api/v1/public/points/self-check",
      payload: { town: "xiaolan", facts: { education: "phd" } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty(["facts.education"]);
    const facts = (await app.inject({ method: "GET", url: "/api/v1/public/points/facts" })).json().facts;
    expect(facts.find((fact: { name: string }) => fact.name === "education")).toMatchObject({
      type: "enum",
      zh: "文化程度",
    });
  });
});

describe("enrolment, facts and the verification queue", () => {
  it("checks the conditions of Reg. Art. 2", async () => {
    const local = await sessions.resident.request("POST", "/api/v1/points/enrolments", {
      residencePermitNumber: "GD4420123456",
      workStartedOn: "2010-01-01",
    });
    expect(local.json().error).toMatchObject({ code: "not_migrant", message: expect.stringContaining("第二条") });
    const recent = await sessions.migrant.request("POST", "/api/v1/points/enrolments", {
      residencePermitNumber: "GD4420123456",
      workStartedOn: "2014-03-01",
    });
    expect(recent.json().error).toMatchObject({
      code: "work_under_one_year",
      fields: { workStartedOn: expect.any(String) },
    });
    const noPermit = await sessions.migrant.request("POST", "/api/v1/points/enrolments", {
      residencePermitNumber: "  ",
      workStartedOn: "2012-03-01",
    });
    expect(noPermit.json().error.code).toBe("residence_permit_required");
    const enrolled = expectStatus(
      await sessions.migrant.request("POST", "/api/v1/points/enrolments", {
        residencePermitNumber: "GD4420123456",
        workStartedOn: "2012-03-01",
      }),
      201,
    ).json();
    enrolmentId = enrolled.id;
    expect(enrolled).toMatchObject({ status: "enrolled", townCode: "shiqi", idNumber: migrant.idNumber });
    expect((await sessions.clerkXiaolan.request("GET", `/api/v1/points/enrolments/${enrolmentId}`)).statusCode).toBe(
      404,
    );
    expect((await sessions.resident.request("GET", `/api/v1/points/enrolments/${enrolmentId}`)).statusCode).toBe(404);
  });

  it("takes declared facts with evidence; only checked facts count; the clerk confirms at the counter", async () => {
    const bare = await sessions.migrant.request("PUT", `/api/v1/points/enrolments/${enrolmentId}/facts/education`, {
      value: "college",
    });
    expect(bare.json().error).toMatchObject({ code: "evidence_required", fields: { fileIds: expect.any(String) } });
    const reported = await sessions.migrant.request(
      "PUT",
      `/api/v1/points/enrolments/${enrolmentId}/facts/criminal_penalty_5y`,
      { value: false, fileIds: [await evidence(sessions.migrant)] },
    );
    expect(reported.json().error.code).toBe("reported_fact");
    const badValue = await sessions.migrant.request("PUT", `/api/v1/points/enrolments/${enrolmentId}/facts/education`, {
      value: "phd",
      fileIds: [await evidence(sessions.migrant)],
    });
    expect(badValue.json().error.fields).toHaveProperty("value");
    const declared = expectStatus(
      await sessions.migrant.request("PUT", `/api/v1/points/enrolments/${enrolmentId}/facts/education`, {
        value: "college",
        fileIds: [await evidence(sessions.migrant)],
      }),
      200,
    ).json();
    expect(declared).toMatchObject({
      status: "declared",
      departmentCode: "education",
      declaredOn: "2015-01-05",
      forwardDue: "2015-01-12",
    });
    const application = expectStatus(
      await sessions.migrant.request("POST", "/api/v1/points/applications", {
        enrolmentId,
        cycleId,
        purpose: "housing",
        conditions: { insurancePaidLastMonth: true, ownsHomeInZhongshan: false },
      }),
      201,
    ).json();
    applicationId = application.id;
    // Only the age bonus counts yet (24 years old: +5); the declared education waits for the counter.
    expect(application).toMatchObject({ total: 5, eligible: false });
    const queue = (await sessions.clerk.request("GET", "/api/v1/points/verification/queue")).json();
    expect(queue.facts.map((fact: { id: string }) => fact.id)).toEqual([declared.id]);
    expect(queue.facts[0]).toMatchObject({ stage: "forward", due: "2015-01-12", overdue: false });
    // The clerk of the 镇区 sees whose fact it is in full and the evidence by its file name.
    expect(queue.facts[0]).toMatchObject({
      personName: "王小明",
      files: [{ id: declared.fileIds[0], name: "证明.pdf" }],
    });
    expect(
      (await sessions.clerkXiaolan.request("POST", `/api/v1/points/facts/${declared.id}/confirm`)).statusCode,
    ).toBe(404);
    // A resident never holds points.counter: 403 from the route's permission, before any record is read.
    expect((await sessions.migrant.request("POST", `/api/v1/points/facts/${declared.id}/confirm`)).statusCode).toBe(
      403,
    );
    expectStatus(await sessions.clerk.request("POST", `/api/v1/points/facts/${declared.id}/confirm`), 200);
    const followed = (await sessions.migrant.request("GET", "/api/v1/points/me")).json();
    expect(followed.applications[0].history.map((row: { total: number }) => row.total)).toEqual([5, 65]);
    // 我的积分 explains the score clause by clause, as the self-check does: college 60 and the age bonus 5.
    const breakdown = followed.applications[0].breakdown as { indicator: string; points: number; reference: unknown }[];
    const scored = breakdown.filter((step) => step.points !== 0 && !/^(total|subscore)/.test(step.indicator));
    expect(scored.map((step) => step.points).reduce((sum, value) => sum + value, 0)).toBe(65);
    expect(scored).toContainEqual(
      expect.objectContaining({
        indicator: "education",
        zh: "文化程度",
        points: 60,
        reference: expect.stringContaining("中府"),
      }),
    );
  });

  it("sends a fact to its department, which checks it within 5 working days; overdue items are escalated", async () => {
    const declared = expectStatus(
      await sessions.migrant.request("PUT", `/api/v1/points/enrolments/${enrolmentId}/facts/residence_permit_years`, {
        value: 3,
        fileIds: [await evidence(sessions.migrant)],
      }),
      200,
    ).json();
    expect(declared.departmentCode).toBe("migrant_office");
    const sent = expectStatus(
      await sessions.clerk.request("POST", `/api/v1/points/facts/${declared.id}/send`),
      200,
    ).json();
    expect(sent).toMatchObject({ status: "with_department", sentOn: "2015-01-05", checkDue: "2015-01-12" });
    expect((await sessions.verifier.request("GET", "/api/v1/points/verification/queue")).json().facts).toEqual([]);
    const queue = (await sessions.migrantOffice.request("GET", "/api/v1/points/verification/queue")).json();
    expect(queue.facts.map((fact: { id: string }) => fact.id)).toEqual([declared.id]);
    expect(
      (
        await sessions.verifier.request("POST", `/api/v1/points/facts/${declared.id}/decide`, {
          decision: "confirmed",
          reason: "ok",
        })
      ).statusCode,
    ).toBe(404);

    setToday("2015-01-14");
    const escalated = (await sessions.programmeAdmin.request("GET", "/api/v1/points/verification/overdue")).json();
    expect(escalated.facts.map((fact: { id: string; overdue: boolean }) => [fact.id, fact.overdue])).toEqual([
      [declared.id, true],
    ]);
    expect((await sessions.clerk.request("GET", "/api/v1/points/verification/overdue")).statusCode).toBe(403);

    const decided = expectStatus(
      await sessions.migrantOffice.request("POST", `/api/v1/points/facts/${declared.id}/decide`, {
        decision: "corrected",
        value: 2,
        reason: "居住证登记记录为2年",
      }),
      200,
    ).json();
    expect(decided).toMatchObject({ status: "corrected", value: 2 });
    const me = (await sessions.migrant.request("GET", "/api/v1/points/me")).json();
    expect(me.applications[0].total).toBe(75);
    expect(me.messages[0].text).toContain("居住证登记记录为2年");
    expect((await sessions.programmeAdmin.request("GET", "/api/v1/points/verification/overdue")).json().facts).toEqual(
      [],
    );
    setToday("2015-01-05");
  });

  it("applies a deduction reported by the police and tells the resident why", async () => {
    const wrongDepartment = await sessions.health.request("POST", "/api/v1/points/deductions", {
      idNumber: migrant.idNumber,
      kind: "administrative_detention",
      occurredOn: "2014-12-01",
      reference: "中公拘字〔2014〕88号",
    });
    expect(wrongDepartment.statusCode).toBe(403);
    const reported = expectStatus(
      await sessions.police.request("POST", "/api/v1/points/deductions", {
        idNumber: migrant.idNumber,
        kind: "administrative_detention",
        occurredOn: "2014-12-01",
        reference: "中公拘字〔2014〕88号",
      }),
      201,
    ).json();
    expect(reported).toMatchObject({ appliedOn: "2015-01-05", dueOn: "2015-01-12" });
    const me = (await sessions.migrant.request("GET", "/api/v1/points/me")).json();
    expect(me.applications[0].total).toBe(65);
    expect(me.applications[0].history.at(-1).reason).toContain("行政拘留");
    expect(me.messages[0].text).toContain("行政拘留");
    expect(me.messages[0].text).toMatch(/^市公安局 报送/);
    expect(
      (
        await sessions.clerk.request("POST", "/api/v1/points/deductions", {
          idNumber: migrant.idNumber,
          kind: "criminal_penalty",
          occurredOn: "2014-12-01",
          reference: "x",
        })
      ).statusCode,
    ).toBe(403);
  });

  it("records fraud: points zeroed, the person permanently barred", async () => {
    expect(
      (
        await sessions.clerkXiaolan.request("POST", `/api/v1/points/enrolments/${enrolmentId}/fraud`, {
          reason: "伪造学历证书",
        })
      ).statusCode,
    ).toBe(404);
    const barred = expectStatus(
      await sessions.clerk.request("POST", `/api/v1/points/enrolments/${enrolmentId}/fraud`, {
        reason: "伪造学历证书",
      }),
      200,
    ).json();
    expect(barred).toMatchObject({ status: "barred", barredOn: "2015-01-05" });
    const application = (await sessions.migrant.request("GET", `/api/v1/points/applications/${applicationId}`)).json();
    expect(application).toMatchObject({ status: "disqualified", total: 0, eligible: false });
    const refused = await sessions.migrant.request("POST", "/api/v1/points/applications", {
      enrolmentId,
      cycleId,
      purpose: "hukou",
      conditions: { insurancePaidLastMonth: true, continuousWorkMonths: 40 },
    });
    expect(refused.json().error).toMatchObject({ code: "barred", message: expect.stringContaining("第七条") });
    expect(await countAudit(database.db, "points.fraud")).toBe(1);
    expect((await app.inject({ method: "GET", url: "/api/v1/points/me" })).statusCode).toBe(401);
    const own = expectStatus(await sessions.migrant.request("GET", "/api/v1/points/me"), 200).json();
    expect(own.enrolment).toMatchObject({ id: enrolmentId, status: "barred", barredOn: "2015-01-05" });
    expect(own.applications.map((item: { id: string; status: string }) => [item.id, item.status])).toContainEqual([
      applicationId,
      "disqualified",
    ]);
  });
});

describe("two identical applications at once", () => {
  it("accepts one and refuses the other as a repeat", async () => {
    const person = await createMigrant(database.db, {
      name: "钱二",
      town: "shiqi",
      birthDate: "1985-04-04",
      sequence: 9,
    });
    const enrolment = expectStatus(
      await sessions.clerk.request("POST", "/api/v1/points/enrolments", {
        personId: person.personId,
        residencePermitNumber: "GD4420777666",
        workStartedOn: "2010-01-01",
      }),
      201,
    ).json();
    const body = {
      enrolmentId: enrolment.id,
      cycleId,
      purpose: "housing",
      conditions: { insurancePaidLastMonth: true, ownsHomeInZhongshan: false },
    };
    const answers = await Promise.all(
      [1, 2].map(() => sessions.clerk.request("POST", "/api/v1/points/applications", body)),
    );
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409]);
    expect(answers.find((answer) => answer.statusCode === 409)!.json().error.code).toBe("duplicate_application");
  });
});
