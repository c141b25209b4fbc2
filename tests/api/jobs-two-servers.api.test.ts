import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { seedTestWorld, type TestWorld } from "../helpers/fixtures";
import { jobsDb } from "../../src/platform/jobs/jobs.tables";

// Two real Gongzhi server processes on one PostgreSQL database: the hourly housekeeping schedule, shortened to
// one second, must run exactly once per occurrence — one job row, one attempt, one audit entry each — whichever
// process gets it. Needs PostgreSQL (PGlite is one process by design): skipped without DATABASE_URL.

const serverUrl = process.env.DATABASE_URL?.trim();
let database: TestDatabase;
let world: TestWorld;
const servers: { child: ChildProcess; port: number; log: string[] }[] = [];

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

async function startServer(url: string): Promise<(typeof servers)[number]> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "serve"], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: "127.0.0.1",
      GONGZHI_NO_DEMO: "1",
      LOG_LEVEL: "warn",
      GONGZHI_JOBS_POLL_MS: "100",
      GONGZHI_SCHEDULE_EVERY_SECONDS: "platform.housekeeping=1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const server = { child, port, log: [] as string[] };
  servers.push(server);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server on ${port} did not start:\n${server.log.join("")}`)),
      90_000,
    );
    const listen = (chunk: Buffer) => {
      server.log.push(chunk.toString());
      if (server.log.join("").includes("Gongzhi is running")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", listen);
    child.stderr!.on("data", listen);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server on ${port} exited with ${code}:\n${server.log.join("")}`));
    });
  });
  return server;
}

async function stop(server: (typeof servers)[number]): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    server.child.once("exit", () => resolve());
    server.child.kill("SIGTERM");
  });
}

const housekeepingJobs = () =>
  jobsDb(database.db)
    .selectFrom("jobs")
    .select(["id", "status", "attempts", "occurrence", "result", "lease_owner"])
    .where("schedule_name", "=", "platform.housekeeping")
    .orderBy("occurrence")
    .execute();

describe.skipIf(!serverUrl)("two Gongzhi processes on one PostgreSQL", () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    world = await seedTestWorld(database.db);
    // Five sessions long expired: the first housekeeping occurrence removes them, and only it.
    for (let index = 0; index < 5; index += 1) {
      await database.db
        .insertInto("sessions")
        .values({
          token_hash: `expired-${index}`,
          account_id: world.accounts.clerk,
          csrf_token: "x",
          expires_at: new Date(Date.now() - 86_400_000),
        })
        .execute();
    }
  });
  afterAll(async () => {
    await Promise.all(servers.map(stop));
    await database?.close();
  });

  it("runs each scheduled occurrence exactly once between them", async () => {
    const url = new URL(serverUrl!);
    url.pathname = `/${database.name}`;
    await Promise.all([startServer(url.toString()), startServer(url.toString())]);
    for (const server of servers) expect((await fetch(`http://127.0.0.1:${server.port}/api/health`)).status).toBe(200);
    const deadline = Date.now() + 60_000;
    while ((await housekeepingJobs()).filter((job) => job.status === "succeeded").length < 6 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 250));
    await Promise.all(servers.map(stop));

    const jobs = await housekeepingJobs();
    expect(jobs.length).toBeGreaterThanOrEqual(6);
    const occurrences = jobs.map((job) => job.occurrence!.getTime());
    expect(new Set(occurrences).size).toBe(jobs.length);
    for (let index = 1; index < occurrences.length; index += 1)
      expect((occurrences[index] - occurrences[index - 1]) % 1000).toBe(0);
    const finished = jobs.filter((job) => job.status !== "queued");
    expect(finished.every((job) => job.status === "succeeded" && job.attempts === 1)).toBe(true);
    // The work itself ran once per job: one audit entry each, and the expired sessions were removed once in all.
    const audits = await sql<{ entity_id: string; n: number }>`
      select entity_id, count(*)::int as n from audit_entries where action = 'platform.housekeeping' group by entity_id`.execute(
      database.db,
    );
    expect(audits.rows.map((row) => row.n).every((n) => n === 1)).toBe(true);
    expect(audits.rows.map((row) => row.entity_id).sort()).toEqual(finished.map((job) => job.id).sort());
    expect(finished.reduce((sum, job) => sum + (job.result as { sessions: number }).sessions, 0)).toBe(5);
    const byWorker = new Map<string, number>();
    for (const job of finished) byWorker.set(job.lease_owner ?? "", (byWorker.get(job.lease_owner ?? "") ?? 0) + 1);
    console.info("housekeeping occurrences per worker:", Object.fromEntries(byWorker));
    expect(
      await database.db.selectFrom("sessions").select("token_hash").where("token_hash", "like", "expired-%").execute(),
    ).toEqual([]);
  });
});
