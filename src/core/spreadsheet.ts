/**
 * Formula escaping for every cell the platform exports to CSV or XLSX (OWASP "CSV injection"): a text cell that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return would be read by Excel or LibreOffice as a formula,
 * so it is prefixed with a single quote, which those programs show as text.
 *
 * A cell that is a plain decimal number (`-350.50`, `+86`, `12`) is left alone: it cannot hold a formula, and
 * an amount must reach the bank exactly as written. Numbers (JS `number`) are never touched.
 */

const formulaStart = /^[=+\-@\t\r]/;
const plainNumber = /^[+-]?\d+(\.\d+)?$/;

/** Neutralises a text cell that a spreadsheet would read as a formula; other text is returned unchanged. */
export function escapeFormula(text: string): string {
  return formulaStart.test(text) && !plainNumber.test(text) ? `'${text}` : text;
}

/** A cell value as exports write it: text is escaped, numbers and empty cells pass through. */
export function spreadsheetCell<T extends string | number | null | undefined>(value: T): T {
  return (typeof value === "string" ? escapeFormula(value) : value) as T;
}

/** A row of cells, each escaped with `spreadsheetCell`. */
export function spreadsheetRow<T extends string | number | null | undefined>(values: readonly T[]): T[] {
  return values.map(spreadsheetCell);
}
