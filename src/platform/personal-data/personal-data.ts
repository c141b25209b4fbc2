/**
 * Everything Gongzhi holds about one person (PIPL Art. 45, the right to a copy): their person record, their
 * household, their accounts, every row of every table that names them — found by the columns `person_id` and
 * `*_person_id`, and `account_id` / `*_account_id` for their accounts, so a module added later is included
 * without a change here — and the audit entries about them (changes to their record and staff reads of it: the
 * access log) or made by them. Secrets (password and token hashes, storage keys) are left out.
 */
import { sql, type Kysely } from "kysely";
import PDFDocument from "pdfkit";
import type { Database } from "../../db/schema";
import type { Executor } from "../../db/transaction";

/** Tables never exported: sign-in secrets and plumbing, not data about the person. */
const skippedTables = new Set(["sessions", "idempotency_keys", "login_throttles", "audit_entries", "persons"]);
/** Columns never exported, in any table. */
const secretColumn = /(password|hash|token|secret|storage_key|^key$)/;
/** The newest audit entries included (the whole trail of a long-lived record can be long). */
export const auditEntryLimit = 2000;

/** One table's rows about the person. */
export interface PersonalDataTable {
  table: string;
  column: string;
  rows: Record<string, unknown>[];
}

/** The whole copy. */
export interface PersonalDataCopy {
  generatedAt: string;
  personId: string;
  person: Record<string, unknown> | null;
  households: Record<string, unknown>[];
  accounts: Record<string, unknown>[];
  records: PersonalDataTable[];
  auditTrail: Record<string, unknown>[];
}

/** A value as JSON can carry it: instants as ISO text, binary as its size, bigints as text. */
function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return `[binary, ${value.byteLength} bytes]`;
  if (typeof value === "bigint") return value.toString();
  return value;
}

function clean(row: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) if (!secretColumn.test(key)) result[key] = plain(value);
  return result;
}

async function rowsWhere(executor: Executor, table: string, column: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const result = await sql<
    Record<string, unknown>
  >`select * from ${sql.table(table)} where ${sql.ref(column)}::text in (${sql.join(ids)})`.execute(executor);
  return result.rows.map(clean);
}

