/** Rows → API shapes of contracts and what follows them. */
import { fenToYuanString } from "../../core/money";
import type {
  ContractRecord,
  EvaluationRecord,
  ProgressReportRecord,
  RecommendationRecord,
  SurveyRecord,
} from "./contracts.repository";
import { surveyResults } from "./survey";

const hundredths = (value: number | null) => (value === null ? null : fenToYuanString(value));

/** The mean of scores in hundredths, half up; null without scores. */
export function meanHundredths(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const total = scores.reduce((sum, each) => sum + each, 0);
  return Math.floor((2 * total + scores.length) / (2 * scores.length));
}

export function presentContract(contract: ContractRecord) {
  const evidence = contract.improvementEvidence as { satisfaction?: number } | null;
  return {
    id: contract.id,
    needId: contract.needId,
    needTitle: contract.needTitle,
    departmentCode: contract.departmentCode,
    townCode: contract.townCode,
    vendorId: contract.vendorId,
    vendorName: contract.vendorName,
    amountYuan: fenToYuanString(contract.amountFen),
    indicators: contract.indicators,
    satisfactionThreshold: contract.satisfactionThreshold,
    signedOn: contract.signedOn,
    periodStart: contract.periodStart,
    periodEnd: contract.periodEnd,
    status: contract.status,
    improvement: contract.improvement,
    improvementAction: contract.improvementAction,
    improvementSatisfaction: hundredths(evidence?.satisfaction ?? null),
    milestones: contract.milestones,
  };
}

export function presentReport(report: ProgressReportRecord) {
  return { ...report, submittedAt: new Date(report.submittedAt).toISOString() };
}

export function presentRecommendation(recommendation: RecommendationRecord) {
  return {
    id: recommendation.id,
    contractId: recommendation.contractId,
    vendorName: recommendation.vendorName,
    kind: recommendation.kind,
    subjectName: recommendation.subjectName,
    townCode: recommendation.townCode,
    reason: recommendation.reason,
    status: recommendation.status,
    submittedAt: new Date(recommendation.submittedAt).toISOString(),
    decidedAt: recommendation.decidedAt ? new Date(recommendation.decidedAt).toISOString() : null,
    decisionNote: recommendation.decisionNote,
    referralId: recommendation.referralId,
    referralNote: recommendation.referralNote,
  };
}

export function presentEvaluation(evaluation: EvaluationRecord) {
  return {
    id: evaluation.id,
    stage: evaluation.stage,
    evaluator: evaluation.evaluator,
    evaluatorName: evaluation.evaluatorName,
    results: evaluation.results.map((each) => ({ ...each, score: fenToYuanString(each.score) })),
    score: fenToYuanString(evaluation.score),
    indicatorsMet: evaluation.indicatorsMet,
    satisfaction: hundredths(evaluation.satisfaction),
    answers: evaluation.answers,
    note: evaluation.note,
    recordedAt: new Date(evaluation.recordedAt).toISOString(),
  };
}

export function presentSurveyResults(survey: SurveyRecord, answers: readonly Record<string, number>[]) {
  const results = surveyResults(survey.questions, answers);
  return {
    surveyId: survey.id,
    closesOn: survey.closesOn,
    respondents: results.respondents,
    satisfaction: hundredths(results.satisfaction),
    questions: results.questions.map((each) => ({ ...each, satisfaction: hundredths(each.satisfaction) })),
  };
}
