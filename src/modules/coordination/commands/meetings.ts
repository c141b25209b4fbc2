/**
 * Joint meetings (联席会议): planned with an agenda of the overdue and escalated joint tasks, then recorded with
 * attendance, minutes, decisions and action items that become tasks with owners and working-day deadlines.
 */
import { sql } from "kysely";
import { clock } from "../../../core/clock";
import { err, ok, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { audit } from "../../../platform/commands/context";
import { escalationLevel } from "../escalation";
import { findMeeting, type MeetingRecord } from "../repository";
import { coordinationDb, type Attendee } from "../tables";
import { checkDepartments, insertTasks, type CoordinationContext, type TaskInput } from "./tasks";

/** Puts every open overdue task on a meeting's agenda (escalated ones marked so); returns how many were added or marked. */
export async function addOverdueToAgenda(trx: Trx, meetingId: string, today: string): Promise<number> {
  const db = coordinationDb(trx);
  const open = await db
    .selectFrom("coordination_tasks")
    .select(["id", "due_on", "escalation_level"])
    .where("status", "=", "open")
    .where("due_on", "<", today)
    .execute();
  let added = 0;
  for (const task of open) {
    const level = Math.max(task.escalation_level, escalationLevel(task.due_on, today));
    if (level === 0) continue;
    const inserted = await db
      .insertInto("coordination_agenda_items")
      .values({
        meeting_id: meetingId,
        task_id: task.id,
        reason: level >= 3 ? "escalated" : "overdue",
        added_on: today,
      })
      // A task already listed as overdue is marked escalated once it reaches the agenda step.
      .onConflict((conflict) =>
        conflict
          .columns(["meeting_id", "task_id"])
          .doUpdateSet({ reason: (eb) => eb.ref("excluded.reason") })
          .where("coordination_agenda_items.reason", "<>", "escalated"),
      )
      .returning("task_id")
      .executeTakeFirst();
    if (inserted) added += 1;
  }
  return added;
}

/** Plans a joint meeting on `heldOn` (today or later) with the overdue and escalated tasks as its agenda. */
export async function planMeeting(
  trx: Trx,
  context: CoordinationContext,
  input: { title: string; heldOn: string },
): Promise<Result<MeetingRecord>> {
  const today = clock.today();
  if (!input.title.trim())
    return err({ code: "title_required", message: "请填写标题 (title required)", field: "title" });
  if (input.heldOn < today)
    return err({
      code: "date_in_past",
      message: "会议日期不能早于今天 (the meeting date is in the past)",
      field: "heldOn",
    });
  const db = coordinationDb(trx);
  await sql`select pg_advisory_xact_lock(hashtext('coordination.numbers'))`.execute(trx);
  const year = input.heldOn.slice(0, 4);
  const count = await db
    .selectFrom("coordination_meetings")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("number", "like", `JM-${year}-%`)
    .executeTakeFirstOrThrow();
  const number = `JM-${year}-${String(Number(count.n) + 1).padStart(3, "0")}`;
  const row = await db
    .insertInto("coordination_meetings")
    .values({
      number,
      title: input.title.trim(),
      held_on: input.heldOn,
      status: "planned",
      attendees: JSON.stringify([]),
      decisions: JSON.stringify([]),
      created_by: context.actor?.id ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const agenda = await addOverdueToAgenda(trx, row.id, today);
  await audit(trx, context, {
    action: "coordination.meeting.plan",
    entityType: "coordination_meeting",
    entityId: row.id,
    townCode: null,
    after: { number, title: input.title, heldOn: input.heldOn, agendaItems: agenda },
  });
  return ok((await findMeeting(trx, row.id))!);
}

/** What the record of a held meeting holds. */
export interface MeetingMinutesInput {
  attendees: Attendee[];
  minutes: string;
  decisions: string[];
  actionItems: TaskInput[];
}

/** Records a meeting that took place (its date today or earlier): attendance, minutes, decisions, action items. */
export async function recordMeeting(
  trx: Trx,
  context: CoordinationContext,
  meetingId: string,
  input: MeetingMinutesInput,
): Promise<Result<MeetingRecord>> {
  const meeting = await findMeeting(trx, meetingId);
  if (!meeting) return err({ code: "not_found", message: "记录不存在或无权访问 (not found)" });
  if (meeting.status === "held")
    return err({ code: "meeting_recorded", message: "会议纪要已记录 (the minutes are already recorded)" });
  const today = clock.today();
  if (meeting.held_on > today)
    return err({
      code: "meeting_not_held",
      message: "会议尚未举行 (the meeting has not taken place yet)",
      field: "id",
    });
  if (!input.minutes.trim())
    return err({ code: "minutes_required", message: "请填写会议纪要 (minutes required)", field: "minutes" });
  if (!input.attendees.some((attendee) => attendee.present))
    return err({ code: "attendance_required", message: "请登记出席人员 (record who attended)", field: "attendees" });
  const departments = await checkDepartments(trx, [
    ...input.attendees.map((attendee, index) => ({
      code: attendee.departmentCode,
      field: `attendees.${index}.departmentCode`,
    })),
    ...input.actionItems.map((item, index) => ({
      code: item.departmentCode,
      field: `actionItems.${index}.departmentCode`,
    })),
  ]);
  if (!departments.ok) return departments;
  await coordinationDb(trx)
    .updateTable("coordination_meetings")
    .set({
      status: "held",
      attendees: JSON.stringify(input.attendees),
      minutes: input.minutes.trim(),
      decisions: JSON.stringify(input.decisions.map((decision) => decision.trim()).filter(Boolean)),
    })
    .where("id", "=", meetingId)
    .execute();
  // Action items are tasks from today, the day the minutes are recorded, so no deadline starts in the past.
  await insertTasks(trx, context, { caseId: null, meetingId, townCode: null }, input.actionItems);
  await audit(trx, context, {
    action: "coordination.meeting.record",
    entityType: "coordination_meeting",
    entityId: meetingId,
    townCode: null,
    before: { status: meeting.status },
    after: {
      status: "held",
      attendees: input.attendees,
      decisions: input.decisions,
      actionItems: input.actionItems.length,
    },
  });
  return ok((await findMeeting(trx, meetingId))!);
}
