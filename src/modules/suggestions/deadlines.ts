/**
 * The suggestions module's open deadlines: ideas past the support threshold and not yet answered must be answered
 * by the owning department within the working days set; once overdue they are escalated to the programme admins
 * (the task appears in their inbox too).
 */
import { addWorkingDays } from "../../core/calendar";
import { today } from "../../core/clock";
import type { Executor } from "../../db/transaction";
import type { OpenDeadline, TaskAssignee } from "../../platform/deadlines/deadlines";
import { suggestionsDb } from "./tables";

export async function suggestionDeadlines(executor: Executor): Promise<OpenDeadline[]> {
  const rows = await suggestionsDb(executor)
    .selectFrom("suggestions")
    .select([
      "id",
      "reference",
      "title",
      "town_code",
      "department_code",
      "threshold_reached_on",
      "answer_due_on",
      "answer_working_days",
      "submitted_on",
    ])
    .where("answer_due_on", "is not", null)
    .where("answered_on", "is", null)
    .orderBy("answer_due_on")
    .execute();
  const day = today();
  return rows.map((row) => {
    const overdue = row.answer_due_on! < day;
    const assignees: TaskAssignee[] = [{ role: "verifier", departmentCode: row.department_code }];
    if (overdue) assignees.push({ role: "programme_admin" });
    return {
      module: "suggestions",
      kind: "suggestions.answer",
      label: overdue ? "金点子答复逾期，已升级 (answer overdue: escalated)" : "金点子公开答复期限 (public answer due)",
      entityType: "suggestion",
      entityId: row.id,
      reference: `${row.reference} ${row.title}`,
      townCode: row.town_code,
      dueOn: row.answer_due_on!,
      recompute: () => addWorkingDays(row.threshold_reached_on!, row.answer_working_days),
      assignees,
      link: `/console/suggestions/${row.id}`,
      history: [
        { on: row.submitted_on, label: "提出 (proposed)" },
        { on: row.threshold_reached_on!, label: "达到支持门槛 (threshold reached)" },
      ],
    };
  });
}
