/**
 * What the approvals catalogue publishes: the catalogue as open data, and two dashboard figures — the items kept, and
 * the share of kept items whose promised limit is shorter than the statutory one ("approvals on time" as far as the
 * catalogue can tell: it holds each item's limits, not the approval cases themselves, so it cannot count decisions
 * made within their limit).
 */
import { sql } from "kysely";
import type { Indicator, OpenDataset } from "../../platform/insight/insight";
import { approvalsDb } from "./tables";

export const approvalsOpenData: OpenDataset[] = [
  {
    id: "approval-items",
    title: { zh: "行政审批事项目录", en: "Catalogue of administrative approval items" },
    description: {
      zh: "全部审批事项：实施部门、设定依据、法定和承诺时限、状态（保留、取消、下放镇区）及最近一次变更",
      en: "Every approval item: department, legal basis, statutory and promised time limits, status (kept, cancelled, delegated to the towns) and its last change",
    },
    columns: [
      { name: "code", type: "string", description: { zh: "事项编码", en: "item code" } },
      { name: "name", type: "string", description: { zh: "事项名称", en: "item name (Chinese)" } },
      { name: "department_code", type: "string", description: { zh: "实施部门代码", en: "department code" } },
      { name: "department_name", type: "string", description: { zh: "实施部门", en: "department (Chinese)" } },
      { name: "legal_basis", type: "string", description: { zh: "设定依据", en: "legal basis" } },
      {
        name: "statutory_days",
        type: "integer",
        description: {
          zh: "法定时限（工作日；空：法律未规定）",
          en: "statutory limit, working days (empty: none set)",
        },
      },
      {
        name: "promised_days",
        type: "integer",
        description: { zh: "承诺时限（工作日）", en: "promised limit, working days" },
      },
      {
        name: "status",
        type: "string",
        description: {
          zh: "状态：kept 保留、cancelled 取消、delegated 下放镇区",
          en: "status: kept, cancelled, delegated",
        },
      },
      { name: "status_on", type: "date", description: { zh: "最近一次变更日期", en: "date of the last change" } },
      {
        name: "status_document",
        type: "string",
        description: { zh: "变更文件（文号）", en: "document of the last change" },
      },
    ],
    rows: async (db) =>
      (
        await approvalsDb(db)
          .selectFrom("approval_items as i")
          .innerJoin("departments as d", "d.code", "i.department_code")
          .select([
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
          ])
          .orderBy("i.code")
          .execute()
      ).map((row) => ({ ...row })),
    updated: async (db) => {
      const row = await sql<{ at: Date | null }>`select max(updated_at) as at from approval_items`.execute(db);
      const at = row.rows[0]?.at;
      return at ? new Date(at).toISOString() : null;
    },
  },
];

export const approvalsIndicators: Indicator[] = [
  {
    id: "approvals.items_kept",
    goal: "rule_of_law",
    title: { zh: "保留的行政审批事项", en: "Approval items kept in the catalogue" },
    unit: "count",
    // The catalogue is the city's: no figure per 镇区.
    perTown: async () => [],
    cityValue: async (db) => {
      const row = await sql<{ count: string }>`select count(*) as count from approval_items
        where status = 'kept'`.execute(db);
      return Number(row.rows[0]?.count ?? 0);
    },
  },
  {
    id: "approvals.on_time",
    goal: "rule_of_law",
    title: {
      zh: "承诺时限短于法定时限的审批事项占比",
      en: "Approval items promised faster than their statutory limit",
    },
    unit: "percent",
    // The catalogue is the city's, as it stands now: no figure per 镇区 or per year.
    perTown: async () => [],
    cityValue: async (db) => {
      const row = await sql<{ shorter: string; total: string }>`select
          count(*) filter (where promised_days < statutory_days) as shorter, count(*) as total
        from approval_items
        where status = 'kept' and statutory_days is not null and promised_days is not null`.execute(db);
      const total = Number(row.rows[0]?.total ?? 0);
      return total === 0 ? null : Math.round((10000 * Number(row.rows[0].shorter)) / total);
    },
  },
];
