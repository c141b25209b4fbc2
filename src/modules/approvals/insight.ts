/** What the approvals catalogue publishes: the catalogue as open data, and the items kept as a dashboard figure. */
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
];
