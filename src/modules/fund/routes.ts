/** The fund module's route table (mounted under /api/v1). */
import { clock } from "../../core/clock";
import { fenToYuanString } from "../../core/money";
import { inTransaction, inTransactionWhenOk, type Executor } from "../../db/transaction";
import { sendNotFound } from "../../platform/http/request-context";
import { commandContext } from "../../platform/http/command-reply";
import { defineRoute, type AnyRoute } from "../../platform/http/route";
import {
  allocateCall,
  assignReviewers,
  declareConflict,
  openCall,
  recordPayment,
  reviewReport,
  scoreApplication,
  setCallDeadlines,
  submitApplication,
  submitReport,
} from "./commands";
import { findList } from "../../platform/publicity/publicity.lists";
import { exportCallPaymentFile } from "./payment-file";
import { sendPaymentFile } from "../../platform/payments/payment-file";
import { presentApplication, presentCall, presentPublicResult, presentReport } from "./presenters";
import {
  applicationPayments,
  applicationReports,
  applicationsOfAccount,
  callReviews,
  conflictPairs,
  findApplication,
  findCall,
  listApplications,
  listCalls,
  reviewerAssignments,
  reviewerConflicts,
  type ApplicationRecord,
} from "./repository";
import { hasRole, type Actor } from "../../platform/roles";
import {
  AllocateBody,
  ApplicationBody,
  ApplicationResponse,
  ApplicationsResponse,
  AssignBody,
  CallBody,
  CallResponse,
  CallsResponse,
  ConflictBody,
  DeadlinesBody,
  ConflictResponse,
  IdParams,
  PaymentBody,
  PaymentFileBody,
  PublicResultsResponse,
  ResultsResponse,
  ScoreBody,
  ScoredResponse,
  ApplicationDetailResponse,
  AssignmentsResponse,
  MyApplicationsResponse,
  ReportBody,
  ReportResponse,
  ReportReviewBody,
  ReviewersResponse,
  ReviewerWorkResponse,
} from "./schemas";

const tags = ["fund"];
const callTarget = {
  resource: "fundCall",
  load: (executor: Executor, { params }: { params: { id: string } }) => findCall(executor, params.id),
};
const applicationTarget = {
  resource: "fundApplication",
  load: (executor: Executor, { params }: { params: { id: string } }) => findApplication(executor, params.id),
};

/** Officers and auditors see every application; an applicant its own. */
function seesApplication(actor: Actor, application: ApplicationRecord): boolean {
  if (hasRole(actor, "programme_admin") || hasRole(actor, "auditor")) return true;
  return application.applicantAccountId === actor.id;
}

async function applicationDetail(executor: Executor, application: ApplicationRecord) {
  return {
    application: presentApplication(application),
    call: presentCall((await findCall(executor, application.callId))!),
    reports: (await applicationReports(executor, application.id)).map(presentReport),
    payments: (await applicationPayments(executor, application.id)).map((payment) => ({
      stage: payment.stage,
      amountYuan: fenToYuanString(payment.amountFen),
      paidOn: payment.paidOn,
    })),
  };
}

const points = (hundredths: number) => fenToYuanString(hundredths);

