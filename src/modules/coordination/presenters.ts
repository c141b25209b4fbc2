/** Rows of the coordination module → API shapes (no personal data is stored in joint cases). */
import { isProvisionalDate, workingDaysBetween } from "../../core/calendar";
import { clock } from "../../core/clock";
import type { Actor } from "../../platform/roles";
import { escalationStepNames } from "./escalation";
import { mayCompleteTask } from "./policies";
import type { CaseRecord, MeetingRecord, MeetingRow, TaskRecord } from "./repository";

/** A task with its working days left on today's calendar and its history. */
export function presentTask(task: TaskRecord, names: Map<string, string>, actor: Actor) {
  return {
    id: task.id,
    caseId: task.case_id,
    meetingId: task.meeting_id,
    departmentCode: task.department_code,
    departmentName: names.get(task.department_code) ?? task.department_code,
    description: task.description,
    startedOn: task.started_on,
    workingDays: task.working_days,
    dueOn: task.due_on,
    provisional: isProvisionalDate(task.due_on),
    workingDaysLeft: workingDaysBetween(clock.today(), task.due_on),
    status: task.status,
    escalationLevel: task.escalation_level,
    escalation: escalationStepNames[task.escalation_level] ?? "none",
    escalatedOn: task.escalated_on,
    doneOn: task.done_on,
    answer: task.answer,
    mayComplete: task.status === "open" && mayCompleteTask(actor, task),
    history: task.events.map((event) => ({
      on: event.on_date,
      kind: event.kind,
      note: event.note,
      username: event.username,
    })),
  };
}

/** A joint case with its tasks. */
export function presentCase(record: CaseRecord, names: Map<string, string>, actor: Actor) {
  return {
    id: record.id,
    number: record.number,
    title: record.title,
    description: record.description,
    leadDepartment: record.lead_department,
    leadDepartmentName: names.get(record.lead_department) ?? record.lead_department,
    townCode: record.town_code,
    status: record.status,
    openedOn: record.opened_on,
    closedOn: record.closed_on,
    synthetic: record.synthetic,
    tasks: record.tasks.map((task) => presentTask(task, names, actor)),
  };
}

/** A meeting in a list. */
export function presentMeetingSummary(row: MeetingRow) {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    heldOn: row.held_on,
    status: row.status,
    synthetic: row.synthetic,
  };
}

/** A meeting with everything recorded. */
export function presentMeeting(record: MeetingRecord, names: Map<string, string>, actor: Actor) {
  return {
    ...presentMeetingSummary({ ...record, attendees: record.attendees, decisions: record.decisions }),
    attendees: record.attendees,
    minutes: record.minutes,
    decisions: record.decisions,
    agenda: record.agenda.map((item) => ({
      reason: item.reason,
      addedOn: item.addedOn,
      caseNumber: item.task.caseNumber,
      task: presentTask(item.task, names, actor),
    })),
    actionItems: record.actionItems.map((task) => presentTask(task, names, actor)),
  };
}
