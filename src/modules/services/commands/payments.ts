/**
 * Paying a services contract, stage by stage: a milestone once its progress report is accepted, the final payment
 * once the final evaluation is recorded; never more in total than the contract amount; by the department, never
 * by the vendor. One transaction with its audit entry; the contract row is locked so two payments cannot both fit.
 */
import { clock } from "../../../core/clock";
import { isIsoDate } from "../../../core/dates";
import { fenToYuanString, parseYuan } from "../../../core/money";
import { err, ok, type Problem, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { audit, isUniqueViolation, type CommandContext } from "../../../platform/commands/context";
import { hasRole } from "../../../platform/roles";
import { findContract } from "../contracts.repository";
import { acceptedMilestones, contractPayments, finalEvaluated, milestoneShareFen } from "../payments";
import { servicesDb } from "../tables";

function refuse(code: string, field: string, message: string): { ok: false; error: Problem } {
  return err({ code, field, message: `${field}: ${message}` });
}

export interface PaymentInput {
  stage: "milestone" | "final";
  milestoneSeq?: number | null;
  /** Default: the milestone's planned share, or for the final payment what remains of the contract. */
  amountYuan?: string | number;
  /** Default: today. */
  paidOn?: string;
  note?: string;
}

/** Records one payment of a contract; answers the payment's id. */
export async function payContract(
  trx: Trx,
  context: CommandContext,
  contractId: string,
  input: PaymentInput,
): Promise<Result<{ contractId: string; paymentId: string }>> {
  const db = servicesDb(trx);
  // Serialises payments of one contract: the total check below sees every earlier payment.
  await db.selectFrom("services_contracts").select("id").where("id", "=", contractId).forUpdate().execute();
  const contract = await findContract(trx, contractId);
  if (!contract) return err({ code: "not_found", message: "合同不存在 (no such contract)", field: "id" });
  if (hasRole(context.actor, "vendor") || contract.vendorAccountId === context.actor.id)
    return refuse(
      "vendor_cannot_pay",
      "stage",
      "服务机构不能支付本机构的合同款，须由主管部门支付 (a vendor never pays; the department does)",
    );
  const paidOn = input.paidOn ?? clock.today();
  if (!isIsoDate(paidOn)) return refuse("invalid_date", "paidOn", "须为 YYYY-MM-DD (must be a real date)");
  if (paidOn > clock.today()) return refuse("invalid_date", "paidOn", "支付日期不能晚于今天 (not in the future)");
  if (paidOn < contract.signedOn)
    return refuse("invalid_date", "paidOn", `支付日期不能早于签约日 ${contract.signedOn} (not before signing)`);

  const payments = await contractPayments(trx, contract.id);
  const paidFen = payments.reduce((sum, each) => sum + each.amountFen, 0);
  let seq: number | null = null;
  if (input.stage === "milestone") {
    seq = input.milestoneSeq ?? null;
    const milestone = contract.milestones.find((each) => each.seq === seq);
    if (seq === null || !milestone)
      return refuse("unknown_milestone", "milestoneSeq", "合同没有该里程碑 (no such milestone in the contract)");
    if (!(await acceptedMilestones(trx, contract.id)).has(seq))
      return refuse(
        "report_not_accepted",
        "milestoneSeq",
        `里程碑"${milestone.title}"的进展报告通过审阅后方可付款 (pay a milestone after its progress report is accepted)`,
      );
    if (payments.some((each) => each.stage === "milestone" && each.milestoneSeq === seq))
      return refuse("stage_paid", "milestoneSeq", "该里程碑已付款 (this milestone is already paid)");
  } else {
    if (!(await finalEvaluated(trx, contract.id)))
      return refuse(
        "final_evaluation_required",
        "stage",
        "尾款须在终期评估后支付 (the final payment waits for the final evaluation)",
      );
    if (payments.some((each) => each.stage === "final"))
      return refuse("stage_paid", "stage", "尾款已支付 (the final payment is already made)");
  }

  let amount: number;
  if (input.amountYuan !== undefined) {
    const parsed = parseYuan(input.amountYuan, "amountYuan");
    if (!parsed.ok)
      return refuse("invalid_amount", "amountYuan", "金额须为元，最多两位小数 (yuan with at most two decimals)");
    if (parsed.value <= 0) return refuse("invalid_amount", "amountYuan", "金额须大于0 (must be above 0)");
    amount = parsed.value;
  } else {
    amount = input.stage === "milestone" ? milestoneShareFen(contract) : contract.amountFen - paidFen;
  }
  if (amount <= 0) return refuse("payment_exceeds_contract", "stage", "合同款已全部支付 (the contract is fully paid)");
  if (paidFen + amount > contract.amountFen)
    return refuse(
      "payment_exceeds_contract",
      input.amountYuan !== undefined ? "amountYuan" : "stage",
      `已付 ${fenToYuanString(paidFen)} 元，再付 ${fenToYuanString(amount)} 元将超过合同金额 ${fenToYuanString(contract.amountFen)} 元 (payments beyond the contract amount)`,
    );

  let paymentId: string;
  try {
    paymentId = (
      await db
        .insertInto("services_payments")
        .values({
          contract_id: contract.id,
          stage: input.stage,
          milestone_seq: seq,
          amount_fen: amount,
          paid_on: paidOn,
          note: input.note?.trim() ?? "",
          created_by: context.actor.id,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  } catch (error) {
    if (isUniqueViolation(error, "services_payments_one_per_milestone", "services_payments_one_final"))
      return refuse("stage_paid", "stage", "该阶段已付款 (this stage is already paid)");
    throw error;
  }
  await audit(trx, context, {
    action: "services.payment.record",
    entityType: "services_contract",
    entityId: contract.id,
    townCode: contract.townCode,
    before: { paidFen },
    after: {
      paymentId,
      stage: input.stage,
      milestoneSeq: seq,
      amountFen: amount,
      paidOn,
      paidFen: paidFen + amount,
      contractFen: contract.amountFen,
    },
  });
  return ok({ contractId: contract.id, paymentId });
}
