/**
 * Commands of the innovation fund: open a call, apply with budget lines, declare conflicts, assign reviewers
 * (never one with a declared conflict), score, allocate through the shared panel code (src/rules/panel) and
 * publish for objections, pay in stages (default 60% at start, the rest after the final evaluation).
 */
import { clock } from "../../core/clock";
import { isIsoDate } from "../../core/dates";
import { fenToYuanString, multiplyFen, parseYuan } from "../../core/money";
import { parsePointsResult } from "../../core/points";
import { err, ok, type Problem, type Result } from "../../core/result";
import type { Trx } from "../../db/transaction";
import { audit, isUniqueViolation, type CommandContext } from "../../platform/commands/context";
import { publishList } from "../../platform/publicity/publicity.lists";
import { allocateFund } from "../../rules/panel/fund.allocate";
import {
  callReviews,
  findApplication,
  findCall,
  hasConflict,
  listApplications,
  type ApplicationRecord,
  type CallRecord,
  type FundReviewRecord,
} from "./repository";
import { fundDb, type FundCriterion } from "./tables";

function refuse(code: string, field: string, message: string): { ok: false; error: Problem } {
  return err({ code, field, message: `${field}: ${message}` });
}

/** Default criteria: innovation 30, need 25, feasibility 25, budget 10, sustainability 10. */
export const DEFAULT_FUND_CRITERIA: FundCriterion[] = [
  { id: "innovation", label: "创新性", weight: 30 },
  { id: "need", label: "需求程度", weight: 25 },
  { id: "feasibility", label: "可行性", weight: 25 },
  { id: "budget", label: "预算合理性", weight: 10 },
  { id: "sustainability", label: "可持续性", weight: 10 },
];

export interface CallInput {
  year: number;
  title: string;
  budgetYuan: string | number;
  criteria?: FundCriterion[];
  partialFunding?: boolean;
  startSharePercent?: number;
  applicationsCloseOn: string;
}

