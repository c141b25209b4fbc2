/**
 * The job queue over the `jobs` and `job_schedules` tables (migration 0040), one code path through Kysely for
 * PGlite and PostgreSQL: enqueue (with its audit entry), schedule occurrences enqueued exactly once, claim with
 * `for update skip locked` and a lease, finish in the handler's transaction, retry or fail.
 */
import type { Kysely, Selectable } from "kysely";
import type { Database } from "../../db/schema";
import { now as clockNow } from "../../core/clock";
import type { Problem } from "../../core/result";
import type { Executor, Trx } from "../../db/transaction";
import { appendAudit } from "../audit/audit.log";
import type { Actor } from "../roles";
import type { JobDefinition } from "./jobs.definition";
import { jobsDb, type JobsTable } from "./jobs.tables";

/** One stored job. */
export type JobRecord = Selectable<JobsTable>;

/** What a caller asks to run. */
export interface EnqueueRequest {
  kind: string;
  payload: unknown;
  /** The user asking (recorded as `created_by` and in the audit entry); null for the system. */
  actor: Actor | null;
  requestId?: string | null;
  dedupeKey?: string | null;
  maxAttempts?: number;
  runAfter?: Date;
}

const openStatuses = ["queued", "running"] as const;

/**
 * Enqueues a job in the caller's transaction, with an audit entry `job.enqueue` when a user asks. When an open
 * job (queued or running) has the same dedupe key, that job is returned instead (`created: false`).
 */
export async function enqueueJob(trx: Trx, request: EnqueueRequest): Promise<{ job: JobRecord; created: boolean }> {
  const db = jobsDb(trx);
  const values = {
    kind: request.kind,
    payload: JSON.stringify(request.payload ?? {}),
    dedupe_key: request.dedupeKey ?? null,
    created_by: request.actor?.id ?? null,
    request_id: request.requestId ?? null,
    created_at: clockNow(),
    updated_at: clockNow(),
    run_after: request.runAfter ?? clockNow(),
    ...(request.maxAttempts ? { max_attempts: request.maxAttempts } : {}),
  };
  const inserted = await db
    .insertInto("jobs")
    .values(values)
    .onConflict((conflict) =>
      conflict
        .column("dedupe_key")
        .where("dedupe_key", "is not", null)
        .where("status", "in", [...openStatuses])
        .doNothing(),
    )
    .returningAll()
    .executeTakeFirst();
  if (!inserted) {
    const open = await db
      .selectFrom("jobs")
      .selectAll()
      .where("dedupe_key", "=", request.dedupeKey!)
      .where("status", "in", [...openStatuses])
      .executeTakeFirst();
    if (open) return { job: open, created: false };
    // The open job finished between the insert and the read: enqueue anew.
    return enqueueJob(trx, request);
  }
  if (request.actor) {
    await appendAudit(trx, {
      actorId: request.actor.id,
      actorUsername: request.actor.username,
      requestId: request.requestId ?? null,
      action: "job.enqueue",
      entityType: "job",
      entityId: inserted.id,
      after: { kind: inserted.kind, payload: inserted.payload },
    });
  }
  return { job: inserted, created: true };
}

/** Finds a job by id (null for a malformed id as for a missing one). */
export async function findJob(executor: Executor, id: string): Promise<JobRecord | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  return (await jobsDb(executor).selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirst()) ?? null;
}

/** A schedule as declared in a manifest, with its interval in seconds. */
export interface ScheduleDeclaration {
  name: string;
  kind: string;
  everySeconds: number;
}

/** The schedules of the declared job kinds; `overrides` (kind → seconds) replace the declared intervals. */
export function scheduleDeclarations(
  definitions: readonly JobDefinition[],
  overrides: ReadonlyMap<string, number> = new Map(),
): ScheduleDeclaration[] {
  return definitions
    .filter((definition) => definition.every)
    .map((definition) => ({
      name: definition.kind,
      kind: definition.kind,
      everySeconds: overrides.get(definition.kind) ?? Math.round(definition.every!.minutes * 60),
    }));
}

/**
 * Records the declared schedules: a new one is first due one interval from `now`; a changed interval takes effect
 * at once when it brings the next occurrence closer. Several processes may do this together (upsert).
 */
