/**
 * Bank payment files (拨付文件) shared by the modules that pay organisations (the innovation fund, purchased
 * services): CSV or XLSX, one row per payment (payee account, payee, amount in yuan with fen, stage, date, project),
 * then a total row equal to the sum of the rows to the fen. Every cell passes the formula escaping
 * (src/core/spreadsheet.ts): a payee or project named "=HYPERLINK(…)" is text; the amounts are exact decimal
 * strings, which the escaping leaves alone. Each export is recorded in the audit log (`exportPaymentFile`, in the
 * route's transaction), so the routes are POSTs; `sendPaymentFile` answers with the Chinese file name.
 */
import type { FastifyReply } from "fastify";
import { Type } from "typebox";
import { toCsv } from "../../core/csv";
import { fenToYuanString } from "../../core/money";
import { streamedXlsx } from "../../core/xlsx-stream";
import type { Trx } from "../../db/transaction";
import { audit, type CommandContext } from "../commands/context";
import { attachmentDisposition } from "../http/attachment";

export type PaymentFileFormat = "csv" | "xlsx";

/** The `format` field of a payment-file body (default CSV). */
export const PaymentFileFormatSchema = Type.Union([Type.Literal("csv"), Type.Literal("xlsx")]);

/** One payment as the bank file lists it; `stage` is the label printed (首期, 尾款, 里程碑…). */
export interface PaymentFileRow {
  bankAccount: string;
  payeeName: string;
  amountFen: number;
  stage: string;
  paidOn: string;
  project: string;
}

export const paymentFileHeader = ["收款账号", "收款人", "金额（元）", "阶段", "支付日期", "项目"];

function line(row: PaymentFileRow): string[] {
  return [row.bankAccount, row.payeeName, fenToYuanString(row.amountFen), row.stage, row.paidOn, row.project];
}

/** The total of the rows in fen. */
export const paymentFileTotalFen = (rows: readonly PaymentFileRow[]) =>
  rows.reduce((sum, row) => sum + row.amountFen, 0);

function totalLine(rows: readonly PaymentFileRow[]): string[] {
  return ["合计", "", fenToYuanString(paymentFileTotalFen(rows)), "", "", `${rows.length} 笔`];
}

/** The CSV payment file (UTF-8 with BOM; `toCsv` escapes formulas). */
export function paymentFileCsv(rows: readonly PaymentFileRow[]): string {
  return toCsv([paymentFileHeader, ...rows.map(line), totalLine(rows)], { bom: true });
}

/** The XLSX payment file (amounts as text with two decimals, so no binary float reaches the bank). */
export async function paymentFileXlsx(sheetName: string, rows: readonly PaymentFileRow[]): Promise<Buffer> {
  return streamedXlsx(sheetName, [paymentFileHeader, ...rows.map(line), totalLine(rows)]);
}

export interface PaymentFileExport {
  /** Audit action, e.g. `fund.payment_file.export`. */
  action: string;
  entityType: string;
  entityId: string;
  townCode: string | null;
  format: PaymentFileFormat;
  /** XLSX sheet name (at most 31 characters). */
  sheetName: string;
  rows: readonly PaymentFileRow[];
  /** What else the audit entry records (the period, the selection…). */
  details?: Record<string, unknown>;
}

/** Builds the file and records the export (who, format, rows, total in fen) in the audit log, in `trx`. */
export async function exportPaymentFile(
  trx: Trx,
  context: CommandContext,
  file: PaymentFileExport,
): Promise<string | Buffer> {
  await audit(trx, context, {
    action: file.action,
    entityType: file.entityType,
    entityId: file.entityId,
    townCode: file.townCode,
    after: {
      ...file.details,
      format: file.format,
      rows: file.rows.length,
      totalFen: paymentFileTotalFen(file.rows),
    },
  });
  return file.format === "csv" ? paymentFileCsv(file.rows) : paymentFileXlsx(file.sheetName, file.rows);
}

/** Answers the exported file under its Chinese name (`name` without extension; `fallback` the ASCII name). */
export function sendPaymentFile(
  reply: FastifyReply,
  file: { name: string; fallback: string; format: PaymentFileFormat; body: string | Buffer },
) {
  return reply
    .header(
      "content-disposition",
      attachmentDisposition(`${file.name}.${file.format}`, `${file.fallback}.${file.format}`),
    )
    .header("cache-control", "private, no-store")
    .type(
      file.format === "csv"
        ? "text/csv; charset=utf-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    .send(file.body);
}
