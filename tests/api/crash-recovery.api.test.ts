/**
 * Crash tests (issue 14, "Faults"): the real server, started as a child process on a store of its own (a PGlite data
 * folder, or a fresh database when DATABASE_URL is set), is killed with SIGKILL in the middle of a points ranking run,
 * a points publication, an assistance payroll (the durable jobs) and a volunteer-hours import (one request, one
 * transaction). After each kill the store is read directly: the state is as before the operation (nothing of it
 * written, the job still `running` with its first attempt). The server is started again on the same store: the job
 * is claimed again once its lease has expired and succeeds on its second attempt, the import is sent again; then the
 * store holds the operation's result exactly once (rows counted against expectations, no duplicate keys, one audit
 * entry) and `gongzhi audit verify` finds the chain (and the anchors written outside the database) intact.
 *
 * "In the middle": on PostgreSQL the test watches the operation's target table grow on disk (pg_relation_size counts
 * rows no other session can see yet) and kills at once. PGlite has one connection, held by the operation's
 * transaction: the test kills when a signed-in request (which reads its session from the database) stalls. Either
 * way the assertions after the kill prove the operation had begun and not finished.
 *
 * Sizes can be raised with CRASH_APPLICANTS, CRASH_HOUSEHOLDS and CRASH_IMPORT_ROWS.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed as seedRankingCycle } from "../../bench/allocation/database";
import { generatePopulation } from "../../bench/allocation/population";
import { seedCaseload } from "../../bench/payroll/population";
import { today } from "../../src/core/clock";
import { generateIdNumber } from "../../src/core/id-number";
import { openDatabase, type DatabaseHandle } from "../../src/db/connection";
import { migrate } from "../../src/db/migrate";
import type { Database } from "../../src/db/schema";
import { inTransaction } from "../../src/db/transaction";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { seedTestWorld, testPassword } from "../helpers/fixtures";
import { pgliteTemplate } from "../helpers/template";

const applicants = Number(process.env.CRASH_APPLICANTS ?? 20_000);
const households = Number(process.env.CRASH_HOUSEHOLDS ?? 15_000);
const importRows = Number(process.env.CRASH_IMPORT_ROWS ?? 2_000);
const onPostgres = Boolean(process.env.DATABASE_URL?.trim());
const month = today().slice(0, 7);

const folder = mkdtempSync(join(tmpdir(), "gongzhi-crash-"));
let postgres: TestDatabase | undefined;
const servers = new Set<ChildProcess>();

/** The server's environment, shared by the `serve` and `audit verify` children. */
function storeEnvironment(): Record<string, string> {
  return {
    ...(postgres
      ? {
          DATABASE_URL: (() => {
            const url = new URL(process.env.DATABASE_URL!.trim());
            url.pathname = `/${postgres.name}`;
            return url.toString();
          })(),
        }
      : { GONGZHI_DATA: join(folder, "data") }),
    // The key the seeding in this process used (vitest.config.ts), so the keyed hashes agree.
    GONGZHI_AUDIT_KEY: process.env.GONGZHI_AUDIT_KEY ?? "c4a5".repeat(16),
    GONGZHI_AUDIT_ANCHORS: join(folder, "audit-anchors.jsonl"),
  };
}

/** Runs `action` on the store from the test process (PGlite: only while no server holds the folder). */
async function withStore<T>(action: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  if (postgres) return action(postgres.db);
  const handle = await openDatabase({ dataDir: join(folder, "data") });
  try {
    return await action(handle.db);
  } finally {
    await handle.close();
  }
}

const count = async (db: Kysely<Database>, query: ReturnType<typeof sql<{ n: number }>>) =>
  Number((await query.execute(db)).rows[0].n);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

interface Server {
  child: ChildProcess;
  port: number;
  log: string[];
  exited: Promise<void>;
}

