/**
 * Import of hours served elsewhere in Guangdong from the provincial platform's XLSX export (i志愿). Each row is
 * checked; good rows become ledger entries (place guangdong_other, the import as their source, the row's record
 * number so a row is never imported twice), bad rows are listed in the report with the row number, the field
 * and the reason. Hours served in Zhongshan come from activities here and are refused in an import.
 */
import { today } from "../../../core/clock";
import { isIsoDate } from "../../../core/dates";
import { validateIdNumber } from "../../../core/id-number";
import { err, ok, type Result } from "../../../core/result";
import { settleImport, xlsxTable, type ImportMode } from "../../../platform/imports";
import type { Trx } from "../../../db/transaction";
import { audit, type CommandContext } from "../../../platform/commands/context";
import { personFactsChanged } from "../../../platform/facts/person-facts";
import type { Actor } from "../../../platform/roles";
import { formatHours, parseHours } from "../hours";
import { participationDb, type ImportRowProblem, type VolunteerCategory } from "../tables";

/** The columns of the import, by their Chinese header (as the provincial platform names them). */
export const importColumns = {
  externalRef: "记录编号",
  idNumber: "身份证号码",
  name: "姓名",
  servedOn: "服务日期",
  hours: "服务时长",
  category: "服务类别",
  city: "服务地区",
  activity: "活动名称",
} as const;

const categoryNames: Record<string, VolunteerCategory> = {
  一般志愿服务: "general",
  志愿服务: "general",
  general: "general",
  禁毒宣传: "anti_drug",
  禁毒: "anti_drug",
  anti_drug: "anti_drug",
  网络文明: "online_civility",
  网络文明志愿服务: "online_civility",
  online_civility: "online_civility",
  安全生产宣传: "safety_publicity",
  安全生产: "safety_publicity",
  safety_publicity: "safety_publicity",
};

/** The summary of an import, with each refused row. */
export interface ImportReport {
  importId: string;
  fileName: string;
  rowsTotal: number;
  rowsAccepted: number;
  rowsRefused: number;
  acceptedHours: string;
  problems: ImportRowProblem[];
}

