/**
 * Payments of a services contract and its payment schedule. The schedule has one stage per milestone and a final
 * stage. A milestone is payable once a progress report on it is accepted; the final stage once the final evaluation
 * is recorded. The planned amount of each milestone is an equal share of the contract, rounded down to the fen
 * (amount ÷ (milestones + 1)); the final payment settles what remains of the contract. Amounts in integer fen.
 */
import { fenToYuanString } from "../../core/money";
import type { Executor } from "../../db/transaction";
import type { ContractRecord } from "./contracts.repository";
import { servicesDb } from "./tables";

export interface PaymentRecord {
  id: string;
  contractId: string;
  stage: "milestone" | "final";
  milestoneSeq: number | null;
  amountFen: number;
  paidOn: string;
  note: string;
  createdAt: Date;
}

/** The payments of a contract, oldest first. */
export async function contractPayments(executor: Executor, contractId: string): Promise<PaymentRecord[]> {
  const rows = await servicesDb(executor)
    .selectFrom("services_payments")
    .select([
      "id",
      "contract_id as contractId",
      "stage",
      "milestone_seq as milestoneSeq",
      "amount_fen as amountFen",
      "paid_on as paidOn",
      "note",
      "created_at as createdAt",
    ])
    .where("contract_id", "=", contractId)
    .orderBy("paid_on")
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    ...row,
    amountFen: Number(row.amountFen),
    stage: row.stage as PaymentRecord["stage"],
  }));
}

/** The milestones with an accepted progress report (payable). */
export async function acceptedMilestones(executor: Executor, contractId: string): Promise<Set<number>> {
  const rows = await servicesDb(executor)
    .selectFrom("services_progress_reports")
    .select("milestone_seq")
    .where("contract_id", "=", contractId)
    .where("status", "=", "accepted")
    .where("milestone_seq", "is not", null)
    .execute();
  return new Set(rows.map((row) => row.milestone_seq!));
}

/** Whether the final evaluation of the contract is recorded (the final payment waits for it). */
export async function finalEvaluated(executor: Executor, contractId: string): Promise<boolean> {
  const row = await servicesDb(executor)
    .selectFrom("services_evaluations")
    .select("id")
    .where("contract_id", "=", contractId)
    .where("stage", "=", "final")
    .executeTakeFirst();
  return row !== undefined;
}

/** The planned amount of one milestone payment: an equal share of the contract, rounded down to the fen. */
export function milestoneShareFen(contract: Pick<ContractRecord, "amountFen" | "milestones">): number {
  return Math.floor(contract.amountFen / (contract.milestones.length + 1));
}

export type StageStatus = "awaiting_report" | "awaiting_evaluation" | "payable" | "paid";

export interface ScheduleStage {
  stage: "milestone" | "final";
  milestoneSeq: number | null;
  title: string;
  plannedFen: number;
  status: StageStatus;
  payment: PaymentRecord | null;
}

/**
 * The schedule: each milestone (planned share; paid, payable after its accepted report, or waiting for it), then
 * the final stage (planned: what the milestones leave; paid, payable after the final evaluation, or waiting).
 */
export function paymentSchedule(
  contract: Pick<ContractRecord, "amountFen" | "milestones">,
  payments: readonly PaymentRecord[],
  accepted: ReadonlySet<number>,
  evaluated: boolean,
): { stages: ScheduleStage[]; paidFen: number; remainingFen: number } {
  const share = milestoneShareFen(contract);
  const stages: ScheduleStage[] = contract.milestones.map((milestone) => {
    const payment = payments.find((each) => each.stage === "milestone" && each.milestoneSeq === milestone.seq) ?? null;
    return {
      stage: "milestone",
      milestoneSeq: milestone.seq,
      title: milestone.title,
      plannedFen: share,
      status: payment ? "paid" : accepted.has(milestone.seq) ? "payable" : "awaiting_report",
      payment,
    };
  });
  const final = payments.find((each) => each.stage === "final") ?? null;
  stages.push({
    stage: "final",
    milestoneSeq: null,
    title: "",
    plannedFen: contract.amountFen - share * contract.milestones.length,
    status: final ? "paid" : evaluated ? "payable" : "awaiting_evaluation",
    payment: final,
  });
  const paidFen = payments.reduce((sum, each) => sum + each.amountFen, 0);
  return { stages, paidFen, remainingFen: contract.amountFen - paidFen };
}

/** A contract's payments as the API shows them (amounts in yuan with fen). */
export async function contractPaymentsView(executor: Executor, contract: ContractRecord) {
  const payments = await contractPayments(executor, contract.id);
  const schedule = paymentSchedule(
    contract,
    payments,
    await acceptedMilestones(executor, contract.id),
    await finalEvaluated(executor, contract.id),
  );
  const presentPayment = (payment: PaymentRecord) => ({
    id: payment.id,
    stage: payment.stage,
    milestoneSeq: payment.milestoneSeq,
    amountYuan: fenToYuanString(payment.amountFen),
    paidOn: payment.paidOn,
    note: payment.note,
  });
  return {
    contractId: contract.id,
    amountYuan: fenToYuanString(contract.amountFen),
    paidYuan: fenToYuanString(schedule.paidFen),
    remainingYuan: fenToYuanString(schedule.remainingFen),
    schedule: schedule.stages.map((stage) => ({
      stage: stage.stage,
      milestoneSeq: stage.milestoneSeq,
      title: stage.title,
      plannedYuan: fenToYuanString(stage.plannedFen),
      status: stage.status,
      payment: stage.payment ? presentPayment(stage.payment) : null,
    })),
    payments: payments.map(presentPayment),
  };
}
