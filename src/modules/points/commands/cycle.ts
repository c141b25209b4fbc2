/**
 * Programme administration: yearly cycles (window September → April, quotas published by the end of March,
 * Reg. Art. 10), quota import per 镇区, purpose and grade from CSV or XLSX, and schools with capacities.
 */
import ExcelJS from "exceljs";
import { isIsoDate } from "../../../core/dates";
import { err, ok, type Problem, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { parseCsv } from "../../../core/csv";
import { pointsDb } from "../points.tables";
import { defaultPolicyId, planOf } from "../points.scoring";
import { findCycle, type CycleRecord } from "../repository";
import { audit, type CommandContext } from "../../../platform/commands/context";

/** Opens a yearly cycle; the dates must follow the scheme's calendar. */
export async function createCycle(
  trx: Trx,
  context: CommandContext,
  input: {
    year: number;
    opensOn: string;
    closesOn: string;
    quotasDueOn: string;
    housingUnits?: number;
    policyId?: string;
  },
): Promise<Result<CycleRecord, Problem>> {
  for (const field of ["opensOn", "closesOn", "quotasDueOn"] as const)
    if (!isIsoDate(input[field])) return err({ code: "invalid_date", field, message: `${field}: 须为 YYYY-MM-DD` });
  if (!input.opensOn.startsWith(`${input.year}-09-`))
    return err({
      code: "invalid_window",
      field: "opensOn",
      message: `opensOn: 申请期自 ${input.year} 年 9 月开始 (the window opens in September)`,
    });
  if (!input.closesOn.startsWith(`${input.year + 1}-04-`))
    return err({
      code: "invalid_window",
      field: "closesOn",
      message: `closesOn: 申请期至 ${input.year + 1} 年 4 月结束 (the window closes in April)`,
    });
  if (input.quotasDueOn > `${input.year + 1}-03-31`)
    return err({
      code: "invalid_quota_date",
      field: "quotasDueOn",
      message: `quotasDueOn: 指标须在 ${input.year + 1}-03-31 前公布（中府〔2014〕106号 第十条）`,
    });
  const policyId = input.policyId ?? defaultPolicyId;
  const plan = planOf(policyId);
  if (!plan.ok) return err({ ...plan.error, field: "policyId" });
  const db = pointsDb(trx);
  if (await db.selectFrom("points_cycles").select("id").where("year", "=", input.year).executeTakeFirst()) {
    return err({
      code: "duplicate_cycle",
      field: "year",
      message: `year: ${input.year} 年度周期已存在 (a cycle exists for this year)`,
    });
  }
  const row = await db
    .insertInto("points_cycles")
    .values({
      year: input.year,
      title: `${input.year}年度流动人员积分制申请`,
      policy_id: policyId,
      opens_on: input.opensOn,
      closes_on: input.closesOn,
      quotas_due_on: input.quotasDueOn,
      housing_units: input.housingUnits ?? 0,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await audit(trx, context, {
    action: "points.cycle.create",
    entityType: "points_cycle",
    entityId: row.id,
    townCode: null,
    after: { ...input, policyId },
  });
  return ok((await findCycle(trx, row.id))!);
}

/** One quota row as imported. */
export interface QuotaRow {
  purpose: "school" | "hukou";
  townCode: string;
  grade: "" | "primary_1" | "junior_1";
  places: number;
  synthetic: boolean;
}

/** Reads quota rows from a table: either `town_code,purpose,grade,places[,synthetic]` or the published 2015 school layout. */
export function quotaRowsFromTable(table: string[][], towns: ReadonlySet<string>): Result<QuotaRow[], Problem> {
  const [header, ...body] = table.filter((row) => row.some((cell) => cell.trim() !== ""));
  if (!header) return err({ code: "empty_file", field: "file", message: "file: 文件为空 (no rows)" });
  const names = header.map((cell) => cell.trim().toLowerCase());
  const column = (name: string) => names.indexOf(name);
  const rows: QuotaRow[] = [];
  const published = column("primary_grade1") >= 0 && column("junior_grade1") >= 0;
  if (!published && ["town_code", "purpose", "places"].some((name) => column(name) < 0)) {
    return err({
      code: "missing_columns",
      field: "file",
      message: "file: 需要列 town_code, purpose, grade, places（或 2015 年公布格式 primary_grade1, junior_grade1）",
    });
  }
  for (const [index, cells] of body.entries()) {
    const line = index + 2;
    const cell = (name: string) => (cells[column(name)] ?? "").trim();
    const town = cell("town_code");
    if (!towns.has(town))
      return err({
        code: "unknown_town",
        field: `rows.${line}.town_code`,
        message: `第 ${line} 行：未知镇区 "${town}"`,
      });
    const number = (name: string): Result<number, Problem> =>
      /^\d+$/.test(cell(name))
        ? ok(Number(cell(name)))
        : err({
            code: "invalid_places",
            field: `rows.${line}.${name}`,
            message: `第 ${line} 行：${name} 须为非负整数`,
          });
    if (published) {
      for (const [name, grade] of [
        ["primary_grade1", "primary_1"],
        ["junior_grade1", "junior_1"],
      ] as const) {
        const places = number(name);
        if (!places.ok) return places;
        rows.push({ purpose: "school", townCode: town, grade, places: places.value, synthetic: false });
      }
      continue;
    }
    const purpose = cell("purpose");
    if (purpose !== "school" && purpose !== "hukou")
      return err({
        code: "invalid_purpose",
        field: `rows.${line}.purpose`,
        message: `第 ${line} 行：purpose 须为 school 或 hukou（公租房套数在周期中设置）`,
      });
    const grade = column("grade") >= 0 ? cell("grade") : "";
    if (purpose === "school" ? grade !== "primary_1" && grade !== "junior_1" : grade !== "")
      return err({
        code: "invalid_grade",
        field: `rows.${line}.grade`,
        message: `第 ${line} 行：入学指标须注明年级 primary_1 或 junior_1，入户指标不填年级`,
      });
    const places = number("places");
    if (!places.ok) return places;
    rows.push({
      purpose,
      townCode: town,
      grade: grade as QuotaRow["grade"],
      places: places.value,
      synthetic: /^(1|true|yes)$/i.test(column("synthetic") >= 0 ? cell("synthetic") : ""),
    });
  }
  const keys = new Set<string>();
  for (const row of rows) {
    const key = `${row.purpose}:${row.townCode}:${row.grade}`;
    if (keys.has(key))
      return err({
        code: "duplicate_quota",
        field: "file",
        message: `file: ${row.townCode} ${row.purpose} ${row.grade} 重复`,
      });
    keys.add(key);
  }
  return ok(rows);
}

/** Turns the first sheet of an XLSX workbook into a table of text cells. */
export async function tableFromXlsx(bytes: Buffer): Promise<Result<string[][], Problem>> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return err({
      code: "invalid_xlsx",
      field: "xlsxBase64",
      message: "xlsxBase64: 不是有效的 XLSX 文件 (not an XLSX workbook)",
    });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return err({ code: "empty_file", field: "xlsxBase64", message: "xlsxBase64: 工作簿没有工作表" });
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as unknown[];
    table.push(values.slice(1).map((value) => (value === null || value === undefined ? "" : String(value))));
  });
  return ok(table);
}

