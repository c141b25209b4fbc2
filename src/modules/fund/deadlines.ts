/**
 * The fund's open work as inbox tasks (src/platform/deadlines): each assigned review not yet scored is a task of
 * that reviewer, due the call's `review_working_days` working days after its applications close (escalated to the
 * programme admins once overdue); each progress or final report awaiting review is a task of the programme admins,
 * due the call's `report_review_working_days` working days after it was submitted. The programme admin sets both
 * per call (when opening it, or later); the issue names "deadlines" of a call without their lengths, so the
 * defaults below are our choice. Neither date is stored: each is counted on the calendar in force, so neither is
 * listed among the deadlines a new holiday notice changes.
 */
import { addWorkingDays } from "../../core/calendar";
import { today } from "../../core/clock";
import { toShanghaiDate } from "../../core/dates";
import type { Executor } from "../../db/transaction";
import type { OpenDeadline, TaskAssignee } from "../../platform/deadlines/deadlines";
import { fundDb } from "./tables";

/** Default working days a reviewer has to score, from the day applications close (a call may set its own). */
export const fundReviewWorkingDays = 10;
/** Default working days the programme admins have to review a submitted report (a call may set its own). */
export const fundReportReviewWorkingDays = 10;

const reportLabels: Record<string, { zh: string; en: string }> = {
  progress: { zh: "进展报告", en: "progress report" },
  final: { zh: "结项报告", en: "final report" },
};

async function reviewTasks(executor: Executor, day: string): Promise<OpenDeadline[]> {
  const rows = await fundDb(executor)
    .selectFrom("fund_reviews as r")
    .innerJoin("fund_applications as a", "a.id", "r.application_id")
    .innerJoin("fund_calls as k", "k.id", "a.call_id")
    .select([
      "r.reviewer_id",
      "a.id as application_id",
      "a.title",
      "a.applicant_name",
      "a.created_at",
      "a.town_code",
      "k.title as call_title",
      "k.applications_close_on",
      "k.review_working_days",
    ])
    .where("r.scores", "is", null)
    .where("k.status", "=", "open")
    .orderBy("k.applications_close_on")
    .orderBy("a.id")
    .orderBy("r.reviewer_id")
    .execute();
  return rows.map((row) => {
    const dueOn = addWorkingDays(row.applications_close_on, row.review_working_days);
    const overdue = dueOn < day;
    const assignees: TaskAssignee[] = [{ role: "reviewer", accountId: row.reviewer_id }];
    if (overdue) assignees.push({ role: "programme_admin" });
    return {
      module: "fund",
      kind: "fund.review",
      label: overdue
        ? "创新资金项目待评分，已逾期升级 (fund application to score: overdue, escalated)"
        : "创新资金项目待评分 (fund application to score)",
      // One task per reviewer of the application (an assignment): the inbox keys tasks by kind and entity.
      entityType: "fund_review",
      entityId: `${row.application_id}:${row.reviewer_id}`,
      reference: `${row.call_title}：${row.title}（${row.applicant_name}）`,
      townCode: row.town_code,
      dueOn,
      recompute: () => addWorkingDays(row.applications_close_on, row.review_working_days),
      assignees,
      link: "/console/fund/reviews",
      history: [
        { on: toShanghaiDate(new Date(row.created_at)), label: "项目申报 (applied)" },
        { on: row.applications_close_on, label: "申报截止 (applications closed)" },
      ],
    };
  });
}

async function reportTasks(executor: Executor): Promise<OpenDeadline[]> {
  const rows = await fundDb(executor)
    .selectFrom("fund_reports as p")
    .innerJoin("fund_applications as a", "a.id", "p.application_id")
    .innerJoin("fund_calls as k", "k.id", "a.call_id")
    .select([
      "p.id",
      "p.kind",
      "p.submitted_at",
      "a.id as application_id",
      "a.call_id",
      "a.title",
      "a.town_code",
      "k.report_review_working_days",
    ])
    .where("p.status", "=", "submitted")
    .orderBy("p.submitted_at")
    .orderBy("p.id")
    .execute();
  return rows.map((row) => {
    const submittedOn = toShanghaiDate(new Date(row.submitted_at));
    const report = reportLabels[row.kind] ?? { zh: row.kind, en: row.kind };
    return {
      module: "fund",
      kind: "fund.report_review",
      label: `创新资金项目${report.zh}待审核 (fund ${report.en} to review)`,
      entityType: "fund_report",
      entityId: row.id,
      reference: row.title,
      townCode: row.town_code,
      dueOn: addWorkingDays(submittedOn, row.report_review_working_days),
      recompute: () => addWorkingDays(submittedOn, row.report_review_working_days),
      assignees: [{ role: "programme_admin" }],
      link: `/console/fund/calls/${row.call_id}`,
      history: [{ on: submittedOn, label: `提交${report.zh} (${report.en} submitted)` }],
    };
  });
}

/** The fund's open deadlines: reviews to score and reports to review. */
export async function fundDeadlines(executor: Executor): Promise<OpenDeadline[]> {
  return [...(await reviewTasks(executor, today())), ...(await reportTasks(executor))];
}
