/**
 * Objections (异议) during publicity: raised against an entry and an indicator with a reason and evidence files,
 * routed to the department that owns the indicator (Impl. rules Art. 15), due in working days (5 to forward,
 * 5 to check), answered upheld or rejected with a reason; the outcome is published with the list.
 */
import { sql } from "kysely";
import { addWorkingDays } from "../../core/calendar";
import { err, ok, type Result } from "../../core/result";
import type { Executor, Trx } from "../../db/transaction";
import { audit, type CommandContext } from "../commands/context";
import { checkAttachableFiles } from "../files/files.commands";
import { notify } from "../notifications/notifications";
import { findList } from "./publicity.lists";
import { publicityDb } from "./publicity.tables";

/** Working days to forward an objection to the owning department, and then for it to check. */
export const forwardWorkingDays = 5;
export const checkWorkingDays = 5;

/** An objection as stored. */
export interface Objection {
  id: string;
  listId: string;
  entryId: string;
  townCode: string | null;
  indicator: string | null;
  departmentCode: string | null;
  reason: string;
  raisedBy: string;
  raisedOn: string;
  forwardDue: string;
  checkDue: string;
  status: "received" | "forwarded" | "upheld" | "rejected";
  answer: string | null;
  answeredOn: string | null;
  fileIds: string[];
  version: number;
}

const notFound = { code: "not_found", message: "记录不存在或无权访问 (not found)" } as const;

/** The department that owns an indicator (fact name), first by code when several share it; null when none does. */
export async function owningDepartment(executor: Executor, indicator: string): Promise<string | null> {
  const rows = await executor.selectFrom("departments").select(["code", "owns"]).orderBy("code").execute();
  return rows.find((row) => row.owns.includes(indicator))?.code ?? null;
}

