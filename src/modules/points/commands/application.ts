/**
 * Applications per cycle and purpose, with the acceptance checks of Reg. Arts. 7–9 and 14 and the cycle's own
 * rules (window, once per purpose, one application per child). Every refusal names the field, the rule and the clause.
 */
import { ageInFullYears, addMonths, isIsoDate } from "../../../core/dates";
import { validateIdNumber } from "../../../core/id-number";
import { err, ok, type Problem, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { pointsDb } from "../points.tables";
import type { PointsPurpose } from "../points.scoring";
import { findApplication, type ApplicationRecord, type CycleRecord, type EnrolmentRecord } from "../repository";
import { audit, type CommandContext } from "../../../platform/commands/context";
import { refusal } from "./context";
import { computeScore, countingFacts, recordScore } from "./scores";
import { clock } from "../../../core/clock";

const reg = (article: string) => `中府〔2014〕106号 ${article}`;

/** What an application carries besides its purpose. */
export interface ApplicationInput {
  purpose: PointsPurpose;
  child?: { name: string; idNumber: string; grade: "primary_1" | "junior_1"; attended: "none" | "primary" | "junior" };
  /** The community the applicant lives in; its recorded position becomes the home of a school application. */
  communityId?: string;
  /** A home position on the city grid (metres), for integrators that geocode addresses themselves. */
  home?: { x: number; y: number };
  propertyKey?: string;
  householdKey?: string;
  conditions?: {
    insurancePaidLastMonth?: boolean;
    continuousWorkMonths?: number;
    ownsHomeInZhongshan?: boolean;
    lastOutOfPolicyBirthOn?: string;
  };
}

/** Family-planning bars of Reg. Art. 14 for hukou (para. 1) and housing (para. 2). */
function familyPlanningBar(
  purpose: PointsPurpose,
  facts: Record<string, unknown>,
  lastBirth: string | undefined,
  today: string,
): Problem | null {
  const children = typeof facts.out_of_policy_children === "number" ? facts.out_of_policy_children : 0;
  if (children === 0 || purpose === "school") return null;
  if (facts.out_of_policy_processing !== "fully") {
    return refusal(
      "family_planning_bar",
      "facts.out_of_policy_processing",
      "违反计划生育政策生育且夫妻一方未接受处理完毕，不能申请 (out-of-policy birth not fully dealt with)",
      reg(purpose === "hukou" ? "第十四条第一款" : "第十四条第二款"),
    );
  }
  if (purpose === "hukou") {
    if (!lastBirth || !isIsoDate(lastBirth))
      return refusal(
        "birth_date_required",
        "conditions.lastOutOfPolicyBirthOn",
        "请填写违法生育子女的出生日期 (date of the out-of-policy birth)",
        reg("第十四条第一款"),
      );
    if (lastBirth > addMonths(today, -60))
      return refusal(
        "family_planning_bar",
        "conditions.lastOutOfPolicyBirthOn",
        `违法生育行为未满五年（${lastBirth}），不能申请积分入户 (less than five years ago)`,
        reg("第十四条第一款"),
      );
  }
  return null;
}

/**
 * The home of an application that names a community: the community's recorded centre (Impl. Art. 9(3): places
 * are arranged by the nearest-school principle, 就近入学). The community must be one of the enrolment's 镇区, whose
 * schools the child is placed in, and its position must be recorded; naming a community and a position is refused.
 */
async function communityHome(
  trx: Trx,
  enrolment: EnrolmentRecord,
  input: ApplicationInput,
): Promise<Result<{ communityId: string | null; home: { x: number; y: number } | null }>> {
  if (input.communityId === undefined) return ok({ communityId: null, home: null });
  if (input.home)
    return err({
      code: "community_and_home",
      field: "communityId",
      message: "居住社区和坐标只能填写一项：请只选择社区 (give the community or a position, not both)",
    });
  const community = await trx
    .selectFrom("communities as c")
    .innerJoin("towns as t", "t.code", "c.town_code")
    .select(["c.id", "c.town_code", "c.x", "c.y", "t.name as town_name"])
    .where("c.id", "=", input.communityId)
    .executeTakeFirst();
  if (!community)
    return err({
      code: "unknown_community",
      field: "communityId",
      message: "没有该社区，请从列表中选择 (no such community)",
    });
  if (community.town_code !== enrolment.town_code) {
    const town = await trx
      .selectFrom("towns")
      .select("name")
      .where("code", "=", enrolment.town_code)
      .executeTakeFirst();
    return err(
      refusal(
        "community_outside_town",
        "communityId",
        `学位在积分登记的镇区安排，请选择${town?.name ?? enrolment.town_code}的社区 (choose a community of the enrolment's town)`,
        "中府办〔2014〕50号 第九条",
      ),
    );
  }
  if (community.x === null || community.y === null)
    return err({
      code: "community_not_located",
      field: "communityId",
      message: `该社区的位置尚未登记，暂不能按就近原则安排学位，请联系${community.town_name}办事员 (the community's position is not recorded yet)`,
    });
  return ok({ communityId: community.id, home: { x: community.x, y: community.y } });
}

/** Checks the conditions of the purpose against the enrolment, the facts that count and the declared conditions. */
function acceptanceProblem(
  enrolment: EnrolmentRecord,
  input: ApplicationInput,
  facts: Record<string, unknown>,
  today: string,
): Problem | null {
  const conditions = input.conditions ?? {};
  if (input.purpose === "school") {
    if (!input.child)
      return { code: "child_required", field: "child", message: "child: 积分入学须填写子女信息 (name the child)" };
    if (!input.home)
      return {
        code: "home_required",
        field: "communityId",
        message: "请选择居住的社区（村），用于按就近原则安排学位 (choose the community you live in)",
      };
    const attendedLevel = input.child.grade === "primary_1" ? "primary" : "junior";
    if (input.child.attended === attendedLevel || (attendedLevel === "primary" && input.child.attended === "junior")) {
      return refusal(
        "child_already_enrolled",
        "child.attended",
        `子女已入读${attendedLevel === "primary" ? "小学" : "初中"}，只能为未曾入读的适龄子女申请 (the child already attends)`,
        reg("第七条"),
      );
    }
  } else if (conditions.insurancePaidLastMonth !== true) {
    return refusal(
      "insurance_last_month",
      "conditions.insurancePaidLastMonth",
      "提出申请的上月须在中山市缴纳社会保险费 (insurance paid last month)",
      reg(input.purpose === "hukou" ? "第九条" : "第八条"),
    );
  }
  if (input.purpose === "housing" && conditions.ownsHomeInZhongshan === true) {
    return refusal(
      "owns_home",
      "conditions.ownsHomeInZhongshan",
      "本人及家庭成员在中山市有自有住房的，不能申请公租房 (owns a home in Zhongshan)",
      reg("第八条"),
    );
  }
  if (input.purpose === "hukou") {
    const age = ageInFullYears(enrolment.birth_date, today);
    const retirement = enrolment.gender === "female" ? 50 : 60;
    if (age < 16 || age >= retirement)
      return refusal(
        "working_age",
        "personId",
        `须在法定工作年龄内（16 至 ${retirement} 周岁，现 ${age} 周岁）(working age)`,
        reg("第九条"),
      );
    const property = facts.owns_qualifying_housing === true;
    if (!property && (conditions.continuousWorkMonths ?? 0) < 36) {
      return refusal(
        "property_or_three_years",
        "conditions.continuousWorkMonths",
        "须在中山有合法房产，或有合法职业连续满3年 (property or 3 years' continuous work)",
        reg("第九条"),
      );
    }
  }
  if (facts.owns_qualifying_housing === true && input.purpose !== "housing" && !input.propertyKey?.trim()) {
    return {
      code: "property_key_required",
      field: "propertyKey",
      message: "propertyKey: 计入房产积分的申请须填写房产证号（一处房产只支持一次成功申请）",
    };
  }
  return familyPlanningBar(input.purpose, facts, conditions.lastOutOfPolicyBirthOn, today);
}

/** Accepts an application after every check, scores it with the facts that count and records the first history row. */
export async function applyForPurpose(
  trx: Trx,
  context: CommandContext,
  enrolment: EnrolmentRecord,
  cycle: CycleRecord,
  input: ApplicationInput,
): Promise<Result<ApplicationRecord, Problem>> {
  const today = clock.today();
  if (enrolment.status === "barred")
    return err(
      refusal(
        "barred",
        "enrolmentId",
        "因弄虚作假已被永久取消积分申请资格 (permanently barred)",
        "中府办〔2014〕50号 第七条",
      ),
    );
  if (today < cycle.opens_on || today > cycle.closes_on) {
    return err(
      refusal(
        "outside_window",
        "cycleId",
        `本周期申请时间为 ${cycle.opens_on} 至 ${cycle.closes_on}，今天（${today}）不受理 (outside the application window)`,
        `${cycle.title}`,
      ),
    );
  }
  const db = pointsDb(trx);
  const twice = await db
    .selectFrom("points_applications")
    .select("id")
    .where("cycle_id", "=", cycle.id)
    .where("person_id", "=", enrolment.person_id)
    .where("purpose", "=", input.purpose)
    .executeTakeFirst();
  if (twice)
    return err(
      refusal(
        "duplicate_application",
        "purpose",
        "同一周期同一用途只能申请一次 (already applied for this purpose in this cycle)",
        `${cycle.title}`,
      ),
    );
  let childIdNumber: string | null = null;
  if (input.child) {
    const child = validateIdNumber(input.child.idNumber);
    if (!child.ok) return err({ ...child.error, field: "child.idNumber" });
    childIdNumber = child.value.idNumber;
    const other = await db
      .selectFrom("points_applications")
      .select("id")
      .where("cycle_id", "=", cycle.id)
      .where("purpose", "=", "school")
      .where("child_id_number", "=", childIdNumber)
      .executeTakeFirst();
    if (other)
      return err(
        refusal(
          "child_already_applied",
          "child.idNumber",
          "该子女本周期已由父母一方申请，只能使用一方积分 (the other parent already applied)",
          "中府办〔2014〕50号 第九条",
        ),
      );
  }
  const located = await communityHome(trx, enrolment, input);
  if (!located.ok) return located;
  const home = located.value.home ?? input.home;
  const facts = await countingFacts(trx, enrolment.id);
  const problem = acceptanceProblem(enrolment, { ...input, home }, facts, today);
  if (problem) return err(problem);
  const score = computeScore(cycle.policy_id, {
    purpose: input.purpose,
    town: enrolment.town_code,
    date: today,
    grade: input.child?.grade ?? null,
    facts,
  });
  if (!score.ok) return err(score.error);
  const row = await db
    .insertInto("points_applications")
    .values({
      cycle_id: cycle.id,
      enrolment_id: enrolment.id,
      person_id: enrolment.person_id,
      town_code: enrolment.town_code,
      purpose: input.purpose,
      child_name: input.child?.name.trim() ?? null,
      child_id_number: childIdNumber,
      grade: input.child?.grade ?? null,
      community_id: located.value.communityId,
      home_x: home?.x ?? null,
      home_y: home?.y ?? null,
      property_key: input.propertyKey?.trim() || null,
      household_key: input.householdKey?.trim() || null,
      conditions: JSON.stringify(input.conditions ?? {}),
      applied_at: new Date(),
      applied_on: today,
      status: "accepted",
      score_total: score.value.total,
      score_subscores: JSON.stringify(score.value.subscores),
      eligible: score.value.eligible,
      policy_id: cycle.policy_id,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordScore(trx, row.id, score.value, "申请受理");
  await audit(trx, context, {
    action: "points.apply",
    entityType: "points_application",
    entityId: row.id,
    townCode: enrolment.town_code,
    after: { cycleId: cycle.id, purpose: input.purpose, grade: input.child?.grade ?? null, total: score.value.total },
  });
  return ok((await findApplication(trx, row.id))!);
}
