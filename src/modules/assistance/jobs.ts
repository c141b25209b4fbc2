/** The assistance module's jobs: the monthly payroll run, with its progress shown while it computes. */
import { defineJob } from "../../platform/jobs";
import { runPayroll } from "./commands/payroll.run";
import { PayrollRunBody } from "./schemas";

/**
 * Runs (or returns) a month's payroll as a job. Repeating it is safe: the run and the job's completion commit
 * together, and a month already produced is returned, not produced again (`created: false`).
 */
export const payrollJob = defineJob<{ month: string }>({
  kind: "assistance.payroll",
  title: "生成低保发放表",
  payload: PayrollRunBody,
  permission: "assistance.payroll.run",
  dedupeKey: ({ month }) => `assistance.payroll:${month}`,
  run: (trx, job) =>
    runPayroll(trx, { actor: job.actor, requestId: job.requestId }, job.payload.month, {
      onProgress: (done, total, label) => job.progress(done, total, label),
    }),
});