/** Replaces the cycle's quotas of the imported purposes with the imported rows. */
export async function importQuotas(
  trx: Trx,
  context: CommandContext,
  cycle: CycleRecord,
  rows: QuotaRow[],
  source: string,
): Promise<Result<{ imported: number }, Problem>> {
  const db = pointsDb(trx);
  const purposesImported = [...new Set(rows.map((row) => row.purpose))];
  if (purposesImported.length === 0)
    return err({ code: "empty_file", field: "file", message: "file: 没有指标行 (no quota rows)" });
  await db
    .deleteFrom("points_quotas")
    .where("cycle_id", "=", cycle.id)
    .where("purpose", "in", purposesImported)
    .execute();
  await db
    .insertInto("points_quotas")
    .values(
      rows.map((row) => ({
        cycle_id: cycle.id,
        purpose: row.purpose,
        town_code: row.townCode,
        grade: row.grade,
        places: row.places,
        synthetic: row.synthetic,
        source,
      })),
    )
    .execute();
  await audit(trx, context, {
    action: "points.quotas.import",
    entityType: "points_cycle",
    entityId: cycle.id,
    townCode: null,
    after: { source, rows: rows.length, purposes: purposesImported },
  });
  return ok({ imported: rows.length });
}

/** One school as set by the programme admin. */
export interface SchoolInput {
  name: string;
  townCode: string;
  grade: "primary_1" | "junior_1";
  seats: number;
  x: number;
  y: number;
  synthetic?: boolean;
}

/** Replaces the cycle's schools (capacities per 镇区 and grade, coordinates in metres). */
export async function setSchools(
  trx: Trx,
  context: CommandContext,
  cycle: CycleRecord,
  schools: SchoolInput[],
): Promise<Result<{ schools: number }, Problem>> {
  const towns = new Set((await trx.selectFrom("towns").select("code").execute()).map((town) => town.code));
  for (const [index, school] of schools.entries()) {
    if (!towns.has(school.townCode))
      return err({
        code: "unknown_town",
        field: `schools.${index}.townCode`,
        message: `schools.${index}.townCode: 未知镇区 "${school.townCode}"`,
      });
  }
  const names = new Set(schools.map((school) => `${school.name}:${school.grade}`));
  if (names.size !== schools.length)
    return err({
      code: "duplicate_school",
      field: "schools",
      message: "schools: 同一学校同一年级重复 (a school and grade appear twice)",
    });
  const db = pointsDb(trx);
  await db.deleteFrom("points_schools").where("cycle_id", "=", cycle.id).execute();
  if (schools.length > 0) {
    await db
      .insertInto("points_schools")
      .values(
        schools.map((school) => ({
          cycle_id: cycle.id,
          town_code: school.townCode,
          name: school.name.trim(),
          grade: school.grade,
          seats: school.seats,
          x: school.x,
          y: school.y,
          synthetic: school.synthetic ?? false,
        })),
      )
      .execute();
  }
  await audit(trx, context, {
    action: "points.schools.set",
    entityType: "points_cycle",
    entityId: cycle.id,
    townCode: null,
    after: { schools: schools.length },
  });
  return ok({ schools: schools.length });
}

/** Reads a CSV text into a table of text cells; malformed CSV (an unclosed quote) is a refusal naming `csv`. */
export function tableFromCsv(text: string): Result<string[][], Problem> {
  return parseCsv(text, "csv");
}
