/**
 * When an overdue joint task escalates, counted in working days past its due date on the official calendar: one
 * working day late it goes to the lead department, three to the programme admin, five onto the joint meeting's
 * agenda. A holiday does not count: a task due the day before National Day is one working day late on the first
 * working day after it, not eight.
 */
import { workingDaysBetween } from "../../core/calendar";

/** Working days overdue at which each step is reached. */
export const escalationThresholds = { lead: 1, programmeAdmin: 3, agenda: 5 } as const;

/** The step names by level (0: not escalated). */
export const escalationStepNames = ["none", "lead", "programme_admin", "agenda"] as const;
export type EscalationStep = (typeof escalationStepNames)[number];

/** The working days a task due on `dueOn` is overdue on `today` (0 when not overdue). */
export function workingDaysOverdue(dueOn: string, today: string): number {
  return dueOn < today ? Math.max(0, workingDaysBetween(dueOn, today)) : 0;
}

/** The escalation level a task due on `dueOn` has reached on `today`: 0 none, 1 lead, 2 programme admin, 3 agenda. */
export function escalationLevel(dueOn: string, today: string): 0 | 1 | 2 | 3 {
  const overdue = workingDaysOverdue(dueOn, today);
  if (overdue >= escalationThresholds.agenda) return 3;
  if (overdue >= escalationThresholds.programmeAdmin) return 2;
  if (overdue >= escalationThresholds.lead) return 1;
  return 0;
}

/** What each step means, Chinese then English (task history and the inbox). */
export const escalationLabels: Record<EscalationStep, string> = {
  none: "未升级 (not escalated)",
  lead: "逾期，已报牵头部门 (overdue: escalated to the lead department)",
  programme_admin: "逾期，已报项目管理员 (overdue: escalated to the programme admin)",
  agenda: "逾期，已列入联席会议议程 (overdue: put on the joint meeting's agenda)",
};
