/**
 * The job worker every Gongzhi process runs (unless GONGZHI_JOBS=off): it enqueues due schedule occurrences, then
 * claims and runs jobs one at a time until none is runnable, and polls again. Several processes on one PostgreSQL
 * share the work through the queue's row locks and leases; none runs a job another holds.
 */
import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import { hostname } from "node:os";
import type { Kysely } from "kysely";
import { now as clockNow } from "../../core/clock";
import type { Problem } from "../../core/result";
import type { Database } from "../../db/schema";
import { inTransaction, Rollback } from "../../db/transaction";
import { permissionTable } from "../access/abilities";
import { allows } from "../access/permissions";
import { loadActor } from "../accounts/accounts.repository";
import type { ModuleManifest } from "../module";
import type { Actor } from "../roles";
import type { JobProgress, RegisteredJob } from "./jobs.definition";
import {
  claimJob,
  enqueueDueSchedules,
  finishHeldJob,
  renewLease,
  scheduleDeclarations,
  syncSchedules,
  type Ending,
  type JobRecord,
  type StoredProgress,
} from "./jobs.queue";

/** Where the worker reports faults. */
export type JobLogger = (message: string, error?: unknown) => void;

/** How a worker runs: its name in leases, its clock (the platform's by default), poll and lease times, retry delays. */
export interface JobWorkerOptions {
  owner?: string;
  now?: () => Date;
  pollMs?: number;
  leaseMs?: number;
  /** Stored progress is written at most this often (and with every lease renewal). */
  progressIntervalMs?: number;
  /** Schedule intervals replacing the declared ones, by kind (seconds). */
  scheduleOverrides?: ReadonlyMap<string, number>;
  /** The wait before retry n (1-based) of a job whose handler threw. */
  retryDelayMs?: (attempt: number) => number;
  log?: JobLogger;
}

type Settings = Required<JobWorkerOptions>;

