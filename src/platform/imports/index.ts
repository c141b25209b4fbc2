/**
 * What every CSV and XLSX import shares (issue 14, "Bad input"): reading the bytes (an XLSX's first sheet, or CSV
 * in UTF-8 with or without a byte-order mark or in GBK, told apart by the bytes), checking the header names every
 * required column, one report of every bad row (its number as the spreadsheet shows it and the reason in Chinese
 * with English in parentheses), and the caller's choice between importing the good rows and importing nothing
 * when any row is bad (`all_or_nothing`, the default).
 *
 * The imports using it: points quotas (CSV/XLSX), the participation ledger (XLSX from the provincial platform) and
 * the approvals catalogue (XLSX).
 */
import ExcelJS from "exceljs";
import { Type } from "typebox";
import { CsvError } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import { err, ok, type Problem, type Result } from "../../core/result";

/** How an import treats bad rows: refuse the whole file (default), or import the good rows and report the bad. */
export type ImportMode = "all_or_nothing" | "good_rows";

/** The request field choosing the mode (default all_or_nothing). */
export const ImportModeSchema = Type.Union([Type.Literal("all_or_nothing"), Type.Literal("good_rows")], {
  description: "all_or_nothing (default): any bad row refuses the whole file; good_rows: import the good rows",
});

/** One bad row as answers show it. */
export const RowProblemSchema = Type.Object({
  row: Type.Integer({ description: "the row number as the spreadsheet shows it (header = 1)" }),
  column: Type.String(),
  message: Type.String({ description: "the reason, in Chinese with English in parentheses" }),
});

/** The encoding a text file was read in. */
export type TextEncoding = "utf-8" | "utf-8-bom" | "gbk";

/** One bad row: its number as the spreadsheet shows it (the header is row 1), the column, the reason. */
export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

/** A table of text cells; `table[i]` is spreadsheet row i + 1 (empty rows kept as [] so numbers stay true). */
export type Table = string[][];

/**
 * Decodes a text file's bytes: UTF-8 after a byte-order mark, UTF-8 when the bytes are valid UTF-8, otherwise
 * GBK (as GB18030, its superset) — what Excel on a Chinese Windows saves "CSV" in. UTF-16 is refused.
 */
export function decodeText(
  bytes: Uint8Array,
  field = "file",
): Result<{ text: string; encoding: TextEncoding }, Problem> {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return ok({ text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8-bom" });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return err({
      code: "unsupported_encoding",
      field,
      message: `${field}: 文件是 UTF-16 编码，请另存为 UTF-8 或 GBK 的 CSV (UTF-16 is not supported: save as UTF-8 or GBK CSV)`,
    });
  try {
    return ok({ text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" });
  } catch {
    try {
      return ok({ text: new TextDecoder("gb18030", { fatal: true }).decode(bytes), encoding: "gbk" });
    } catch {
      return err({
        code: "unsupported_encoding",
        field,
        message: `${field}: 无法识别文件编码（既不是 UTF-8 也不是 GBK）(the file is neither UTF-8 nor GBK)`,
      });
    }
  }
}

/** Text that was decoded in the wrong encoding before it reached us (GBK read as UTF-8 leaves U+FFFD behind). */
export function checkDecodedText(text: string, field = "csv"): Result<string, Problem> {
  if (text.includes("\ufffd"))
    return err({
      code: "wrong_encoding",
      field,
      message: `${field}: 文本含有乱码（�），多半是 GBK 文件被当作 UTF-8 读取；请直接上传文件（csvBase64）或另存为 UTF-8 (the text holds U+FFFD: a GBK file read as UTF-8; send the file's bytes as csvBase64 or save it as UTF-8)`,
    });
  return ok(text.startsWith("\ufeff") ? text.slice(1) : text);
}

/** A CSV table from text (already decoded) or from the file's bytes in base64 (decoded here, see `decodeText`). */
export function csvTable(input: {
  csv?: string;
  csvBase64?: string;
}): Result<{ table: Table; encoding: TextEncoding }, Problem> {
  let text: string;
  let encoding: TextEncoding = "utf-8";
  if (input.csvBase64 !== undefined) {
    const decoded = decodeText(Buffer.from(input.csvBase64, "base64"), "csvBase64");
    if (!decoded.ok) return decoded;
    ({ text, encoding } = decoded.value);
  } else {
    const checked = checkDecodedText(input.csv ?? "", "csv");
    if (!checked.ok) return checked;
    text = checked.value;
    if ((input.csv ?? "").startsWith("\ufeff")) encoding = "utf-8-bom";
  }
  // Blank lines are kept as rows, so that row numbers match what the spreadsheet shows.
  try {
    const table = parseSync(text, {
      bom: true,
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as Table;
    return ok({ table: table.map((row) => (isBlankRow(row) ? [] : row)), encoding });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines;
    const field = input.csvBase64 !== undefined ? "csvBase64" : "csv";
    return err({
      code: "invalid_csv",
      field,
      message: `${field}: CSV 格式有误${line ? `，第 ${line} 行` : ""} (malformed CSV${line ? ` at line ${line}` : ""}: ${error.message})`,
    });
  }
}

/** A cell's text as a person reads it in Excel: dates as YYYY-MM-DD, rich text joined, formulas by their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("text" in value) return String(value.text);
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    return "";
  }
  return String(value).trim();
}

/** The first worksheet of an XLSX workbook as a table (row numbers kept); not a workbook is a refusal naming `field`. */
export async function xlsxTable(bytes: Buffer, field = "xlsxBase64"): Promise<Result<Table, Problem>> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return err({ code: "invalid_xlsx", field, message: `${field}: 不是有效的 XLSX 文件 (not an XLSX workbook)` });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return err({ code: "empty_file", field, message: `${field}: 工作簿没有工作表 (no worksheet)` });
  const table: Table = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    table[number - 1] = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
  });
  return ok(Array.from(table, (row) => row ?? []));
}

/** Whether a row holds nothing but blanks (skipped, not counted). */
export function isBlankRow(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === "");
}

