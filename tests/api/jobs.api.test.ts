import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { resetClock, setClock, today } from "../../src/core/clock";
import { buildApp } from "../../src/http/app";
import { modules } from "../../src/http/modules";
import { counterApplication, createMigrant, expectStatus } from "../../src/modules/points/points.api.fixture";
import { jobDefinitions, runDueJobs } from "../../src/platform/jobs";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { countAudit, seedTestWorld, signIn, type Session } from "../helpers/fixtures";

// Long operations as jobs through the API: enqueue (permission, payload check, one open job per piece of work),
// read and list with access rules, and the ranking run, its publication and a payroll run by the worker.

let database: TestDatabase;
let app: FastifyInstance;
const sessions = {} as Record<"clerk" | "programmeAdmin" | "auditor" | "resident", Session>;
let cycleId = "";
const definitions = jobDefinitions(modules);
const drain = () => runDueJobs(database.db, definitions, { owner: "test-worker" });

beforeAll(async () => {
  setClock("2015-01-05");
  database = await createTestDatabase();
  await seedTestWorld(database.db);
  app = await buildApp({ db: database.db });
  for (const name of ["clerk", "programmeAdmin", "auditor", "resident"] as const)
    sessions[name] = await signIn(app, name.toLowerCase());
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
});

afterAll(async () => {
  resetClock();
  await app?.close();
  await database?.close();
});