/** Raises an objection; refused after the publicity end date (naming it) or on a list no longer publicised. */
export async function raiseObjection(
  trx: Trx,
  context: CommandContext,
  input: { listId: string; entryId: string; indicator?: string | null; reason: string; fileIds?: string[] },
  today: string,
): Promise<Result<Objection>> {
  const list = await findList(trx, input.listId);
  if (!list) return err(notFound);
  if (list.status !== "publicised")
    return err({
      code: "list_not_publicised",
      field: "listId",
      message: "该名单已不在公示中 (the list is no longer publicised)",
    });
  if (today > list.endDate)
    return err({
      code: "publicity_over",
      field: "listId",
      message: `公示期已于 ${list.endDate} 结束，不再受理异议 (publicity ended on ${list.endDate})`,
    });
  if (today < list.startDate)
    return err({
      code: "publicity_not_started",
      field: "listId",
      message: `公示期自 ${list.startDate} 开始 (publicity starts on ${list.startDate})`,
    });
  const entry = await publicityDb(trx)
    .selectFrom("publicity_entries")
    .select(["id", "town_code"])
    .where("id", "=", input.entryId)
    .where("list_id", "=", list.id)
    .executeTakeFirst();
  if (!entry)
    return err({
      code: "unknown_entry",
      field: "entryId",
      message: "entryId: 名单中没有该条目 (no such entry in this list)",
    });
  const reason = input.reason.trim();
  if (reason.length < 5)
    return err({
      code: "reason_too_short",
      field: "reason",
      message: "reason: 请写明异议理由（至少5个字）(give a reason of at least 5 characters)",
    });
  const indicator = input.indicator?.trim() || null;
  if (indicator !== null && !/^[a-z][a-z0-9_]*$/.test(indicator))
    return err({
      code: "invalid_indicator",
      field: "indicator",
      message: `indicator: "${indicator}" 不是指标名称 (not an indicator name)`,
    });
  const files = await checkAttachableFiles(trx, context.actor, input.fileIds ?? []);
  if (!files.ok) return files;
  const forwardDue = addWorkingDays(today, forwardWorkingDays);
  const row = await publicityDb(trx)
    .insertInto("publicity_objections")
    .values({
      list_id: list.id,
      entry_id: entry.id,
      town_code: entry.town_code ?? list.townCode,
      indicator,
      department_code: indicator ? await owningDepartment(trx, indicator) : null,
      reason,
      raised_by: context.actor.id,
      raised_on: today,
      forward_due: forwardDue,
      check_due: addWorkingDays(forwardDue, checkWorkingDays),
      status: "received",
      file_ids: input.fileIds ?? [],
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const objection = (await findObjection(trx, row.id))!;
  await audit(trx, context, {
    action: "publicity.objection.raise",
    entityType: "publicity_objection",
    entityId: objection.id,
    townCode: objection.townCode,
    after: {
      listId: list.id,
      entryId: entry.id,
      indicator,
      departmentCode: objection.departmentCode,
      forwardDue,
      checkDue: objection.checkDue,
    },
  });
  return ok(objection);
}

/** Forwards a received objection to its department (a clerk of the 镇区 or a programme admin does this). */
export async function forwardObjection(
  trx: Trx,
  context: CommandContext,
  objection: Objection,
  departmentCode?: string,
): Promise<Result<Objection>> {
  if (objection.status !== "received")
    return err({
      code: "objection_not_received",
      field: "status",
      message: `异议状态为 ${objection.status}，不能转交 (only a received objection is forwarded)`,
    });
  const target = departmentCode ?? objection.departmentCode;
  if (!target)
    return err({
      code: "department_required",
      field: "departmentCode",
      message: "departmentCode: 请指定核查部门 (name the department that checks it)",
    });
  const department = await trx.selectFrom("departments").select("code").where("code", "=", target).executeTakeFirst();
  if (!department)
    return err({
      code: "unknown_department",
      field: "departmentCode",
      message: `departmentCode: 未知部门 "${target}"`,
    });
  await publicityDb(trx)
    .updateTable("publicity_objections")
    .set((eb) => ({
      status: "forwarded",
      department_code: target,
      forwarded_at: new Date(),
      version: eb("version", "+", 1),
    }))
    .where("id", "=", objection.id)
    .execute();
  await audit(trx, context, {
    action: "publicity.objection.forward",
    entityType: "publicity_objection",
    entityId: objection.id,
    townCode: objection.townCode,
    before: { status: objection.status, departmentCode: objection.departmentCode },
    after: { status: "forwarded", departmentCode: target },
  });
  return ok((await findObjection(trx, objection.id))!);
}

/** Answers an objection upheld or rejected with a reason; the answer is published with the list. */
export async function answerObjection(
  trx: Trx,
  context: CommandContext,
  objection: Objection,
  input: { decision: "upheld" | "rejected"; answer: string },
  today: string,
): Promise<Result<Objection>> {
  if (objection.status === "upheld" || objection.status === "rejected")
    return err({ code: "objection_answered", field: "status", message: "该异议已答复 (already answered)" });
  const answer = input.answer.trim();
  if (answer.length < 2)
    return err({ code: "answer_required", field: "answer", message: "answer: 请写明核查结论的理由 (give the reason)" });
  await publicityDb(trx)
    .updateTable("publicity_objections")
    .set((eb) => ({
      status: input.decision,
      answer,
      answered_by: context.actor.id,
      answered_on: today,
      version: eb("version", "+", 1),
    }))
    .where("id", "=", objection.id)
    .execute();
  await audit(trx, context, {
    action: "publicity.objection.answer",
    entityType: "publicity_objection",
    entityId: objection.id,
    townCode: objection.townCode,
    before: { status: objection.status },
    after: { status: input.decision, answer },
  });
  const subject = (await objectionSubjects(trx, [objection])).get(objection.id);
  const entry = subject
    ? `《${subject.listTitle}》${subject.rank === null ? "" : `第 ${subject.rank} 名 `}${subject.maskedName}`
    : "";
  await notify(trx, objection.raisedBy, {
    kind: "objection.answered",
    text: `您于 ${objection.raisedOn} 对${entry}提出的异议，经核查${input.decision === "upheld" ? "成立" : "不成立"}。答复：${answer}`,
  });
  return ok((await findObjection(trx, objection.id))!);
}

type ObjectionRow = {
  id: string;
  list_id: string;
  entry_id: string;
  town_code: string | null;
  indicator: string | null;
  department_code: string | null;
  reason: string;
  raised_by: string;
  raised_on: string;
  forward_due: string;
  check_due: string;
  status: string;
  answer: string | null;
  answered_on: string | null;
  file_ids: string[];
  version: number;
};

function toObjection(row: ObjectionRow): Objection {
  return {
    id: row.id,
    listId: row.list_id,
    entryId: row.entry_id,
    townCode: row.town_code,
    indicator: row.indicator,
    departmentCode: row.department_code,
    reason: row.reason,
    raisedBy: row.raised_by,
    raisedOn: row.raised_on,
    forwardDue: row.forward_due,
    checkDue: row.check_due,
    status: row.status as Objection["status"],
    answer: row.answer,
    answeredOn: row.answered_on,
    fileIds: row.file_ids,
    version: row.version,
  };
}

/** Reads one objection. */
export async function findObjection(executor: Executor, id: string): Promise<Objection | null> {
  const row = await publicityDb(executor)
    .selectFrom("publicity_objections")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? toObjection(row) : null;
}

/** Objections matching a filter, oldest due first. */
export async function listObjections(
  executor: Executor,
  filter: { listId?: string; departmentCodes?: string[]; townCodes?: string[]; raisedBy?: string; statuses?: string[] },
): Promise<Objection[]> {
  let query = publicityDb(executor)
    .selectFrom("publicity_objections")
    .selectAll()
    .orderBy("check_due")
    .orderBy("raised_on")
    .orderBy("id")
    .limit(500);
  if (filter.listId) query = query.where("list_id", "=", filter.listId);
  if (filter.departmentCodes)
    query = filter.departmentCodes.length
      ? query.where("department_code", "in", filter.departmentCodes)
      : query.where(sql<boolean>`false`);
  if (filter.townCodes)
    query = filter.townCodes.length
      ? query.where("town_code", "in", filter.townCodes)
      : query.where(sql<boolean>`false`);
  if (filter.raisedBy) query = query.where("raised_by", "=", filter.raisedBy);
  if (filter.statuses?.length) query = query.where("status", "in", filter.statuses);
  return (await query.execute()).map(toObjection);
}

/** The deadline an objection is now running against, and whether it has passed (for queues and escalation). */
export function objectionDeadline(
  objection: Objection,
  today: string,
): { stage: "forward" | "check" | null; due: string | null; overdue: boolean } {
  if (objection.status === "received")
    return { stage: "forward", due: objection.forwardDue, overdue: today > objection.forwardDue };
  if (objection.status === "forwarded")
    return { stage: "check", due: objection.checkDue, overdue: today > objection.checkDue };
  return { stage: null, due: null, overdue: false };
}

/** What an objection is about, for the people who handle or raised it: the list's title and the entry, masked. */
export interface ObjectionSubject {
  listTitle: string;
  listVersion: number;
  rank: number | null;
  maskedName: string;
}

/** The subjects of some objections, by objection id (the list's title, the entry's rank and masked name). */
export async function objectionSubjects(
  executor: Executor,
  objections: readonly Objection[],
): Promise<Map<string, ObjectionSubject>> {
  if (objections.length === 0) return new Map();
  const rows = await publicityDb(executor)
    .selectFrom("publicity_entries as e")
    .innerJoin("publicity_lists as l", "l.id", "e.list_id")
    .select(["e.id", "e.rank", "e.masked_name", "l.title", "l.version"])
    .where(
      "e.id",
      "in",
      objections.map((objection) => objection.entryId),
    )
    .execute();
  const byEntry = new Map(rows.map((row) => [row.id, row]));
  const subjects = new Map<string, ObjectionSubject>();
  for (const objection of objections) {
    const row = byEntry.get(objection.entryId);
    if (row)
      subjects.set(objection.id, {
        listTitle: row.title,
        listVersion: row.version,
        rank: row.rank,
        maskedName: row.masked_name,
      });
  }
  return subjects;
}