/**
 * Finds each column by its header (any of the names given, compared trimmed and case-blind) in the table's first
 * row; a missing required column is a refusal naming every missing one.
 */
export function findColumns<K extends string>(
  header: readonly string[],
  columns: Record<K, string | readonly string[]>,
  required: readonly K[],
  field = "file",
): Result<Partial<Record<K, number>>, Problem> {
  const names = header.map((cell) => cell.trim().toLowerCase());
  const index: Partial<Record<K, number>> = {};
  for (const [key, title] of Object.entries(columns) as [K, string | readonly string[]][]) {
    const titles = (typeof title === "string" ? [title] : title).map((name) => name.toLowerCase());
    const at = names.findIndex((name) => titles.includes(name));
    if (at >= 0) index[key] = at;
  }
  const missing = required.filter((key) => index[key] === undefined);
  if (missing.length > 0) {
    const title = (key: K) => (typeof columns[key] === "string" ? columns[key] : columns[key][0]) as string;
    return err({
      code: "missing_columns",
      field,
      message: `${field}: 缺少列：${missing.map(title).join("、")} (missing columns: ${missing.map(title).join(", ")})`,
    });
  }
  return ok(index);
}

/** The refusal of a whole file because of its bad rows: every row's number and reason, in the message and fields. */
export function rowsRefusedProblem(
  problems: readonly RowProblem[],
  field = "file",
): Problem & { fields: Record<string, string> } {
  const shown = problems
    .slice(0, 50)
    .map((problem) => `第 ${problem.row} 行${problem.column ? `（${problem.column}）` : ""}：${problem.message}`);
  const more = problems.length > shown.length ? `；另有 ${problems.length - shown.length} 处问题` : "";
  const fields: Record<string, string> = {};
  for (const problem of problems) {
    const key = `rows.${problem.row}${problem.column ? `.${problem.column}` : ""}`;
    fields[key] = fields[key] ? `${fields[key]}；${problem.message}` : problem.message;
  }
  // A row with two problems is one bad row.
  const rows = new Set(problems.map((problem) => problem.row)).size;
  return {
    code: "import_rows_invalid",
    field,
    message: `${rows} 行有误，整个文件未导入 (${rows} bad rows, nothing imported): ${shown.join("；")}${more}`,
    fields,
  };
}

/**
 * Applies the mode once every row has been checked: with bad rows and `all_or_nothing`, a refusal listing every
 * bad row (the caller's transaction then stores nothing); otherwise the good rows go ahead.
 */
export function settleImport(mode: ImportMode | undefined, problems: readonly RowProblem[]): Result<void, Problem> {
  if ((mode ?? "all_or_nothing") === "all_or_nothing" && problems.length > 0) return err(rowsRefusedProblem(problems));
  return ok(undefined);
}
