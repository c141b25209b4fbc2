/** Response schemas of the coordination module (OpenAPI and the serialiser: every field the web app reads). */
import { Type } from "typebox";
import { nullable } from "../../platform/http/response-schemas";

const HistoryStep = Type.Object({ on: Type.String(), label: Type.String() });

/** One task of an officer's inbox, from any module. */
export const InboxTaskResponse = Type.Object({
  id: Type.String(),
  module: Type.String(),
  kind: Type.String(),
  label: Type.String(),
  entityType: Type.String(),
  entityId: Type.String(),
  reference: Type.String(),
  subject: nullable(
    Type.String({ description: "whose item it is (a person, masked where the assignee sees masked data)" }),
  ),
  townCode: nullable(Type.String()),
  dueOn: Type.String(),
  workingDaysLeft: Type.Integer({ description: "0 due today, negative: overdue by that many working days" }),
  overdue: Type.Boolean(),
  provisional: Type.Boolean({ description: "the due date lies in a year without an official holiday notice" }),
  link: nullable(Type.String()),
  history: Type.Array(HistoryStep),
});

/** The caller's inbox. */
export const InboxResponse = Type.Object({
  today: Type.String(),
  modules: Type.Array(Type.String(), { description: "the modules that publish tasks" }),
  items: Type.Array(InboxTaskResponse),
});

/** One joint task. */
export const TaskResponse = Type.Object({
  id: Type.String(),
  caseId: nullable(Type.String()),
  meetingId: nullable(Type.String()),
  departmentCode: Type.String(),
  departmentName: Type.String(),
  description: Type.String(),
  startedOn: Type.String(),
  workingDays: Type.Integer(),
  dueOn: Type.String(),
  provisional: Type.Boolean(),
  workingDaysLeft: Type.Integer(),
  status: Type.Union([Type.Literal("open"), Type.Literal("done")]),
  escalationLevel: Type.Integer(),
  escalation: Type.String({ description: "none, lead, programme_admin or agenda" }),
  escalatedOn: nullable(Type.String()),
  doneOn: nullable(Type.String()),
  answer: nullable(Type.String()),
  mayComplete: Type.Boolean({ description: "whether the caller may complete this open task (their department)" }),
  history: Type.Array(
    Type.Object({ on: Type.String(), kind: Type.String(), note: Type.String(), username: Type.String() }),
  ),
});

/** One joint case with its tasks. */
export const CaseResponse = Type.Object({
  id: Type.String(),
  number: Type.String(),
  title: Type.String(),
  description: Type.String(),
  leadDepartment: Type.String(),
  leadDepartmentName: Type.String(),
  townCode: nullable(Type.String()),
  status: Type.Union([Type.Literal("open"), Type.Literal("closed")]),
  openedOn: Type.String(),
  closedOn: nullable(Type.String()),
  synthetic: Type.Boolean(),
  tasks: Type.Array(TaskResponse),
});

export const CaseListResponse = Type.Object({ items: Type.Array(CaseResponse) });

/** One meeting in a list. */
export const MeetingSummaryResponse = Type.Object({
  id: Type.String(),
  number: Type.String(),
  title: Type.String(),
  heldOn: Type.String(),
  status: Type.Union([Type.Literal("planned"), Type.Literal("held")]),
  synthetic: Type.Boolean(),
});

export const MeetingListResponse = Type.Object({ items: Type.Array(MeetingSummaryResponse) });

/** A meeting with agenda, attendance, minutes, decisions and action items. */
export const MeetingResponse = Type.Object({
  ...MeetingSummaryResponse.properties,
  attendees: Type.Array(Type.Object({ departmentCode: Type.String(), name: Type.String(), present: Type.Boolean() })),
  minutes: Type.String(),
  decisions: Type.Array(Type.String()),
  agenda: Type.Array(
    Type.Object({
      reason: Type.String(),
      addedOn: Type.String(),
      caseNumber: nullable(Type.String()),
      task: TaskResponse,
    }),
  ),
  actionItems: Type.Array(TaskResponse),
});

/** What the escalation run did. */
export const EscalationResponse = Type.Object({
  today: Type.String(),
  escalated: Type.Integer(),
  toLead: Type.Integer(),
  toProgrammeAdmin: Type.Integer(),
  toAgenda: Type.Integer(),
});
