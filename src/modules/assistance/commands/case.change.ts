/**
 * Life of an active case: a reported change (new job, birth, death), the periodic review, an increase or
 * reduction from a month with the reason the household receives, a stop, and fraud (stop, recover what was
 * paid since a month, fine 1–3 times it).
 */
import { multiplyFen } from "../../../core/money";
import { err, ok, type Problem, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { checkAttachableFiles } from "../../../platform/files/files.commands";
import { findHousehold } from "../../registry/repository";
import { assessEligibility } from "../eligibility";
import { parametersInForce } from "../parameters";
import { findCase, type CaseRecord } from "../repository";
import type { AdjustmentBody, ChangeReportBody, FraudBody, ReviewBody, StopBody } from "../schemas";
import { assistanceDb } from "../tables";
import { nextReview } from "../workflow";
import { bump, checkDate, checkStep, checkVersion, parseAmount, recordEvent, type CommandContext } from "./context";
import { validateMembers } from "./members.input";
import { clock } from "../../../core/clock";

/** The last month with a payroll, or null. */
async function lastPaidMonth(trx: Trx): Promise<string | null> {
  const row = await assistanceDb(trx)
    .selectFrom("assistance_payrolls")
    .select("month")
    .orderBy("month", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.month ?? null;
}

/** Records a change the household reports; a clerk follows up with an adjustment or a stop. */
export async function reportChange(
  trx: Trx,
  context: CommandContext,
  record: CaseRecord,
  input: ChangeReportBody,
): Promise<Result<CaseRecord, Problem>> {
  const step = checkStep(record, "report_change");
  if (!step.ok) return step;
  const dated = checkDate(input.happenedOn, "happenedOn", clock.today());
  if (!dated.ok) return dated;
  if (context.actor && input.fileIds?.length) {
    const files = await checkAttachableFiles(trx, context.actor, input.fileIds, "fileIds");
    if (!files.ok) return files;
  }
  await assistanceDb(trx).updateTable("assistance_cases").set(bump(record)).where("id", "=", record.id).execute();
  await recordEvent(trx, context, record, {
    kind: "change_reported",
    onDate: input.happenedOn,
    details: { change: input.kind, description: input.description },
    fileIds: input.fileIds,
  });
  return ok((await findCase(trx, record.id))!);
}

/** Records a periodic review and schedules the next one by work capacity. */
export async function recordReview(
  trx: Trx,
  context: CommandContext,
  record: CaseRecord,
  input: ReviewBody,
): Promise<Result<CaseRecord, Problem>> {
  const step = checkStep(record, "review");
  if (!step.ok) return step;
  const dated = checkDate(input.reviewedOn, "reviewedOn", clock.today(), record.decidedOn ?? undefined);
  if (!dated.ok) return dated;
  if (context.actor && input.fileIds?.length) {
    const files = await checkAttachableFiles(trx, context.actor, input.fileIds, "fileIds");
    if (!files.ok) return files;
  }
  const next = nextReview(input.reviewedOn, record.workCapacity, record.seriousIllness);
  await assistanceDb(trx)
    .updateTable("assistance_cases")
    .set({ next_review_on: next, ...bump(record) })
    .where("id", "=", record.id)
    .execute();
  await recordEvent(trx, context, record, {
    kind: "reviewed",
    onDate: input.reviewedOn,
    details: { findings: input.findings, dueOn: record.nextReviewOn, nextReviewOn: next },
    fileIds: input.fileIds,
  });
  return ok((await findCase(trx, record.id))!);
}

/** Increases or reduces the assistance from a month not yet paid: new members, incomes and assets; a new revision. */
export async function adjustCase(
  trx: Trx,
  context: CommandContext,
  record: CaseRecord,
  input: AdjustmentBody,
): Promise<Result<CaseRecord, Problem>> {
  const version = checkVersion(record, input.version);
  if (!version.ok) return version;
  const step = checkStep(record, "adjust");
  if (!step.ok) return step;
  const paid = await lastPaidMonth(trx);
  if (paid && input.fromMonth <= paid) {
    return err({
      code: "month_already_paid",
      message: `${paid} 及以前月份已发放，调整须从之后的月份开始 (months up to ${paid} are paid)`,
      field: "fromMonth",
    });
  }
  const assets = parseAmount(input.assetsYuan, "assetsYuan");
  if (!assets.ok) return assets;
  const household = await findHousehold(trx, record.householdId);
  if (!household)
    return err({ code: "unknown_household", message: "户籍记录不存在 (household not found)", field: "householdId" });
  const members = await validateMembers(trx, household, input.members, record.id);
  if (!members.ok) return members;
  const eligibility = assessEligibility(
    {
      caseId: record.id,
      members: members.value,
      assetsFen: assets.value,
      secondHome: record.secondHome,
      vehicle: record.vehicle,
    },
    input.fromMonth,
    await parametersInForce(trx),
  );
  if (!eligibility.ok) return eligibility;
  if (!eligibility.value.eligible) {
    return err({
      code: "not_eligible",
      message: `调整后不符合条件，应停保：${eligibility.value.reasons.map((reason) => reason.message).join("；")}`,
      field: "members",
    });
  }
  const db = assistanceDb(trx);
  const revision = record.revision + 1;
  await db.deleteFrom("assistance_case_members").where("case_id", "=", record.id).execute();
  await db
    .insertInto("assistance_case_members")
    .values(
      members.value.map((member) => ({
        case_id: record.id,
        person_id: member.personId,
        town_code: record.townCode,
        relationship: member.relationship,
        monthly_income_fen: member.incomeFen,
        categories: member.categories,
      })),
    )
    .execute();
  await db
    .insertInto("assistance_case_revisions")
    .values({
      case_id: record.id,
      revision,
      from_month: input.fromMonth,
      town_code: record.townCode,
      members: JSON.stringify(
        members.value.map(({ personId, incomeFen, categories }) => ({ personId, incomeFen, categories })),
      ),
      assets_fen: assets.value,
    })
    .execute();
  const workCapacity = input.workCapacity ?? record.workCapacity;
  const seriousIllness = input.seriousIllness ?? record.seriousIllness;
  await db
    .updateTable("assistance_cases")
    .set({
      revision,
      assets_fen: assets.value,
      eligibility: JSON.stringify(eligibility.value),
      work_capacity: workCapacity,
      serious_illness: seriousIllness,
      ...bump(record),
    })
    .where("id", "=", record.id)
    .execute();
  const direction =
    eligibility.value.totalFen > record.eligibility.totalFen
      ? "increase"
      : eligibility.value.totalFen < record.eligibility.totalFen
        ? "reduce"
        : "unchanged";
  await recordEvent(trx, context, record, {
    kind: "adjusted",
    onDate: clock.today(),
    details: {
      fromMonth: input.fromMonth,
      reason: input.reason,
      direction,
      beforeFen: record.eligibility.totalFen,
      afterFen: eligibility.value.totalFen,
      revision,
    },
    before: { revision: record.revision, members: record.members, assetsFen: record.assetsFen },
  });
  return ok((await findCase(trx, record.id))!);
}

async function close(trx: Trx, record: CaseRecord, fromMonth: string): Promise<void> {
  const db = assistanceDb(trx);
  await db
    .updateTable("assistance_cases")
    .set({ state: "stopped", stop_month: fromMonth, next_review_on: null, ...bump(record) })
    .where("id", "=", record.id)
    .execute();
  await db.updateTable("assistance_case_members").set({ open: false }).where("case_id", "=", record.id).execute();
}

/** Stops payment from a month, with the reason the household receives. */
export async function stopCase(
  trx: Trx,
  context: CommandContext,
  record: CaseRecord,
  input: StopBody,
): Promise<Result<CaseRecord, Problem>> {
  const version = checkVersion(record, input.version);
  if (!version.ok) return version;
  const step = checkStep(record, "stop");
  if (!step.ok) return step;
  if (record.startMonth && input.fromMonth < record.startMonth) {
    return err({
      code: "invalid_month",
      message: `停保月份不能早于开始发放月份 ${record.startMonth}`,
      field: "fromMonth",
    });
  }
  await close(trx, record, input.fromMonth);
  await recordEvent(trx, context, record, {
    kind: "stopped",
    onDate: clock.today(),
    details: { fromMonth: input.fromMonth, reason: input.reason },
    before: { state: record.state },
  });
  return ok((await findCase(trx, record.id))!);
}

/** Fraud: stops the case, recovers everything paid for months since `fraudSince`, and fines 1–3 times that amount. */
export async function recordFraud(
  trx: Trx,
  context: CommandContext,
  record: CaseRecord,
  input: FraudBody,
): Promise<Result<CaseRecord, Problem>> {
  const version = checkVersion(record, input.version);
  if (!version.ok) return version;
  const step = checkStep(record, "fraud");
  if (!step.ok) return step;
  const paid = await assistanceDb(trx)
    .selectFrom("assistance_payroll_lines")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("total_fen"), eb.lit(0)).as("total"))
    .where("case_id", "=", record.id)
    .where("for_month", ">=", input.fraudSince)
    .executeTakeFirstOrThrow();
  const recoverFen = Number(paid.total);
  const fineFen = multiplyFen(
    recoverFen,
    { numerator: Math.round(input.fineMultiple * 10), denominator: 10 },
    "half_up",
  );
  if (record.state === "active") await close(trx, record, input.fromMonth);
  else await assistanceDb(trx).updateTable("assistance_cases").set(bump(record)).where("id", "=", record.id).execute();
  await recordEvent(trx, context, record, {
    kind: "fraud",
    onDate: clock.today(),
    details: {
      fraudSince: input.fraudSince,
      fromMonth: input.fromMonth,
      recoverFen,
      fineMultiple: input.fineMultiple,
      fineFen,
      reason: input.reason,
    },
    before: { state: record.state },
  });
  return ok((await findCase(trx, record.id))!);
}
