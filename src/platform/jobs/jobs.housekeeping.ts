import { sql } from "kysely";
import { ok } from "../../core/result";
import { appendAudit } from "../audit/audit.log";
import { defineJob } from "./jobs.definition";
import { jobsDb } from "./jobs.tables";

/** Completed idempotency keys are kept this long: a client retrying later than this gets a new request. */
export const idempotencyRetentionDays = 7;
/** Finished scheduled jobs (not users' jobs) are kept this long. */
export const scheduledJobRetentionDays = 30;

/**
 * The platform's hourly housekeeping: removes expired sessions, completed idempotency keys past their retention,
 * and old finished scheduled jobs, and records what it removed in the audit log (one entry per occurrence).
 */
export const housekeepingJob = defineJob<Record<string, never>>({
  kind: "platform.housekeeping",
  title: "例行清理",
  every: { minutes: 60 },
  run: async (trx, job) => {
    const at = job.dueAt;
    const sessions = await trx.deleteFrom("sessions").where("expires_at", "<", at).executeTakeFirst();
    const keys = await trx
      .deleteFrom("idempotency_keys")
      .where("status_code", "is not", null)
      .where("created_at", "<", sql<Date>`${at}::timestamptz - make_interval(days => ${idempotencyRetentionDays})`)
      .executeTakeFirst();
    const jobs = await jobsDb(trx)
      .deleteFrom("jobs")
      .where("schedule_name", "is not", null)
      .where("status", "in", ["succeeded", "failed"])
      .where("finished_at", "<", sql<Date>`${at}::timestamptz - make_interval(days => ${scheduledJobRetentionDays})`)
      .executeTakeFirst();
    const removed = {
      sessions: Number(sessions.numDeletedRows),
      idempotencyKeys: Number(keys.numDeletedRows),
      scheduledJobs: Number(jobs.numDeletedRows),
    };
    job.progress(1, 1, "done");
    await appendAudit(trx, {
      actorId: null,
      actorUsername: "system",
      action: "platform.housekeeping",
      entityType: "job",
      entityId: job.id,
      after: { dueAt: at.toISOString(), removed },
    });
    return ok(removed);
  },
});
