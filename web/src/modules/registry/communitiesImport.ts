// The plain logic of the communities import page (no React): the bad rows of an answer, whether they come in the
// report of a good-rows import or in the refusal of a whole file, and each reason in the language the user chose.
import { ApiError } from "../../api/client";

/** How an import treats bad rows (the request's `mode`). */
export type ImportMode = "all_or_nothing" | "good_rows";

/** One bad row as the page lists it: its number as the spreadsheet shows it, the column, the reason. */
export interface BadRow {
  row: number;
  column: string;
  message: string;
}

/** The columns of the file, whose labels the page shows (`communitiesImport.columns.<column>`). */
export const importColumns = ["town_code", "name", "x", "y"] as const;

/**
 * "中文 (English)" → the half in the language ("zh-CN" or "en"). The server answers a good-rows report in both
 * languages (refusals come in the one asked for already); a message that is not in both is returned as it is.
 */
export function reasonIn(message: string, language: string): string {
  const text = message.trim();
  if (!text.endsWith(")")) return message;
  // The parenthesis that closes at the end, allowing parentheses inside the English.
  let depth = 0;
  for (let index = text.length - 1; index >= 0; index -= 1) {
    const char = text[index];
    if (char === ")") depth += 1;
    else if (char === "(" && --depth === 0) {
      const zh = text.slice(0, index).trimEnd();
      const en = text.slice(index + 1, -1).trim();
      if (!/[\u3400-\u9fff]/.test(zh) || !/[A-Za-z]/.test(en)) return message;
      return language.startsWith("en") ? en : zh;
    }
  }
  return message;
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
