/** Enrolment in the scheme (Reg. Art. 2) and the fraud bar (Impl. Art. 7). */
import { addMonths, isIsoDate } from "../../../core/dates";
import { err, ok, type Problem, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { pointsDb } from "../points.tables";
import { findEnrolment, findEnrolmentOfPerson, type EnrolmentRecord } from "../repository";
import { audit, type CommandContext } from "../../../platform/commands/context";
import { refusal } from "./context";
import { recordScore, tellResident } from "./scores";
import { clock } from "../../../core/clock";

const article2 = "中府〔2014〕106号 第二条";

/**
 * Enrols a person: not of Zhongshan hukou, holding a Guangdong residence permit, and working in Zhongshan for
 * at least a year (Reg. Art. 2). Each refusal names the field and the clause.
 */
export async function enrol(
  trx: Trx,
  context: CommandContext,
  input: { personId: string; residencePermitNumber: string; workStartedOn: string },
): Promise<Result<EnrolmentRecord>> {
  const today = clock.today();
  const person = await trx
    .selectFrom("persons")
    .select(["id", "town_code", "hukou_type"])
    .where("id", "=", input.personId)
    .executeTakeFirst();
  if (!person) return err({ code: "not_found", message: "记录不存在或无权访问 (not found)" });
  if (person.hukou_type !== "migrant")
    return err(
      refusal("not_migrant", "personId", "只有户籍不在中山市的人员可纳入积分制管理 (only migrants)", article2),
    );
  const permit = input.residencePermitNumber.trim();
  if (!/^[0-9A-Za-z-]{6,30}$/.test(permit))
    return err(
      refusal(
        "residence_permit_required",
        "residencePermitNumber",
        "须已办理《广东省居住证》，请填写证号 (a residence permit number is required)",
        article2,
      ),
    );
  if (!isIsoDate(input.workStartedOn) || input.workStartedOn > today)
    return err({
      code: "invalid_date",
      field: "workStartedOn",
      message: "workStartedOn: 须为不晚于今天的日期 YYYY-MM-DD",
    });
  if (input.workStartedOn > addMonths(today, -12))
    return err(
      refusal(
        "work_under_one_year",
        "workStartedOn",
        `在中山市工作须累计满1年（${input.workStartedOn} 起算未满1年）(at least a year of work)`,
        article2,
      ),
    );
  if (await findEnrolmentOfPerson(trx, person.id))
    return err({ code: "already_enrolled", field: "personId", message: "该人员已纳入积分制管理 (already enrolled)" });
  const row = await pointsDb(trx)
    .insertInto("points_enrolments")
    .values({
      person_id: person.id,
      town_code: person.town_code,
      residence_permit_number: permit,
      work_started_on: input.workStartedOn,
      enrolled_on: today,
      status: "enrolled",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const enrolment = (await findEnrolment(trx, row.id))!;
  await audit(trx, context, {
    action: "points.enrol",
    entityType: "points_enrolment",
    entityId: row.id,
    townCode: person.town_code,
    after: { personId: person.id, workStartedOn: input.workStartedOn },
  });
  return ok(enrolment);
}

/**
 * Records fraud: the person's points are zeroed on every application, which are disqualified, and the person is
 * permanently barred from the scheme (Impl. Art. 7).
 */
export async function recordFraud(
  trx: Trx,
  context: CommandContext,
  enrolment: EnrolmentRecord,
  reason: string,
): Promise<Result<EnrolmentRecord, Problem>> {
  if (enrolment.status === "barred")
    return err({ code: "already_barred", field: "status", message: "该人员已被取消资格 (already barred)" });
  const text = reason.trim();
  if (text.length < 4)
    return err({
      code: "reason_required",
      field: "reason",
      message: "reason: 请写明弄虚作假的事实 (describe the fraud)",
    });
  const today = clock.today();
  const db = pointsDb(trx);
  await db
    .updateTable("points_enrolments")
    .set((eb) => ({ status: "barred", barred_reason: text, barred_on: today, version: eb("version", "+", 1) }))
    .where("id", "=", enrolment.id)
    .execute();
  const applications = await db
    .selectFrom("points_applications")
    .select("id")
    .where("enrolment_id", "=", enrolment.id)
    .execute();
  for (const application of applications) {
    await db
      .updateTable("points_applications")
      .set((eb) => ({
        status: "disqualified",
        score_total: 0,
        score_subscores: JSON.stringify({}),
        eligible: false,
        version: eb("version", "+", 1),
      }))
      .where("id", "=", application.id)
      .execute();
    await recordScore(
      trx,
      application.id,
      { total: 0, subscores: {}, eligible: false },
      `弄虚作假，积分清零（中府办〔2014〕50号 第七条）：${text}`,
    );
  }
  await tellResident(
    trx,
    enrolment.id,
    `经核实存在弄虚作假行为，积分清零并永久取消积分申请资格（中府办〔2014〕50号 第七条）：${text}`,
  );
  await audit(trx, context, {
    action: "points.fraud",
    entityType: "points_enrolment",
    entityId: enrolment.id,
    townCode: enrolment.town_code,
    before: { status: enrolment.status },
    after: { status: "barred", reason: text },
  });
  return ok((await findEnrolment(trx, enrolment.id))!);
}
