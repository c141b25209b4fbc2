import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/http/app";
import { counterApplication, createMigrant, expectStatus } from "../../src/modules/points/points.api.fixture";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { countAudit, seedTestWorld, signIn, type Session } from "../helpers/fixtures";
import { setClock, resetClock } from "../../src/core/clock";

// Programme administration: cycle dates, quota import from the published 2015 table as XLSX, and a ranking
// run interrupted by a failing write that leaves no run, no list and no audit entry behind.

let database: TestDatabase;
let app: FastifyInstance;
const sessions = {} as Record<"clerk" | "programmeAdmin" | "auditor" | "verifier", Session>;
let cycleId = "";

beforeAll(async () => {
  setClock("2015-01-05");
  database = await createTestDatabase();
  await seedTestWorld(database.db);
  app = await buildApp({ db: database.db });
  for (const name of ["clerk", "programmeAdmin", "auditor", "verifier"] as const)
    sessions[name] = await signIn(app, name.toLowerCase());
});

afterAll(async () => {
  resetClock();
  await app?.close();
  await database?.close();
});

describe("cycles and quotas", () => {
  it("keeps the window September → April and the quota date by the end of March", async () => {
    const wrongOpen = await sessions.programmeAdmin.request("POST", "/api/v1/points/cycles", {
      year: 2014,
      opensOn: "2014-08-01",
      closesOn: "2015-04-30",
      quotasDueOn: "2015-03-31",
    });
    expect(wrongOpen.json().error.fields).toHaveProperty("opensOn");
    const lateQuotas = await sessions.programmeAdmin.request("POST", "/api/v1/points/cycles", {
      year: 2014,
      opensOn: "2014-09-01",
      closesOn: "2015-04-30",
      quotasDueOn: "2015-04-15",
    });
    expect(lateQuotas.json().error).toMatchObject({
      code: "invalid_quota_date",
      message: expect.stringContaining("第十条"),
    });
    cycleId = expectStatus(
      await sessions.programmeAdmin.request("POST", "/api/v1/points/cycles", {
        year: 2014,
        opensOn: "2014-09-01",
        closesOn: "2015-04-30",
        quotasDueOn: "2015-03-31",
        housingUnits: 5,
      }),
      201,
    ).json().id;
    const twice = await sessions.programmeAdmin.request("POST", "/api/v1/points/cycles", {
      year: 2014,
      opensOn: "2014-09-01",
      closesOn: "2015-04-30",
      quotasDueOn: "2015-03-31",
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("duplicate_cycle");
  });

  it("imports the published 2015 school quotas from an XLSX workbook", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("2015");
    for (const line of readFileSync("resources/zhongshan/school-quotas-2015.csv", "utf8").trim().split("\n"))
      sheet.addRow(line.split(","));
    const xlsxBase64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");
    expect(
      expectStatus(
        await sessions.programmeAdmin.request("POST", `/api/v1/points/cycles/${cycleId}/quotas`, { xlsxBase64 }),
        200,
      ).json(),
    ).toEqual({ imported: 48, refused: [] });
    const listed = (await sessions.auditor.request("GET", `/api/v1/points/cycles/${cycleId}/quotas`)).json().quotas;
    expect(
      listed.find(
        (quota: { townCode: string; grade: string }) => quota.townCode === "huoju" && quota.grade === "primary_1",
      ),
    ).toMatchObject({ places: 800, synthetic: false, source: "xlsx" });
    const garbage = await sessions.programmeAdmin.request("POST", `/api/v1/points/cycles/${cycleId}/quotas`, {
      xlsxBase64: Buffer.from("not a workbook").toString("base64"),
    });
    expect(garbage.json().error.code).toBe("invalid_xlsx");
    const both = await sessions.programmeAdmin.request("POST", `/api/v1/points/cycles/${cycleId}/quotas`, {
      csv: "a",
      xlsxBase64: "b",
    });
    expect(both.statusCode).toBe(400);
    expect(
      (await sessions.clerk.request("POST", `/api/v1/points/cycles/${cycleId}/quotas`, { csv: "x" })).statusCode,
    ).toBe(403);
    expect((await sessions.verifier.request("GET", `/api/v1/points/cycles/${cycleId}/quotas`)).statusCode).toBe(403);
  });
});

describe("an interrupted ranking run", () => {
  it("leaves no run, no list and no audit entry; the next run succeeds", async () => {
    const person = await createMigrant(database.db, {
      name: "赵一",
      town: "shiqi",
      birthDate: "1980-02-02",
      sequence: 3,
    });
    await counterApplication(sessions.clerk, {
      personId: person.personId,
      cycleId,
      facts: { education: "college" },
      application: { purpose: "housing", conditions: { insurancePaidLastMonth: true, ownsHomeInZhongshan: false } },
    });
    await sql`create function points_runs_fail() returns trigger language plpgsql as $$ begin raise exception 'disk full (simulated)'; end; $$`.execute(
      database.db,
    );
    await sql`create trigger points_runs_fail after insert on points_runs for each row execute function points_runs_fail()`.execute(
      database.db,
    );
    const auditBefore = await countAudit(database.db);
    const failed = await sessions.programmeAdmin.request("POST", `/api/v1/points/cycles/${cycleId}/runs`);
    expect(failed.statusCode).toBe(500);
    expect(
      (await sessions.programmeAdmin.request("GET", `/api/v1/points/cycles/${cycleId}/runs`)).json().items,
    ).toEqual([]);
    expect(await countAudit(database.db)).toBe(auditBefore);
    await sql`drop trigger points_runs_fail on points_runs`.execute(database.db);
    const run = expectStatus(
      await sessions.programmeAdmin.request("POST", `/api/v1/points/cycles/${cycleId}/runs`),
      201,
    ).json();
    expect(run).toMatchObject({ sequence: 1, status: "completed" });
    expect(run.applications).toHaveLength(1);
    expect((await app.inject({ method: "GET", url: "/api/v1/public/publicity/lists" })).json().items).toEqual([]);
  });
});

describe("refusing a placement", () => {
  it("forfeits the application in the next run and the next in line moves up (Impl. Art. 9(3))", async () => {
    const ids: string[] = [];
    for (const [index, residence] of [10, 8, 6, 4, 2].entries()) {
      const person = await createMigrant(database.db, {
        name: `房${index}`,
        town: "shiqi",
        birthDate: `1979-05-0${index + 1}`,
        sequence: 20 + index,
      });
      ids.push(
        (
          await counterApplication(sessions.clerk, {
            personId: person.personId,
            cycleId,
            facts: { education: "college", residence_permit_years: residence },
            application: {
              purpose: "housing",
              conditions: { insurancePaidLastMonth: true, ownsHomeInZhongshan: false },
            },
          })
        ).applicationId,
      );
    }
    // Six housing applications for five units: 赵一 (college, no residence years: 60 points) ranks sixth and waits.
    const first = expectStatus(
      await sessions.programmeAdmin.request("POST", `/api/v1/points/cycles/${cycleId}/runs`),
      201,
    ).json();
    const outcome = (run: { applications: { applicationId: string; outcome: string; rank: number }[] }, id: string) =>
      run.applications.find((item) => item.applicationId === id)!;
    expect(outcome(first, ids[0])).toMatchObject({ rank: 1, outcome: "admitted" });
    const last = first.applications.find((item: { rank: number }) => item.rank === 6);
    expect(last.outcome).toBe("waiting");
    // Review pages read from the stored result rows, ordered by application id like the full list.
    expect(first).toMatchObject({ applicationCount: 6, page: 1, pageSize: 1000 });
    const secondPage = expectStatus(
      await sessions.auditor.request("GET", `/api/v1/points/runs/${first.id}?page=2&pageSize=4`),
      200,
    ).json();
    expect(secondPage).toMatchObject({
      page: 2,
      pageSize: 4,
      resultHash: first.resultHash,
      summaries: first.summaries,
    });
    expect(secondPage.applications).toEqual(first.applications.slice(4));
    expect((await sessions.auditor.request("GET", `/api/v1/points/runs/${first.id}?pageSize=10001`)).statusCode).toBe(
      400,
    );
    const early = await sessions.clerk.request("POST", `/api/v1/points/applications/${ids[0]}/refuse-placement`);
    expect(early.json().error.code).toBe("not_admitted");
    expectStatus(await sessions.programmeAdmin.request("POST", `/api/v1/points/runs/${first.id}/publish`), 200);
    const refused = expectStatus(
      await sessions.clerk.request("POST", `/api/v1/points/applications/${ids[0]}/refuse-placement`),
      200,
    ).json();
    expect(refused.placementRefusedOn).toBe("2015-01-05");
    const second = expectStatus(
      await sessions.programmeAdmin.request("POST", `/api/v1/points/cycles/${cycleId}/runs`),
      201,
    ).json();
    expect(outcome(second, ids[0])).toMatchObject({ rank: 1, outcome: "forfeited" });
    expect(outcome(second, last.applicationId).outcome).toBe("admitted");
    expect(second.resultHash).not.toBe(first.resultHash);
  });
});
