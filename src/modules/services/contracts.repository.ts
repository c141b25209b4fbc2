/** Queries of contracts, milestones, progress reports, recommendations, evaluations and surveys. */
import type { Executor } from "../../db/transaction";
import { servicesDb, type Indicator, type IndicatorResult, type SurveyQuestion } from "./tables";

const uuid = /^[0-9a-f-]{36}$/i;

export interface MilestoneRecord {
  seq: number;
  title: string;
  dueOn: string;
  doneOn: string | null;
}

export interface ContractRecord {
  id: string;
  needId: string;
  needTitle: string;
  departmentCode: string;
  townCode: string;
  vendorId: string;
  vendorName: string;
  vendorAccountId: string;
  amountFen: number;
  indicators: Indicator[];
  satisfactionThreshold: number;
  signedOn: string;
  periodStart: string;
  periodEnd: string;
  status: "active" | "completed";
  improvement: "flagged" | "addressed" | null;
  improvementEvidence: unknown;
  improvementAction: string | null;
  milestones: MilestoneRecord[];
}

function contractQuery(executor: Executor) {
  return servicesDb(executor)
    .selectFrom("services_contracts as c")
    .innerJoin("services_needs as n", "n.id", "c.need_id")
    .innerJoin("services_vendors as v", "v.id", "c.vendor_id")
    .select([
      "c.id",
      "c.need_id as needId",
      "n.title as needTitle",
      "n.department_code as departmentCode",
      "n.town_code as townCode",
      "c.vendor_id as vendorId",
      "v.name as vendorName",
      "v.account_id as vendorAccountId",
      "c.amount_fen as amountFen",
      "c.indicators",
      "c.satisfaction_threshold as satisfactionThreshold",
      "c.signed_on as signedOn",
      "c.period_start as periodStart",
      "c.period_end as periodEnd",
      "c.status",
      "c.improvement",
      "c.improvement_evidence as improvementEvidence",
      "c.improvement_action as improvementAction",
    ]);
}

type ContractRow = Awaited<ReturnType<ReturnType<typeof contractQuery>["executeTakeFirstOrThrow"]>>;

async function withMilestones(executor: Executor, rows: ContractRow[]): Promise<ContractRecord[]> {
  if (rows.length === 0) return [];
  const milestones = await servicesDb(executor)
    .selectFrom("services_milestones")
    .select(["contract_id as contractId", "seq", "title", "due_on as dueOn", "done_on as doneOn"])
    .where(
      "contract_id",
      "in",
      rows.map((row) => row.id),
    )
    .orderBy("seq")
    .execute();
  return rows.map((row) => ({
    ...row,
    amountFen: Number(row.amountFen),
    status: row.status as ContractRecord["status"],
    improvement: row.improvement as ContractRecord["improvement"],
    milestones: milestones
      .filter((each) => each.contractId === row.id)
      .map(({ contractId: _contractId, ...rest }) => rest),
  }));
}

export async function findContract(executor: Executor, id: string): Promise<ContractRecord | undefined> {
  if (!uuid.test(id)) return undefined;
  const row = await contractQuery(executor).where("c.id", "=", id).executeTakeFirst();
  return row ? (await withMilestones(executor, [row]))[0] : undefined;
}

export async function findContractOfNeed(executor: Executor, needId: string): Promise<ContractRecord | undefined> {
  const row = await contractQuery(executor).where("c.need_id", "=", needId).executeTakeFirst();
  return row ? (await withMilestones(executor, [row]))[0] : undefined;
}

/** Every contract (officers), or one vendor's (vendorId given), newest first. */
export async function listContracts(executor: Executor, vendorId?: string): Promise<ContractRecord[]> {
  let query = contractQuery(executor);
  if (vendorId) query = query.where("c.vendor_id", "=", vendorId);
  return withMilestones(executor, await query.orderBy("c.signed_on", "desc").orderBy("c.id").execute());
}

export interface ProgressReportRecord {
  id: string;
  contractId: string;
  milestoneSeq: number | null;
  summary: string;
  fileIds: string[];
  submittedAt: Date;
  status: string;
  reviewNote: string;
}

export async function contractReports(executor: Executor, contractId: string): Promise<ProgressReportRecord[]> {
  return servicesDb(executor)
    .selectFrom("services_progress_reports")
    .select([
      "id",
      "contract_id as contractId",
      "milestone_seq as milestoneSeq",
      "summary",
      "file_ids as fileIds",
      "submitted_at as submittedAt",
      "status",
      "review_note as reviewNote",
    ])
    .where("contract_id", "=", contractId)
    .orderBy("submitted_at")
    .orderBy("id")
    .execute();
}

export async function findReport(executor: Executor, id: string): Promise<ProgressReportRecord | undefined> {
  if (!uuid.test(id)) return undefined;
  return servicesDb(executor)
    .selectFrom("services_progress_reports")
    .select([
      "id",
      "contract_id as contractId",
      "milestone_seq as milestoneSeq",
      "summary",
      "file_ids as fileIds",
      "submitted_at as submittedAt",
      "status",
      "review_note as reviewNote",
    ])
    .where("id", "=", id)
    .executeTakeFirst();
}

