/**
 * Publishing lists (公示): a new version per subject with masked entries, a period in working days and its end
 * date; the final list (公布); reading, searching and comparing versions. Personal data is masked on the way in,
 * so nothing unmasked is ever stored with a list.
 */
import { isWorkingDay, addWorkingDays } from "../../core/calendar";
import { isIsoDate } from "../../core/dates";
import { maskIdNumber, maskName } from "../../core/masking";
import { err, ok, type Result } from "../../core/result";
import type { Executor, Trx } from "../../db/transaction";
import { audit, type CommandContext } from "../commands/context";
import type { Selectable } from "kysely";
import { publicityDb, type EntryValue, type ListColumn, type PublicityListsTable } from "./publicity.tables";
import {} from "../../core/clock";

/** The publicity clock: today in Shanghai. Tests replace `today` to replay a past period. */

/** One entry as a module hands it over: the full name and ID number are masked before storing. */
export interface EntryInput {
  rank: number | null;
  name: string;
  idNumber: string;
  townCode: string | null;
  values: Record<string, EntryValue>;
  subjectType: string;
  subjectId: string;
}

/** What a module publishes: `subjectKey` groups the versions of one list (e.g. `points:<cycle>:school:shiqi`). */
export interface PublishInput {
  kind: string;
  subjectKey: string;
  title: string;
  townCode: string | null;
  startDate: string;
  workingDays: number;
  columns: ListColumn[];
  entries: EntryInput[];
}

/** A published list's header. */
export interface PublicityList {
  id: string;
  kind: string;
  subjectKey: string;
  version: number;
  title: string;
  townCode: string | null;
  startDate: string;
  workingDays: number;
  endDate: string;
  status: "publicised" | "final" | "superseded";
  columns: ListColumn[];
  publishedAt: string;
  entryCount: number;
}

/** The last day of a period of `workingDays` working days that starts on `startDate` (counted when working). */
export function publicityEndDate(startDate: string, workingDays: number): string {
  return addWorkingDays(startDate, isWorkingDay(startDate) ? workingDays - 1 : workingDays);
}