/** Imports the XLSX (base64) in the caller's transaction and returns the report. */
export async function importOutsideHours(
  trx: Trx,
  context: CommandContext<Actor>,
  input: { fileName: string; xlsxBase64: string; mode?: ImportMode },
): Promise<Result<ImportReport>> {
  const table = await xlsxTable(Buffer.from(input.xlsxBase64, "base64"));
  if (!table.ok) return table;
  const [header = [], ...rows] = table.value;
  const index: Partial<Record<keyof typeof importColumns, number>> = {};
  for (const [key, title] of Object.entries(importColumns) as [keyof typeof importColumns, string][]) {
    const at = header.findIndex((cell) => cell === title);
    if (at >= 0) index[key] = at;
  }
  const missing = (["externalRef", "idNumber", "name", "servedOn", "hours", "category", "city"] as const).filter(
    (key) => index[key] === undefined,
  );
  if (missing.length > 0)
    return err({
      code: "missing_columns",
      message: `缺少列：${missing.map((key) => importColumns[key]).join("、")} (missing columns: ${missing.join(", ")})`,
      field: "xlsxBase64",
    });
  const db = participationDb(trx);
  const imported = await db
    .insertInto("volunteer_imports")
    .values({
      file_name: input.fileName,
      imported_by: context.actor.id,
      rows_total: 0,
      rows_accepted: 0,
      rows_refused: 0,
      report: "[]",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const problems: ImportRowProblem[] = [];
  const seen = new Set<string>();
  const personsImported = new Set<string>();
  let accepted = 0;
  let acceptedHundredths = 0;
  let total = 0;
  const todayDate = today();
  for (const [offset, row] of rows.entries()) {
    const rowNumber = offset + 2;
    const cell = (key: keyof typeof importColumns) => (index[key] === undefined ? "" : (row[index[key]!] ?? ""));
    if (row.every((value) => value === "")) continue;
    total += 1;
    const refuse = (field: string, message: string) => problems.push({ row: rowNumber, field, message });
    const externalRef = cell("externalRef");
    if (!externalRef) {
      refuse(importColumns.externalRef, "记录编号为空 (record number missing)");
      continue;
    }
    if (seen.has(externalRef)) {
      refuse(importColumns.externalRef, "文件内记录编号重复 (record number repeated in the file)");
      continue;
    }
    seen.add(externalRef);
    const idNumber = validateIdNumber(cell("idNumber").toUpperCase());
    if (!idNumber.ok) {
      refuse(importColumns.idNumber, `身份证号码无效 (invalid ID number)`);
      continue;
    }
    const person = await trx
      .selectFrom("persons")
      .select(["id", "name", "town_code"])
      .where("id_number", "=", cell("idNumber").toUpperCase())
      .executeTakeFirst();
    if (!person) {
      refuse(importColumns.idNumber, "人员库中没有此身份证号码 (no person with this ID number in the registry)");
      continue;
    }
    if (person.name !== cell("name")) {
      refuse(importColumns.name, "姓名与身份证号码不符 (the name does not match the ID number)");
      continue;
    }
    const servedOn = cell("servedOn");
    if (!isIsoDate(servedOn)) {
      refuse(importColumns.servedOn, "服务日期须为 YYYY-MM-DD (date must be YYYY-MM-DD)");
      continue;
    }
    if (servedOn > todayDate) {
      refuse(importColumns.servedOn, "服务日期不能晚于今天 (the date is in the future)");
      continue;
    }
    const hours = parseHours(cell("hours"), importColumns.hours);
    if (!hours.ok) {
      refuse(importColumns.hours, hours.error.message);
      continue;
    }
    if (hours.value > 2400) {
      refuse(importColumns.hours, "一天的服务时长不能超过24小时 (more than 24 hours in one day)");
      continue;
    }
    const category = categoryNames[cell("category")];
    if (!category) {
      refuse(importColumns.category, `未知的服务类别「${cell("category")}」 (unknown category)`);
      continue;
    }
    const city = cell("city");
    if (!city) {
      refuse(importColumns.city, "服务地区为空 (place missing)");
      continue;
    }
    if (city.includes("中山")) {
      refuse(
        importColumns.city,
        "在中山的服务时长由本市活动确认，不能导入 (hours served in Zhongshan come from activities here, not an import)",
      );
      continue;
    }
    const already = await db
      .selectFrom("volunteer_ledger")
      .select("id")
      .where("external_ref", "=", externalRef)
      .where("reverses_entry_id", "is", null)
      .executeTakeFirst();
    if (already) {
      refuse(importColumns.externalRef, "该记录已导入 (this record was imported before)");
      continue;
    }
    await db
      .insertInto("volunteer_ledger")
      .values({
        person_id: person.id,
        town_code: person.town_code,
        import_id: imported.id,
        external_ref: externalRef,
        campaign_id: null,
        category,
        place: "guangdong_other",
        served_on: servedOn,
        hundredths: hours.value,
        confirmed_by: context.actor.id,
        reason: `省平台导入：${city}${cell("activity") ? ` ${cell("activity")}` : ""}`,
      })
      .execute();
    accepted += 1;
    acceptedHundredths += hours.value;
    personsImported.add(person.id);
  }
  if (total === 0) return err({ code: "empty_file", message: "文件没有数据行 (no data rows)", field: "xlsxBase64" });
  const settled = settleImport(
    input.mode,
    problems.map((problem) => ({ row: problem.row, column: problem.field, message: problem.message })),
  );
  if (!settled.ok) return settled;
  for (const personId of personsImported)
    await personFactsChanged(trx, personId, `导入省内其他地市志愿服务时长（${input.fileName}）`);
  await db
    .updateTable("volunteer_imports")
    .set({
      rows_total: total,
      rows_accepted: accepted,
      rows_refused: problems.length,
      report: JSON.stringify(problems),
    })
    .where("id", "=", imported.id)
    .execute();
  await audit(trx, context, {
    action: "participation.ledger.import",
    entityType: "volunteer_import",
    entityId: imported.id,
    townCode: null,
    after: { fileName: input.fileName, rowsTotal: total, rowsAccepted: accepted, rowsRefused: problems.length },
  });
  return ok({
    importId: imported.id,
    fileName: input.fileName,
    rowsTotal: total,
    rowsAccepted: accepted,
    rowsRefused: problems.length,
    acceptedHours: formatHours(acceptedHundredths),
    problems,
  });
}
