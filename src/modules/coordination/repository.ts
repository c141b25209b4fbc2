/** Queries of the coordination module: joint cases with their tasks, tasks with their history, meetings. */
import type { Executor } from "../../db/transaction";
import { coordinationDb, type Attendee, type CoordinationDatabase } from "./tables";
import type { Selectable } from "kysely";

export type CaseRow = Selectable<CoordinationDatabase["coordination_cases"]>;
export type TaskRow = Selectable<CoordinationDatabase["coordination_tasks"]>;
export type MeetingRow = Selectable<CoordinationDatabase["coordination_meetings"]>;
export type TaskEventRow = Selectable<CoordinationDatabase["coordination_task_events"]>;

/** A task with its history and, for a case's task, the case's lead department. */
export interface TaskRecord extends TaskRow {
  leadDepartment: string | null;
  caseNumber: string | null;
  townCode: string | null;
  events: TaskEventRow[];
}

/** A joint case with its tasks. */
export interface CaseRecord extends CaseRow {
  tasks: TaskRecord[];
}

/** A meeting with its agenda and its action items. */
export interface MeetingRecord extends Omit<MeetingRow, "attendees" | "decisions"> {
  attendees: Attendee[];
  decisions: string[];
  agenda: { task: TaskRecord; reason: "overdue" | "escalated"; addedOn: string }[];
  actionItems: TaskRecord[];
}

/** Tasks with their events and case facts, in creation order. */
export async function loadTasks(
  executor: Executor,
  where: { ids?: string[]; caseId?: string; meetingId?: string; open?: boolean },
): Promise<TaskRecord[]> {
  const db = coordinationDb(executor);
  let query = db
    .selectFrom("coordination_tasks as t")
    .leftJoin("coordination_cases as c", "c.id", "t.case_id")
    .selectAll("t")
    .select(["c.lead_department as leadDepartment", "c.number as caseNumber", "c.town_code as townCode"]);
  if (where.ids) {
    if (where.ids.length === 0) return [];
    query = query.where("t.id", "in", where.ids);
  }
  if (where.caseId) query = query.where("t.case_id", "=", where.caseId);
  if (where.meetingId) query = query.where("t.meeting_id", "=", where.meetingId);
  if (where.open) query = query.where("t.status", "=", "open");
  const tasks = await query.orderBy("t.created_at").orderBy("t.id").execute();
  if (tasks.length === 0) return [];
  const events = await db
    .selectFrom("coordination_task_events")
    .selectAll()
    .where(
      "task_id",
      "in",
      tasks.map((task) => task.id),
    )
    .orderBy("created_at")
    .execute();
  return tasks.map((task) => ({ ...task, events: events.filter((event) => event.task_id === task.id) }));
}

/** One task, or null. */
export async function findTask(executor: Executor, id: string): Promise<TaskRecord | null> {
  return (await loadTasks(executor, { ids: [id] }))[0] ?? null;
}

/** One joint case with its tasks, or null. */
export async function findCase(executor: Executor, id: string): Promise<CaseRecord | null> {
  const row = await coordinationDb(executor)
    .selectFrom("coordination_cases")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  return { ...row, tasks: await loadTasks(executor, { caseId: id }) };
}

/** Joint cases, newest first, with their tasks (filtered by status and by a department taking part). */
export async function listCases(
  executor: Executor,
  filter: { status?: "open" | "closed"; departments?: string[] | null },
): Promise<CaseRecord[]> {
  const db = coordinationDb(executor);
  let query = db.selectFrom("coordination_cases").selectAll();
  if (filter.status) query = query.where("status", "=", filter.status);
  if (filter.departments) {
    const departments = filter.departments;
    if (departments.length === 0) return [];
    query = query.where((eb) =>
      eb.or([
        eb("lead_department", "in", departments),
        eb(
          "id",
          "in",
          eb
            .selectFrom("coordination_tasks")
            .select("case_id")
            .where("department_code", "in", departments)
            .where("case_id", "is not", null)
            .$narrowType<{ case_id: string }>(),
        ),
      ]),
    );
  }
  const rows = await query.orderBy("opened_on", "desc").orderBy("number", "desc").limit(200).execute();
  const tasks =
    rows.length === 0
      ? []
      : await loadTasksOfCases(
          executor,
          rows.map((row) => row.id),
        );
  return rows.map((row) => ({ ...row, tasks: tasks.filter((task) => task.case_id === row.id) }));
}

async function loadTasksOfCases(executor: Executor, caseIds: string[]): Promise<TaskRecord[]> {
  const ids = await coordinationDb(executor)
    .selectFrom("coordination_tasks")
    .select("id")
    .where("case_id", "in", caseIds)
    .execute();
  return loadTasks(executor, { ids: ids.map((row) => row.id) });
}

/** One meeting with its agenda and action items, or null. */
export async function findMeeting(executor: Executor, id: string): Promise<MeetingRecord | null> {
  const db = coordinationDb(executor);
  const row = await db.selectFrom("coordination_meetings").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return null;
  const items = await db
    .selectFrom("coordination_agenda_items")
    .selectAll()
    .where("meeting_id", "=", id)
    .orderBy("added_on")
    .orderBy("task_id")
    .execute();
  const agendaTasks = await loadTasks(executor, { ids: items.map((item) => item.task_id) });
  return {
    ...row,
    attendees: row.attendees,
    decisions: row.decisions,
    agenda: items.map((item) => ({
      task: agendaTasks.find((task) => task.id === item.task_id)!,
      reason: item.reason,
      addedOn: item.added_on,
    })),
    actionItems: await loadTasks(executor, { meetingId: id }),
  };
}

/** Meetings, latest first. */
export async function listMeetings(executor: Executor): Promise<MeetingRow[]> {
  return coordinationDb(executor)
    .selectFrom("coordination_meetings")
    .selectAll()
    .orderBy("held_on", "desc")
    .orderBy("number", "desc")
    .limit(100)
    .execute();
}

/** The departments by code, with their names (reference data). */
export async function departmentNames(executor: Executor): Promise<Map<string, string>> {
  const rows = await executor.selectFrom("departments").select(["code", "name"]).execute();
  return new Map(rows.map((row) => [row.code, row.name]));
}
