import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { createTestDatabase, type TestDatabase } from "../../../tests/helpers/database";
import { seedTestWorld, type TestWorld } from "../../../tests/helpers/fixtures";
import { err, ok } from "../../core/result";
import { inTransaction } from "../../db/transaction";
import { loadActor } from "../accounts/accounts.repository";
import { defineJob, type JobDefinition } from "./jobs.definition";
import {
  claimJob,
  enqueueDueSchedules,
  enqueueJob,
  findJob,
  finishHeldJob,
  nextOccurrence,
  syncSchedules,
} from "./jobs.queue";
import { jobsDb } from "./jobs.tables";
import { jobDefinitions, runDueJobs, runJob } from "./jobs.worker";

// Runs on PGlite by default and on PostgreSQL with DATABASE_URL.
let database: TestDatabase;
let world: TestWorld;

/** What the test jobs do: one row per successful run, written in the job's transaction. */
const effects = async () =>
  (await sql<{ job_id: string; n: number }>`select job_id, n from job_test_effects order by n`.execute(database.db))
    .rows;

let failuresLeft = 0;
const effectJob = defineJob<{ n: number }>({
  kind: "test.effect",
  title: "测试",
  permission: "test.run",
  dedupeKey: (payload) => `test.effect:${payload.n}`,
  run: async (trx, job) => {
    job.progress(1, 2, "writing");
    await sql`insert into job_test_effects (job_id, n) values (${job.id}, ${job.payload.n})`.execute(trx);
    if (failuresLeft > 0) {
      failuresLeft -= 1;
      throw new Error("the process died midway");
    }
    if (job.payload.n < 0)
      return err({ code: "negative", message: "n 不能为负数 (n must not be negative)", field: "n" });
    job.progress(2, 2, "done");
    return ok({ n: job.payload.n });
  },
});
const definitions = jobDefinitions([
  {
    name: "test",
    routes: [],
    permissions: { "test.run": { roles: ["admin"], description: "测试 (test)" } },
    jobs: [effectJob],
  },
]);
// The test clock starts an hour ahead of the database's, so jobs created now are due at once.
const t0 = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 3_600_000);
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedTestWorld(database.db);
  await sql`create table job_test_effects (job_id uuid not null, n integer not null)`.execute(database.db);
});
afterAll(async () => {
  await database?.close();
});
beforeEach(async () => {
  failuresLeft = 0;
  await sql`delete from job_test_effects`.execute(database.db);
  await jobsDb(database.db).deleteFrom("jobs").execute();
  await jobsDb(database.db).deleteFrom("job_schedules").execute();
});

async function enqueue(n: number, options: { maxAttempts?: number; actor?: boolean } = {}) {
  return inTransaction(database.db, async (trx) => {
    const actor = options.actor === false ? null : await loadActor(trx, world.accounts.admin);
    return (
      await enqueueJob(trx, {
        kind: effectJob.kind,
        payload: { n },
        actor,
        requestId: "req-1",
        dedupeKey: `test.effect:${n}`,
        maxAttempts: options.maxAttempts,
      })
    ).job;
  });
}

