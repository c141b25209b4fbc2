/**
 * A one-sheet XLSX file written row by row with ExcelJS's streaming writer (no shared strings, no styles), every
 * cell through the formula escaping of src/core/spreadsheet.ts. Used by the bank payment files.
 */
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { spreadsheetRow } from "./spreadsheet";

type Cell = string | number | null | undefined;

export async function streamedXlsx(sheetName: string, rows: Iterable<readonly Cell[]>): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(spreadsheetRow(row)).commit();
  sheet.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}