/** Collects the copy for a person (and the accounts linked to them). */
export async function collectPersonalData(
  executor: Executor | Kysely<Database>,
  personId: string,
  now: Date,
): Promise<PersonalDataCopy> {
  const person = (await rowsWhere(executor, "persons", "id", [personId]))[0] ?? null;
  const accounts = await rowsWhere(executor, "accounts", "person_id", [personId]);
  const accountIds = accounts.map((account) => String(account.id));
  const households = (
    await sql<
      Record<string, unknown>
    >`select * from households where id in (select household_id from household_members where person_id = ${personId}) or head_person_id = ${personId} order by created_at`.execute(
      executor,
    )
  ).rows.map(clean);
  const columns = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
      and (c.column_name = 'person_id' or c.column_name like '%\\_person\\_id'
        or c.column_name = 'account_id' or c.column_name like '%\\_account\\_id')
    order by c.table_name, c.column_name`.execute(executor);
  const records: PersonalDataTable[] = [];
  for (const { table_name: table, column_name: column } of columns.rows) {
    if (skippedTables.has(table) || (table === "accounts" && column === "person_id")) continue;
    const ids = column.endsWith("account_id") ? accountIds : [personId];
    const rows = await rowsWhere(executor, table, column, ids);
    if (rows.length > 0) records.push({ table, column, rows });
  }
  const auditTrail = (
    await sql<Record<string, unknown>>`
      select position, at, action, entity_type, entity_id, actor_username, request_id from audit_entries
      where (entity_type = 'person' and entity_id = ${personId})
        ${accountIds.length ? sql`or (entity_type = 'account' and entity_id in (${sql.join(accountIds)})) or actor_id::text in (${sql.join(accountIds)})` : sql``}
      order by position desc limit ${auditEntryLimit}`.execute(executor)
  ).rows.map(clean);
  return {
    generatedAt: now.toISOString(),
    personId,
    person,
    households,
    accounts,
    records,
    auditTrail,
  };
}

/** Chinese names of the person's fields and of the tables most people appear in (others show their table name). */
const fieldLabels: Record<string, string> = {
  id: "编号",
  name: "姓名",
  id_number: "身份证号码",
  gender: "性别",
  birth_date: "出生日期",
  phone: "手机号码",
  town_code: "镇区",
  community_id: "社区编号",
  address: "地址",
  hukou_type: "户籍类型",
  version: "版本",
  created_at: "创建时间",
  updated_at: "修改时间",
  username: "用户名",
  display_name: "显示名称",
  disabled: "已停用",
  head_person_id: "户主编号",
};
const tableLabels: Record<string, string> = {
  household_members: "家庭成员关系",
  account_roles: "账号角色",
  stored_files: "上传的文件",
  points_enrolments: "积分制管理登记",
  points_facts: "积分事实与材料",
  points_applications: "积分申请",
  points_run_inputs: "排名输入",
  assistance_cases: "社会救助案件",
  assistance_case_members: "救助案件家庭成员",
  volunteer_profiles: "志愿者资料",
  volunteer_signups: "志愿活动报名",
  volunteer_ledger: "志愿服务时长台账",
  suggestions: "我的建议",
  suggestion_supports: "我支持的建议",
  consultation_comments: "我的意见",
  consultation_comment_supports: "我支持的意见",
  publicity_objections: "我提出的异议",
  tipoffs: "我的举报",
  jobs: "我的后台任务",
};

function valueText(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return value ? "是" : "否";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** The copy as an A4 PDF in Chinese, with the CJK font the notices use. */
export async function personalDataPdf(copy: PersonalDataCopy, fontPath: string): Promise<Buffer> {
  const document = new PDFDocument({ size: "A4", margin: 50, info: { Title: "个人信息副本", Creator: "Gongzhi" } });
  const chunks: Buffer[] = [];
  document.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve) => document.on("end", () => resolve()));
  document.registerFont("cjk", fontPath).font("cjk");
  const heading = (text: string) => document.moveDown(0.8).fontSize(13).text(text).moveDown(0.3).fontSize(9);
  const record = (row: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(row))
      document.text(`${fieldLabels[key] ?? key}：${valueText(value)}`, { width: document.page.width - 100 });
    document.moveDown(0.4);
  };
  document.fontSize(18).text("个人信息副本", { align: "center" });
  document
    .fontSize(9)
    .moveDown(0.3)
    .text(`依据《中华人民共和国个人信息保护法》第四十五条提供。生成时间：${copy.generatedAt}`, { align: "center" })
    .text(`本副本包含本系统保存的与您有关的全部信息；请妥善保管。`, { align: "center" });
  heading("一、本人信息");
  if (copy.person) record(copy.person);
  else document.text("（无）");
  heading("二、家庭");
  if (copy.households.length === 0) document.text("（无）");
  copy.households.forEach(record);
  heading("三、账号");
  if (copy.accounts.length === 0) document.text("（无）");
  copy.accounts.forEach(record);
  heading("四、各项业务记录");
  if (copy.records.length === 0) document.text("（无）");
  for (const table of copy.records) {
    document
      .fontSize(11)
      .text(`${tableLabels[table.table] ?? table.table}（${table.rows.length} 条）`)
      .fontSize(9);
    table.rows.forEach(record);
  }
  heading("五、处理记录（谁在何时查阅或修改了您的信息）");
  if (copy.auditTrail.length === 0) document.text("（无）");
  for (const entry of copy.auditTrail)
    document.text(`${valueText(entry.at)}  ${valueText(entry.actor_username)}  ${valueText(entry.action)}`);
  document.end();
  await finished;
  return Buffer.concat(chunks);
}
