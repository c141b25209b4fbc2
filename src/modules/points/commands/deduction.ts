/**
 * Deduction events reported by the police (detention, criminal penalty) or the health bureau (out-of-policy
 * birth): the fact changes, the scores update at once (well within the 5 working days of Impl. Art. 6), and the
 * resident is told why.
 */
import { addWorkingDays } from "../../../core/calendar";
import { isIsoDate } from "../../../core/dates";
import { err, ok, type Problem, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { pointsDb } from "../points.tables";
import { findEnrolment, findEnrolmentOfPerson } from "../repository";
import { audit, type CommandContext } from "../../../platform/commands/context";
import { rescoreEnrolment, tellResident } from "./scores";
import { clock } from "../../../core/clock";

/** The kinds of deduction event, the department that reports each, the fact it changes and its label. */
export const deductionKinds = {
  administrative_detention: { department: "public_security", fact: "administrative_detentions_3y", zh: "行政拘留" },
  criminal_penalty: { department: "public_security", fact: "criminal_penalty_5y", zh: "刑事处罚" },
  out_of_policy_birth: {
    department: "health_family_planning",
    fact: "out_of_policy_children",
    zh: "违反计划生育政策生育",
  },
} as const;

/** One kind of deduction event. */
export type DeductionKind = keyof typeof deductionKinds;

/** Working days within which a reported deduction must be reflected in the score (Impl. Art. 6). */
export const deductionDays = 5;

/** The department's Chinese name for messages a resident reads (its code when unknown). */
async function departmentName(trx: Trx, code: string): Promise<string> {
  const row = await trx.selectFrom("departments").select("name").where("code", "=", code).executeTakeFirst();
  return row?.name ?? code;
}

/** Applies a deduction event to the person with this ID number; the reporter must belong to the kind's department. */
export async function reportDeduction(
  trx: Trx,
  context: CommandContext,
  input: { idNumber: string; kind: DeductionKind; occurredOn: string; reference: string },
  reporterDepartments: string[] | "all",
): Promise<Result<{ id: string; enrolmentId: string; dueOn: string; appliedOn: string }, Problem>> {
  const kind = deductionKinds[input.kind];
  if (reporterDepartments !== "all" && !reporterDepartments.includes(kind.department)) {
    return err({
      code: "forbidden",
      field: "kind",
      message: `kind: ${kind.zh} 由 ${await departmentName(trx, kind.department)} 报送 (reported by ${kind.department})`,
    });
  }
  const today = clock.today();
  if (!isIsoDate(input.occurredOn) || input.occurredOn > today)
    return err({ code: "invalid_date", field: "occurredOn", message: "occurredOn: 须为不晚于今天的日期 YYYY-MM-DD" });
  const person = await trx
    .selectFrom("persons")
    .select("id")
    .where("id_number", "=", input.idNumber.trim().toUpperCase())
    .executeTakeFirst();
  const enrolment = person ? await findEnrolmentOfPerson(trx, person.id) : undefined;
  if (!enrolment)
    return err({
      code: "not_enrolled",
      field: "idNumber",
      message: "idNumber: 该人员未纳入积分制管理 (no enrolment with this ID number)",
    });
  const db = pointsDb(trx);
  const current = await db
    .selectFrom("points_facts")
    .selectAll()
    .where("enrolment_id", "=", enrolment.id)
    .where("fact", "=", kind.fact)
    .executeTakeFirst();
  const counted =
    current && (current.status === "confirmed" || current.status === "corrected") ? current.value : undefined;
  const value = kind.fact === "criminal_penalty_5y" ? true : (typeof counted === "number" ? counted : 0) + 1;
  const fields = {
    value: JSON.stringify(value),
    status: "corrected",
    department_code: kind.department,
    declared_on: today,
    forward_due: today,
    decided_on: today,
    reason: `${kind.zh}（${input.reference.trim()}）`,
  };
  if (current)
    await db
      .updateTable("points_facts")
      .set((eb) => ({ ...fields, version: eb("version", "+", 1) }))
      .where("id", "=", current.id)
      .execute();
  else
    await db
      .insertInto("points_facts")
      .values({ ...fields, enrolment_id: enrolment.id, town_code: enrolment.town_code, fact: kind.fact })
      .execute();
  const dueOn = addWorkingDays(today, deductionDays);
  const row = await db
    .insertInto("points_deductions")
    .values({
      enrolment_id: enrolment.id,
      kind: input.kind,
      department_code: kind.department,
      occurred_on: input.occurredOn,
      reference: input.reference.trim(),
      reported_on: today,
      due_on: dueOn,
      applied_on: today,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await rescoreEnrolment(trx, enrolment.id, `扣分事项：${kind.zh}（${input.occurredOn}，${input.reference.trim()}）`);
  await tellResident(
    trx,
    enrolment.id,
    `${await departmentName(trx, kind.department)} 报送您于 ${input.occurredOn} 的${kind.zh}记录（${input.reference.trim()}），按计分标准第三部分扣减积分（中府办〔2014〕50号 第六条）。`,
  );
  await audit(trx, context, {
    action: "points.deduction",
    entityType: "points_enrolment",
    entityId: enrolment.id,
    townCode: enrolment.town_code,
    after: { kind: input.kind, occurredOn: input.occurredOn, reference: input.reference, fact: kind.fact, value },
  });
  return ok({ id: row.id, enrolmentId: (await findEnrolment(trx, enrolment.id))!.id, dueOn, appliedOn: today });
}
