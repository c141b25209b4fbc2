/**
 * Facts with evidence: declared by the resident, entered or checked by the clerk, sent to the department that
 * owns the indicator (Impl. Art. 15) and decided there; every change that counts rescores the applications.
 */
import { labelOf } from "../../../platform/labels/labels";
import { addWorkingDays } from "../../../core/calendar";
import { err, ok, type Problem, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { checkAttachableFiles } from "../../../platform/files/files.commands";
import { owningDepartment } from "../../../platform/publicity/publicity.objections";
import { pointsDb } from "../points.tables";
import { checkFact, planOf } from "../points.scoring";
import { findFact, type EnrolmentRecord, type FactRecord } from "../repository";
import { audit, type CommandContext } from "../../../platform/commands/context";
import { refusal } from "./context";
import { countingStatuses, rescoreEnrolment, tellResident } from "./scores";
import { clock } from "../../../core/clock";

/** Working days the 镇区 centre has to check or forward a declared fact, and the department to check it. */
export const forwardDays = 5;
export const checkDays = 5;

/** Facts only the police or the health bureau report, through deduction events. */
export const reportedFacts = ["criminal_penalty_5y", "administrative_detentions_3y"];

/** Declares (resident) or enters (clerk) one fact with its evidence files. */
export async function declareFact(
  trx: Trx,
  context: CommandContext,
  enrolment: EnrolmentRecord,
  input: { fact: string; value: unknown; fileIds?: string[]; sendToDepartment?: boolean },
  by: "resident" | "clerk",
  policyId: string,
): Promise<Result<FactRecord, Problem>> {
  if (enrolment.status === "barred")
    return err(refusal("barred", "enrolmentId", "已被永久取消积分申请资格 (barred)", "中府办〔2014〕50号 第七条"));
  const plan = planOf(policyId);
  if (!plan.ok) return plan;
  if (input.fact === "birth_date")
    return err({
      code: "registry_fact",
      field: "fact",
      message: "fact: 出生日期取自人口登记，不需申报 (the birth date comes from the registry)",
    });
  if (!plan.value.version.facts.some((definition) => definition.name === input.fact))
    return err({
      code: "unknown_fact",
      field: "fact",
      message: `fact: "${input.fact}" 不是 ${policyId} 的指标事实 (unknown fact)`,
    });
  if (by === "resident" && reportedFacts.includes(input.fact))
    return err({
      code: "reported_fact",
      field: "fact",
      message: "fact: 此项由公安或卫生计生部门报送 (reported by the police or health bureau)",
    });
  const checked = checkFact(policyId, input.fact, input.value);
  if (!checked.ok) return err({ ...checked.error, field: "value" });
  const fileIds = input.fileIds ?? [];
  if (by === "resident" && fileIds.length === 0)
    return err({
      code: "evidence_required",
      field: "fileIds",
      message: "fileIds: 请上传该指标的证明材料 (attach the evidence)",
    });
  const files = await checkAttachableFiles(trx, context.actor, fileIds);
  if (!files.ok) return files;
  const today = clock.today();
  const departmentCode = await owningDepartment(trx, input.fact);
  const sending = by === "clerk" && input.sendToDepartment === true;
  if (sending && !departmentCode)
    return err({
      code: "no_department",
      field: "sendToDepartment",
      message: "该指标没有核查部门 (no department owns this fact)",
    });
  const status = by === "resident" ? "declared" : sending ? "with_department" : "confirmed";
  const db = pointsDb(trx);
  const existing = await db
    .selectFrom("points_facts")
    .selectAll()
    .where("enrolment_id", "=", enrolment.id)
    .where("fact", "=", input.fact)
    .executeTakeFirst();
  const values = {
    value: JSON.stringify(input.value),
    status,
    department_code: departmentCode,
    file_ids: fileIds,
    declared_on: today,
    forward_due: addWorkingDays(today, forwardDays),
    sent_on: sending ? today : null,
    check_due: sending ? addWorkingDays(today, checkDays) : null,
    decided_on: status === "confirmed" ? today : null,
    reason: null,
  };
  let id: string;
  if (existing) {
    await db
      .updateTable("points_facts")
      .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
      .where("id", "=", existing.id)
      .execute();
    id = existing.id;
  } else {
    id = (
      await db
        .insertInto("points_facts")
        .values({ ...values, enrolment_id: enrolment.id, town_code: enrolment.town_code, fact: input.fact })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  }
  await audit(trx, context, {
    action: by === "resident" ? "points.fact.declare" : "points.fact.enter",
    entityType: "points_fact",
    entityId: id,
    townCode: enrolment.town_code,
    before: existing ? { value: existing.value, status: existing.status } : undefined,
    after: { fact: input.fact, value: input.value, status, fileIds },
  });
  if (countingStatuses.includes(status) || (existing && countingStatuses.includes(existing.status)))
    await rescoreEnrolment(trx, enrolment.id, `指标 ${labelOf("pointsFact", input.fact)} 录入`);
  return ok((await findFact(trx, id))!);
}

/** The clerk confirms a declared fact after checking its evidence. */
export async function confirmFact(
  trx: Trx,
  context: CommandContext,
  fact: FactRecord,
): Promise<Result<FactRecord, Problem>> {
  if (fact.status !== "declared")
    return err({
      code: "fact_not_declared",
      field: "status",
      message: `该指标状态为 ${fact.status} (only a declared fact is confirmed at the counter)`,
    });
  await pointsDb(trx)
    .updateTable("points_facts")
    .set((eb) => ({ status: "confirmed", decided_on: clock.today(), version: eb("version", "+", 1) }))
    .where("id", "=", fact.id)
    .execute();
  await audit(trx, context, {
    action: "points.fact.confirm",
    entityType: "points_fact",
    entityId: fact.id,
    townCode: fact.town_code,
    before: { status: fact.status },
    after: { status: "confirmed" },
  });
  await rescoreEnrolment(trx, fact.enrolment_id, `指标 ${labelOf("pointsFact", fact.fact)} 经镇区核实`);
  return ok((await findFact(trx, fact.id))!);
}

/**
 * The clerk sends a fact the centre cannot confirm to the owning department, which has 5 working days to check;
 * a confirmed fact is sent again when an upheld objection contests it.
 */
export async function sendFact(
  trx: Trx,
  context: CommandContext,
  fact: FactRecord,
): Promise<Result<FactRecord, Problem>> {
  if (fact.status !== "declared" && fact.status !== "confirmed")
    return err({
      code: "fact_not_sendable",
      field: "status",
      message: `该指标状态为 ${fact.status} (only a declared or confirmed fact is sent)`,
    });
  if (!fact.department_code)
    return err({
      code: "no_department",
      field: "departmentCode",
      message: "该指标没有核查部门 (no department owns this fact)",
    });
  const today = clock.today();
  await pointsDb(trx)
    .updateTable("points_facts")
    .set((eb) => ({
      status: "with_department",
      sent_on: today,
      check_due: addWorkingDays(today, checkDays),
      version: eb("version", "+", 1),
    }))
    .where("id", "=", fact.id)
    .execute();
  await audit(trx, context, {
    action: "points.fact.send",
    entityType: "points_fact",
    entityId: fact.id,
    townCode: fact.town_code,
    before: { status: fact.status },
    after: { status: "with_department", departmentCode: fact.department_code },
  });
  return ok((await findFact(trx, fact.id))!);
}

/** The department confirms, corrects (with a new value) or rejects a fact with a reason; the resident is told why. */
export async function decideFact(
  trx: Trx,
  context: CommandContext,
  fact: FactRecord,
  input: { decision: "confirmed" | "corrected" | "rejected"; value?: unknown; reason: string },
  policyId: string,
): Promise<Result<FactRecord, Problem>> {
  if (fact.status !== "with_department")
    return err({
      code: "fact_not_with_department",
      field: "status",
      message: `该指标状态为 ${fact.status} (not waiting for a department)`,
    });
  const reason = input.reason.trim();
  if (reason.length < 2)
    return err({ code: "reason_required", field: "reason", message: "reason: 请写明核查理由 (give the reason)" });
  let value = fact.value;
  if (input.decision === "corrected") {
    if (input.value === undefined)
      return err({
        code: "value_required",
        field: "value",
        message: "value: 更正时须给出核实后的值 (a correction names the value)",
      });
    const checked = checkFact(policyId, fact.fact, input.value);
    if (!checked.ok) return err({ ...checked.error, field: "value" });
    value = input.value;
  }
  await pointsDb(trx)
    .updateTable("points_facts")
    .set((eb) => ({
      status: input.decision,
      value: JSON.stringify(value),
      reason,
      decided_on: clock.today(),
      version: eb("version", "+", 1),
    }))
    .where("id", "=", fact.id)
    .execute();
  await audit(trx, context, {
    action: "points.fact.decide",
    entityType: "points_fact",
    entityId: fact.id,
    townCode: fact.town_code,
    before: { status: fact.status, value: fact.value },
    after: { status: input.decision, value, reason },
  });
  await rescoreEnrolment(trx, fact.enrolment_id, `指标 ${labelOf("pointsFact", fact.fact)} 经部门核查：${reason}`);
  const labels = { confirmed: "确认", corrected: "更正", rejected: "不予认定" } as const;
  await tellResident(
    trx,
    fact.enrolment_id,
    `您申报的指标 ${labelOf("pointsFact", fact.fact)} 经部门核查${labels[input.decision]}：${reason}`,
  );
  return ok((await findFact(trx, fact.id))!);
}
