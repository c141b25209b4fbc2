/**
 * Next year's standard: the policy officer proposes it by the natural-growth rule (proposeStandard), the
 * proposal is simulated on the current caseload (simulateAssistance: households affected, cost per month and
 * per 镇区), submitted, and approved or rejected by civil affairs. An approved standard is stored as a dated
 * override that the payroll reads together with the policy's parameters (see parameters.ts).
 */
import { err, ok, type Problem, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { fenToYuanNumber } from "../../../rules/assistance/assistance.compute";
import { wholeYuanOf } from "../../../rules/assistance/formulas/formula.types";
import { simulateAssistance } from "../../../rules/assistance/simulate";
import { proposeStandard } from "../../../rules/assistance/standard.proposal";
import { moneyAt, ratioAt, roundingAt } from "../../../rules/parameters";
import { addDays } from "../../../core/dates";
import { parametersInForce } from "../parameters";
import { loadPayableCases } from "../payroll.repository";
import type { StandardDecisionBody, StandardProposeBody } from "../schemas";
import { assistanceDb } from "../tables";
import { monthOf } from "../workflow";
import { audit } from "../../../platform/commands/context";
import { type CommandContext } from "./context";

/** The first day the platform's calendar and policy data cover. */
const EARLIEST_DATE = "2004-01-01";

/** Proposes a standard effective from a date, with its simulation on the caseload of the simulated month. */
export async function proposeNextStandard(
  trx: Trx,
  context: CommandContext,
  input: StandardProposeBody,
): Promise<Result<{ id: string }, Problem>> {
  // The working-day calendar and the policy data begin in 2004: an earlier standard or simulation has nothing to
  // stand on (and the calendar refuses the date), so it is refused here with the field named.
  if (input.effectiveFrom < EARLIEST_DATE)
    return err({
      code: "date_too_early",
      message: `生效日期不能早于 ${EARLIEST_DATE} (must not be before ${EARLIEST_DATE})`,
      field: "effectiveFrom",
    });
  if (input.simulateMonth !== undefined && input.simulateMonth < EARLIEST_DATE.slice(0, 7))
    return err({
      code: "date_too_early",
      message: `测算月份不能早于 ${EARLIEST_DATE.slice(0, 7)} (must not be before ${EARLIEST_DATE.slice(0, 7)})`,
      field: "simulateMonth",
    });
  const parameters = await parametersInForce(trx);
  const previous = moneyAt(parameters, "dibao.standard", addDays(input.effectiveFrom, -1));
  if (!previous.ok)
    return err({
      code: "no_standard",
      message: `${input.effectiveFrom} 前没有适用的低保标准 (no previous standard)`,
      field: "effectiveFrom",
    });
  const proposal = proposeStandard(previous.value.value, input.perCapitaConsumptionYuan, {
    parameters,
    date: input.effectiveFrom,
  });
  if (!proposal.ok)
    return err({
      ...proposal.error,
      field: proposal.error.field === "consumption" ? "perCapitaConsumptionYuan" : proposal.error.field,
    });
  const ratio = ratioAt(parameters, "classified_supplement.ratio", input.effectiveFrom);
  if (!ratio.ok) return ratio;
  const rounding = roundingAt(parameters, "classified_supplement.rounding", input.effectiveFrom);
  if (!rounding.ok) return rounding;
  const supplementFen = wholeYuanOf(proposal.value.proposedFen, ratio.value.value, rounding.value.value);
  const month = input.simulateMonth ?? monthOf(input.effectiveFrom);
  const caseload = (await loadPayableCases(trx, month)).map((payable) => ({
    id: payable.caseId,
    town: payable.townCode,
    household: {
      members: payable.members.map((member) => ({
        id: member.personId,
        monthly_income_yuan: fenToYuanNumber(member.incomeFen),
        categories: member.categories,
      })),
      assets_yuan: fenToYuanNumber(payable.assetsFen),
    },
  }));
  const simulation = simulateAssistance({
    baseline: parameters,
    overrides: [
      { path: "dibao.standard", from: input.effectiveFrom, value: fenToYuanNumber(proposal.value.proposedFen) },
      { path: "classified_supplement.amount", from: input.effectiveFrom, value: fenToYuanNumber(supplementFen) },
    ],
    caseload,
    month,
  });
  if (!simulation.ok) return simulation;
  const { changes: _changes, ...report } = simulation.value;
  const inserted = await assistanceDb(trx)
    .insertInto("assistance_standards")
    .values({
      effective_from: input.effectiveFrom,
      standard_fen: proposal.value.proposedFen,
      supplement_fen: supplementFen,
      status: "proposed",
      basis: JSON.stringify({
        previousFen: previous.value.value,
        computedFen: proposal.value.computedFen,
        perCapitaConsumptionYuan: String(input.perCapitaConsumptionYuan),
        reference: proposal.value.reference,
      }),
      simulation: JSON.stringify(report),
      proposed_by: context.actor?.id ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await audit(trx, context, {
    action: "assistance.standard.propose",
    entityType: "assistance_standard",
    entityId: inserted.id,
    townCode: null,
    after: {
      effectiveFrom: input.effectiveFrom,
      standardFen: proposal.value.proposedFen,
      supplementFen,
      costDifferenceFen: report.differenceFen,
    },
  });
  return ok({ id: inserted.id });
}

/** Submits a proposal for approval. */
export async function submitStandard(
  trx: Trx,
  context: CommandContext,
  id: string,
  version: number,
): Promise<Result<null, Problem>> {
  const db = assistanceDb(trx);
  const standard = await db
    .selectFrom("assistance_standards")
    .select(["status", "version"])
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!standard) return err({ code: "not_found", message: "记录不存在或无权访问 (not found)" });
  if (standard.version !== version)
    return err({ code: "version_conflict", message: "已被他人修改 (changed since you read it)", field: "version" });
  if (standard.status !== "proposed")
    return err({ code: "invalid_state", message: `状态为 ${standard.status}，不能提交`, field: "status" });
  await db
    .updateTable("assistance_standards")
    .set({ status: "submitted", version: version + 1 })
    .where("id", "=", id)
    .execute();
  await audit(trx, context, {
    action: "assistance.standard.submit",
    entityType: "assistance_standard",
    entityId: id,
    townCode: null,
    before: { status: "proposed" },
    after: { status: "submitted" },
  });
  return ok(null);
}

/** Approves (the payroll uses it from its effective date, with back-pay for months already paid) or rejects a submitted standard. */
export async function decideStandard(
  trx: Trx,
  context: CommandContext,
  id: string,
  input: StandardDecisionBody,
): Promise<Result<null, Problem>> {
  const db = assistanceDb(trx);
  const standard = await db
    .selectFrom("assistance_standards")
    .selectAll()
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!standard) return err({ code: "not_found", message: "记录不存在或无权访问 (not found)" });
  if (standard.version !== input.version)
    return err({ code: "version_conflict", message: "已被他人修改 (changed since you read it)", field: "version" });
  if (standard.status !== "submitted")
    return err({ code: "invalid_state", message: `状态为 ${standard.status}，不能审批`, field: "status" });
  if (input.decision === "rejected" && (input.reason?.trim().length ?? 0) < 5)
    return err({ code: "reason_required", message: "不予批准须说明理由", field: "reason" });
  if (input.decision === "approved") {
    const clash = await db
      .selectFrom("assistance_standards")
      .select("id")
      .where("status", "=", "approved")
      .where("effective_from", "=", standard.effective_from)
      .executeTakeFirst();
    if (clash)
      return err({
        code: "standard_exists",
        message: `${standard.effective_from} 已有批准的标准`,
        field: "effectiveFrom",
      });
  }
  await db
    .updateTable("assistance_standards")
    .set({
      status: input.decision,
      decided_by: context.actor?.id ?? null,
      decided_at: new Date(),
      decision_reason: input.reason ?? null,
      version: input.version + 1,
    })
    .where("id", "=", id)
    .execute();
  await audit(trx, context, {
    action: `assistance.standard.${input.decision === "approved" ? "approve" : "reject"}`,
    entityType: "assistance_standard",
    entityId: id,
    townCode: null,
    before: { status: "submitted" },
    after: {
      status: input.decision,
      effectiveFrom: standard.effective_from,
      standardFen: Number(standard.standard_fen),
      supplementFen: Number(standard.supplement_fen),
    },
  });
  return ok(null);
}
