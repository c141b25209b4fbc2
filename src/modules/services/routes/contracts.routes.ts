/**
 * Contract routes: sign (officer), the vendor's and officers' contract pages, progress reports and their review,
 * recommendations and the department's decision, evaluations, the satisfaction survey (public form, one answer per
 * person) and the "needs improvement" follow-up.
 */
import { clock } from "../../../core/clock";
import { inTransactionWhenOk, type Executor } from "../../../db/transaction";
import { commandContext, sendRefusal } from "../../../platform/http/command-reply";
import { sendPaymentFile } from "../../../platform/payments/payment-file";
import { exportServicesPaymentFile } from "../payment-file";
import { defineRoute, type AnyRoute } from "../../../platform/http/route";
import { hasRole, type Actor } from "../../../platform/roles";
import {
  answerSurvey,
  decideRecommendation,
  mayDecideRecommendation,
  openSurvey,
  recommend,
  recordEvaluation,
  recordImprovement,
  reviewProgress,
  signContract,
  submitProgress,
} from "../commands/contracts";
import { payContract } from "../commands/payments";
import { contractPaymentsView } from "../payments";
import {
  contractEvaluations,
  contractReports,
  findContract,
  findRecommendation,
  findSurvey,
  listContracts,
  listRecommendations,
  surveyAnswers,
  surveyOfContract,
  vendorFinalScores,
  type ContractRecord,
} from "../contracts.repository";
import {
  meanHundredths,
  presentContract,
  presentEvaluation,
  presentRecommendation,
  presentReport,
  presentSurveyResults,
} from "../contracts.presenters";
import { fenToYuanString } from "../../../core/money";
import { findNeed, findVendor, findVendorOfAccount } from "../repository";
import {
  ContractDetailResponse,
  ContractPaymentsResponse,
  ContractResponse,
  ContractsResponse,
  EvaluationResponse,
  PastPerformanceResponse,
  ProgressReportResponse,
  PublicSurveyResponse,
  RecommendationResponse,
  RecommendationsResponse,
  SurveyAnsweredResponse,
  SurveyResultsResponse,
} from "../responses";
import {
  ContractBody,
  ContractPaymentBody,
  DecisionBody,
  EvaluationBody,
  IdParams,
  ImprovementBody,
  ProgressBody,
  ProgressReviewBody,
  RecommendationBody,
  RecommendationQuery,
  SurveyAnswerBody,
  SurveyBody,
  ServicesPaymentFileBody,
} from "../schemas";

const tags = ["services"];

/** Officers and auditors see every contract; a vendor only its own. */
function seesContract(actor: Actor, contract: ContractRecord): boolean {
  if (hasRole(actor, "programme_admin") || hasRole(actor, "auditor")) return true;
  return contract.vendorAccountId === actor.id;
}

const contractTarget = {
  resource: "servicesContract",
  load: (executor: Executor, { params }: { params: { id: string } }) => findContract(executor, params.id),
  inScope: seesContract,
};
const ownContractTarget = {
  resource: "servicesContract",
  load: (executor: Executor, { params }: { params: { id: string } }) => findContract(executor, params.id),
  inScope: (actor: Actor, contract: ContractRecord) => contract.vendorAccountId === actor.id,
};
const needTarget = {
  resource: "servicesNeed",
  load: (executor: Executor, { params }: { params: { id: string } }) => findNeed(executor, params.id),
};

async function contractDetail(executor: Executor, contract: ContractRecord) {
  const survey = await surveyOfContract(executor, contract.id);
  return {
    contract: presentContract(contract),
    reports: (await contractReports(executor, contract.id)).map(presentReport),
    recommendations: (await listRecommendations(executor, { contractId: contract.id })).map(presentRecommendation),
    evaluations: (await contractEvaluations(executor, contract.id)).map(presentEvaluation),
    survey: survey ? presentSurveyResults(survey, await surveyAnswers(executor, survey.id)) : null,
    payments: await contractPaymentsView(executor, contract),
  };
}

