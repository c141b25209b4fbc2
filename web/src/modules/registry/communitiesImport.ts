// The plain logic of the communities import page (no React): the bad rows of an answer, whether they come in the
// report of a good-rows import or in the refusal of a whole file, and each reason in the language the user chose.
import { ApiError } from "../../api/client";
import { localText } from "../../i18n/bilingual";

export type { ImportMode } from "../../components/ImportFileControls";

/** One bad row as the page lists it: its number as the spreadsheet shows it, the column, the reason. */
export interface BadRow {
  row: number;
  column: string;
  message: string;
}

/** The columns of the file, whose labels the page shows (`communitiesImport.columns.<column>`). */
export const importColumns = ["town_code", "name", "x", "y"] as const;

/**
 * A bad row's reason in the language ("zh-CN" or "en"): the server answers a good-rows report in both languages
 * ("中文 (English)"; refusals come in the one asked for already).
 */
export function reasonIn(message: string, language: string): string {
  return localText(message, language);
}

/**
 * The bad rows of a whole file refused (`import_rows_invalid`): the server names each as the field
 * `rows.<row>.<column>`. Empty for any other error.
 */
export function refusedRows(error: unknown): BadRow[] {
  if (!(error instanceof ApiError) || error.code !== "import_rows_invalid") return [];
  const rows: BadRow[] = [];
  for (const [field, message] of Object.entries(error.fields)) {
    const match = /^rows\.(\d+)(?:\.(.+))?$/.exec(field);
    if (match) rows.push({ row: Number(match[1]), column: match[2] ?? "", message });
  }
  return rows.sort((a, b) => a.row - b.row);
}

/** How many rows are bad (a row with two problems counts once). */
export function badRowCount(rows: readonly BadRow[]): number {
  return new Set(rows.map((row) => row.row)).size;
}

/** The file as the request sends it: CSV or XLSX by its name, its bytes in base64. */
export function fileField(fileName: string, base64: string): { csvBase64: string } | { xlsxBase64: string } {
  return fileName.toLowerCase().endsWith(".xlsx") ? { xlsxBase64: base64 } : { csvBase64: base64 };
}
