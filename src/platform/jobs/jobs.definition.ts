import type { TSchema } from "typebox";
import type { Problem, Result } from "../../core/result";
import type { Trx } from "../../db/transaction";
import type { Actor } from "../roles";

/** Reports how far a job has come: `done` of `total` (null when unknown), with a short label of the stage. */
export type JobProgress = (done: number, total: number | null, label?: string) => void;

/** What a job's handler receives besides its transaction. */
export interface JobContext<P> {
  id: string;
  payload: P;
  /** Who asked for the job, reloaded when it runs (null for a scheduled occurrence). */
  actor: Actor | null;
  /** The request that enqueued the job, so the audit entries of its work point back to it. */
  requestId: string | null;
  /** 1 on the first run; more when a run died (lease expired) or threw and the job is repeated. */
  attempt: number;
  /** When a scheduled occurrence was due, or when the job was created. */
  dueAt: Date;
  progress: JobProgress;
}

/**
 * A kind of job a module declares in its manifest (`jobs: [...]`). The handler runs in one transaction that also
 * records the job as succeeded, so the work and its completion commit together: a run that dies leaves nothing and
 * is repeated from the start. A handler returns a refusal (`ok: false`) to fail the job without retrying; it throws
 * only for faults, which are retried up to `maxAttempts` times.
 */
// Methods (not function properties), so a definition of a concrete payload is a JobDefinition of unknown payload.
export interface JobDefinition<P = unknown> {
  /** `module.name`, e.g. `assistance.payroll`. */
  kind: string;
  /** A Chinese title for the web app, e.g. 生成发放表. */
  title: string;
  /** The payload's schema, checked when a user enqueues through the API. */
  payload?: TSchema;
  /**
   * The permission (a name from a manifest's permission table) needed to enqueue this kind through
   * `POST /api/v1/jobs` and to read every job of it; checked again when the job runs, against the account that
   * enqueued it. Absent: the job is only enqueued by code or by its schedule.
   */
  permission?: string;
  /** Two open jobs with the same key are one: a second enqueue returns the first. */
  dedupeKey?(payload: P): string;
  /** A recurring job: enqueued once per occurrence, every `minutes` (GONGZHI_SCHEDULE_EVERY_SECONDS overrides). */
  every?: { minutes: number };
  /** Runs before the job fails for good (default 3). */
  maxAttempts?: number;
  run(trx: Trx, job: JobContext<P>): Promise<Result<unknown, Problem>>;
}

/** A declared kind with its permission resolved against the permission tables (by `jobDefinitions`). */
export interface RegisteredJob<P = unknown> extends JobDefinition<P> {
  /** Whether the caller holds the kind's permission (absent when the kind has none: not for users). */
  mayEnqueue?(actor: Actor): boolean;
}

/** Declares a job kind with its payload type checked against its handler. */
export function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}