export async function openCall(trx: Trx, context: CommandContext, input: CallInput): Promise<Result<CallRecord>> {
  const budget = parseYuan(input.budgetYuan, "budgetYuan");
  if (!budget.ok) return budget;
  if (budget.value <= 0) return refuse("invalid_amount", "budgetYuan", "预算须大于0 (the budget must be above 0)");
  if (!isIsoDate(input.applicationsCloseOn) || input.applicationsCloseOn < clock.today())
    return refuse(
      "invalid_date",
      "applicationsCloseOn",
      "申报截止日不能早于今天 (the deadline must not be in the past)",
    );
  const criteria = input.criteria ?? DEFAULT_FUND_CRITERIA;
  if (new Set(criteria.map((each) => each.id)).size !== criteria.length)
    return refuse("invalid_criteria", "criteria", "评分项重复 (a criterion is listed twice)");
  if (criteria.reduce((sum, each) => sum + each.weight, 0) <= 0)
    return refuse("invalid_criteria", "criteria", "权重之和须大于0 (the weights must add up to more than 0)");
  const { id } = await fundDb(trx)
    .insertInto("fund_calls")
    .values({
      year: input.year,
      title: input.title.trim(),
      budget_fen: budget.value,
      criteria: JSON.stringify(criteria),
      partial_funding: input.partialFunding ?? false,
      start_share_percent: input.startSharePercent ?? 60,
      applications_close_on: input.applicationsCloseOn,
      created_by: context.actor.id,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await audit(trx, context, {
    action: "fund.call.open",
    entityType: "fund_call",
    entityId: id,
    townCode: null,
    after: { ...input, budgetFen: budget.value, criteria },
  });
  return ok((await findCall(trx, id))!);
}

export interface ApplicationInput {
  applicantName: string;
  title: string;
  summary?: string;
  requestedYuan: string | number;
  budgetLines: { item: string; amountYuan: string | number }[];
  payeeName: string;
  bankAccount: string;
}

/** An applicant (镇区, department or social organisation) applies once per call with budget lines within the request. */
export async function submitApplication(
  trx: Trx,
  context: CommandContext,
  call: CallRecord,
  input: ApplicationInput,
): Promise<Result<ApplicationRecord>> {
  if (call.status !== "open" || clock.today() > call.applicationsCloseOn)
    return refuse(
      "applications_closed",
      "applicationsCloseOn",
      `申报已于 ${call.applicationsCloseOn} 截止 (applications closed)`,
    );
  const requested = parseYuan(input.requestedYuan, "requestedYuan");
  if (!requested.ok) return requested;
  if (requested.value <= 0)
    return refuse("invalid_amount", "requestedYuan", "申请金额须大于0 (the request must be above 0)");
  if (input.budgetLines.length === 0)
    return refuse("invalid_budget", "budgetLines", "至少一条预算明细 (at least one budget line)");
  const lines: { item: string; amountFen: number }[] = [];
  let total = 0;
  for (const [index, line] of input.budgetLines.entries()) {
    const field = `budgetLines.${index}.amountYuan`;
    const amount = parseYuan(line.amountYuan, field);
    if (!amount.ok) return amount;
    if (amount.value <= 0) return refuse("invalid_amount", field, "金额须大于0 (a line must be above 0)");
    if (amount.value > requested.value)
      return refuse(
        "budget_line_exceeds_request",
        field,
        `预算明细 ${fenToYuanString(amount.value)} 元超过申请金额 ${fenToYuanString(requested.value)} 元 (a budget line exceeds the request)`,
      );
    total += amount.value;
    lines.push({ item: line.item.trim(), amountFen: amount.value });
  }
  if (total > requested.value)
    return refuse(
      "budget_line_exceeds_request",
      "budgetLines",
      `预算明细合计 ${fenToYuanString(total)} 元超过申请金额 (the budget lines add up to more than the request)`,
    );
  let id: string;
  try {
    id = (
      await fundDb(trx)
        .insertInto("fund_applications")
        .values({
          call_id: call.id,
          applicant_account_id: context.actor.id,
          applicant_name: input.applicantName.trim(),
          title: input.title.trim(),
          summary: input.summary?.trim() ?? "",
          requested_fen: requested.value,
          budget_lines: JSON.stringify(lines),
          payee_name: input.payeeName.trim(),
          bank_account: input.bankAccount.trim(),
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  } catch (error) {
    if (isUniqueViolation(error, "fund_applications_one_per_applicant"))
      return refuse("duplicate_application", "call", "本账号已申报该批次 (one application per applicant and call)");
    throw error;
  }
  await audit(trx, context, {
    action: "fund.application.submit",
    entityType: "fund_application",
    entityId: id,
    townCode: null,
    after: { callId: call.id, title: input.title, requestedFen: requested.value, lines },
  });
  return ok((await findApplication(trx, id))!);
}

/** A reviewer declares a conflict of interest with an application (and is unassigned from it if assigned unscored). */
export async function declareConflict(
  trx: Trx,
  context: CommandContext,
  application: ApplicationRecord,
  input: { note?: string },
): Promise<Result<{ applicationId: string; conflict: true }>> {
  if (!(await hasConflict(trx, application.id, context.actor.id)))
    await fundDb(trx)
      .insertInto("fund_conflicts")
      .values({ application_id: application.id, reviewer_id: context.actor.id, note: input.note?.trim() ?? "" })
      .execute();
  await audit(trx, context, {
    action: "fund.conflict.declare",
    entityType: "fund_application",
    entityId: application.id,
    townCode: null,
    after: { note: input.note ?? "" },
  });
  return ok({ applicationId: application.id, conflict: true });
}

/** An officer assigns reviewers; one with a declared conflict with the application is refused. */
export async function assignReviewers(
  trx: Trx,
  context: CommandContext,
  application: ApplicationRecord,
  input: { reviewerIds: string[] },
): Promise<Result<ApplicationRecord>> {
  for (const [index, reviewerId] of input.reviewerIds.entries()) {
    const field = `reviewerIds.${index}`;
    const account = /^[0-9a-f-]{36}$/i.test(reviewerId)
      ? await trx
          .selectFrom("account_roles")
          .select("account_id")
          .where("account_id", "=", reviewerId)
          .where("role", "=", "reviewer")
          .executeTakeFirst()
      : undefined;
    if (!account) return refuse("unknown_reviewer", field, "不是评审专家账号 (not a reviewer account)");
    if (await hasConflict(trx, application.id, reviewerId))
      return refuse(
        "reviewer_conflict",
        field,
        "该专家已声明利益冲突，不能分配 (the reviewer declared a conflict with this application)",
      );
    await fundDb(trx)
      .insertInto("fund_reviews")
      .values({ application_id: application.id, reviewer_id: reviewerId, scores: null })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  await audit(trx, context, {
    action: "fund.reviewers.assign",
    entityType: "fund_application",
    entityId: application.id,
    townCode: null,
    after: { reviewerIds: input.reviewerIds },
  });
  return ok((await findApplication(trx, application.id))!);
}

/** An assigned reviewer without a conflict scores every criterion of the call, 0–100. */
export async function scoreApplication(
  trx: Trx,
  context: CommandContext,
  application: ApplicationRecord,
  input: { scores: Record<string, number> },
): Promise<Result<{ applicationId: string; scores: Record<string, number> }>> {
  const call = (await findCall(trx, application.callId))!;
  if (call.status !== "open")
    return refuse("call_allocated", "status", "该批次已完成评审 (the call is already allocated)");
  if (await hasConflict(trx, application.id, context.actor.id))
    return refuse("recused", "scores", "已声明利益冲突，回避评分 (you declared a conflict with this application)");
  const assigned = await fundDb(trx)
    .selectFrom("fund_reviews")
    .select("reviewer_id")
    .where("application_id", "=", application.id)
    .where("reviewer_id", "=", context.actor.id)
    .executeTakeFirst();
  if (!assigned)
    return refuse("not_assigned", "scores", "未被分配评审该项目 (you are not assigned to this application)");
  const scores: Record<string, number> = {};
  for (const criterion of call.criteria) {
    const field = `scores.${criterion.id}`;
    const value = input.scores[criterion.id];
    if (value === undefined) return refuse("invalid_score", field, "缺少该评分项 (missing criterion)");
    const hundredths = parsePointsResult(value, field);
    if (!hundredths.ok || hundredths.value < 0 || hundredths.value > 10000)
      return refuse("invalid_score", field, `评分 ${value} 须为0–100 (a score is 0–100 with at most 2 decimals)`);
    scores[criterion.id] = hundredths.value;
  }
  const unknown = Object.keys(input.scores).find((key) => !call.criteria.some((each) => each.id === key));
  if (unknown) return refuse("invalid_score", `scores.${unknown}`, "未知评分项 (unknown criterion)");
  await fundDb(trx)
    .updateTable("fund_reviews")
    .set({ scores: JSON.stringify(scores) })
    .where("application_id", "=", application.id)
    .where("reviewer_id", "=", context.actor.id)
    .execute();
  await audit(trx, context, {
    action: "fund.application.score",
    entityType: "fund_application",
    entityId: application.id,
    townCode: null,
    after: scores,
  });
  return ok({ applicationId: application.id, scores });
}

/** The call in the `fund allocate` contract's shape: scored reviews only, conflicts as recused reviews. */
export function allocationInput(
  call: CallRecord,
  applications: readonly ApplicationRecord[],
  reviews: readonly FundReviewRecord[],
) {
  return {
    budget_yuan: Number(fenToYuanString(call.budgetFen)),
    partial_funding: call.partialFunding,
    criteria: call.criteria.map((each) => ({ id: each.id, weight: each.weight })),
    applications: applications.map((each) => ({
      id: each.id,
      requested_yuan: Number(fenToYuanString(each.requestedFen)),
      applicant: each.applicantName,
    })),
    reviews: reviews
      .filter((review) => review.scores !== null)
      .map((review) => ({
        reviewer: review.reviewerId,
        application: review.applicationId,
        conflict: false,
        scores: Object.fromEntries(Object.entries(review.scores!).map(([key, value]) => [key, value / 100])),
      })),
  };
}

/** Ranks and funds the call's applications with the shared code, stores the outcome and publishes it for objections. */
export async function allocateCall(
  trx: Trx,
  context: CommandContext,
  call: CallRecord,
  input: { publicityStartOn?: string },
): Promise<Result<CallRecord>> {
  if (call.status !== "open")
    return refuse("call_allocated", "status", "该批次已完成评审 (the call is already allocated)");
  if (clock.today() <= call.applicationsCloseOn)
    return refuse(
      "applications_open",
      "applicationsCloseOn",
      `申报截止（${call.applicationsCloseOn}）后方可评定 (allocate after the deadline)`,
    );
  const applications = await listApplications(trx, call.id);
  const allocation = allocateFund(allocationInput(call, applications, await callReviews(trx, call.id)));
  if (!allocation.ok) return allocation;
  const byId = new Map(applications.map((each) => [each.id, each]));
  for (const result of allocation.value.applications)
    await fundDb(trx)
      .updateTable("fund_applications")
      .set({
        score: result.score ?? null,
        rank: result.rank ?? null,
        outcome: result.outcome,
        granted_fen: Number(result.grantedFen),
      })
      .where("id", "=", String(result.id))
      .execute();
  const published = await publishList(trx, context, {
    kind: "fund.allocation",
    subjectKey: `fund:call:${call.id}`,
    title: `${call.title}评审结果公示`,
    townCode: null,
    startDate: input.publicityStartOn ?? clock.today(),
    workingDays: 5,
    columns: [
      { key: "applicant", label: "申报单位" },
      { key: "project", label: "项目" },
      { key: "score", label: "得分" },
      { key: "requested", label: "申请金额（元）" },
      { key: "granted", label: "拟资助金额（元）" },
    ],
    entries: allocation.value.applications.map((result) => {
      const application = byId.get(String(result.id))!;
      return {
        rank: result.rank ?? null,
        name: application.applicantName,
        idNumber: "",
        townCode: null,
        values: {
          applicant: application.applicantName,
          project: application.title,
          score: result.score ?? "未排名",
          requested: fenToYuanString(application.requestedFen),
          granted: fenToYuanString(Number(result.grantedFen)),
        },
        subjectType: "fund_application",
        subjectId: application.id,
      };
    }),
  });
  if (!published.ok) return published;
  await fundDb(trx)
    .updateTable("fund_calls")
    .set({ status: "allocated", publicity_list_id: published.value.id })
    .where("id", "=", call.id)
    .execute();
  await audit(trx, context, {
    action: "fund.call.allocate",
    entityType: "fund_call",
    entityId: call.id,
    townCode: null,
    after: {
      funded: allocation.value.applications
        .filter((each) => each.grantedFen > 0n)
        .map((each) => ({ id: each.id, grantedFen: Number(each.grantedFen) })),
      remainingFen: Number(allocation.value.remainingFen),
    },
  });
  return ok((await findCall(trx, call.id))!);
}

/**
 * Records a staged payment: "start" is the call's start share (default 60%) of the grant, rounded down to the fen;
 * "final" is the rest. An amount may be given instead; any payment that takes the total beyond the grant is refused.
 */
export async function recordPayment(
  trx: Trx,
  context: CommandContext,
  application: ApplicationRecord,
  input: { stage: "start" | "final"; paidOn: string; amountYuan?: string | number },
): Promise<Result<ApplicationRecord>> {
  const call = (await findCall(trx, application.callId))!;
  if (call.status !== "allocated" || application.grantedFen <= 0)
    return refuse("not_funded", "application", "该项目未获资助 (the application has no grant)");
  if (!isIsoDate(input.paidOn)) return refuse("invalid_date", "paidOn", "须为 YYYY-MM-DD (must be a real date)");
  let amount: number;
  if (input.amountYuan !== undefined) {
    const parsed = parseYuan(input.amountYuan, "amountYuan");
    if (!parsed.ok) return parsed;
    if (parsed.value <= 0) return refuse("invalid_amount", "amountYuan", "金额须大于0 (must be above 0)");
    amount = parsed.value;
  } else {
    const start = multiplyFen(application.grantedFen, { numerator: call.startSharePercent, denominator: 100 }, "down");
    amount = input.stage === "start" ? start : application.grantedFen - application.paidFen;
  }
  if (application.paidFen + amount > application.grantedFen)
    return refuse(
      "payment_exceeds_grant",
      input.amountYuan !== undefined ? "amountYuan" : "stage",
      `已付 ${fenToYuanString(application.paidFen)} 元，再付 ${fenToYuanString(amount)} 元将超过资助额 ${fenToYuanString(application.grantedFen)} 元 (payments beyond the grant)`,
    );
  if (amount <= 0) return refuse("payment_exceeds_grant", "stage", "资助已全部支付 (the grant is fully paid)");
  try {
    await fundDb(trx)
      .insertInto("fund_payments")
      .values({
        application_id: application.id,
        stage: input.stage,
        amount_fen: amount,
        paid_on: input.paidOn,
        created_by: context.actor.id,
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error, "fund_payments_one_per_stage"))
      return refuse("stage_paid", "stage", "该阶段已支付 (this stage is already paid)");
    throw error;
  }
  await audit(trx, context, {
    action: "fund.payment.record",
    entityType: "fund_application",
    entityId: application.id,
    townCode: null,
    after: { stage: input.stage, amountFen: amount, paidOn: input.paidOn },
  });
  return ok((await findApplication(trx, application.id))!);
}