describe("durable jobs", () => {
  it("runs an enqueued job once, storing result and progress, with audit entries for enqueue and finish", async () => {
    const job = await enqueue(7);
    expect(job.status).toBe("queued");
    const ended = await runDueJobs(database.db, definitions, { owner: "worker-a", now: () => at(0) });
    expect(ended.map((row) => [row.id, row.status])).toEqual([[job.id, "succeeded"]]);
    expect(await effects()).toEqual([{ job_id: job.id, n: 7 }]);
    const stored = (await findJob(database.db, job.id))!;
    expect(stored).toMatchObject({
      status: "succeeded",
      attempts: 1,
      result: { n: 7 },
      error: null,
      lease_owner: "worker-a",
      lease_expires_at: null,
      progress_label: "done",
    });
    expect([Number(stored.progress_done), Number(stored.progress_total)]).toEqual([2, 2]);
    expect(await runDueJobs(database.db, definitions, { owner: "worker-b", now: () => at(1) })).toEqual([]);
    const audit = await database.db
      .selectFrom("audit_entries")
      .select(["action", "actor_id", "request_id", "after"])
      .where("entity_id", "=", job.id)
      .orderBy("position")
      .execute();
    expect(audit.map((entry) => [entry.action, entry.actor_id, entry.request_id])).toEqual([
      ["job.enqueue", world.accounts.admin, "req-1"],
      ["job.finish", world.accounts.admin, "req-1"],
    ]);
    expect(audit[1].after).toMatchObject({ kind: "test.effect", status: "succeeded", result: { n: 7 } });
  });

  it("returns the open job for a second request of the same work", async () => {
    const first = await enqueue(3);
    const second = await inTransaction(database.db, async (trx) =>
      enqueueJob(trx, { kind: effectJob.kind, payload: { n: 3 }, actor: null, dedupeKey: "test.effect:3" }),
    );
    expect(second).toMatchObject({ created: false, job: { id: first.id } });
    await runDueJobs(database.db, definitions, { owner: "worker-a", now: () => at(0) });
    const third = await inTransaction(database.db, async (trx) =>
      enqueueJob(trx, { kind: effectJob.kind, payload: { n: 3 }, actor: null, dedupeKey: "test.effect:3" }),
    );
    expect(third.created).toBe(true);
    expect(third.job.id).not.toBe(first.id);
  });

  it("lets two workers claim different jobs and never the same one", async () => {
    const jobs = [await enqueue(1), await enqueue(2)];
    const claims = await Promise.all(
      ["worker-a", "worker-b", "worker-c"].map((owner) =>
        claimJob(database.db, { owner, kinds: ["test.effect"], now: at(0), leaseMs: 60_000 }),
      ),
    );
    const claimed = claims.filter((claim) => claim !== null).map((claim) => ("job" in claim! ? claim.job.id : ""));
    expect(claimed.sort()).toEqual(jobs.map((job) => job.id).sort());
    expect(claims.filter((claim) => claim === null)).toHaveLength(1);
  });

  it("reclaims a job whose worker died (lease expired), repeats it without duplicating its work, and refuses the late first worker", async () => {
    const job = await enqueue(5);
    const first = await claimJob(database.db, {
      owner: "worker-a",
      kinds: ["test.effect"],
      now: at(0),
      leaseMs: 30_000,
    });
    expect(first && "job" in first && first.job.lease_owner).toBe("worker-a");
    // worker-a dies here: its transaction never committed, its lease runs on.
    expect(
      await claimJob(database.db, { owner: "worker-b", kinds: ["test.effect"], now: at(29), leaseMs: 30_000 }),
    ).toBeNull();
    const second = await claimJob(database.db, {
      owner: "worker-b",
      kinds: ["test.effect"],
      now: at(31),
      leaseMs: 30_000,
    });
    expect(second && "job" in second && [second.job.id, second.job.attempts, second.job.lease_owner]).toEqual([
      job.id,
      2,
      "worker-b",
    ]);
    const ended = await runJob(database.db, definitions.get(effectJob.kind)!, (second as { job: typeof job }).job, {
      owner: "worker-b",
      now: () => at(32),
    });
    expect(ended).toMatchObject({ status: "succeeded", attempts: 2 });
    expect(await effects()).toEqual([{ job_id: job.id, n: 5 }]);
    // worker-a, had it only been slow, cannot record its own finish: its work would be rolled back.
    const late = await inTransaction(database.db, (trx) =>
      finishHeldJob(trx, (first as { job: typeof job }).job, "worker-a", { status: "succeeded", result: null }, at(33)),
    );
    expect(late).toBeNull();
  });

  it("retries a job whose handler threw (its partial work rolled back) and gives up after its attempts", async () => {
    const job = await enqueue(9, { maxAttempts: 2 });
    failuresLeft = 1;
    const [afterFault] = await runDueJobs(database.db, definitions, {
      owner: "worker-a",
      now: () => at(0),
      retryDelayMs: () => 10_000,
    });
    expect(afterFault).toMatchObject({ id: job.id, status: "queued", attempts: 1, error: { code: "job_error" } });
    expect(await effects()).toEqual([]);
    expect(await runDueJobs(database.db, definitions, { owner: "worker-a", now: () => at(9) })).toEqual([]);
    const [retried] = await runDueJobs(database.db, definitions, { owner: "worker-a", now: () => at(10) });
    expect(retried).toMatchObject({ status: "succeeded", attempts: 2 });
    expect(await effects()).toEqual([{ job_id: job.id, n: 9 }]);

    const doomed = await enqueue(10, { maxAttempts: 2 });
    failuresLeft = 2;
    await runDueJobs(database.db, definitions, { owner: "worker-a", now: () => at(100), retryDelayMs: () => 1000 });
    const [failed] = await runDueJobs(database.db, definitions, { owner: "worker-a", now: () => at(101) });
    expect(failed).toMatchObject({ id: doomed.id, status: "failed", attempts: 2, error: { code: "job_error" } });
    expect((await effects()).map((row) => row.n)).toEqual([9]);
  });

  it("fails a refused job at once, without retry and without its work", async () => {
    const job = await enqueue(-1);
    const [ended] = await runDueJobs(database.db, definitions, { owner: "worker-a", now: () => at(0) });
    expect(ended).toMatchObject({ id: job.id, status: "failed", attempts: 1, error: { code: "negative", field: "n" } });
    expect(await effects()).toEqual([]);
    const finish = await database.db
      .selectFrom("audit_entries")
      .select("after")
      .where("entity_id", "=", job.id)
      .where("action", "=", "job.finish")
      .executeTakeFirstOrThrow();
    expect(finish.after).toMatchObject({ status: "failed", error: { code: "negative" } });
  });

  it("gives up a job whose workers kept dying once its attempts are used", async () => {
    const job = await enqueue(4, { maxAttempts: 1 });
    await claimJob(database.db, { owner: "worker-a", kinds: ["test.effect"], now: at(0), leaseMs: 1000 });
    const claim = await claimJob(database.db, { owner: "worker-b", kinds: ["test.effect"], now: at(5), leaseMs: 1000 });
    expect(claim && "abandoned" in claim && claim.abandoned).toMatchObject({
      id: job.id,
      status: "failed",
      error: { code: "job_abandoned" },
    });
    expect(await effects()).toEqual([]);
  });

  it("refuses to run a job whose requester lost the permission since", async () => {
    const job = await inTransaction(
      database.db,
      async (trx) =>
        (
          await enqueueJob(trx, {
            kind: effectJob.kind,
            payload: { n: 2 },
            actor: (await loadActor(trx, world.accounts.clerk))!,
          })
        ).job,
    );
    const [ended] = await runDueJobs(database.db, definitions, { owner: "worker-a", now: () => at(0) });
    expect(ended).toMatchObject({ id: job.id, status: "failed", error: { code: "forbidden" } });
    expect(await effects()).toEqual([]);
  });

  it("enqueues each scheduled occurrence exactly once, however many workers look", async () => {
    const schedule = { name: "test.effect", kind: "test.effect", everySeconds: 60 };
    await syncSchedules(database.db, [schedule], at(0));
    await syncSchedules(database.db, [schedule], at(30)); // a second process starting later keeps the first's time
    expect(await enqueueDueSchedules(database.db, ["test.effect"], at(59))).toEqual([]);
    const looks = await Promise.all([1, 2, 3, 4].map(() => enqueueDueSchedules(database.db, ["test.effect"], at(60))));
    expect(looks.flat()).toHaveLength(1);
    expect(await enqueueDueSchedules(database.db, ["test.effect"], at(61))).toEqual([]);
    // Down for a while: only the latest missed occurrence runs, and the next is after now.
    expect(await enqueueDueSchedules(database.db, ["test.effect"], at(250))).toHaveLength(1);
    const jobs = await jobsDb(database.db)
      .selectFrom("jobs")
      .select(["occurrence", "schedule_name"])
      .orderBy("occurrence")
      .execute();
    expect(jobs.map((job) => job.occurrence!.toISOString())).toEqual([at(60).toISOString(), at(240).toISOString()]);
    const row = await jobsDb(database.db).selectFrom("job_schedules").selectAll().executeTakeFirstOrThrow();
    expect(row.next_run_at.toISOString()).toBe(at(300).toISOString());
    // The unique key holds even against a direct second insert of an occurrence.
    await expect(
      jobsDb(database.db)
        .insertInto("jobs")
        .values({ kind: "test.effect", payload: "{}", schedule_name: "test.effect", occurrence: at(60) })
        .execute(),
    ).rejects.toThrow(/jobs_schedule_occurrence/);
  });

  it("computes the next occurrence after now, skipping missed ones", () => {
    expect(nextOccurrence(at(60), 60, at(60)).toISOString()).toBe(at(120).toISOString());
    expect(nextOccurrence(at(60), 60, at(59)).toISOString()).toBe(at(120).toISOString());
    expect(nextOccurrence(at(60), 60, at(250)).toISOString()).toBe(at(300).toISOString());
  });

  it.skipIf(!process.env.DATABASE_URL)(
    "stores progress while the handler's transaction is still open (PostgreSQL)",
    async () => {
      const seen: number[] = [];
      const slow = defineJob<{ n: number }>({
        kind: "test.slow",
        title: "测试",
        run: async (_trx, job) => {
          job.progress(3, 10, "step 3");
          for (let wait = 0; wait < 100 && seen.length === 0; wait += 1) {
            await new Promise((resolve) => setTimeout(resolve, 20));
            const row = await jobsDb(database.db)
              .selectFrom("jobs")
              .select("progress_done")
              .where("id", "=", job.id)
              .executeTakeFirstOrThrow();
            if (Number(row.progress_done) === 3) seen.push(Number(row.progress_done));
          }
          return ok(null);
        },
      });
      await inTransaction(database.db, (trx) => enqueueJob(trx, { kind: "test.slow", payload: {}, actor: null }));
      const [ended] = await runDueJobs(database.db, new Map([[slow.kind, slow as JobDefinition]]), {
        owner: "worker-a",
        progressIntervalMs: 0,
      });
      expect(seen).toEqual([3]);
      expect(ended).toMatchObject({ status: "succeeded" });
      expect(Number(ended.progress_done)).toBe(10);
    },
  );
});
