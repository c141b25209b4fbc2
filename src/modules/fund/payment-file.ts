/**
 * The payment file of a fund call: the platform's bank payment file (src/platform/payments/payment-file.ts), one row
 * per payment of the call (payee account, payee, amount, 首期 or 尾款, date, project) and the total row. Each export
 * is recorded in the audit log as `fund.payment_file.export`.
 */
import type { Trx } from "../../db/transaction";
import type { CommandContext } from "../../platform/commands/context";
import { exportPaymentFile, type PaymentFileFormat, type PaymentFileRow } from "../../platform/payments/payment-file";
import { callPayments, type CallRecord } from "./repository";

/** The rows of a call's payment file. */
export async function callPaymentFileRows(trx: Trx, callId: string): Promise<PaymentFileRow[]> {
  return (await callPayments(trx, callId)).map((row) => ({
    bankAccount: row.bankAccount,
    payeeName: row.payeeName,
    amountFen: row.amountFen,
    stage: row.stage === "start" ? "首期" : "尾款",
    paidOn: row.paidOn,
    project: row.title,
  }));
}

/** Builds the payment file of a call and records the export (who, format, rows, total) in the audit log. */
export async function exportCallPaymentFile(
  trx: Trx,
  context: CommandContext,
  call: CallRecord,
  format: PaymentFileFormat,
): Promise<string | Buffer> {
  return exportPaymentFile(trx, context, {
    action: "fund.payment_file.export",
    entityType: "fund_call",
    entityId: call.id,
    townCode: null,
    format,
    sheetName: `创新资金拨付 ${call.year}`,
    rows: await callPaymentFileRows(trx, call.id),
  });
}
