/**
 * Programme administration: yearly cycles (window September → April, quotas published by the end of March,
 * Reg. Art. 10), quota import per 镇区, purpose and grade from CSV or XLSX, and schools with capacities.
 */
import { isIsoDate } from "../../../core/dates";
import { err, ok, type Problem, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { csvTable, findColumns, isBlankRow, xlsxTable, type RowProblem, type Table } from "../../../platform/imports";
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

/** The most places one quota row may hold (a city's whole intake is far below; past 2³¹ would not store). */
export const maxQuotaPlaces = 1_000_000;

/**
 * Reads quota rows from a table: either `town_code,purpose,grade,places[,synthetic]` or the published 2015 school
 * layout. Every bad row is reported (number and reason); a missing column or an empty file refuses the file.
 */
export function quotaRowsFromTable(
  table: Table,
  towns: ReadonlySet<string>,
): Result<{ rows: QuotaRow[]; problems: RowProblem[] }, Problem> {
  const headerAt = table.findIndex((row) => !isBlankRow(row));
  if (headerAt < 0) return err({ code: "empty_file", field: "file", message: "file: 文件为空 (no rows)" });
  const names = table[headerAt].map((cell) => cell.trim().toLowerCase());
  const column = (name: string) => names.indexOf(name);
  const published = column("primary_grade1") >= 0 && column("junior_grade1") >= 0;
  if (!published) {
    const columns = findColumns(table[headerAt], { town_code: "town_code", purpose: "purpose", places: "places" }, [
      "town_code",
      "purpose",
      "places",
    ]);
    if (!columns.ok)
      return err({
        ...columns.error,
        message: `${columns.error.message}；需要列 town_code, purpose, grade, places（或 2015 年公布格式 primary_grade1, junior_grade1）`,
      });
  }
  const rows: QuotaRow[] = [];
  const problems: RowProblem[] = [];
  const keys = new Map<string, number>();
  for (let at = headerAt + 1; at < table.length; at += 1) {
    const cells = table[at];
    if (isBlankRow(cells)) continue;
    const line = at + 1;
    const rowProblems: RowProblem[] = [];
    const refuse = (columnName: string, message: string) =>
      rowProblems.push({ row: line, column: columnName, message });
    const cell = (name: string) => (column(name) >= 0 ? (cells[column(name)] ?? "").trim() : "");
    const town = cell("town_code");
    if (!towns.has(town)) refuse("town_code", `未知镇区 "${town}" (unknown town)`);
    const number = (name: string): number | null => {
      const text = cell(name);
      if (!/^\d+$/.test(text)) {
        refuse(name, `${name} 须为非负整数，而不是 "${text}" (must be a whole number)`);
        return null;
      }
      if (Number(text) > maxQuotaPlaces) {
        refuse(name, `${name} 不能超过 ${maxQuotaPlaces} (at most ${maxQuotaPlaces})`);
        return null;
      }
      return Number(text);
    };
    const candidates: QuotaRow[] = [];
    if (published) {
      for (const [name, grade] of [
        ["primary_grade1", "primary_1"],
        ["junior_grade1", "junior_1"],
      ] as const) {
        const places = number(name);
        if (places !== null) candidates.push({ purpose: "school", townCode: town, grade, places, synthetic: false });
      }
    } else {
      const purpose = cell("purpose");
      const grade = cell("grade");
      if (purpose !== "school" && purpose !== "hukou")
        refuse("purpose", "purpose 须为 school 或 hukou（公租房套数在周期中设置） (purpose must be school or hukou)");
      else if (purpose === "school" ? grade !== "primary_1" && grade !== "junior_1" : grade !== "")
        refuse(
          "grade",
          "入学指标须注明年级 primary_1 或 junior_1，入户指标不填年级 (grade primary_1 or junior_1 for school, none for hukou)",
        );
      const places = number("places");
      if (places !== null && rowProblems.length === 0)
        candidates.push({
          purpose: purpose as QuotaRow["purpose"],
          townCode: town,
          grade: grade as QuotaRow["grade"],
          places,
          synthetic: /^(1|true|yes)$/i.test(cell("synthetic")),
        });
    }
    for (const candidate of rowProblems.length === 0 ? candidates : []) {
      const key = `${candidate.purpose}:${candidate.townCode}:${candidate.grade}`;
      const first = keys.get(key);
      if (first !== undefined) {
        refuse(
          "town_code",
          `与第 ${first} 行重复：${candidate.townCode} ${candidate.purpose} ${candidate.grade} (duplicate of row ${first})`,
        );
        break;
      }
      keys.set(key, line);
    }
    if (rowProblems.length) problems.push(...rowProblems);
    else rows.push(...candidates);
  }
  return ok({ rows, problems });
}

/** Reads the quota file of a request: CSV text, CSV bytes (UTF-8 with or without BOM, or GBK) or XLSX. */
export async function quotaTable(body: {
  csv?: string;
  csvBase64?: string;
  xlsxBase64?: string;
}): Promise<Result<Table, Problem>> {
  if (body.xlsxBase64 !== undefined) return xlsxTable(Buffer.from(body.xlsxBase64, "base64"));
  const read = csvTable(body);
  return read.ok ? ok(read.value.table) : read;
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
