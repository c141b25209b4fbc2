/** Joint-case commands: open a case with its co-department tasks, add a task, complete a task, close a case. */
import { sql } from "kysely";
import { addWorkingDays } from "../../../core/calendar";
import { clock } from "../../../core/clock";
import { err, ok, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { actingUsername, audit, type CommandContext } from "../../../platform/commands/context";
import type { Actor } from "../../../platform/roles";
import { findCase, findTask, type CaseRecord, type TaskRecord } from "../repository";
import { coordinationDb } from "../tables";

/** Coordination commands also run as the escalation job, so the actor may be absent. */
export type CoordinationContext = CommandContext<Actor | null>;

/** One task to create: the department that acts, what it must do, and in how many working days. */
export interface TaskInput {
  departmentCode: string;
  description: string;
  workingDays: number;
}

/** Checks that every named department exists; the refusal names the field. */
export async function checkDepartments(trx: Trx, codes: { code: string; field: string }[]): Promise<Result<void>> {
  const known = new Set((await trx.selectFrom("departments").select("code").execute()).map((row) => row.code));
  for (const { code, field } of codes)
    if (!known.has(code))
      return err({ code: "unknown_department", message: `未知部门：${code} (unknown department)`, field });
  return ok(undefined);
}

/** Adds an event to a task's history. */
export async function taskEvent(
  trx: Trx,
  context: CoordinationContext,
  taskId: string,
  kind: string,
  note: string,
  onDate: string = clock.today(),
): Promise<void> {
  await coordinationDb(trx)
    .insertInto("coordination_task_events")
    .values({ task_id: taskId, on_date: onDate, kind, note, username: actingUsername(context) })
    .execute();
}

/** Inserts tasks starting today (due after their working days), each with its history and audit entry. */
export async function insertTasks(
  trx: Trx,
  context: CoordinationContext,
  owner: { caseId: string | null; meetingId: string | null; townCode: string | null; startedOn?: string },
  tasks: readonly TaskInput[],
): Promise<string[]> {
  const startedOn = owner.startedOn ?? clock.today();
  const ids: string[] = [];
  for (const task of tasks) {
    const dueOn = addWorkingDays(startedOn, task.workingDays);
    const row = await coordinationDb(trx)
      .insertInto("coordination_tasks")
      .values({
        case_id: owner.caseId,
        meeting_id: owner.meetingId,
        department_code: task.departmentCode,
        description: task.description.trim(),
        started_on: startedOn,
        working_days: task.workingDays,
        due_on: dueOn,
        status: "open",
        escalated_on: null,
        done_on: null,
        answer: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    // The department by its name, dated the day the task started (a task entered later keeps its real start).
    const department = await trx
      .selectFrom("departments")
      .select("name")
      .where("code", "=", task.departmentCode)
      .executeTakeFirst();
    await taskEvent(
      trx,
      context,
      row.id,
      "assigned",
      `交办${department?.name ?? task.departmentCode}，${task.workingDays}个工作日内办结`,
      startedOn,
    );
    await audit(trx, context, {
      action: "coordination.task.assign",
      entityType: "coordination_task",
      entityId: row.id,
      townCode: owner.townCode,
      after: { ...task, caseId: owner.caseId, meetingId: owner.meetingId, startedOn, dueOn },
    });
    ids.push(row.id);
  }
  return ids;
}

/** What opens a joint case. */
export interface CaseInput {
  title: string;
  description?: string;
  leadDepartment: string;
  townCode?: string | null;
  tasks: TaskInput[];
}

/** Opens a joint case led by one department with a task per co-department; the number is JC-<year>-<sequence>. */
export async function openCase(trx: Trx, context: CoordinationContext, input: CaseInput): Promise<Result<CaseRecord>> {
  const departments = await checkDepartments(trx, [
    { code: input.leadDepartment, field: "leadDepartment" },
    ...input.tasks.map((task, index) => ({ code: task.departmentCode, field: `tasks.${index}.departmentCode` })),
  ]);
  if (!departments.ok) return departments;
  if (input.townCode) {
    const town = await trx.selectFrom("towns").select("code").where("code", "=", input.townCode).executeTakeFirst();
    if (!town) return err({ code: "unknown_town", message: "未知镇区 (unknown town)", field: "townCode" });
  }
  if (!input.title.trim())
    return err({ code: "title_required", message: "请填写标题 (title required)", field: "title" });
  const today = clock.today();
  const year = today.slice(0, 4);
  const db = coordinationDb(trx);
  // Numbers are per year; a transaction-scoped advisory lock keeps two openings from taking the same one.
  await sql`select pg_advisory_xact_lock(hashtext('coordination.numbers'))`.execute(trx);
  const count = await db
    .selectFrom("coordination_cases")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("number", "like", `JC-${year}-%`)
    .executeTakeFirstOrThrow();
  const number = `JC-${year}-${String(Number(count.n) + 1).padStart(4, "0")}`;
  const row = await db
    .insertInto("coordination_cases")
    .values({
      number,
      title: input.title.trim(),
      description: input.description?.trim() ?? "",
      lead_department: input.leadDepartment,
      town_code: input.townCode ?? null,
      status: "open",
      opened_on: today,
      closed_on: null,
      created_by: context.actor?.id ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await audit(trx, context, {
    action: "coordination.case.open",
    entityType: "coordination_case",
    entityId: row.id,
    townCode: input.townCode ?? null,
    after: { number, title: input.title, leadDepartment: input.leadDepartment, openedOn: today },
  });
  await insertTasks(trx, context, { caseId: row.id, meetingId: null, townCode: input.townCode ?? null }, input.tasks);
  return ok((await findCase(trx, row.id))!);
}

/** Adds a co-department task to an open case. */
export async function addCaseTask(
  trx: Trx,
  context: CoordinationContext,
  record: CaseRecord,
  input: TaskInput,
): Promise<Result<CaseRecord>> {
  if (record.status !== "open")
    return err({ code: "case_closed", message: "联办案件已办结 (the joint case is closed)", field: "id" });
  const departments = await checkDepartments(trx, [{ code: input.departmentCode, field: "departmentCode" }]);
  if (!departments.ok) return departments;
  await insertTasks(trx, context, { caseId: record.id, meetingId: null, townCode: record.town_code }, [input]);
  return ok((await findCase(trx, record.id))!);
}

/** Completes a task with the department's answer. */
export async function completeTask(
  trx: Trx,
  context: CoordinationContext,
  taskId: string,
  answer: string,
): Promise<Result<TaskRecord>> {
  const task = await findTask(trx, taskId);
  if (!task) return err({ code: "not_found", message: "记录不存在或无权访问 (not found)" });
  if (task.status === "done") return err({ code: "task_done", message: "任务已办结 (the task is already done)" });
  if (!answer.trim())
    return err({ code: "answer_required", message: "请填写办理结果 (answer required)", field: "answer" });
  const today = clock.today();
  await coordinationDb(trx)
    .updateTable("coordination_tasks")
    .set({ status: "done", done_on: today, answer: answer.trim() })
    .where("id", "=", taskId)
    .execute();
  await taskEvent(trx, context, taskId, "done", answer.trim());
  await audit(trx, context, {
    action: "coordination.task.complete",
    entityType: "coordination_task",
    entityId: taskId,
    townCode: task.townCode,
    before: { status: task.status },
    after: { status: "done", doneOn: today, answer: answer.trim() },
  });
  return ok((await findTask(trx, taskId))!);
}

/** Closes a joint case once all its tasks are done. */
export async function closeCase(
  trx: Trx,
  context: CoordinationContext,
  record: CaseRecord,
): Promise<Result<CaseRecord>> {
  if (record.status === "closed")
    return err({ code: "case_closed", message: "联办案件已办结 (the joint case is closed)", field: "id" });
  const open = record.tasks.filter((task) => task.status === "open").length;
  if (open > 0)
    return err({ code: "tasks_open", message: `尚有${open}项任务未办结 (${open} tasks still open)`, field: "tasks" });
  const today = clock.today();
  await coordinationDb(trx)
    .updateTable("coordination_cases")
    .set({ status: "closed", closed_on: today })
    .where("id", "=", record.id)
    .execute();
  await audit(trx, context, {
    action: "coordination.case.close",
    entityType: "coordination_case",
    entityId: record.id,
    townCode: record.town_code,
    before: { status: "open" },
    after: { status: "closed", closedOn: today },
  });
  return ok((await findCase(trx, record.id))!);
}
