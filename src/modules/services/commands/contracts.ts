/**
 * After the award: the officer signs the contract with indicators and milestones; the vendor reports progress with
 * evidence and recommends what needs a government decision (never decides it); the owning department decides;
 * the department or a third party evaluates (mid-term, final) with the people's satisfaction survey; indicators met
 * but satisfaction under the threshold flags "agreement needs improvement" until the department records its change.
 */
import { createHash } from "node:crypto";
import { clock } from "../../../core/clock";
import { isIsoDate } from "../../../core/dates";
import { validatePhone } from "../../../core/phone";
import { parsePointsResult } from "../../../core/points";
import { err, ok, type Problem, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { audit, isUniqueViolation, type CommandContext } from "../../../platform/commands/context";
import { checkAttachableFiles } from "../../../platform/files/files.commands";
import { forwardReferral, type ReferralDecision } from "../../../platform/referrals/referrals";
import { hasRole, townsWithRole, type Actor } from "../../../platform/roles";
import {
  contractEvaluations,
  findContract,
  findContractOfNeed,
  findRecommendation,
  findReport,
  surveyAnswers,
  surveyOfContract,
  type ContractRecord,
  type EvaluationRecord,
  type ProgressReportRecord,
  type RecommendationRecord,
  type SurveyRecord,
} from "../contracts.repository";
import type { NeedRecord } from "../repository";
import { DEFAULT_SURVEY_QUESTIONS, surveyResults } from "../survey";
import { servicesDb, type Indicator, type IndicatorResult, type SurveyQuestion } from "../tables";

function refuse(code: string, field: string, message: string): { ok: false; error: Problem } {
  return err({ code, field, message: `${field}: ${message}` });
}

function activeContract(contract: ContractRecord): Problem | undefined {
  if (contract.status === "active") return undefined;
  return {
    code: "contract_completed",
    field: "status",
    message: "status: 合同已完成终期评估 (the contract is completed after its final evaluation)",
  };
}

export interface ContractInput {
  signedOn?: string;
  indicators?: Indicator[];
  satisfactionThreshold?: number;
  milestones: { title: string; dueOn: string }[];
}

/** Signs the contract of an awarded need with its winner: amount = the winning price; indicators from the need. */
export async function signContract(
  trx: Trx,
  context: CommandContext,
  need: NeedRecord,
  input: ContractInput,
): Promise<Result<ContractRecord>> {
  if (need.status !== "awarded" || !need.winnerBidId)
    return refuse("not_awarded", "status", "该需求尚未评定中标 (the need has no award yet)");
  if (await findContractOfNeed(trx, need.id))
    return refuse("contract_exists", "need", "该需求已签订合同 (the need already has its contract)");
  const signedOn = input.signedOn ?? clock.today();
  if (!isIsoDate(signedOn)) return refuse("invalid_date", "signedOn", "须为 YYYY-MM-DD (must be a real date)");
  if (input.milestones.length === 0)
    return refuse("invalid_milestones", "milestones", "至少一个里程碑 (at least one milestone)");
  for (const [index, milestone] of input.milestones.entries()) {
    if (!milestone.title.trim())
      return refuse("invalid_milestones", `milestones.${index}.title`, "里程碑名称不能为空 (a title is required)");
    if (!isIsoDate(milestone.dueOn) || milestone.dueOn < need.periodStart || milestone.dueOn > need.periodEnd)
      return refuse(
        "invalid_milestones",
        `milestones.${index}.dueOn`,
        `须在服务期 ${need.periodStart}–${need.periodEnd} 内 (must fall within the service period)`,
      );
  }
  const bid = await servicesDb(trx)
    .selectFrom("services_bids")
    .select(["vendor_id", "price_fen"])
    .where("id", "=", need.winnerBidId)
    .executeTakeFirstOrThrow();
  const indicators = input.indicators ?? need.indicators;
  const db = servicesDb(trx);
  let id: string;
  try {
    id = (
      await db
        .insertInto("services_contracts")
        .values({
          need_id: need.id,
          vendor_id: bid.vendor_id,
          amount_fen: Number(bid.price_fen),
          indicators: JSON.stringify(indicators),
          satisfaction_threshold: input.satisfactionThreshold ?? 70,
          signed_on: signedOn,
          period_start: need.periodStart,
          period_end: need.periodEnd,
          created_by: context.actor.id,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  } catch (error) {
    if (isUniqueViolation(error, "services_contracts_one_per_need"))
      return refuse("contract_exists", "need", "该需求已签订合同 (the need already has its contract)");
    throw error;
  }
  await db
    .insertInto("services_milestones")
    .values(
      input.milestones.map((milestone, index) => ({
        contract_id: id,
        seq: index + 1,
        title: milestone.title.trim(),
        due_on: milestone.dueOn,
      })),
    )
    .execute();
  await audit(trx, context, {
    action: "services.contract.sign",
    entityType: "services_contract",
    entityId: id,
    townCode: need.townCode,
    after: {
      needId: need.id,
      vendorId: bid.vendor_id,
      amountFen: Number(bid.price_fen),
      signedOn,
      milestones: input.milestones,
    },
  });
  return ok((await findContract(trx, id))!);
}

/** The vendor reports progress, optionally on a milestone, with evidence files it uploaded. */
export async function submitProgress(
  trx: Trx,
  context: CommandContext,
  contract: ContractRecord,
  input: { milestoneSeq?: number | null; summary: string; fileIds?: string[] },
): Promise<Result<ProgressReportRecord>> {
  const inactive = activeContract(contract);
  if (inactive) return err(inactive);
  const summary = input.summary.trim();
  if (!summary) return refuse("invalid_summary", "summary", "进展说明不能为空 (the summary must not be empty)");
  const seq = input.milestoneSeq ?? null;
  if (seq !== null && !contract.milestones.some((each) => each.seq === seq))
    return refuse("unknown_milestone", "milestoneSeq", "合同没有该里程碑 (no such milestone in the contract)");
  const files = await checkAttachableFiles(trx, context.actor, input.fileIds ?? []);
  if (!files.ok) return files;
  const { id } = await servicesDb(trx)
    .insertInto("services_progress_reports")
    .values({
      contract_id: contract.id,
      milestone_seq: seq,
      summary,
      file_ids: input.fileIds ?? [],
      submitted_by: context.actor.id,
      submitted_at: clock.now(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await audit(trx, context, {
    action: "services.progress.submit",
    entityType: "services_contract",
    entityId: contract.id,
    townCode: contract.townCode,
    after: { reportId: id, milestoneSeq: seq, fileIds: input.fileIds ?? [] },
  });
  return ok((await findReport(trx, id))!);
}

/** The officer accepts a report (its milestone is then done, on today's date) or returns it with a note. */
export async function reviewProgress(
  trx: Trx,
  context: CommandContext,
  contract: ContractRecord,
  input: { reportId: string; accepted: boolean; note?: string },
): Promise<Result<ContractRecord>> {
  const report = await findReport(trx, input.reportId);
  if (!report || report.contractId !== contract.id)
    return refuse("unknown_report", "reportId", "该合同没有此进展报告 (no such report on this contract)");
  if (report.status !== "submitted")
    return refuse("report_reviewed", "reportId", "该报告已审阅 (the report is already reviewed)");
  const db = servicesDb(trx);
  await db
    .updateTable("services_progress_reports")
    .set({
      status: input.accepted ? "accepted" : "returned",
      review_note: input.note?.trim() ?? "",
      reviewed_by: context.actor.id,
      reviewed_at: clock.now(),
    })
    .where("id", "=", report.id)
    .execute();
  if (input.accepted && report.milestoneSeq !== null)
    await db
      .updateTable("services_milestones")
      .set({ done_on: clock.today() })
      .where("contract_id", "=", contract.id)
      .where("seq", "=", report.milestoneSeq)
      .where("done_on", "is", null)
      .execute();
  await audit(trx, context, {
    action: "services.progress.review",
    entityType: "services_contract",
    entityId: contract.id,
    townCode: contract.townCode,
    after: { reportId: report.id, accepted: input.accepted, note: input.note ?? "" },
  });
  return ok((await findContract(trx, contract.id))!);
}

/** The vendor recommends (e.g. that a household receives assistance); only the owning department decides. */
export async function recommend(
  trx: Trx,
  context: CommandContext,
  contract: ContractRecord,
  input: { kind: "assistance" | "other"; subjectName: string; townCode: string; reason: string },
): Promise<Result<RecommendationRecord>> {
  const inactive = activeContract(contract);
  if (inactive) return err(inactive);
  const subjectName = input.subjectName.trim();
  if (!subjectName) return refuse("invalid_name", "subjectName", "对象不能为空 (the subject must not be empty)");
  const reason = input.reason.trim();
  if (!reason) return refuse("invalid_reason", "reason", "须说明理由 (the reason must not be empty)");
  const db = servicesDb(trx);
  const town = await db.selectFrom("towns").select("code").where("code", "=", input.townCode).executeTakeFirst();
  if (!town) return refuse("unknown_town", "townCode", "未知的镇区 (unknown town)");
  const { id } = await db
    .insertInto("services_recommendations")
    .values({
      contract_id: contract.id,
      kind: input.kind,
      subject_name: subjectName,
      town_code: input.townCode,
      reason,
      submitted_by: context.actor.id,
      submitted_at: clock.now(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await audit(trx, context, {
    action: "services.recommendation.submit",
    entityType: "services_recommendation",
    entityId: id,
    townCode: input.townCode,
    after: { contractId: contract.id, kind: input.kind },
  });
  return ok((await findRecommendation(trx, id))!);
}

/**
 * Who decides a recommendation: the programme admin, or a clerk of the recommendation's 镇区 (assistance belongs to
 * the 镇区 office). A vendor never does, even one that somehow also holds the route's permission.
 */
export function mayDecideRecommendation(actor: Actor, recommendation: Pick<RecommendationRecord, "townCode">): boolean {
  if (hasRole(actor, "vendor")) return false;
  return hasRole(actor, "programme_admin") || townsWithRole(actor, "clerk").includes(recommendation.townCode);
}

/**
 * The owning department approves or rejects a pending recommendation; approval is what makes it take effect. An
 * assistance recommendation does not take effect here: approved, it is forwarded to the assistance module as a
 * pending referral (转介, through src/platform/referrals) and takes effect only when the 镇区's assistance desk
 * accepts it there; its status then follows the referral (`followReferral`).
 */
export async function decideRecommendation(
  trx: Trx,
  context: CommandContext,
  recommendation: RecommendationRecord,
  input: { approved: boolean; note?: string },
): Promise<Result<RecommendationRecord>> {
  if (recommendation.vendorAccountId === context.actor.id || !mayDecideRecommendation(context.actor, recommendation))
    return refuse(
      "vendor_cannot_decide",
      "approved",
      "服务机构不能审批本机构的建议，须由主管部门决定 (a vendor never approves; the owning department decides)",
    );
  if (recommendation.status !== "pending")
    return refuse("already_decided", "status", "该建议已有决定 (the recommendation is already decided)");
  const note = input.note?.trim() ?? "";
  const db = servicesDb(trx);
  if (input.approved && recommendation.kind === "assistance") {
    const forwarded = await forwardReferral(trx, context, {
      kind: "assistance",
      sourceModule: "services",
      sourceId: recommendation.id,
      sourceContractId: recommendation.contractId,
      sourceName: recommendation.vendorName,
      subjectName: recommendation.subjectName,
      subjectPersonId: null,
      townCode: recommendation.townCode,
      reason: recommendation.reason,
    });
    if (!forwarded.ok) return forwarded;
    await db
      .updateTable("services_recommendations")
      .set({
        status: "forwarded",
        referral_id: forwarded.value.referralId,
        decided_by: context.actor.id,
        decided_at: clock.now(),
        decision_note: note,
      })
      .where("id", "=", recommendation.id)
      .execute();
    await audit(trx, context, {
      action: "services.recommendation.forward",
      entityType: "services_recommendation",
      entityId: recommendation.id,
      townCode: recommendation.townCode,
      before: { status: recommendation.status },
      after: { status: "forwarded", referralId: forwarded.value.referralId, note },
    });
    return ok((await findRecommendation(trx, recommendation.id))!);
  }
  await db
    .updateTable("services_recommendations")
    .set({
      status: input.approved ? "approved" : "rejected",
      decided_by: context.actor.id,
      decided_at: clock.now(),
      decision_note: note,
    })
    .where("id", "=", recommendation.id)
    .execute();
  await audit(trx, context, {
    action: input.approved ? "services.recommendation.approve" : "services.recommendation.reject",
    entityType: "services_recommendation",
    entityId: recommendation.id,
    townCode: recommendation.townCode,
    before: { status: recommendation.status },
    after: { status: input.approved ? "approved" : "rejected", note: input.note ?? "" },
  });
  return ok((await findRecommendation(trx, recommendation.id))!);
}

/**
 * A forwarded recommendation follows its referral: accepted (with the case opened or linked) or declined (with
 * the reason). Registered from the manifest as the platform's listener of the services module's referrals; runs
 * in the assistance desk's transaction.
 */
export async function followReferral(trx: Trx, context: CommandContext, decision: ReferralDecision): Promise<void> {
  const outcome = decision.status === "accepted" ? (decision.caseNumber ?? "") : decision.note;
  const updated = await servicesDb(trx)
    .updateTable("services_recommendations")
    .set({ status: decision.status, referral_note: outcome })
    .where("id", "=", decision.sourceId)
    .where("referral_id", "=", decision.referralId)
    .where("status", "=", "forwarded")
    .returning(["town_code"])
    .executeTakeFirst();
  if (!updated) return;
  await audit(trx, context, {
    action: "services.recommendation.follow",
    entityType: "services_recommendation",
    entityId: decision.sourceId,
    townCode: updated.town_code,
    before: { status: "forwarded" },
    after: { status: decision.status, referralId: decision.referralId, outcome },
  });
}

/** Opens the satisfaction survey of a contract (the default four questions unless given). */
export async function openSurvey(
  trx: Trx,
  context: CommandContext,
  contract: ContractRecord,
  input: { questions?: SurveyQuestion[]; closesOn: string },
): Promise<Result<SurveyRecord>> {
  if (await surveyOfContract(trx, contract.id))
    return refuse("survey_exists", "contract", "该合同已开启满意度调查 (the contract already has its survey)");
  if (!isIsoDate(input.closesOn) || input.closesOn < clock.today())
    return refuse("invalid_date", "closesOn", "截止日不能早于今天 (the closing date must not be in the past)");
  const questions = input.questions ?? DEFAULT_SURVEY_QUESTIONS;
  if (questions.length === 0 || new Set(questions.map((each) => each.id)).size !== questions.length)
    return refuse("invalid_questions", "questions", "问题不能为空或重复 (questions must be present and distinct)");
  const { id } = await servicesDb(trx)
    .insertInto("services_surveys")
    .values({ contract_id: contract.id, questions: JSON.stringify(questions), closes_on: input.closesOn })
    .returning("id")
    .executeTakeFirstOrThrow();
  await audit(trx, context, {
    action: "services.survey.open",
    entityType: "services_contract",
    entityId: contract.id,
    townCode: contract.townCode,
    after: { surveyId: id, closesOn: input.closesOn, questions },
  });
  return ok((await surveyOfContract(trx, contract.id))!);
}

/** A person served answers once (keyed by a hash of the mobile number, never stored in clear). */
export async function answerSurvey(
  trx: Trx,
  context: CommandContext<Actor | null>,
  survey: SurveyRecord,
  input: { phone: string; answers: Record<string, number> },
): Promise<Result<{ surveyId: string; answered: true }>> {
  if (clock.today() > survey.closesOn)
    return refuse("survey_closed", "closesOn", `调查已于 ${survey.closesOn} 结束 (the survey closed)`);
  const phone = validatePhone(input.phone, "phone");
  if (!phone.ok) return phone;
  for (const question of survey.questions) {
    const value = input.answers[question.id];
    if (!Number.isInteger(value) || value < 1 || value > 5)
      return refuse("invalid_answer", `answers.${question.id}`, "请选择1–5 (choose 1 to 5)");
  }
  const unknown = Object.keys(input.answers).find((key) => !survey.questions.some((each) => each.id === key));
  if (unknown) return refuse("invalid_answer", `answers.${unknown}`, "未知问题 (unknown question)");
  const respondentHash = createHash("sha256").update(`${survey.id}:${phone.value}`).digest("hex");
  try {
    await servicesDb(trx)
      .insertInto("services_survey_answers")
      .values({
        survey_id: survey.id,
        respondent_hash: respondentHash,
        answers: JSON.stringify(input.answers),
        answered_at: clock.now(),
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error, "services_survey_answers_pkey"))
      return refuse("already_answered", "phone", "该号码已作答，每人一次 (one answer per person)");
    throw error;
  }
  await audit(trx, context, {
    action: "services.survey.answer",
    entityType: "services_survey",
    entityId: survey.id,
    townCode: null,
  });
  return ok({ surveyId: survey.id, answered: true });
}

export interface EvaluationInput {
  stage: "mid" | "final";
  evaluator: "department" | "third_party";
  evaluatorName: string;
  results: { name: string; actual: string; met: boolean; score: number }[];
  note?: string;
}

/**
 * Records a mid-term or final evaluation: one result per contract indicator, each scored 0–100; the score is their
 * mean (hundredths, half up). The survey's satisfaction so far is taken with it; indicators all met and
 * satisfaction under the threshold flags the contract. The final evaluation completes the contract.
 */
export async function recordEvaluation(
  trx: Trx,
  context: CommandContext,
  contract: ContractRecord,
  input: EvaluationInput,
): Promise<Result<EvaluationRecord>> {
  const inactive = activeContract(contract);
  if (inactive) return err(inactive);
  const evaluations = await contractEvaluations(trx, contract.id);
  if (evaluations.some((each) => each.stage === input.stage))
    return refuse("evaluation_exists", "stage", "该阶段已评估 (this stage is already evaluated)");
  const evaluatorName = input.evaluatorName.trim();
  if (!evaluatorName) return refuse("invalid_name", "evaluatorName", "须填写评估单位 (name the evaluator)");
  const results: IndicatorResult[] = [];
  for (const [index, indicator] of contract.indicators.entries()) {
    const given = input.results.find((each) => each.name === indicator.name);
    if (!given)
      return refuse("invalid_results", `results.${index}`, `缺少指标"${indicator.name}" (an indicator is missing)`);
    const score = parsePointsResult(given.score, `results.${index}.score`);
    if (!score.ok || score.value < 0 || score.value > 10000)
      return refuse("invalid_score", `results.${index}.score`, "评分须为0–100 (a score is 0–100)");
    results.push({ ...indicator, actual: given.actual.trim(), met: given.met, score: score.value });
  }
  const extra = input.results.find((each) => !contract.indicators.some((indicator) => indicator.name === each.name));
  if (extra) return refuse("invalid_results", "results", `合同没有指标"${extra.name}" (no such indicator)`);
  const total = results.reduce((sum, each) => sum + each.score, 0);
  const score = results.length === 0 ? 0 : Math.floor((2 * total + results.length) / (2 * results.length));
  const indicatorsMet = results.every((each) => each.met);
  const survey = await surveyOfContract(trx, contract.id);
  const survey_results = survey ? surveyResults(survey.questions, await surveyAnswers(trx, survey.id)) : null;
  const satisfaction = survey_results?.satisfaction ?? null;
  const db = servicesDb(trx);
  const { id } = await db
    .insertInto("services_evaluations")
    .values({
      contract_id: contract.id,
      stage: input.stage,
      evaluator: input.evaluator,
      evaluator_name: evaluatorName,
      results: JSON.stringify(results),
      score,
      indicators_met: indicatorsMet,
      satisfaction,
      answers: survey_results?.respondents ?? 0,
      note: input.note?.trim() ?? "",
      recorded_by: context.actor.id,
      recorded_at: clock.now(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const flag = indicatorsMet && satisfaction !== null && satisfaction < contract.satisfactionThreshold * 100;
  await db
    .updateTable("services_contracts")
    .set({
      ...(input.stage === "final" ? { status: "completed" } : {}),
      ...(flag
        ? {
            improvement: "flagged",
            improvement_evidence: JSON.stringify({
              evaluationId: id,
              stage: input.stage,
              satisfaction,
              threshold: contract.satisfactionThreshold,
              survey: survey_results,
            }),
            improvement_action: null,
          }
        : {}),
    })
    .where("id", "=", contract.id)
    .execute();
  await audit(trx, context, {
    action: "services.evaluation.record",
    entityType: "services_contract",
    entityId: contract.id,
    townCode: contract.townCode,
    after: { stage: input.stage, score, indicatorsMet, satisfaction, needsImprovement: flag },
  });
  return ok((await contractEvaluations(trx, contract.id)).find((each) => each.id === id)!);
}

/** The department records what it changes in the agreement after the "needs improvement" flag. */
export async function recordImprovement(
  trx: Trx,
  context: CommandContext,
  contract: ContractRecord,
  input: { action: string },
): Promise<Result<ContractRecord>> {
  if (contract.improvement !== "flagged")
    return refuse("not_flagged", "improvement", "该合同未被标记为需改进 (the contract is not flagged)");
  const action = input.action.trim();
  if (!action) return refuse("invalid_action", "action", "须说明改进措施 (describe the change)");
  await servicesDb(trx)
    .updateTable("services_contracts")
    .set({ improvement: "addressed", improvement_action: action })
    .where("id", "=", contract.id)
    .execute();
  await audit(trx, context, {
    action: "services.contract.improve",
    entityType: "services_contract",
    entityId: contract.id,
    townCode: contract.townCode,
    before: { improvement: "flagged" },
    after: { improvement: "addressed", action },
  });
  return ok((await findContract(trx, contract.id))!);
}
