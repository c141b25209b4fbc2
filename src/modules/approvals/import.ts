/**
 * Import of the approvals catalogue from XLSX: one row per item, by its code. A new code adds an item; a known
 * code updates its name, department, legal basis and time limits, and when the status, date or document differ a
 * change is added to the item's history (a change never goes back before the item's last one). Each row is
 * checked; a refused row is listed with its row number, the column and the reason (Chinese and English) and changes
 * nothing; the good rows are applied. One audit entry records the import.
 */
import ExcelJS from "exceljs";
import { clock } from "../../core/clock";
import { isIsoDate } from "../../core/dates";
import { err, ok, type Result } from "../../core/result";
import { settleImport, xlsxTable, type ImportMode } from "../../platform/imports";
import type { Trx } from "../../db/transaction";
import { actingUsername, audit, type CommandContext } from "../../platform/commands/context";
import type { Actor } from "../../platform/roles";
import { approvalsDb, type ApprovalStatus, type ImportRowProblem } from "./tables";

/** The columns of the import, by their Chinese header; `required` columns must be in the header row. */
export const importColumns = {
  code: "事项编码",
  name: "事项名称",
  department: "实施部门",
  legalBasis: "设定依据",
  statutoryDays: "法定时限（工作日）",
  promisedDays: "承诺时限（工作日）",
  status: "状态",
  changedOn: "变更日期",
  document: "变更文件",
  round: "改革批次",
  note: "备注",
} as const;
type Column = keyof typeof importColumns;
const requiredColumns: Column[] = ["code", "name", "department", "legalBasis", "status", "changedOn", "document"];

/** Status words an officer may write, in Chinese or English. */
const statusWords: Record<string, ApprovalStatus> = {
  保留: "kept",
  kept: "kept",
  取消: "cancelled",
  cancelled: "cancelled",
  下放: "delegated",
  下放镇区: "delegated",
  下放到镇区: "delegated",
  delegated: "delegated",
};

/** The summary of an import, with every refused row. */
export interface ImportReport {
  importId: string;
  fileName: string;
  rowsTotal: number;
  rowsCreated: number;
  rowsUpdated: number;
  rowsRefused: number;
  problems: ImportRowProblem[];
}

/** A time limit in working days: blank (the law sets none) or a whole number 1–365; else the reason. */
function parseDays(text: string): { value: number | null } | { problem: string } {
  if (text === "") return { value: null };
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 365)
    return { problem: `应为 1–365 的整数个工作日，实为“${text}” (must be a whole number of working days, 1–365)` };
  return { value: Number(text) };
}

/** The workbook an officer fills in: the header row and one example row. */
export async function importTemplateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("审批事项");
  sheet.addRow(Object.values(importColumns));
  sheet.addRow([
    "440000-XK-0001",
    "示例：公共场所卫生许可",
    "市卫生计生局",
    "《公共场所卫生管理条例》第八条",
    20,
    10,
    "保留",
    clock.today(),
    "中府〔2016〕1号",
    "第七轮",
    "",
  ]);
  sheet.columns.forEach((column) => (column.width = 18));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Imports the XLSX (base64) in the caller's transaction and returns the report. */