describe("jobs API", () => {
  it("enqueues a ranking run once per cycle, for the programme administrator only, with a checked payload", async () => {
    const auditBefore = await countAudit(database.db, "job.enqueue");
    const queued = expectStatus(
      await sessions.programmeAdmin.request("POST", "/api/v1/jobs", { kind: "points.ranking", payload: { cycleId } }),
      202,
    ).json();
    expect(queued).toMatchObject({
      created: true,
      job: {
        kind: "points.ranking",
        title: "积分排名",
        status: "queued",
        attempts: 0,
        progress: { done: 0, total: null, percent: 0 },
      },
    });
    const again = expectStatus(
      await sessions.programmeAdmin.request("POST", "/api/v1/jobs", { kind: "points.ranking", payload: { cycleId } }),
      200,
    ).json();
    expect(again).toMatchObject({ created: false, job: { id: queued.job.id } });
    expect(await countAudit(database.db, "job.enqueue")).toBe(auditBefore + 1);

    expect(
      (await sessions.clerk.request("POST", "/api/v1/jobs", { kind: "points.ranking", payload: { cycleId } }))
        .statusCode,
    ).toBe(403);
    const bad = await sessions.programmeAdmin.request("POST", "/api/v1/jobs", {
      kind: "points.ranking",
      payload: { cycleId: "x" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty("payload.cycleId");
    const unknown = await sessions.programmeAdmin.request("POST", "/api/v1/jobs", {
      kind: "platform.housekeeping",
      payload: {},
    });
    expect(unknown.json().error).toMatchObject({ code: "unknown_job_kind", fields: { kind: expect.any(String) } });
    expect(
      (
        await app.inject({
          method: "POST",
          url: "/api/v1/jobs",
          payload: { kind: "points.ranking", payload: { cycleId } },
        })
      ).statusCode,
    ).toBe(401);

    // Readable by whom enqueued it, by those who may run its kind, and by auditors; "not found" for others.
    expect((await sessions.auditor.request("GET", `/api/v1/jobs/${queued.job.id}`)).json()).toMatchObject({
      id: queued.job.id,
      status: "queued",
    });
    expect((await sessions.clerk.request("GET", `/api/v1/jobs/${queued.job.id}`)).statusCode).toBe(404);
    expect((await sessions.clerk.request("GET", "/api/v1/jobs/not-a-uuid")).statusCode).toBe(400);
    expect((await sessions.clerk.request("GET", "/api/v1/jobs")).json().items).toEqual([]);

    const [ended] = await drain();
    expect(ended).toMatchObject({ id: queued.job.id, status: "succeeded", attempts: 1 });
    const done = expectStatus(
      await sessions.programmeAdmin.request("GET", `/api/v1/jobs/${queued.job.id}`),
      200,
    ).json();
    expect(done).toMatchObject({
      status: "succeeded",
      progress: { done: 4, total: 4, percent: 100 },
      result: { cycleId, sequence: 1 },
      error: null,
    });
    const run = expectStatus(
      await sessions.programmeAdmin.request("GET", `/api/v1/points/runs/${done.result.runId}`),
      200,
    ).json();
    expect(run).toMatchObject({ sequence: 1, status: "completed", applicationCount: 1 });
    expect(await countAudit(database.db, "points.run")).toBe(1);
    expect(await countAudit(database.db, "job.finish")).toBe(1);
  });

  it("publishes a run as a job, once", async () => {
    const runs = (await sessions.programmeAdmin.request("GET", `/api/v1/points/cycles/${cycleId}/runs`)).json().items;
    const runId = runs[0].id;
    const first = expectStatus(
      await sessions.programmeAdmin.request("POST", "/api/v1/jobs", { kind: "points.publish", payload: { runId } }),
      202,
    ).json().job;
    await drain();
    const published = expectStatus(
      await sessions.programmeAdmin.request("GET", `/api/v1/jobs/${first.id}`),
      200,
    ).json();
    expect(published).toMatchObject({
      status: "succeeded",
      result: { runId, lists: 1 },
      progress: { percent: 100, label: "notices" },
    });
    expect((await app.inject({ method: "GET", url: "/api/v1/public/publicity/lists" })).json().items).toHaveLength(1);

    const second = expectStatus(
      await sessions.programmeAdmin.request("POST", "/api/v1/jobs", { kind: "points.publish", payload: { runId } }),
      202,
    ).json().job;
    await drain();
    const refused = expectStatus(await sessions.programmeAdmin.request("GET", `/api/v1/jobs/${second.id}`), 200).json();
    expect(refused).toMatchObject({ status: "failed", attempts: 1, error: { code: "already_published" } });
    expect((await app.inject({ method: "GET", url: "/api/v1/public/publicity/lists" })).json().items).toHaveLength(1);

    const listed = expectStatus(
      await sessions.programmeAdmin.request("GET", "/api/v1/jobs?kind=points.publish"),
      200,
    ).json().items;
    expect(listed.map((job: { id: string }) => job.id).sort()).toEqual([second.id, first.id].sort());
    expect(
      (await sessions.programmeAdmin.request("GET", "/api/v1/jobs?status=failed"))
        .json()
        .items.map((job: { id: string }) => job.id),
    ).toEqual([second.id]);
  });

  it("runs a payroll as a job; a repeat returns the payroll already produced", async () => {
    resetClock(); // a payroll needs the standard in force today, not in the points cycle's 2015
    const month = today().slice(0, 7);
    expect(
      (await sessions.resident.request("POST", "/api/v1/jobs", { kind: "assistance.payroll", payload: { month } }))
        .statusCode,
    ).toBe(403);
    const bad = await sessions.programmeAdmin.request("POST", "/api/v1/jobs", {
      kind: "assistance.payroll",
      payload: { month: "2026-13" },
    });
    expect(bad.json().error.fields).toHaveProperty("payload.month");
    const first = expectStatus(
      await sessions.programmeAdmin.request("POST", "/api/v1/jobs", { kind: "assistance.payroll", payload: { month } }),
      202,
    ).json().job;
    await drain();
    expect((await sessions.programmeAdmin.request("GET", `/api/v1/jobs/${first.id}`)).json()).toMatchObject({
      status: "succeeded",
      result: { month, created: true },
    });
    expectStatus(await sessions.programmeAdmin.request("GET", `/api/v1/assistance/payrolls/${month}`), 200);
    const second = expectStatus(
      await sessions.programmeAdmin.request("POST", "/api/v1/jobs", { kind: "assistance.payroll", payload: { month } }),
      202,
    ).json().job;
    await drain();
    expect((await sessions.programmeAdmin.request("GET", `/api/v1/jobs/${second.id}`)).json()).toMatchObject({
      status: "succeeded",
      result: { month, created: false },
    });
    expect(await countAudit(database.db, "assistance.payroll.run")).toBe(1);
  });
});