export const fundRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "GET",
    url: "/fund/calls",
    summary: { zh: "创新专项资金申报批次（公开）", en: "Innovation-fund calls (public)" },
    tags,
    permission: "public",
    response: { 200: CallsResponse },
    handler: async ({ db }) => ({ items: (await listCalls(db)).map(presentCall) }),
  }),
  defineRoute({
    method: "GET",
    url: "/fund/calls/:id/results",
    summary: { zh: "评审和资助结果（评定后公开）", en: "Ranking and grants of an allocated call (public)" },
    tags,
    permission: "public",
    params: IdParams,
    target: callTarget,
    response: { 200: ResultsResponse },
    handler: async ({ db, target }) => ({
      call: presentCall(target),
      items: target.status === "allocated" ? (await listApplications(db, target.id)).map(presentApplication) : [],
    }),
  }),
  defineRoute({
    method: "GET",
    url: "/fund/results",
    summary: {
      zh: "已公布的评审和资助结果：各批次的排名项目（公开，不含收款信息）",
      en: "Published results: the ranked projects of every allocated call (public, no payee data)",
    },
    tags,
    permission: "public",
    cache: { maxAge: 300 },
    response: { 200: PublicResultsResponse },
    handler: async ({ db }) => {
      const items = [];
      for (const call of (await listCalls(db)).filter((each) => each.status === "allocated")) {
        const publicity = call.publicityListId ? await findList(db, call.publicityListId) : null;
        items.push(presentPublicResult(call, await listApplications(db, call.id), publicity));
      }
      return { items };
    },
  }),
  defineRoute({
    method: "POST",
    url: "/fund/calls",
    summary: { zh: "发布年度申报", en: "Open a yearly call" },
    tags,
    permission: "fund.manage",
    body: CallBody,
    response: { 201: CallResponse },
    command: ({ db, request, actor, body }) =>
      inTransactionWhenOk(db, (trx) => openCall(trx, commandContext(request, actor), body)),
    present: (call) => presentCall(call),
  }),
  defineRoute({
    method: "GET",
    url: "/fund/calls/:id/applications",
    summary: { zh: "批次的申报项目", en: "The applications of a call" },
    tags,
    permission: "fund.read",
    params: IdParams,
    target: callTarget,
    response: { 200: ApplicationsResponse },
    handler: async ({ db, target }) => ({ items: (await listApplications(db, target.id)).map(presentApplication) }),
  }),
  defineRoute({
    method: "POST",
    url: "/fund/calls/:id/applications",
    summary: { zh: "申报项目（含预算明细）", en: "Apply with budget lines" },
    tags,
    permission: "fund.apply",
    params: IdParams,
    body: ApplicationBody,
    target: callTarget,
    response: { 201: ApplicationResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) =>
        submitApplication(trx, commandContext(request, actor), (await findCall(trx, params.id))!, body),
      ),
    present: (application) => presentApplication(application),
  }),
  defineRoute({
    method: "POST",
    url: "/fund/applications/:id/conflict",
    summary: { zh: "评审专家声明利益冲突", en: "A reviewer declares a conflict of interest" },
    tags,
    permission: "fund.review",
    params: IdParams,
    body: ConflictBody,
    target: applicationTarget,
    response: { 201: ConflictResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) =>
        declareConflict(trx, commandContext(request, actor), (await findApplication(trx, params.id))!, body),
      ),
    present: (value) => value,
  }),
  defineRoute({
    method: "POST",
    url: "/fund/applications/:id/reviewers",
    summary: { zh: "分配评审专家（有利益冲突者不得分配）", en: "Assign reviewers (never one with a conflict)" },
    tags,
    permission: "fund.manage",
    params: IdParams,
    body: AssignBody,
    target: applicationTarget,
    response: { 200: ApplicationResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) =>
        assignReviewers(trx, commandContext(request, actor), (await findApplication(trx, params.id))!, body),
      ),
    present: (application) => presentApplication(application),
  }),
  defineRoute({
    method: "POST",
    url: "/fund/applications/:id/scores",
    summary: { zh: "评审打分", en: "Score an application per criterion" },
    tags,
    permission: "fund.review",
    params: IdParams,
    body: ScoreBody,
    target: applicationTarget,
    response: { 200: ScoredResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) =>
        scoreApplication(trx, commandContext(request, actor), (await findApplication(trx, params.id))!, body),
      ),
    present: (value) => value,
  }),
  defineRoute({
    method: "PATCH",
    url: "/fund/calls/:id/deadlines",
    summary: {
      zh: "设定评审期限和报告审核期限（工作日）",
      en: "Set the working days to score and to review a report",
    },
    tags,
    permission: "fund.manage",
    params: IdParams,
    body: DeadlinesBody,
    target: callTarget,
    response: { 200: CallResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) =>
        setCallDeadlines(trx, commandContext(request, actor), (await findCall(trx, params.id))!, body),
      ),
    present: (call) => presentCall(call),
  }),
  defineRoute({
    method: "POST",
    url: "/fund/calls/:id/allocate",
    summary: { zh: "排名、资助并公示", en: "Rank, fund and publish for objections" },
    tags,
    permission: "fund.manage",
    params: IdParams,
    body: AllocateBody,
    target: callTarget,
    response: { 200: CallResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) =>
        allocateCall(trx, commandContext(request, actor), (await findCall(trx, params.id))!, body),
      ),
    present: (call) => presentCall(call),
  }),
  defineRoute({
    method: "POST",
    url: "/fund/applications/:id/payments",
    summary: { zh: "分期拨付（默认首期60%，尾款40%）", en: "Record a staged payment (default 60% / 40%)" },
    tags,
    permission: "fund.manage",
    params: IdParams,
    body: PaymentBody,
    target: applicationTarget,
    response: { 201: ApplicationResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) =>
        recordPayment(trx, commandContext(request, actor), (await findApplication(trx, params.id))!, body),
      ),
    present: (application) => presentApplication(application),
  }),
  defineRoute({
    method: "POST",
    url: "/fund/calls/:id/payment-file",
    summary: {
      zh: "导出拨付文件（CSV 或 XLSX，记录导出并记入审计；因此是 POST）",
      en: "Export the payment file as CSV or XLSX (records the export and audits it, hence a POST)",
    },
    tags,
    permission: "fund.manage",
    params: IdParams,
    body: PaymentFileBody,
    target: callTarget,
    response: { 200: { mediaType: "text/csv", description: "the payment file (CSV, or XLSX with format xlsx)" } },
    handler: async ({ db, request, reply, actor, params, body }) => {
      const format = body.format ?? "csv";
      const exported = await inTransaction(db, async (trx) => {
        const call = await findCall(trx, params.id);
        return call
          ? { call, file: await exportCallPaymentFile(trx, commandContext(request, actor), call, format) }
          : null;
      });
      if (!exported) return sendNotFound(reply);
      const day = clock.today();
      return sendPaymentFile(reply, {
        name: `${exported.call.year}年创新资金拨付文件-${day}`,
        fallback: `fund-${exported.call.year}-${day}`,
        format,
        body: exported.file,
      });
    },
  }),
  defineRoute({
    method: "GET",
    url: "/fund/applications/mine",
    summary: { zh: "本账号的申报项目", en: "The caller's own applications" },
    tags,
    permission: "fund.apply",
    response: { 200: MyApplicationsResponse },
    handler: async ({ db, actor }) => ({
      items: await Promise.all(
        (await applicationsOfAccount(db, actor.id)).map((application) => applicationDetail(db, application)),
      ),
    }),
  }),
  defineRoute({
    method: "GET",
    url: "/fund/applications/:id",
    summary: { zh: "申报项目详情：报告和拨付", en: "An application with its reports and payments" },
    tags,
    permission: "fund.applications.read",
    params: IdParams,
    target: { ...applicationTarget, inScope: seesApplication },
    response: { 200: ApplicationDetailResponse },
    handler: ({ db, target }) => applicationDetail(db, target),
  }),
  defineRoute({
    method: "POST",
    url: "/fund/applications/:id/reports",
    summary: { zh: "提交进展或结项报告", en: "Submit a progress or final report" },
    tags,
    permission: "fund.apply",
    params: IdParams,
    body: ReportBody,
    target: { ...applicationTarget, inScope: (actor, application) => application.applicantAccountId === actor.id },
    response: { 201: ReportResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) =>
        submitReport(trx, commandContext(request, actor), (await findApplication(trx, params.id))!, body),
      ),
    present: (report) => presentReport(report),
  }),
  defineRoute({
    method: "POST",
    url: "/fund/applications/:id/report-reviews",
    summary: {
      zh: "审阅报告（结项通过即终期评估）",
      en: "Accept or return a report (an accepted final report is the final evaluation)",
    },
    tags,
    permission: "fund.manage",
    params: IdParams,
    body: ReportReviewBody,
    target: applicationTarget,
    response: { 200: ReportResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) =>
        reviewReport(trx, commandContext(request, actor), (await findApplication(trx, params.id))!, body),
      ),
    present: (report) => presentReport(report),
  }),
  defineRoute({
    method: "GET",
    url: "/fund/reviews/mine",
    summary: {
      zh: "评审专家的工作：开放批次的项目和分配给本人的项目",
      en: "A reviewer's work: open calls' applications and assignments",
    },
    tags,
    permission: "fund.review",
    response: { 200: ReviewerWorkResponse },
    handler: async ({ db, actor }) => {
      const assignments = new Map(
        (await reviewerAssignments(db, actor.id)).map((each) => [each.applicationId, each.scores]),
      );
      const conflicts = new Set(await reviewerConflicts(db, actor.id));
      const items = [];
      for (const call of await listCalls(db)) {
        for (const application of await listApplications(db, call.id)) {
          const assigned = assignments.has(application.id);
          if (call.status !== "open" && !assigned) continue;
          const scores = assignments.get(application.id) ?? null;
          items.push({
            application: presentApplication(application),
            callTitle: call.title,
            callStatus: call.status,
            criteria: call.criteria,
            assigned,
            conflict: conflicts.has(application.id),
            myScores: scores
              ? Object.fromEntries(Object.entries(scores).map(([key, value]) => [key, points(value)]))
              : null,
          });
        }
      }
      return { items };
    },
  }),
  defineRoute({
    method: "GET",
    url: "/fund/reviewers",
    summary: { zh: "评审专家名单（用于分配）", en: "Reviewer accounts (to assign)" },
    tags,
    permission: "fund.manage",
    response: { 200: ReviewersResponse },
    handler: async ({ db }) => ({
      items: await db
        .selectFrom("accounts as a")
        .innerJoin("account_roles as r", "r.account_id", "a.id")
        .select(["a.id", "a.username", "a.display_name as displayName"])
        .where("r.role", "=", "reviewer")
        .orderBy("a.username")
        .execute(),
    }),
  }),
  defineRoute({
    method: "GET",
    url: "/fund/calls/:id/assignments",
    summary: {
      zh: "批次的专家分配、评分进度和利益冲突",
      en: "A call's reviewer assignments, scoring progress and conflicts",
    },
    tags,
    permission: "fund.read",
    params: IdParams,
    target: callTarget,
    response: { 200: AssignmentsResponse },
    handler: async ({ db, target }) => ({
      items: (await callReviews(db, target.id)).map((review) => ({
        applicationId: review.applicationId,
        reviewerId: review.reviewerId,
        reviewerName: review.reviewerName,
        scored: review.scores !== null,
      })),
      // Per applicant: a conflict declared on any application of an applicant covers all of its applications.
      conflicts: await conflictPairs(db, { callId: target.id }),
    }),
  }),
];