export interface RecommendationRecord {
  id: string;
  contractId: string;
  vendorAccountId: string;
  vendorName: string;
  kind: string;
  subjectName: string;
  townCode: string;
  reason: string;
  status: RecommendationStatus;
  submittedAt: Date;
  decidedAt: Date | null;
  decisionNote: string;
  referralId: string | null;
  referralNote: string;
}

/**
 * pending → approved | rejected; an assistance recommendation the department approves is forwarded to the
 * assistance module instead (forwarded), then follows the referral there (accepted | declined).
 */
export type RecommendationStatus = "pending" | "approved" | "rejected" | "forwarded" | "accepted" | "declined";

function recommendationQuery(executor: Executor) {
  return servicesDb(executor)
    .selectFrom("services_recommendations as r")
    .innerJoin("services_contracts as c", "c.id", "r.contract_id")
    .innerJoin("services_vendors as v", "v.id", "c.vendor_id")
    .select([
      "r.id",
      "r.contract_id as contractId",
      "v.account_id as vendorAccountId",
      "v.name as vendorName",
      "r.kind",
      "r.subject_name as subjectName",
      "r.town_code as townCode",
      "r.reason",
      "r.status",
      "r.submitted_at as submittedAt",
      "r.decided_at as decidedAt",
      "r.decision_note as decisionNote",
      "r.referral_id as referralId",
      "r.referral_note as referralNote",
    ]);
}

const toRecommendation = (row: Omit<RecommendationRecord, "status"> & { status: string }): RecommendationRecord => ({
  ...row,
  status: row.status as RecommendationRecord["status"],
});

export async function findRecommendation(executor: Executor, id: string): Promise<RecommendationRecord | undefined> {
  if (!uuid.test(id)) return undefined;
  const row = await recommendationQuery(executor).where("r.id", "=", id).executeTakeFirst();
  return row ? toRecommendation(row) : undefined;
}

export async function listRecommendations(
  executor: Executor,
  filter: { contractId?: string; status?: string },
): Promise<RecommendationRecord[]> {
  let query = recommendationQuery(executor);
  if (filter.contractId) query = query.where("r.contract_id", "=", filter.contractId);
  if (filter.status) query = query.where("r.status", "=", filter.status);
  return (await query.orderBy("r.submitted_at").orderBy("r.id").execute()).map(toRecommendation);
}

export interface EvaluationRecord {
  id: string;
  contractId: string;
  stage: "mid" | "final";
  evaluator: "department" | "third_party";
  evaluatorName: string;
  results: IndicatorResult[];
  score: number;
  indicatorsMet: boolean;
  satisfaction: number | null;
  answers: number;
  note: string;
  recordedAt: Date;
}

export async function contractEvaluations(executor: Executor, contractId: string): Promise<EvaluationRecord[]> {
  const rows = await servicesDb(executor)
    .selectFrom("services_evaluations")
    .select([
      "id",
      "contract_id as contractId",
      "stage",
      "evaluator",
      "evaluator_name as evaluatorName",
      "results",
      "score",
      "indicators_met as indicatorsMet",
      "satisfaction",
      "answers",
      "note",
      "recorded_at as recordedAt",
    ])
    .where("contract_id", "=", contractId)
    .orderBy("recorded_at")
    .execute();
  return rows.map((row) => ({
    ...row,
    stage: row.stage as EvaluationRecord["stage"],
    evaluator: row.evaluator as EvaluationRecord["evaluator"],
  }));
}

/**
 * A vendor's past performance: the final-evaluation scores of its contracts (hundredths), oldest first. Reviewers
 * see it beside the "past performance" criterion and the qualification review.
 */
export async function vendorFinalScores(executor: Executor, vendorId: string): Promise<number[]> {
  const rows = await servicesDb(executor)
    .selectFrom("services_evaluations as e")
    .innerJoin("services_contracts as c", "c.id", "e.contract_id")
    .select(["e.score"])
    .where("c.vendor_id", "=", vendorId)
    .where("e.stage", "=", "final")
    .orderBy("e.recorded_at")
    .execute();
  return rows.map((row) => row.score);
}

export interface SurveyRecord {
  id: string;
  contractId: string;
  questions: SurveyQuestion[];
  closesOn: string;
}

export async function findSurvey(executor: Executor, id: string): Promise<SurveyRecord | undefined> {
  if (!uuid.test(id)) return undefined;
  return servicesDb(executor)
    .selectFrom("services_surveys")
    .select(["id", "contract_id as contractId", "questions", "closes_on as closesOn"])
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function surveyOfContract(executor: Executor, contractId: string): Promise<SurveyRecord | undefined> {
  return servicesDb(executor)
    .selectFrom("services_surveys")
    .select(["id", "contract_id as contractId", "questions", "closes_on as closesOn"])
    .where("contract_id", "=", contractId)
    .executeTakeFirst();
}

export async function surveyAnswers(executor: Executor, surveyId: string): Promise<Record<string, number>[]> {
  const rows = await servicesDb(executor)
    .selectFrom("services_survey_answers")
    .select("answers")
    .where("survey_id", "=", surveyId)
    .execute();
  return rows.map((row) => row.answers);
}
