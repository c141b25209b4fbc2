/**
 * The bank payment file of services-contract payments (拨付文件) for a period, optionally narrowed to chosen
 * contracts: the platform's payment file (src/platform/payments/payment-file.ts, shared with the innovation fund),
 * one row per payment (the vendor's bank account, the vendor, amount in yuan with fen, the stage — 里程碑 n：title
 * or 尾款 —, the date, the project) and the total row. Each export is recorded in the audit log as
 * `services.payment_file.export` with the period, the selection, the rows and the total in fen.
 */
import { isIsoDate } from "../../core/dates";
import { err, ok, type Problem, type Result } from "../../core/result";
import type { Executor, Trx } from "../../db/transaction";
import type { CommandContext } from "../../platform/commands/context";
import { exportPaymentFile, type PaymentFileFormat, type PaymentFileRow } from "../../platform/payments/payment-file";
import { hasRole } from "../../platform/roles";
import { servicesDb } from "./tables";

export interface ServicesPaymentFileInput {
  /** First and last payment date of the period (inclusive). */
  from: string;
  to: string;
  /** Only these contracts' payments (default: every contract). */
  contractIds?: string[];
  format?: PaymentFileFormat;
}

function refuse(code: string, field: string, message: string): { ok: false; error: Problem } {
  return err({ code, field, message: `${field}: ${message}` });
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The payments of the period (and selection), oldest first, with the vendor, its account and the stage's label. */
export async function servicesPaymentRows(
  executor: Executor,
  input: { from: string; to: string; contractIds?: readonly string[] },
): Promise<(PaymentFileRow & { contractId: string })[]> {
  let query = servicesDb(executor)
    .selectFrom("services_payments as p")
    .innerJoin("services_contracts as c", "c.id", "p.contract_id")
    .innerJoin("services_vendors as v", "v.id", "c.vendor_id")
    .innerJoin("services_needs as n", "n.id", "c.need_id")
    .leftJoin("services_milestones as m", (join) =>
      join.onRef("m.contract_id", "=", "p.contract_id").onRef("m.seq", "=", "p.milestone_seq"),
    )
    .select([
      "p.contract_id as contractId",
      "p.stage",
      "p.milestone_seq as milestoneSeq",
      "m.title as milestoneTitle",
      "p.amount_fen as amountFen",
      "p.paid_on as paidOn",
      "v.name as payeeName",
      "v.bank_account as bankAccount",
      "n.title as project",
    ])
    .where("p.paid_on", ">=", input.from)
    .where("p.paid_on", "<=", input.to);
  if (input.contractIds && input.contractIds.length > 0) query = query.where("p.contract_id", "in", input.contractIds);
  const rows = await query.orderBy("p.paid_on").orderBy("p.created_at").orderBy("p.id").execute();
  return rows.map((row) => ({
    contractId: row.contractId,
    bankAccount: row.bankAccount,
    payeeName: row.payeeName,
    amountFen: Number(row.amountFen),
    stage: row.stage === "final" ? "尾款" : `里程碑 ${row.milestoneSeq}：${row.milestoneTitle ?? ""}`,
    paidOn: row.paidOn,
    project: row.project,
  }));
}

/**
 * Builds the payment file of the period and records the export. Refused: a period that is not two real dates in
 * order, an unknown contract in the selection, or a payment to a vendor without a bank account (the bank cannot
 * pay it; the file would be wrong).
 */
export async function exportServicesPaymentFile(
  trx: Trx,
  context: CommandContext,
  input: ServicesPaymentFileInput,
): Promise<Result<{ file: string | Buffer; format: PaymentFileFormat }>> {
  if (hasRole(context.actor, "vendor"))
    return refuse("vendor_cannot_pay", "from", "服务机构不能导出拨付文件 (a vendor never exports the payment file)");
  if (!isIsoDate(input.from)) return refuse("invalid_date", "from", "须为 YYYY-MM-DD (must be a real date)");
  if (!isIsoDate(input.to)) return refuse("invalid_date", "to", "须为 YYYY-MM-DD (must be a real date)");
  if (input.from > input.to)
    return refuse("invalid_period", "to", "截止日期不能早于起始日期 (the period ends before it starts)");
  const contractIds = [...new Set(input.contractIds ?? [])];
  for (const [index, id] of (input.contractIds ?? []).entries()) {
    const known =
      uuid.test(id) &&
      (await servicesDb(trx).selectFrom("services_contracts").select("id").where("id", "=", id).executeTakeFirst());
    if (!known) return refuse("unknown_contract", `contractIds.${index}`, "合同不存在 (no such contract)");
  }
  const rows = await servicesPaymentRows(trx, { from: input.from, to: input.to, contractIds });
  const missing = [...new Set(rows.filter((row) => !row.bankAccount).map((row) => row.payeeName))];
  if (missing.length > 0)
    return refuse(
      "missing_bank_account",
      contractIds.length > 0 ? "contractIds" : "from",
      `${missing.join("、")}未登记收款账号，不能生成拨付文件 (a paid vendor has no bank account on record)`,
    );
  const format = input.format ?? "csv";
  const file = await exportPaymentFile(trx, context, {
    action: "services.payment_file.export",
    entityType: "services_payment_file",
    entityId: `${input.from}..${input.to}`,
    townCode: null,
    format,
    sheetName: `购买服务拨付 ${input.from.slice(0, 7)}`,
    rows,
    details: { from: input.from, to: input.to, contractIds },
  });
  return ok({ file, format });
}