export const contractRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "POST",
    url: "/services/needs/:id/contract",
    summary: {
      zh: "与中标机构签订合同（指标、里程碑）",
      en: "Sign the contract with the winner (indicators, milestones)",
    },
    tags,
    permission: "services.contracts.manage",
    params: IdParams,
    body: ContractBody,
    target: needTarget,
    response: { 201: ContractResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) =>
        signContract(trx, commandContext(request, actor), (await findNeed(trx, params.id))!, body),
      ),
    present: (contract) => presentContract(contract),
  }),
  defineRoute({
    method: "GET",
    url: "/services/contracts",
    summary: { zh: "服务合同（机构只见本机构）", en: "Service contracts (a vendor sees its own)" },
    tags,
    permission: "services.contracts.read",
    response: { 200: ContractsResponse },
    handler: async ({ db, actor }) => {
      if (hasRole(actor, "programme_admin") || hasRole(actor, "auditor"))
        return { items: (await listContracts(db)).map(presentContract) };
      const vendor = await findVendorOfAccount(db, actor.id);
      return { items: vendor ? (await listContracts(db, vendor.id)).map(presentContract) : [] };
    },
  }),
  defineRoute({
    method: "GET",
    url: "/services/contracts/:id",
    summary: {
      zh: "合同详情：进展、建议、评估、满意度",
      en: "A contract with reports, recommendations, evaluations, survey",
    },
    tags,
    permission: "services.contracts.read",
    params: IdParams,
    target: contractTarget,
    response: { 200: ContractDetailResponse },
    handler: ({ db, target }) => contractDetail(db, target),
  }),
  defineRoute({
    method: "POST",
    url: "/services/contracts/:id/reports",
    summary: { zh: "机构报告进展（附证明材料）", en: "The vendor reports progress with evidence" },
    tags,
    permission: "services.contracts.report",
    params: IdParams,
    body: ProgressBody,
    target: ownContractTarget,
    response: { 201: ProgressReportResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) =>
        submitProgress(trx, commandContext(request, actor), (await findContract(trx, params.id))!, body),
      ),
    present: (report) => presentReport(report),
  }),
  defineRoute({
    method: "POST",
    url: "/services/contracts/:id/report-reviews",
    summary: { zh: "审阅进展报告（通过则里程碑完成）", en: "Accept or return a progress report" },
    tags,
    permission: "services.contracts.manage",
    params: IdParams,
    body: ProgressReviewBody,
    target: contractTarget,
    response: { 200: ContractResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) =>
        reviewProgress(trx, commandContext(request, actor), (await findContract(trx, params.id))!, body),
      ),
    present: (contract) => presentContract(contract),
  }),
  defineRoute({
    method: "GET",
    url: "/services/contracts/:id/payments",
    summary: {
      zh: "合同付款计划和已付款项（按里程碑、尾款）",
      en: "A contract's payment schedule and payments (by milestone, then final)",
    },
    tags,
    permission: "services.contracts.read",
    params: IdParams,
    target: contractTarget,
    response: { 200: ContractPaymentsResponse },
    handler: ({ db, target }) => contractPaymentsView(db, target),
  }),
  defineRoute({
    method: "POST",
    url: "/services/contracts/:id/payments",
    summary: {
      zh: "支付合同款：里程碑报告通过后付该期，终期评估后付尾款，累计不超过合同金额",
      en: "Pay a contract: a milestone after its accepted report, the rest after the final evaluation, never beyond the amount",
    },
    tags,
    permission: "services.contracts.pay",
    params: IdParams,
    body: ContractPaymentBody,
    target: contractTarget,
    response: { 201: ContractPaymentsResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, (trx) => payContract(trx, commandContext(request, actor), params.id, body)),
    present: async (_paid, { db, params }) => contractPaymentsView(db, (await findContract(db, params.id))!),
  }),
  defineRoute({
    method: "POST",
    url: "/services/payment-file",
    summary: {
      zh: "导出合同付款的拨付文件（期间内、可选合同；CSV 或 XLSX，记录导出并记入审计；因此是 POST）",
      en: "Export the bank payment file of contract payments in a period, optionally of chosen contracts (CSV or XLSX; audited, hence a POST)",
    },
    tags,
    permission: "services.contracts.pay",
    body: ServicesPaymentFileBody,
    response: { 200: { mediaType: "text/csv", description: "the payment file (CSV, or XLSX with format xlsx)" } },
    handler: async ({ db, request, reply, actor, body }) => {
      const exported = await inTransactionWhenOk(db, (trx) =>
        exportServicesPaymentFile(trx, commandContext(request, actor), body),
      );
      if (!exported.ok) return sendRefusal(reply, exported.error);
      return sendPaymentFile(reply, {
        name: `购买服务拨付文件-${body.from}至${body.to}`,
        fallback: `services-payments-${body.from}-${body.to}`,
        format: exported.value.format,
        body: exported.value.file,
      });
    },
  }),
  defineRoute({
    method: "POST",
    url: "/services/contracts/:id/recommendations",
    summary: {
      zh: "机构提出建议（如建议救助），由主管部门审批",
      en: "The vendor recommends (e.g. assistance); the owning department decides",
    },
    tags,
    permission: "services.contracts.report",
    params: IdParams,
    body: RecommendationBody,
    target: ownContractTarget,
    response: { 201: RecommendationResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) =>
        recommend(trx, commandContext(request, actor), (await findContract(trx, params.id))!, body),
      ),
    present: (recommendation) => presentRecommendation(recommendation),
  }),
  defineRoute({
    method: "GET",
    url: "/services/recommendations",
    summary: { zh: "待主管部门决定的机构建议（转介）", en: "Vendors' recommendations for the owning department" },
    tags,
    permission: "services.recommendations.decide",
    querystring: RecommendationQuery,
    response: { 200: RecommendationsResponse },
    handler: async ({ db, actor, query }) => ({
      items: (await listRecommendations(db, { status: query.status }))
        .filter((each) => mayDecideRecommendation(actor, each))
        .map(presentRecommendation),
    }),
  }),
  defineRoute({
    method: "POST",
    url: "/services/recommendations/:id/decision",
    summary: { zh: "主管部门批准或驳回建议", en: "The owning department approves or rejects" },
    tags,
    permission: "services.recommendations.decide",
    params: IdParams,
    body: DecisionBody,
    target: {
      resource: "servicesRecommendation",
      load: (executor: Executor, { params }: { params: { id: string } }) => findRecommendation(executor, params.id),
      inScope: (actor, recommendation) => mayDecideRecommendation(actor, recommendation),
    },
    response: { 200: RecommendationResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) =>
        decideRecommendation(trx, commandContext(request, actor), (await findRecommendation(trx, params.id))!, body),
      ),
    present: (recommendation) => presentRecommendation(recommendation),
  }),
  defineRoute({
    method: "POST",
    url: "/services/contracts/:id/survey",
    summary: { zh: "开启服务对象满意度调查", en: "Open the satisfaction survey of the people served" },
    tags,
    permission: "services.contracts.manage",
    params: IdParams,
    body: SurveyBody,
    target: contractTarget,
    response: { 201: SurveyResultsResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) =>
        openSurvey(trx, commandContext(request, actor), (await findContract(trx, params.id))!, body),
      ),
    present: (survey) => presentSurveyResults(survey, []),
  }),
  defineRoute({
    method: "GET",
    url: "/services/surveys/:id",
    summary: { zh: "满意度调查问卷（公开链接）", en: "A satisfaction survey's questions (public link)" },
    tags,
    permission: "public",
    params: IdParams,
    target: {
      resource: "servicesSurvey",
      load: (executor: Executor, { params }: { params: { id: string } }) => findSurvey(executor, params.id),
    },
    response: { 200: PublicSurveyResponse },
    handler: async ({ db, target }) => {
      const contract = (await findContract(db, target.contractId))!;
      return {
        surveyId: target.id,
        needTitle: contract.needTitle,
        vendorName: contract.vendorName,
        closesOn: target.closesOn,
        open: clock.today() <= target.closesOn,
        questions: target.questions,
      };
    },
  }),
  defineRoute({
    method: "POST",
    url: "/services/surveys/:id/answers",
    summary: { zh: "作答满意度调查（每人一次）", en: "Answer the survey (once per person)" },
    tags,
    permission: "public",
    params: IdParams,
    body: SurveyAnswerBody,
    target: {
      resource: "servicesSurvey",
      load: (executor: Executor, { params }: { params: { id: string } }) => findSurvey(executor, params.id),
    },
    response: { 201: SurveyAnsweredResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) =>
        answerSurvey(
          trx,
          { actor, requestId: request.id, username: actor ? undefined : "public" },
          (await findSurvey(trx, params.id))!,
          body,
        ),
      ),
    present: (value) => value,
  }),
  defineRoute({
    method: "POST",
    url: "/services/contracts/:id/evaluations",
    summary: { zh: "中期或终期评估（含满意度）", en: "Record the mid-term or final evaluation" },
    tags,
    permission: "services.contracts.manage",
    params: IdParams,
    body: EvaluationBody,
    target: contractTarget,
    response: { 201: EvaluationResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) =>
        recordEvaluation(trx, commandContext(request, actor), (await findContract(trx, params.id))!, body),
      ),
    present: (evaluation) => presentEvaluation(evaluation),
  }),
  defineRoute({
    method: "POST",
    url: "/services/contracts/:id/improvement",
    summary: { zh: "记录协议改进措施", en: "Record what the department changes in the agreement" },
    tags,
    permission: "services.contracts.manage",
    params: IdParams,
    body: ImprovementBody,
    target: contractTarget,
    response: { 200: ContractResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) =>
        recordImprovement(trx, commandContext(request, actor), (await findContract(trx, params.id))!, body),
      ),
    present: (contract) => presentContract(contract),
  }),
  defineRoute({
    method: "GET",
    url: "/services/vendors/:id/performance",
    summary: { zh: "机构以往履约评分（终期评估）", en: "A vendor's past performance (final evaluations)" },
    tags,
    permission: "services.performance.read",
    params: IdParams,
    target: {
      resource: "servicesVendor",
      load: (executor: Executor, { params }: { params: { id: string } }) => findVendor(executor, params.id),
    },
    response: { 200: PastPerformanceResponse },
    handler: async ({ db, target }) => {
      const scores = await vendorFinalScores(db, target.id);
      const mean = meanHundredths(scores);
      return {
        vendorId: target.id,
        finalScores: scores.map(fenToYuanString),
        mean: mean === null ? null : fenToYuanString(mean),
      };
    },
  }),
];