export async function syncSchedules(
  executor: Executor,
  schedules: readonly ScheduleDeclaration[],
  now: Date,
): Promise<void> {
  for (const schedule of schedules) {
    const next = new Date(now.getTime() + schedule.everySeconds * 1000);
    await jobsDb(executor)
      .insertInto("job_schedules")
      .values({
        name: schedule.name,
        kind: schedule.kind,
        every_seconds: schedule.everySeconds,
        next_run_at: next,
        updated_at: now,
      })
      .onConflict((conflict) =>
        conflict.column("name").doUpdateSet((eb) => ({
          kind: eb.ref("excluded.kind"),
          every_seconds: eb.ref("excluded.every_seconds"),
          next_run_at: eb.fn("least", [eb.ref("job_schedules.next_run_at"), eb.ref("excluded.next_run_at")]),
          updated_at: eb.ref("excluded.updated_at"),
        })),
      )
      .execute();
  }
}

/** The first occurrence after `now` of a schedule last due at `due`, every `everySeconds` (missed ones skipped). */
export function nextOccurrence(due: Date, everySeconds: number, now: Date): Date {
  const step = everySeconds * 1000;
  const missed = Math.floor((now.getTime() - due.getTime()) / step);
  return new Date(due.getTime() + (Math.max(missed, 0) + 1) * step);
}

/**
 * Enqueues every due occurrence of the schedules of `kinds`, exactly once however many workers call this at the
 * same time: the schedule row is locked (`skip locked`: another worker is already on it), the occurrence inserted
 * under the unique key (schedule, occurrence), and the schedule moved to its next occurrence after `now`.
 * Occurrences missed while no process ran are not made up: only the latest one runs. Returns the jobs enqueued.
 */
export async function enqueueDueSchedules(
  database: Kysely<Database>,
  kinds: readonly string[],
  now: Date,
): Promise<string[]> {
  if (kinds.length === 0) return [];
  return database.transaction().execute(async (trx) => {
    const db = jobsDb(trx);
    const due = await db
      .selectFrom("job_schedules")
      .selectAll()
      .where("kind", "in", [...kinds])
      .where("next_run_at", "<=", now)
      .orderBy("name")
      .forUpdate()
      .skipLocked()
      .execute();
    const enqueued: string[] = [];
    for (const schedule of due) {
      const occurrence = new Date(
        nextOccurrence(schedule.next_run_at, schedule.every_seconds, now).getTime() - schedule.every_seconds * 1000,
      );
      const job = await db
        .insertInto("jobs")
        .values({
          kind: schedule.kind,
          payload: "{}",
          schedule_name: schedule.name,
          occurrence,
          run_after: occurrence,
          created_at: now,
          updated_at: now,
        })
        .onConflict((conflict) => conflict.constraint("jobs_schedule_occurrence").doNothing())
        .returning("id")
        .executeTakeFirst();
      if (job) enqueued.push(job.id);
      await db
        .updateTable("job_schedules")
        .set({
          next_run_at: nextOccurrence(schedule.next_run_at, schedule.every_seconds, now),
          last_occurrence: occurrence,
          updated_at: now,
        })
        .where("name", "=", schedule.name)
        .execute();
    }
    return enqueued;
  });
}

/** Who claims and for how long. */
export interface ClaimOptions {
  owner: string;
  kinds: readonly string[];
  now: Date;
  leaseMs: number;
}

/** A claim's outcome: a job to run, a job given up (its lease expired once too often), or nothing to do. */
export type Claim = { job: JobRecord } | { abandoned: JobRecord } | null;

/**
 * Claims the oldest runnable job of `kinds`: queued and due, or running under an expired lease (its worker died).
 * `for update skip locked` lets workers claim side by side without waiting on each other or taking the same row.
 */
