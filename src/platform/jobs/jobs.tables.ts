import type { ColumnType, Generated, Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { Executor } from "../../db/transaction";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | null | undefined, string | null>;

/** The states of a job: waiting to be claimed, held by a worker's lease, or finished one way or the other. */
export type JobStatus = "queued" | "running" | "succeeded" | "failed";

/** Durable jobs (migration 0040): one row per requested or scheduled run. */
export interface JobsTable {
  id: Generated<string>;
  kind: string;
  payload: ColumnType<unknown, string | undefined, string>;
  status: ColumnType<JobStatus, JobStatus | undefined, JobStatus>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  run_after: Timestamp;
  lease_owner: string | null;
  lease_expires_at: Date | null;
  progress_done: Generated<number>;
  progress_total: number | null;
  progress_label: string | null;
  result: Json;
  error: Json;
  dedupe_key: string | null;
  created_by: string | null;
  request_id: string | null;
  schedule_name: string | null;
  occurrence: Date | null;
  created_at: Timestamp;
  started_at: Date | null;
  finished_at: Date | null;
  updated_at: Timestamp;
}

/** Recurring jobs: the next time each declared schedule is due. */
export interface JobSchedulesTable {
  name: string;
  kind: string;
  every_seconds: number;
  next_run_at: Date;
  last_occurrence: Date | null;
  updated_at: Timestamp;
}

/** The database as the job queue sees it. */
export interface JobsDatabase extends Database {
  jobs: JobsTable;
  job_schedules: JobSchedulesTable;
}

/** Views a shared executor (database or transaction) with the job tables typed. */
export function jobsDb(executor: Executor): Kysely<JobsDatabase> {
  return executor as unknown as Kysely<JobsDatabase>;
}