/** Publishes a new version of a list and supersedes the subject's earlier versions; records an audit entry. */
export async function publishList(
  trx: Trx,
  context: CommandContext,
  input: PublishInput,
): Promise<Result<PublicityList>> {
  if (!/^[a-z][a-z0-9_.-]*$/.test(input.kind))
    return err({ code: "invalid_kind", field: "kind", message: `kind: "${input.kind}" must look like points.school` });
  if (!isIsoDate(input.startDate))
    return err({
      code: "invalid_date",
      field: "startDate",
      message: "startDate: 须为 YYYY-MM-DD (must be a real date)",
    });
  if (!Number.isInteger(input.workingDays) || input.workingDays < 1 || input.workingDays > 60) {
    return err({
      code: "invalid_period",
      field: "workingDays",
      message: "workingDays: 须为 1–60 个工作日 (1 to 60 working days)",
    });
  }
  const db = publicityDb(trx);
  const previous = await db
    .selectFrom("publicity_lists")
    .select(["version"])
    .where("subject_key", "=", input.subjectKey)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  const version = (previous?.version ?? 0) + 1;
  await db
    .updateTable("publicity_lists")
    .set({ status: "superseded" })
    .where("subject_key", "=", input.subjectKey)
    .where("status", "!=", "superseded")
    .execute();
  const list = await db
    .insertInto("publicity_lists")
    .values({
      kind: input.kind,
      subject_key: input.subjectKey,
      version,
      title: input.title,
      town_code: input.townCode,
      start_date: input.startDate,
      working_days: input.workingDays,
      end_date: publicityEndDate(input.startDate, input.workingDays),
      status: "publicised",
      columns: JSON.stringify(input.columns),
      published_by: context.actor.id,
      entry_count: input.entries.length,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const rows = input.entries.map((entry, index) => ({
    list_id: list.id,
    position: index + 1,
    rank: entry.rank,
    masked_name: maskName(entry.name),
    masked_id_number: maskIdNumber(entry.idNumber),
    town_code: entry.townCode,
    values: JSON.stringify(entry.values),
    subject_type: entry.subjectType,
    subject_id: entry.subjectId,
  }));
  for (let start = 0; start < rows.length; start += 500)
    await db
      .insertInto("publicity_entries")
      .values(rows.slice(start, start + 500))
      .execute();
  const published = (await findList(trx, list.id))!;
  await audit(trx, context, {
    action: "publicity.publish",
    entityType: "publicity_list",
    entityId: list.id,
    townCode: input.townCode,
    after: {
      kind: input.kind,
      subjectKey: input.subjectKey,
      version,
      startDate: published.startDate,
      endDate: published.endDate,
      entries: rows.length,
    },
  });
  return ok(published);
}

/** Marks a publicised list final (公布) once its period is over; refuses before the end date, naming it. */
export async function finaliseList(
  trx: Trx,
  context: CommandContext,
  listId: string,
  today: string,
): Promise<Result<PublicityList>> {
  const list = await findList(trx, listId);
  if (!list) return err({ code: "not_found", message: "记录不存在或无权访问 (not found)" });
  if (list.status !== "publicised")
    return err({
      code: "list_not_publicised",
      field: "status",
      message: `该名单状态为 ${list.status}，不能公布 (only a publicised list can be made final)`,
    });
  if (today <= list.endDate)
    return err({
      code: "publicity_not_over",
      field: "endDate",
      message: `公示期至 ${list.endDate} 结束后方可公布 (publicity runs until ${list.endDate})`,
    });
  await publicityDb(trx).updateTable("publicity_lists").set({ status: "final" }).where("id", "=", listId).execute();
  await audit(trx, context, {
    action: "publicity.finalise",
    entityType: "publicity_list",
    entityId: listId,
    townCode: list.townCode,
    before: { status: list.status },
    after: { status: "final" },
  });
  return ok({ ...list, status: "final" });
}

/** Reads a list header with its entry count. */
export async function findList(executor: Executor, id: string): Promise<PublicityList | null> {
  const row = await publicityDb(executor)
    .selectFrom("publicity_lists")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? listOf(row) : null;
}

function listOf(row: Selectable<PublicityListsTable>): PublicityList {
  return {
    id: row.id,
    kind: row.kind,
    subjectKey: row.subject_key,
    version: row.version,
    title: row.title,
    townCode: row.town_code,
    startDate: row.start_date,
    workingDays: row.working_days,
    endDate: row.end_date,
    status: row.status as PublicityList["status"],
    columns: row.columns,
    publishedAt: new Date(row.published_at).toISOString(),
    entryCount: row.entry_count,
  };
}

/**
 * One page of the public lists, newest first, optionally of one kind (prefix, e.g. `points.`) or 镇区; superseded
 * versions excluded; with the number of lists that match.
 */
export async function listLists(
  executor: Executor,
  filter: { kind?: string; townCode?: string; includeSuperseded?: boolean; page?: number; pageSize?: number },
): Promise<{ items: PublicityList[]; total: number }> {
  let query = publicityDb(executor).selectFrom("publicity_lists");
  if (!filter.includeSuperseded) query = query.where("status", "<>", "superseded");
  if (filter.kind) query = query.where("kind", "like", `${filter.kind.replace(/[%_\\]/g, "")}%`);
  if (filter.townCode) query = query.where("town_code", "=", filter.townCode);
  const pageSize = filter.pageSize ?? 100;
  const rows = await query
    .selectAll()
    .orderBy("published_at", "desc")
    .orderBy("id")
    .limit(pageSize)
    .offset(((filter.page ?? 1) - 1) * pageSize)
    .execute();
  const count = await query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return { items: rows.map(listOf), total: Number(count.n) };
}

/** A masked entry as stored. */
export interface PublicityEntry {
  id: string;
  position: number;
  rank: number | null;
  maskedName: string;
  maskedIdNumber: string;
  townCode: string | null;
  values: Record<string, EntryValue>;
  subjectType: string;
  subjectId: string;
}

/** Reads the entries of a list in order; `q` searches the masked name, the visible ID digits or the rank. */
export async function listEntries(
  executor: Executor,
  listId: string,
  options: { q?: string; page?: number; pageSize?: number } = {},
) {
  let query = publicityDb(executor).selectFrom("publicity_entries").where("list_id", "=", listId);
  const q = options.q?.trim();
  if (q) {
    const pattern = `%${q.replace(/[%_\\]/g, "")}%`;
    query = query.where((eb) =>
      eb.or([
        eb("masked_name", "like", pattern),
        eb("masked_id_number", "like", pattern),
        ...(/^\d+$/.test(q) ? [eb("rank", "=", Number(q))] : []),
      ]),
    );
  }
  const total = Number((await query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  const pageSize = options.pageSize ?? 1_000_000;
  const page = options.page ?? 1;
  const rows = await query
    .selectAll()
    .orderBy("position")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const items: PublicityEntry[] = rows.map((row) => ({
    id: row.id,
    position: row.position,
    rank: row.rank,
    maskedName: row.masked_name,
    maskedIdNumber: row.masked_id_number,
    townCode: row.town_code,
    values: row.values,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
  }));
  return { items, total, page, pageSize };
}

/** One difference between two versions of a list, matched by the subject record. */
export interface EntryDifference {
  subjectId: string;
  maskedName: string;
  before: { rank: number | null; values: Record<string, EntryValue> } | null;
  after: { rank: number | null; values: Record<string, EntryValue> } | null;
  changed: string[];
}

/** Compares two versions of a list entry by entry (rank and every value), for the republished list. */
export async function diffLists(executor: Executor, beforeId: string, afterId: string): Promise<EntryDifference[]> {
  const before = new Map((await listEntries(executor, beforeId)).items.map((entry) => [entry.subjectId, entry]));
  const after = new Map((await listEntries(executor, afterId)).items.map((entry) => [entry.subjectId, entry]));
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  const differences: EntryDifference[] = [];
  for (const key of keys) {
    const a = before.get(key);
    const b = after.get(key);
    const changed: string[] = [];
    if (!a || !b) changed.push(a ? "removed" : "added");
    else {
      if (a.rank !== b.rank) changed.push("rank");
      for (const column of new Set([...Object.keys(a.values), ...Object.keys(b.values)]))
        if (a.values[column] !== b.values[column]) changed.push(column);
    }
    if (changed.length === 0) continue;
    differences.push({
      subjectId: key,
      maskedName: (b ?? a)!.maskedName,
      changed,
      before: a ? { rank: a.rank, values: a.values } : null,
      after: b ? { rank: b.rank, values: b.values } : null,
    });
  }
  return differences;
}

/** The previous version of a list's subject, if any (to show what a republication changed). */
export async function previousVersionId(executor: Executor, list: PublicityList): Promise<string | null> {
  const row = await publicityDb(executor)
    .selectFrom("publicity_lists")
    .select("id")
    .where("subject_key", "=", list.subjectKey)
    .where("version", "<", list.version)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}