export async function importApprovalItems(
  trx: Trx,
  context: CommandContext<Actor>,
  input: { fileName: string; xlsxBase64: string; mode?: ImportMode },
): Promise<Result<ImportReport>> {
  const table = await xlsxTable(Buffer.from(input.xlsxBase64, "base64"));
  if (!table.ok) return table;
  const [header = [], ...rows] = table.value;
  const index: Partial<Record<Column, number>> = {};
  for (const [key, title] of Object.entries(importColumns) as [Column, string][]) {
    const at = header.findIndex((cell) => cell === title);
    if (at >= 0) index[key] = at;
  }
  const missing = requiredColumns.filter((key) => index[key] === undefined);
  if (missing.length > 0)
    return err({
      code: "missing_columns",
      message: `缺少列：${missing.map((key) => importColumns[key]).join("、")} (missing columns: ${missing.join(", ")})`,
      field: "xlsxBase64",
    });

  const db = approvalsDb(trx);
  const departments = await db.selectFrom("departments").select(["code", "name"]).execute();
  const departmentOf = new Map<string, string>();
  for (const department of departments) {
    departmentOf.set(department.code, department.code);
    departmentOf.set(department.name, department.code);
  }
  const existing = new Map(
    (await db.selectFrom("approval_items").selectAll().execute()).map((item) => [item.code, item]),
  );
  const imported = await db
    .insertInto("approval_imports")
    .values({
      file_name: input.fileName,
      imported_by: actingUsername(context),
      rows_total: 0,
      rows_created: 0,
      rows_updated: 0,
      rows_refused: 0,
      report: "[]",
    })
    .returning("id")
    .executeTakeFirstOrThrow();

  const today = clock.today();
  const problems: ImportRowProblem[] = [];
  const seen = new Set<string>();
  const created: string[] = [];
  const updated: string[] = [];
  let total = 0;
  let refused = 0;
  for (const [offset, row] of rows.entries()) {
    if (row.every((value) => value === "")) continue;
    total += 1;
    const rowNumber = offset + 2;
    const cell = (key: Column) => (index[key] === undefined ? "" : (row[index[key]!] ?? "").trim());
    const rowProblems: ImportRowProblem[] = [];
    const refuse = (key: Column, message: string) =>
      rowProblems.push({ row: rowNumber, column: importColumns[key], message });

    const code = cell("code");
    if (!code) refuse("code", "事项编码为空 (item code missing)");
    else if (code.length > 40) refuse("code", "事项编码超过 40 个字符 (item code longer than 40 characters)");
    else if (seen.has(code)) refuse("code", `文件内事项编码“${code}”重复 (item code repeated in the file)`);
    if (code) seen.add(code);
    const name = cell("name");
    if (!name) refuse("name", "事项名称为空 (item name missing)");
    const departmentText = cell("department");
    const departmentCode = departmentOf.get(departmentText);
    if (!departmentText) refuse("department", "实施部门为空 (department missing)");
    else if (!departmentCode) refuse("department", `未知部门“${departmentText}” (unknown department)`);
    const legalBasis = cell("legalBasis");
    if (!legalBasis) refuse("legalBasis", "设定依据为空 (legal basis missing)");
    const statutory = parseDays(cell("statutoryDays"));
    if ("problem" in statutory) refuse("statutoryDays", statutory.problem);
    const promised = parseDays(cell("promisedDays"));
    if ("problem" in promised) refuse("promisedDays", promised.problem);
    if (
      "value" in statutory &&
      "value" in promised &&
      statutory.value !== null &&
      promised.value !== null &&
      promised.value > statutory.value
    )
      refuse(
        "promisedDays",
        `承诺时限 ${promised.value} 个工作日长于法定时限 ${statutory.value} 个工作日 (promised limit longer than the statutory one)`,
      );
    const statusText = cell("status");
    const status = statusWords[statusText];
    if (!statusText)
      refuse("status", "状态为空：应为保留、取消或下放镇区 (status missing: kept, cancelled or delegated)");
    else if (!status)
      refuse(
        "status",
        `状态“${statusText}”无效：应为保留、取消或下放镇区 (status must be kept, cancelled or delegated)`,
      );
    const changedOn = cell("changedOn");
    if (!isIsoDate(changedOn))
      refuse("changedOn", `变更日期“${changedOn}”无效：应为 YYYY-MM-DD (change date must be YYYY-MM-DD)`);
    else if (changedOn > today) refuse("changedOn", `变更日期 ${changedOn} 晚于今天 (change date after today)`);
    const document = cell("document");
    if (!document) refuse("document", "变更文件（文号）为空 (document of the change missing)");
    const current = code ? existing.get(code) : undefined;
    if (current && isIsoDate(changedOn) && changedOn < current.status_on)
      refuse(
        "changedOn",
        `变更日期 ${changedOn} 早于该事项最近一次变更 ${current.status_on} (earlier than the item's last change)`,
      );

    if (rowProblems.length > 0) {
      refused += 1;
      problems.push(...rowProblems);
      continue;
    }
    const fields = {
      name,
      department_code: departmentCode!,
      legal_basis: legalBasis,
      statutory_days: (statutory as { value: number | null }).value,
      promised_days: (promised as { value: number | null }).value,
    };
    const change = {
      status: status!,
      changed_on: changedOn,
      document,
      round: cell("round"),
      note: cell("note"),
      recorded_by: actingUsername(context),
      import_id: imported.id,
    };
    if (!current) {
      const item = await db
        .insertInto("approval_items")
        .values({ code, ...fields, status: status!, status_on: changedOn, status_document: document })
        .returningAll()
        .executeTakeFirstOrThrow();
      await db
        .insertInto("approval_item_changes")
        .values({ item_id: item.id, ...change })
        .execute();
      existing.set(code, item);
      created.push(code);
      continue;
    }
    const statusChanged =
      current.status !== status || current.status_on !== changedOn || current.status_document !== document;
    const item = await db
      .updateTable("approval_items")
      .set({
        ...fields,
        ...(statusChanged ? { status: status!, status_on: changedOn, status_document: document } : {}),
        updated_at: clock.now().toISOString(),
      })
      .where("id", "=", current.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (statusChanged)
      await db
        .insertInto("approval_item_changes")
        .values({ item_id: current.id, ...change })
        .execute();
    existing.set(code, item);
    updated.push(code);
  }

  const settled = settleImport(input.mode, problems);
  if (!settled.ok) return settled;
  await db
    .updateTable("approval_imports")
    .set({
      rows_total: total,
      rows_created: created.length,
      rows_updated: updated.length,
      rows_refused: refused,
      report: JSON.stringify(problems),
    })
    .where("id", "=", imported.id)
    .execute();
  await audit(trx, context, {
    action: "approvals.import",
    entityType: "approval_import",
    entityId: imported.id,
    townCode: null,
    after: { fileName: input.fileName, total, created, updated, refused },
  });
  return ok({
    importId: imported.id,
    fileName: input.fileName,
    rowsTotal: total,
    rowsCreated: created.length,
    rowsUpdated: updated.length,
    rowsRefused: refused,
    problems,
  });
}
