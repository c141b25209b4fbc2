/**
 * CSV in and out through csv-parse and csv-stringify (RFC 4180: quoted fields, doubled quotes, delimiters and
 * newlines inside quotes), with the project's settings in one place:
 *
 * - reading accepts a UTF-8 byte-order mark, `\r\n`, `\n` or `\r` line ends (mixed), rows of different lengths,
 *   a stray quote inside an unquoted field (kept as text), and skips empty rows (all cells blank);
 * - writing escapes formulas in every text cell (`spreadsheet.ts`), ends lines with `\r\n` (what Excel expects)
 *   and quotes a cell that holds a delimiter, a quote or a line break.
 *
 * `csvParser()` is the streaming form, for inputs that must not be held in memory whole.
 */
import { CsvError, parse, type Options as ParseOptions, type Parser } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { err, ok, type Problem, type Result } from "./result";
import { spreadsheetRow } from "./spreadsheet";

const readOptions = {
  bom: true,
  record_delimiter: ["\r\n", "\n", "\r"],
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: true,
  skip_records_with_empty_values: true,
} satisfies ParseOptions;

/** The refusal for malformed CSV (an unclosed quote, text after a closing quote), naming the field and the line. */
function csvProblem(error: unknown, field: string): Problem {
  const line = error instanceof CsvError ? (error as CsvError & { lines?: number }).lines : undefined;
  const where = line ? ` 第 ${line} 行 (line ${line})` : "";
  const reason = error instanceof Error ? error.message : String(error);
  return { code: "invalid_csv", field, message: `${field}: CSV 格式有误${where} (malformed CSV: ${reason})` };
}

/** Parses CSV text into rows of text cells; malformed CSV is a refusal naming `field`. */
export function parseCsv(text: string, field = "csv"): Result<string[][], Problem> {
  try {
    return ok(parseSync(text, readOptions) as string[][]);
  } catch (error) {
    if (error instanceof CsvError) return err(csvProblem(error, field));
    throw error;
  }
}

/** Parses CSV text whose first row names the columns into one object per row (missing cells are ""). */
export function parseCsvRecords(text: string, field = "csv"): Result<Record<string, string>[], Problem> {
  const table = parseCsv(text, field);
  if (!table.ok) return table;
  const [header = [], ...rows] = table.value;
  return ok(rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? ""]))));
}

/**
 * A streaming parser (a Node Transform: CSV text in, rows of text cells out) with the same reading rules. It
 * holds one record at a time and honours back-pressure, so memory stays bounded whatever the input size.
 * `onInvalidRecord` receives each malformed record (its line and the reason) instead of failing the stream.
 */
export function csvParser(options: { onInvalidRecord?: (line: number, reason: string) => void } = {}): Parser {
  return parse({
    ...readOptions,
    ...(options.onInvalidRecord
      ? {
          skip_records_with_error: true,
          on_skip: (error: CsvError | undefined) => {
            const line = (error as (CsvError & { lines?: number }) | undefined)?.lines ?? 0;
            options.onInvalidRecord?.(line, error?.message ?? "malformed CSV");
            return undefined;
          },
        }
      : {}),
  });
}

/** Writes rows as CSV text (each text cell formula-escaped, `\r\n` line ends), optionally after a byte-order mark. */
export function toCsv(
  rows: readonly (readonly (string | number | null | undefined)[])[],
  options: { bom?: boolean } = {},
): string {
  const text = stringify(
    rows.map((row) => spreadsheetRow(row)),
    { record_delimiter: "\r\n", quoted_match: /[\r\n]/ },
  );
  return options.bom ? `\uFEFF${text}` : text;
}

/** Parses one of the project's own CSV data files (e.g. resources/zhongshan/towns.csv); malformed means a broken checkout, so it throws naming the file. */
export function dataFileRecords(text: string, source: string): Record<string, string>[] {
  const records = parseCsvRecords(text, source);
  if (!records.ok) throw new Error(records.error.message);
  return records.value;
}
