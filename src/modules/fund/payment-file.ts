/**
 * The payment file of a fund call, CSV or XLSX, like the assistance bank file: one row per payment (payee account,
 * payee, amount in yuan with fen, stage, date, project), then a total row equal to the sum of the rows to the fen.
 * Every cell passes the formula escaping (src/core/spreadsheet.ts): a payee or project named "=HYPERLINK(…)" is
 * text; the amounts are exact decimal strings, which the escaping leaves alone. Exporting is recorded in the audit
 * log (`exportPaymentFile`), so the route is a POST.
 */
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { toCsv } from "../../core/csv";
import { fenToYuanString } from "../../core/money";
import { spreadsheetRow } from "../../core/spreadsheet";
import type { Trx } from "../../db/transaction";
import { audit, type CommandContext } from "../../platform/commands/context";
import { callPayments, type CallRecord, type PaymentRecord } from "./repository";

const header = ["收款账号", "收款人", "金额（元）", "阶段", "支付日期", "项目"];

function line(row: PaymentRecord): string[] {
  return [
    row.bankAccount,
    row.payeeName,
    fenToYuanString(row.amountFen),
    row.stage === "start" ? "首期" : "尾款",
    row.paidOn,
    row.title,
  ];
}

function totalLine(rows: readonly PaymentRecord[], totalFen: number): string[] {
  return ["合计", "", fenToYuanString(totalFen), "", "", `${rows.length} 笔`];
}

const totalOf = (rows: readonly PaymentRecord[]) => rows.reduce((sum, row) => sum + row.amountFen, 0);

/** The CSV payment file (UTF-8 with BOM; `toCsv` escapes formulas). */
export function paymentCsv(rows: readonly PaymentRecord[]): string {
  return toCsv([header, ...rows.map(line), totalLine(rows, totalOf(rows))], { bom: true });
}

/** The XLSX payment file (amounts as text with two decimals, so no binary float reaches the bank). */
export async function paymentXlsx(year: number, rows: readonly PaymentRecord[]): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet(`创新资金拨付 ${year}`);
  sheet.addRow(spreadsheetRow(header)).commit();
  for (const row of rows) sheet.addRow(spreadsheetRow(line(row))).commit();
  sheet.addRow(spreadsheetRow(totalLine(rows, totalOf(rows)))).commit();
  sheet.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

/** Builds the payment file of a call and records the export (who, format, rows, total) in the audit log. */
export async function exportPaymentFile(
  trx: Trx,
  context: CommandContext,
  call: CallRecord,
  format: "csv" | "xlsx",
): Promise<string | Buffer> {
  const rows = await callPayments(trx, call.id);
  await audit(trx, context, {
    action: "fund.payment_file.export",
    entityType: "fund_call",
    entityId: call.id,
    townCode: null,
    after: { format, rows: rows.length, totalFen: totalOf(rows) },
  });
  return format === "csv" ? paymentCsv(rows) : paymentXlsx(call.year, rows);
}