/** Starts `gongzhi serve` (what `npm start` runs, without tsx's extra process) on the store; resolves when it listens. */
async function startServer(): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "serve", "--no-demo"], {
    env: {
      ...process.env,
      ...storeEnvironment(),
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      GONGZHI_JOBS_POLL_MS: "200",
      // A dead worker's job is claimed again once its lease has run out: two seconds here, a minute by default.
      GONGZHI_JOBS_LEASE_SECONDS: "2",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  servers.add(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => servers.delete(child));
  const server = { child, port, log: [] as string[], exited };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${server.log.join("")}`)), 120_000);
    const listen = (chunk: Buffer) => {
      server.log.push(chunk.toString());
      if (server.log.join("").includes("Gongzhi is running")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", listen);
    child.stderr!.on("data", listen);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`server exited before listening:\n${server.log.join("")}`));
    });
  });
  return server;
}

async function killHard(server: Server): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGKILL");
  await server.exited;
  expect(server.child.signalCode).toBe("SIGKILL");
}

/** When a wait fails: kill the server before failing, or it would hold the data folder from the next test. */
function leaveNoServer(server: Server): (error: unknown) => Promise<never> {
  return async (error) => {
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGKILL");
    await server.exited;
    throw error;
  };
}

/** A clean stop (SIGTERM: the worker ends its job, the audit head is anchored, PGlite closes). */
async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const hard = setTimeout(() => server.child.kill("SIGKILL"), 60_000);
  server.child.kill("SIGTERM");
  await server.exited;
  clearTimeout(hard);
}

interface Session {
  port: number;
  cookie: string;
  csrfToken: string;
}

async function signIn(server: Server, username: string): Promise<Session> {
  const response = await fetch(`http://127.0.0.1:${server.port}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: testPassword }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith("gz_session="))!;
  return {
    port: server.port,
    cookie: cookie.split(";")[0],
    csrfToken: ((await response.json()) as { csrfToken: string }).csrfToken,
  };
}

async function call(
  session: Session,
  method: string,
  path: string,
  body?: unknown,
  timeoutMs = 120_000,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: any }> {
  const response = await fetch(`http://127.0.0.1:${session.port}/api/v1${path}`, {
    method,
    headers: {
      cookie: session.cookie,
      "x-csrf-token": session.csrfToken,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

/** PostgreSQL: the table's size on disk, which counts rows no other session sees yet (PGlite: not observed). */
async function relationSize(table: string): Promise<number> {
  return postgres ? count(postgres.db, sql<{ n: number }>`select pg_relation_size(${table}::regclass) as n`) : 0;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the operation is under way inside its transaction. PostgreSQL: `table` has grown on disk since
 * `baseline` (its uncommitted rows). PGlite: a signed-in request (the session is read from the database) gets no
 * answer for a while, because the operation's transaction holds the one connection.
 */
async function waitMidway(
  session: Session,
  table: string,
  baseline: number,
  server: Server,
  progress: { jobId?: string; ended?: () => boolean } = {},
): Promise<string> {
  const deadline = Date.now() + 90_000;
  const tooLate = "the operation ended before the kill could land (make it larger: CRASH_APPLICANTS, CRASH_HOUSEHOLDS)";
  const trace: string[] = [];
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`server exited:\n${server.log.join("")}`);
    if (postgres) {
      const size = await relationSize(table);
      if (size > baseline) return `${table} grew from ${baseline} to ${size} bytes`;
      await sleep(10);
    } else {
      // The embedded database has one connection: while the operation's transaction runs, no other request is
      // answered. For a job, a poll of its own status left unanswered for 250 ms is the sign (on an idle machine
      // the 20,000-row ranking and the 15,000-case payroll end in about a second, and no request waits 1.5 s behind
      // them); for the import, a session check left unanswered for 1.5 s while the request is still in flight. An
      // operation that ended first fails the test with a clear message (and the polls seen), so a machine's stall
      // after the end is never taken for one in its middle.
      const started = Date.now();
      let answer: { status: number; json: any };
      try {
        answer = progress.jobId
          ? await call(session, "GET", `/jobs/${progress.jobId}`, undefined, 250)
          : await call(session, "GET", "/auth/me", undefined, 1_500);
      } catch {
        if (progress.ended?.()) throw new Error(tooLate);
        return `a signed-in request got no answer for ${Date.now() - started} ms`;
      }
      // (the job's statuses seen, with each poll's time, go into the message if it ended first)
      trace.push(`${answer.json?.status}@${Date.now() - started}ms`);
      const jobEnded = progress.jobId !== undefined && !["queued", "running"].includes(answer.json?.status);
      if (jobEnded || progress.ended?.()) throw new Error(`${tooLate}; polls: ${trace.join(" ")}`);
      await sleep(10);
    }
  }
  throw new Error("the operation never got under way");
}

async function waitForJob(session: Session, id: string): Promise<any> {
  const deadline = Date.now() + 150_000;
  for (;;) {
    const job = (await call(session, "GET", `/jobs/${id}`)).json;
    if (job.status === "succeeded" || job.status === "failed" || Date.now() > deadline) return job;
    await sleep(250);
  }
}

interface JobRow {
  status: string;
  attempts: number;
}
const jobRow = (db: Kysely<Database>, id: string) =>
  sql<JobRow>`select status, attempts from jobs where id = ${id}`.execute(db).then((result) => result.rows[0]);

/** `gongzhi audit verify` on the store, as an operator runs it (the server stopped). */
async function auditVerify(): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "audit", "verify"], {
    env: { ...process.env, ...storeEnvironment() },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { code, out };
}

/** The API's verification of the audit chain (keyed hashes and the anchors outside the database), as an auditor. */
async function expectAuditIntact(server: Server): Promise<void> {
  const auditor = await signIn(server, "auditor");
  const verified = await call(auditor, "GET", "/audit/verify");
  expect(verified.status).toBe(200);
  expect(verified.json).toMatchObject({ ok: true, problems: [], keyed: true });
  expect(verified.json.anchors.checked).toBeGreaterThan(0);
}

/** Persons with valid ID numbers for the import, and the XLSX of the provincial platform naming them. */
async function importWorkbook(db: Kysely<Database>): Promise<string> {
  const rows = Array.from({ length: importRows }, (_, index) => {
    const birth = new Date(Date.UTC(1970, 0, 1) + Math.floor(index / 900) * 86_400_000).toISOString().slice(0, 10);
    return { name: `导入${index}`, idNumber: generateIdNumber("440101", birth, index % 900) };
  });
  await sql`insert into persons (name, id_number, gender, birth_date, town_code, hukou_type)
    select u.name, u.id_number, 'female', date '1970-01-01', 'shiqi', 'local'
    from unnest(${rows.map((row) => row.name)}::text[], ${rows.map((row) => row.idNumber)}::text[]) as u(name, id_number)`.execute(
    db,
  );
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("服务记录");
  sheet.addRow(["记录编号", "身份证号码", "姓名", "服务日期", "服务时长", "服务类别", "服务地区", "活动名称"]);
  for (const [index, row] of rows.entries())
    sheet.addRow([
      `GD-CRASH-${index}`,
      row.idNumber,
      row.name,
      "2026-01-10",
      "2",
      "一般志愿服务",
      "广州市",
      "社区服务",
    ]);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");
}

let cycleId: string;
let runId: string;
let workbook: string;

beforeAll(async () => {
  const started = Date.now();
  let handle: DatabaseHandle;
  if (onPostgres) {
    postgres = await createTestDatabase();
    handle = postgres;
  } else {
    const template = pgliteTemplate();
    handle = await openDatabase({ dataDir: join(folder, "data"), loadDataDir: template });
    if (!template) await migrate(handle.db);
  }
  try {
    await seedTestWorld(handle.db);
    cycleId = (await seedRankingCycle(handle, generatePopulation(applicants))).cycleId;
    await inTransaction(handle.db, async (trx) => {
      await seedCaseload(trx, households, month);
    });
    workbook = await importWorkbook(handle.db);
    await sql`analyze`.execute(handle.db);
  } finally {
    if (!postgres) await handle.close();
  }
  console.info(
    `crash store (${onPostgres ? "PostgreSQL" : "PGlite"}): ${applicants} applicants, ${households} households, ${importRows} import rows in ${Date.now() - started} ms`,
  );
}, 300_000);

afterAll(async () => {
  for (const child of servers) child.kill("SIGKILL");
  await Promise.all([...servers].map((child) => new Promise((resolve) => child.once("exit", resolve))));
  await postgres?.close();
  rmSync(folder, { recursive: true, force: true });
});

/**
 * Enqueues a job, kills the server in its middle, checks the store is as before, restarts the server and waits for
 * the job's second attempt to succeed. Returns the finished job.
 */
async function crashJob(kind: string, payload: object, table: string, before: (db: Kysely<Database>) => Promise<void>) {
  const timings: Record<string, number> = {};
  let mark = Date.now();
  const lap = (name: string) => {
    timings[name] = Date.now() - mark;
    mark = Date.now();
  };
  const baseline = await relationSize(table);
  const first = await startServer();
  lap("start");
  const admin = await signIn(first, "programmeadmin");
  const enqueued = await call(admin, "POST", "/jobs", { kind, payload });
  expect(enqueued.status, JSON.stringify(enqueued.json)).toBe(202);
  const id = enqueued.json.job.id as string;
  const seen = await waitMidway(admin, table, baseline, first, { jobId: id }).catch(leaveNoServer(first));
  await killHard(first);
  lap("until kill");

  // Before: the job was claimed (running, first attempt) — or, on a loaded machine, killed a moment before its
  // claim (queued, no attempt) — and none of its work is in the store.
  let attemptsBefore = 0;
  await withStore(async (db) => {
    const row = await jobRow(db, id);
    expect([
      { status: "running", attempts: 1 },
      { status: "queued", attempts: 0 },
    ]).toContainEqual(row);
    attemptsBefore = row.attempts;
    await before(db);
  });
  lap("check before");

  const second = await startServer();
  lap("restart");
  try {
    const job = await waitForJob(await signIn(second, "programmeadmin"), id);
    lap("job done");
    expect(job.status, JSON.stringify(job)).toBe("succeeded");
    expect(job.attempts).toBe(attemptsBefore + 1);
    await expectAuditIntact(second);
    return { job, seen, timings };
  } finally {
    await stopServer(second);
  }
}

describe.sequential(`kill -9 of the server (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("during a ranking run: no run, then exactly one run with every result row once", async () => {
    const { job, seen, timings } = await crashJob("points.ranking", { cycleId }, "points_run_results", async (db) => {
      expect(await count(db, sql`select count(*)::int as n from points_runs where cycle_id = ${cycleId}`)).toBe(0);
      expect(await count(db, sql`select count(*)::int as n from points_run_results`)).toBe(0);
      expect(await count(db, sql`select count(*)::int as n from points_run_inputs`)).toBe(0);
      expect(await count(db, sql`select count(*)::int as n from audit_entries where action = 'points.run'`)).toBe(0);
    });
    console.info(`ranking: killed when ${seen}; ${JSON.stringify(timings)}`);
    runId = job.result.runId;
    await withStore(async (db) => {
      const runs = await sql<{ id: string; application_count: number; status: string }>`
        select id, application_count, status from points_runs where cycle_id = ${cycleId}`.execute(db);
      expect(runs.rows).toEqual([{ id: runId, application_count: applicants, status: "completed" }]);
      for (const table of ["points_run_results", "points_run_inputs"]) {
        expect(await count(db, sql`select count(*)::int as n from ${sql.table(table)}`)).toBe(applicants);
        expect(
          await count(
            db,
            sql`select count(distinct application_id)::int as n from ${sql.table(table)} where run_id = ${runId}`,
          ),
        ).toBe(applicants);
      }
      expect(await count(db, sql`select count(*)::int as n from audit_entries where action = 'points.run'`)).toBe(1);
    });
  });

  it("during a publication: nothing published, then each list, entry and notice once", async () => {
    expect(runId).toBeDefined();
    const { job, seen, timings } = await crashJob("points.publish", { runId }, "publicity_entries", async (db) => {
      expect(
        await count(db, sql`select count(*)::int as n from points_runs where id = ${runId} and status = 'completed'`),
      ).toBe(1);
      expect(await count(db, sql`select count(*)::int as n from publicity_lists`)).toBe(0);
      expect(await count(db, sql`select count(*)::int as n from publicity_entries`)).toBe(0);
      expect(await count(db, sql`select count(*)::int as n from points_messages`)).toBe(0);
    });
    console.info(`publish: killed when ${seen}; ${JSON.stringify(timings)}`);
    await withStore(async (db) => {
      const run = await sql<{ status: string; lists: number }>`
        select status, cardinality(list_ids)::int as lists from points_runs where id = ${runId}`.execute(db);
      expect(run.rows[0]).toEqual({ status: "published", lists: job.result.lists });
      expect(await count(db, sql`select count(*)::int as n from publicity_lists`)).toBe(job.result.lists);
      expect(
        await count(
          db,
          sql`select count(distinct subject_key)::int as n from publicity_lists where subject_key like ${`points:${cycleId}:%`}`,
        ),
      ).toBe(job.result.lists);
      const entries = await count(db, sql`select count(*)::int as n from publicity_entries`);
      expect(entries).toBe(applicants);
      expect(await count(db, sql`select count(distinct subject_id)::int as n from publicity_entries`)).toBe(entries);
      expect(await count(db, sql`select count(*)::int as n from points_messages`)).toBe(applicants);
      expect(
        await count(db, sql`select count(*)::int as n from audit_entries where action = 'points.run.publish'`),
      ).toBe(1);
      expect(
        await count(db, sql`select count(*)::int as n from audit_entries where action = 'publicity.publish'`),
      ).toBe(job.result.lists);
    });
  });

  it("during a payroll: no payroll, then one payroll with one line per case", async () => {
    const { seen, timings } = await crashJob(
      "assistance.payroll",
      { month },
      "assistance_payroll_lines",
      async (db) => {
        expect(await count(db, sql`select count(*)::int as n from assistance_payrolls`)).toBe(0);
        expect(await count(db, sql`select count(*)::int as n from assistance_payroll_lines`)).toBe(0);
        expect(await count(db, sql`select count(*)::int as n from assistance_payroll_totals`)).toBe(0);
      },
    );
    console.info(`payroll: killed when ${seen}; ${JSON.stringify(timings)}`);
    await withStore(async (db) => {
      const payrolls = await sql<{
        month: string;
        lines: number;
      }>`select month, lines from assistance_payrolls`.execute(db);
      expect(payrolls.rows).toEqual([{ month, lines: households }]);
      expect(await count(db, sql`select count(*)::int as n from assistance_payroll_lines where month = ${month}`)).toBe(
        households,
      );
      expect(
        await count(db, sql`select count(distinct (case_id, kind, for_month))::int as n from assistance_payroll_lines`),
      ).toBe(households);
      expect(
        await count(db, sql`select count(*)::int as n from audit_entries where action = 'assistance.payroll.run'`),
      ).toBe(1);
    });
  });

  it("during an import (one request): nothing imported, then a repeat imports every row once", async () => {
    const body = { fileName: "i志愿导出.xlsx", xlsxBase64: workbook };
    const baseline = await relationSize("volunteer_ledger");
    const first = await startServer();
    const admin = await signIn(first, "programmeadmin");
    // Sent with an Idempotency-Key, as a careful client does: the key is reserved (committed) before the import runs.
    let ended = false;
    const sent = call(admin, "POST", "/participation/ledger/imports", body, 120_000, {
      "idempotency-key": "crash-import-1",
    }).then(
      (response) => {
        ended = true;
        return response;
      },
      (error: unknown) => error,
    );
    const seen = await waitMidway(admin, "volunteer_ledger", baseline, first, { ended: () => ended }).catch(
      leaveNoServer(first),
    );
    await killHard(first);
    const answer = await sent;
    console.info(`import: killed when ${seen}`);
    // The client never got an answer: the connection died with the server.
    expect(answer).toBeInstanceOf(Error);

    await withStore(async (db) => {
      expect(await count(db, sql`select count(*)::int as n from volunteer_imports`)).toBe(0);
      expect(await count(db, sql`select count(*)::int as n from volunteer_ledger`)).toBe(0);
      expect(
        await count(db, sql`select count(*)::int as n from audit_entries where action = 'participation.ledger.import'`),
      ).toBe(0);
    });

    const second = await startServer();
    try {
      const again = await signIn(second, "programmeadmin");
      // The key of the request that died stays reserved (for abandonedReservationMinutes): a retry under it is told
      // the request is still running, and imports nothing.
      const sameKey = await call(again, "POST", "/participation/ledger/imports", body, 120_000, {
        "idempotency-key": "crash-import-1",
      });
      expect(sameKey.status).toBe(409);
      expect(sameKey.json.error.code).toBe("idempotency_in_progress");
      const repeated = await call(again, "POST", "/participation/ledger/imports", body, 120_000, {
        "idempotency-key": "crash-import-2",
      });
      expect(repeated.status, JSON.stringify(repeated.json).slice(0, 500)).toBe(201);
      expect(repeated.json).toMatchObject({ rowsTotal: importRows, rowsAccepted: importRows, rowsRefused: 0 });
      // Sent a third time (a client retrying after the answer was lost): every row is refused as imported before.
      const third = await call(again, "POST", "/participation/ledger/imports", body);
      expect(third.status).toBe(400);
      await expectAuditIntact(second);
    } finally {
      await stopServer(second);
    }
    await withStore(async (db) => {
      expect(await count(db, sql`select count(*)::int as n from volunteer_imports`)).toBe(1);
      expect(await count(db, sql`select count(*)::int as n from volunteer_ledger`)).toBe(importRows);
      expect(await count(db, sql`select count(distinct external_ref)::int as n from volunteer_ledger`)).toBe(
        importRows,
      );
      expect(
        await count(db, sql`select count(*)::int as n from audit_entries where action = 'participation.ledger.import'`),
      ).toBe(1);
    });
  });

  it("leaves an audit chain that `gongzhi audit verify` finds intact, with its anchors", async () => {
    const verified = await auditVerify();
    expect(verified.out).toMatch(/audit chain intact: \d+ entries/);
    expect(verified.out).toMatch(/keyed hashes: checked; anchors checked: [1-9]/);
    expect(verified.code).toBe(0);
  });
});
