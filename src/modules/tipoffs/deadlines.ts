/**
 * The tip-offs module's open deadlines (investigation due): for the calendar's list of changed deadlines, and as
 * tasks in the inbox of the handling department's officers; once overdue the tip is escalated to the programme
 * admins' inbox too. Only the reference and the category go out: never the reporter.
 */
import { addWorkingDays } from "../../core/calendar";
import { today } from "../../core/clock";
import type { Executor } from "../../db/transaction";
import type { OpenDeadline, TaskAssignee } from "../../platform/deadlines/deadlines";
import { tipoffsDb } from "./tables";

/** Tips not yet decided: their investigation deadline, counted in working days from the report. */
export async function tipoffDeadlines(executor: Executor): Promise<OpenDeadline[]> {
  const rows = await tipoffsDb(executor)
    .selectFrom("tipoffs")
    .select(["id", "reference", "town_code", "department_code", "submitted_on", "due_on", "investigation_days"])
    .where("state", "in", ["submitted", "investigating"])
    .orderBy("due_on")
    .execute();
  const day = today();
  return rows.map((row) => {
    const overdue = row.due_on < day;
    const assignees: TaskAssignee[] = [{ role: "verifier", departmentCode: row.department_code }];
    if (overdue) assignees.push({ role: "programme_admin" });
    return {
      module: "tipoffs",
      kind: "tipoffs.investigation",
      label: overdue ? "线索核查逾期，已升级 (investigation overdue: escalated)" : "线索核查期限 (investigation due)",
      entityType: "tipoff",
      entityId: row.id,
      reference: row.reference,
      townCode: row.town_code,
      dueOn: row.due_on,
      recompute: () => addWorkingDays(row.submitted_on, row.investigation_days),
      assignees,
      link: `/console/tipoffs/${row.id}`,
    };
  });
}
