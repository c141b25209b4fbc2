/** Reads of the approvals catalogue: the searchable list, one item with its history, the reform in figures. */
import { sql } from "kysely";
import type { Executor } from "../../db/transaction";
import { approvalsDb, type ApprovalStatus } from "./tables";

/** The list's filters. */
export interface ItemFilter {
  q?: string;
  status?: ApprovalStatus;
  departmentCode?: string;
  limit: number;
  offset: number;
}

/** Items matching the filters (name, code or legal basis contain `q`), by department then code, and their count. */
export async function listItems(executor: Executor, filter: ItemFilter) {
  const db = approvalsDb(executor);
  let query = db
    .selectFrom("approval_items as i")
    .innerJoin("departments as d", "d.code", "i.department_code")
    .select([
      "i.id",
      "i.code",
      "i.name",
      "i.department_code",
      "d.name as department_name",
      "i.legal_basis",
      "i.statutory_days",
      "i.promised_days",
      "i.status",
      "i.status_on",
      "i.status_document",
      "i.synthetic",
    ]);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    query = query.where((eb) =>
      eb.or([eb("i.name", "like", like), eb("i.code", "like", like), eb("i.legal_basis", "like", like)]),
    );
  }
  if (filter.status) query = query.where("i.status", "=", filter.status);
  if (filter.departmentCode) query = query.where("i.department_code", "=", filter.departmentCode);
  const counted = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .executeTakeFirstOrThrow();
  const items = await query
    .orderBy("i.department_code")
    .orderBy("i.code")
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { total: Number(counted.count), items };
}

export type ItemRow = Awaited<ReturnType<typeof listItems>>["items"][number];

/** One item by its code, with every change oldest first; undefined when there is none. */
export async function findItem(executor: Executor, code: string) {
  const db = approvalsDb(executor);
  const item = (await listItemsByCode(executor, code))[0];
  if (!item) return undefined;
  const changes = await db
    .selectFrom("approval_item_changes")
    .select(["status", "changed_on", "document", "round", "note"])
    .where("item_id", "=", item.id)
    .orderBy("changed_on")
    .orderBy("created_at")
    .execute();
  return { item, changes };
}

async function listItemsByCode(executor: Executor, code: string): Promise<ItemRow[]> {
  return approvalsDb(executor)
    .selectFrom("approval_items as i")
    .innerJoin("departments as d", "d.code", "i.department_code")
    .select([
      "i.id",
      "i.code",
      "i.name",
      "i.department_code",
      "d.name as department_name",
      "i.legal_basis",
      "i.statutory_days",
      "i.promised_days",
      "i.status",
      "i.status_on",
      "i.status_document",
      "i.synthetic",
    ])
    .where("i.code", "=", code)
    .execute();
}

/**
 * The reform in figures: per round (in the order of its first change) how many items were kept, cancelled and
 * delegated in it and how many items were kept in the catalogue after it; and per department the items by status
 * now. A change without a round counts under "" (shown as "other changes").
 */
export async function reformFigures(executor: Executor) {
  const rounds = await sql<{
    round: string;
    first_on: string;
    last_on: string;
    kept: string;
    cancelled: string;
    delegated: string;
  }>`select round, min(changed_on)::text as first_on, max(changed_on)::text as last_on,
        count(*) filter (where status = 'kept') as kept,
        count(*) filter (where status = 'cancelled') as cancelled,
        count(*) filter (where status = 'delegated') as delegated
      from approval_item_changes group by round order by min(changed_on), round`.execute(executor);
  const result = [];
  for (const round of rounds.rows) {
    // Items whose latest change on or before the round's last day keeps them in the catalogue.
    const after = await sql<{ kept: string }>`select count(*) as kept from (
        select distinct on (item_id) status from approval_item_changes
        where changed_on <= ${round.last_on}::date order by item_id, changed_on desc, created_at desc) latest
      where status = 'kept'`.execute(executor);
    result.push({
      round: round.round,
      firstOn: round.first_on,
      lastOn: round.last_on,
      kept: Number(round.kept),
      cancelled: Number(round.cancelled),
      delegated: Number(round.delegated),
      keptAfter: Number(after.rows[0]?.kept ?? 0),
    });
  }
  const departments = await sql<{
    code: string;
    name: string;
    kept: string;
    cancelled: string;
    delegated: string;
  }>`select d.code, d.name,
        count(*) filter (where i.status = 'kept') as kept,
        count(*) filter (where i.status = 'cancelled') as cancelled,
        count(*) filter (where i.status = 'delegated') as delegated
      from approval_items i join departments d on d.code = i.department_code
      group by d.code, d.name order by count(*) desc, d.code`.execute(executor);
  const totals = await sql<{ status: ApprovalStatus; count: string }>`select status, count(*) as count
      from approval_items group by status`.execute(executor);
  const byStatus = { kept: 0, cancelled: 0, delegated: 0 };
  for (const row of totals.rows) byStatus[row.status] = Number(row.count);
  return {
    rounds: result,
    departments: departments.rows.map((row) => ({
      departmentCode: row.code,
      departmentName: row.name,
      kept: Number(row.kept),
      cancelled: Number(row.cancelled),
      delegated: Number(row.delegated),
    })),
    totals: { ...byStatus, all: byStatus.kept + byStatus.cancelled + byStatus.delegated },
  };
}
