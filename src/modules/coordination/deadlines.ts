/**
 * The coordination module's open deadlines: every open joint task, a task of its department's verifiers; once
 * escalated also of the lead department (level 1) and the programme admins (level 2 and up). Published through the
 * same `deadlines` source as every module, so joint tasks join the one inbox like points checks and assistance cases.
 */
import { addWorkingDays } from "../../core/calendar";
import type { Executor } from "../../db/transaction";
import type { OpenDeadline, TaskAssignee } from "../../platform/deadlines/deadlines";
import { loadTasks, type TaskRecord } from "./repository";

/** Who must act on a joint task at its escalation level. */
export function taskAssignees(task: Pick<TaskRecord, "department_code" | "leadDepartment" | "escalation_level">) {
  const assignees: TaskAssignee[] = [{ role: "verifier", departmentCode: task.department_code }];
  if (task.escalation_level >= 1 && task.leadDepartment && task.leadDepartment !== task.department_code)
    assignees.push({ role: "verifier", departmentCode: task.leadDepartment });
  if (task.escalation_level >= 2) assignees.push({ role: "programme_admin" });
  return assignees;
}

/** The web page of a task: its case, or the meeting that set it. */
export function taskLink(task: Pick<TaskRecord, "case_id" | "meeting_id">): string {
  return task.case_id
    ? `/console/coordination/cases/${task.case_id}`
    : `/console/coordination/meetings/${task.meeting_id}`;
}

/** Open joint tasks and meeting action items as deadlines with assignees, link and history. */
export async function coordinationDeadlines(executor: Executor): Promise<OpenDeadline[]> {
  const tasks = await loadTasks(executor, { open: true });
  return tasks.map((task) => ({
    module: "coordination",
    kind: task.case_id ? "coordination.task" : "coordination.action_item",
    label: task.case_id ? "联办任务期限 (joint task due)" : "联席会议交办事项期限 (meeting action item due)",
    entityType: "coordination_task",
    entityId: task.id,
    reference: `${task.caseNumber ?? "联席会议"}：${task.description}`.slice(0, 120),
    townCode: task.townCode,
    dueOn: task.due_on,
    recompute: () => addWorkingDays(task.started_on, task.working_days),
    assignees: taskAssignees(task),
    link: taskLink(task),
    history: task.events.map((event) => ({ on: event.on_date, label: event.note || event.kind })),
  }));
}