export async function claimJob(db: Kysely<Database>, options: ClaimOptions): Promise<Claim> {
  if (options.kinds.length === 0) return null;
  return db.transaction().execute(async (trx) => {
    const jobs = jobsDb(trx);
    const candidate = await jobs
      .selectFrom("jobs")
      .selectAll()
      .where("kind", "in", [...options.kinds])
      .where((eb) =>
        eb.or([
          eb.and([eb("status", "=", "queued"), eb("run_after", "<=", options.now)]),
          eb.and([eb("status", "=", "running"), eb("lease_expires_at", "<", options.now)]),
        ]),
      )
      .orderBy("run_after")
      .orderBy("created_at")
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!candidate) return null;
    if (candidate.status === "running" && candidate.attempts >= candidate.max_attempts) {
      const problem = {
        code: "job_abandoned",
        message: `任务执行 ${candidate.attempts} 次均未完成 (the job's worker stopped ${candidate.attempts} times)`,
      };
      const failed = await finish(trx, candidate, { status: "failed", error: problem }, options.now);
      return { abandoned: failed };
    }
    const claimed = await jobs
      .updateTable("jobs")
      .set((eb) => ({
        status: "running",
        attempts: eb("attempts", "+", 1),
        lease_owner: options.owner,
        lease_expires_at: new Date(options.now.getTime() + options.leaseMs),
        started_at: eb.fn.coalesce("started_at", eb.val(options.now)),
        updated_at: options.now,
      }))
      .where("id", "=", candidate.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { job: claimed };
  });
}

/** The end of a job: succeeded with a result, failed with a refusal or fault, or queued again to retry. */
export type Ending =
  | { status: "succeeded"; result: unknown }
  | { status: "failed"; error: Problem }
  | { status: "queued"; error: Problem; runAfter: Date };

/** How far a job has come, as stored. */
export interface StoredProgress {
  done: number;
  total: number | null;
  label: string | null;
}

async function finish(
  trx: Trx,
  job: JobRecord,
  ending: Ending,
  now: Date,
  progress?: StoredProgress,
): Promise<JobRecord> {
  const done = ending.status !== "queued";
  const row = await jobsDb(trx)
    .updateTable("jobs")
    .set({
      status: ending.status,
      lease_expires_at: null,
      updated_at: now,
      ...(ending.status === "succeeded"
        ? { result: JSON.stringify(ending.result ?? null), error: null }
        : { error: JSON.stringify(ending.error) }),
      ...(ending.status === "queued" ? { run_after: ending.runAfter } : {}),
      ...(done ? { finished_at: now } : {}),
      ...(progress
        ? { progress_done: progress.done, progress_total: progress.total, progress_label: progress.label }
        : {}),
    })
    .where("id", "=", job.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (done && job.created_by) {
    const actor = await trx
      .selectFrom("accounts")
      .select(["id", "username"])
      .where("id", "=", job.created_by)
      .executeTakeFirst();
    await appendAudit(trx, {
      actorId: actor?.id ?? null,
      actorUsername: actor?.username ?? null,
      requestId: job.request_id,
      action: "job.finish",
      entityType: "job",
      entityId: job.id,
      after: {
        kind: job.kind,
        status: ending.status,
        attempts: job.attempts,
        ...(ending.status === "succeeded" ? { result: ending.result ?? null } : { error: ending.error }),
      },
    });
  }
  return row;
}

/**
 * Ends a job this worker holds, in the caller's transaction (for success: the handler's own). Returns null when
 * the lease was lost (another worker reclaimed the job): the caller must then roll its work back.
 */
export async function finishHeldJob(
  trx: Trx,
  job: JobRecord,
  owner: string,
  ending: Ending,
  now: Date,
  progress?: StoredProgress,
): Promise<JobRecord | null> {
  const held = await jobsDb(trx)
    .selectFrom("jobs")
    .selectAll()
    .where("id", "=", job.id)
    .where("status", "=", "running")
    .where("lease_owner", "=", owner)
    .forUpdate()
    .executeTakeFirst();
  if (!held) return null;
  return finish(trx, held, ending, now, progress);
}

/** Extends the lease of a job this worker holds and stores its progress; false when the lease was lost. */
export async function renewLease(
  executor: Executor,
  job: { id: string },
  owner: string,
  until: Date,
  progress?: StoredProgress,
): Promise<boolean> {
  const updated = await jobsDb(executor)
    .updateTable("jobs")
    .set({
      lease_expires_at: until,
      updated_at: new Date(),
      ...(progress
        ? { progress_done: progress.done, progress_total: progress.total, progress_label: progress.label }
        : {}),
    })
    .where("id", "=", job.id)
    .where("status", "=", "running")
    .where("lease_owner", "=", owner)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}
