/** The coordination module's recurring job: escalate overdue joint tasks, counted in working days. */
import { defineJob } from "../../platform/jobs";
import { escalateOverdueTasks } from "./commands/escalate";

/**
 * Runs every hour (and on demand by a programme admin); a run on a day that already escalated everything due
 * changes nothing, so repeats are harmless.
 */
export const escalationJob = defineJob<Record<string, never>>({
  kind: "coordination.escalate",
  title: "联办任务逾期升级",
  permission: "coordination.cases.manage",
  dedupeKey: () => "coordination.escalate",
  every: { minutes: 60 },
  run: (trx, job) =>
    escalateOverdueTasks(trx, { actor: job.actor, requestId: job.requestId, username: "system:escalation" }),
});