/** A name for this process in leases: host, pid and a random suffix. */
export function workerName(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

function settingsOf(options: JobWorkerOptions): Settings {
  return {
    owner: options.owner ?? workerName(),
    now: options.now ?? clockNow,
    pollMs: options.pollMs ?? 2000,
    leaseMs: options.leaseMs ?? 60_000,
    progressIntervalMs: options.progressIntervalMs ?? 500,
    scheduleOverrides: options.scheduleOverrides ?? new Map(),
    retryDelayMs: options.retryDelayMs ?? ((attempt) => 5000 * 2 ** (attempt - 1)),
    log: options.log ?? (() => {}),
  };
}

/**
 * Every module's job kinds by name, each with its permission resolved against the modules' permission tables.
 * Two modules declaring one kind, or a kind naming an unknown permission, is a programming error.
 */
export function jobDefinitions(modules: readonly ModuleManifest[]): Map<string, RegisteredJob> {
  const permissions = permissionTable(modules);
  const definitions = new Map<string, RegisteredJob>();
  for (const module of modules) {
    for (const definition of module.jobs ?? []) {
      if (definitions.has(definition.kind)) throw new Error(`job kind ${definition.kind} is declared twice`);
      const permission = definition.permission === undefined ? undefined : permissions[definition.permission];
      if (definition.permission !== undefined && !permission)
        throw new Error(`job kind ${definition.kind}: unknown permission "${definition.permission}"`);
      definitions.set(definition.kind, {
        ...definition,
        ...(permission ? { mayEnqueue: (actor: Actor) => allows(permission, actor) } : {}),
      });
    }
  }
  return definitions;
}

/** Reads the worker's settings from the environment (see docs/operations.md). */
export function jobWorkerOptionsFromEnvironment(environment = process.env): JobWorkerOptions & { enabled: boolean } {
  const number = (name: string) => {
    const text = environment[name]?.trim();
    if (!text) return undefined;
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${text}"`);
    return value;
  };
  const overrides = new Map<string, number>();
  for (const item of (environment.GONGZHI_SCHEDULE_EVERY_SECONDS ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [kind, seconds] = item.split("=").map((part) => part.trim());
    const value = Number(seconds);
    if (!kind || !Number.isInteger(value) || value <= 0)
      throw new Error(`GONGZHI_SCHEDULE_EVERY_SECONDS takes kind=seconds pairs, got "${item}"`);
    overrides.set(kind, value);
  }
  const lease = number("GONGZHI_JOBS_LEASE_SECONDS");
  return {
    enabled: environment.GONGZHI_JOBS?.trim() !== "off",
    pollMs: number("GONGZHI_JOBS_POLL_MS"),
    leaseMs: lease === undefined ? undefined : lease * 1000,
    scheduleOverrides: overrides,
  };
}

class LeaseLost extends Error {}

function faultProblem(error: unknown): Problem {
  const text = error instanceof Error ? error.message : String(error);
  return { code: "job_error", message: `任务执行出错，将按设定重试 (the job failed: ${text.slice(0, 300)})` };
}

const refusedActor: Problem = {
  code: "forbidden",
  message: "提交任务的账户已停用或已无此权限 (the account that enqueued the job may no longer run it)",
};

/**
 * Runs one claimed job: the handler and the job's `succeeded` status in one transaction, the lease renewed (and the
 * progress stored) meanwhile from outside it. A refusal fails the job; a fault queues it again until its attempts
 * are used up; a lost lease rolls the work back and leaves the job to the worker that took it. Returns the job as
 * it ended, or null when the lease was lost.
 */
export async function runJob(
  db: Kysely<Database>,
  definition: RegisteredJob,
  job: JobRecord,
  options: JobWorkerOptions = {},
): Promise<JobRecord | null> {
  const settings = settingsOf(options);
  const { owner, now, leaseMs } = settings;
  let progress: StoredProgress = {
    done: Number(job.progress_done),
    total: job.progress_total === null ? null : Number(job.progress_total),
    label: job.progress_label,
  };
  let writing: Promise<void> | null = null;
  let stopped = false;
  let lastWrite = 0;
  // Never awaited inside the handler's transaction: with PGlite's single connection it runs after the commit,
  // where its `status = 'running'` condition makes it a no-op.
  const write = () => {
    if (writing || stopped) return;
    lastWrite = Date.now();
    writing = renewLease(db, job, owner, new Date(now().getTime() + leaseMs), progress)
      .then(
        () => undefined,
        (error: unknown) => settings.log(`job ${job.kind} ${job.id}: lease renewal failed`, error),
      )
      .finally(() => {
        writing = null;
      });
  };
  const report: JobProgress = (done, total, label) => {
    progress = { done, total, label: label ?? progress.label };
    if (Date.now() - lastWrite >= settings.progressIntervalMs) write();
  };
  const heartbeat = setInterval(write, Math.max(Math.floor(leaseMs / 3), 50));
  try {
    return await inTransaction(db, async (trx) => {
      let actor: Actor | null = null;
      if (job.created_by) {
        actor = await loadActor(trx, job.created_by);
        if (!actor || (definition.mayEnqueue && !definition.mayEnqueue(actor))) throw new Rollback(refusedActor);
      }
      const result = await definition.run(trx, {
        id: job.id,
        payload: job.payload,
        actor,
        requestId: job.request_id,
        attempt: job.attempts,
        dueAt: job.occurrence ?? job.created_at,
        progress: report,
      });
      if (!result.ok) throw new Rollback(result.error);
      stopped = true;
      if (progress.total !== null) progress = { ...progress, done: progress.total };
      const finished = await finishHeldJob(
        trx,
        job,
        owner,
        { status: "succeeded", result: result.value },
        now(),
        progress,
      );
      if (!finished) throw new LeaseLost();
      return finished;
    });
  } catch (error) {
    stopped = true;
    if (error instanceof LeaseLost) {
      settings.log(`job ${job.kind} ${job.id}: lease lost to another worker, work rolled back`);
      return null;
    }
    let ending: Ending;
    if (error instanceof Rollback) ending = { status: "failed", error: error.value as Problem };
    else {
      settings.log(`job ${job.kind} ${job.id} failed (attempt ${job.attempts} of ${job.max_attempts})`, error);
      ending =
        job.attempts >= job.max_attempts
          ? { status: "failed", error: faultProblem(error) }
          : {
              status: "queued",
              error: faultProblem(error),
              runAfter: new Date(now().getTime() + settings.retryDelayMs(job.attempts)),
            };
    }
    return inTransaction(db, (trx) => finishHeldJob(trx, job, owner, ending, now(), progress));
  } finally {
    stopped = true;
    clearInterval(heartbeat);
    if (writing) await writing;
  }
}

/**
 * One pass of a worker: enqueues the due schedule occurrences, then claims and runs runnable jobs of the known
 * kinds until there are none (or `stopping()` says so). Returns the jobs as they ended. Tests call it to drain.
 */
export async function runDueJobs(
  db: Kysely<Database>,
  definitions: ReadonlyMap<string, RegisteredJob>,
  options: JobWorkerOptions = {},
  stopping: () => boolean = () => false,
): Promise<JobRecord[]> {
  const settings = settingsOf(options);
  const kinds = [...definitions.keys()];
  await enqueueDueSchedules(db, kinds, settings.now());
  const ended: JobRecord[] = [];
  while (!stopping()) {
    const claim = await claimJob(db, { owner: settings.owner, kinds, now: settings.now(), leaseMs: settings.leaseMs });
    if (!claim) break;
    if ("abandoned" in claim) {
      ended.push(claim.abandoned);
      continue;
    }
    const finished = await runJob(db, definitions.get(claim.job.kind)!, claim.job, settings);
    if (finished) ended.push(finished);
  }
  return ended;
}

const wakeUps = new EventEmitter();

/** Tells this process's workers that a job was just enqueued, so they look at once instead of at the next poll. */
export function wakeJobWorkers(): void {
  wakeUps.emit("wake");
}

/** A running worker. */
export interface JobWorker {
  owner: string;
  /** Stops polling and waits for the job in hand to end. */
  stop: () => Promise<void>;
}

/** Records the modules' schedules and starts polling: a pass now, then one every `pollMs` after the last ends. */
export async function startJobWorker(
  db: Kysely<Database>,
  modules: readonly ModuleManifest[],
  options: JobWorkerOptions = {},
): Promise<JobWorker> {
  const settings = settingsOf(options);
  const definitions = jobDefinitions(modules);
  await syncSchedules(db, scheduleDeclarations([...definitions.values()], settings.scheduleOverrides), settings.now());
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  let busy = false;
  let again = false;
  const pass = async () => {
    busy = true;
    do {
      again = false;
      try {
        await runDueJobs(db, definitions, settings, () => stopping);
      } catch (error) {
        settings.log("job worker pass failed", error);
      }
    } while (again && !stopping);
    busy = false;
    if (!stopping) timer = setTimeout(() => void (current = pass()), settings.pollMs);
  };
  const wake = () => {
    if (stopping) return;
    if (busy) {
      again = true;
      return;
    }
    clearTimeout(timer);
    current = pass();
  };
  wakeUps.on("wake", wake);
  current = pass();
  return {
    owner: settings.owner,
    stop: async () => {
      stopping = true;
      wakeUps.off("wake", wake);
      clearTimeout(timer);
      await current;
    },
  };
}
