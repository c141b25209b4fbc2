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
import { allocateFund, type FundApplicationResult } from "../../rules/panel/fund.allocate";
import {
  applicationReports,
  callReviews,
  findApplication,
  findCall,
  conflictPairs,
  hasConflict,
  listApplications,
  type ApplicationRecord,
  type CallRecord,
  type FundReportRecord,
  type FundReviewRecord,
} from "./repository";
import { checkAttachableFiles } from "../../platform/files/files.commands";
import { fundReportReviewWorkingDays, fundReviewWorkingDays } from "./deadlines";
import { fundDb, type FundCategory, type FundCriterion } from "./tables";

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
  reviewWorkingDays?: number;
  reportReviewWorkingDays?: number;
  categories?: { code: string; label: string; budgetYuan?: string | number | null }[];
  eligibleTypes?: ApplicantType[];
  eligibleTowns?: string[];
}

export const applicantTypes = ["town", "department", "organisation"] as const;
export type ApplicantType = (typeof applicantTypes)[number];

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
  const categories: FundCategory[] = [];
  let reserved = 0;
  for (const [index, category] of (input.categories ?? []).entries()) {
    let budgetFen: number | null = null;
    if (category.budgetYuan !== undefined && category.budgetYuan !== null && category.budgetYuan !== "") {
      const field = `categories.${index}.budgetYuan`;
      const parsed = parseYuan(category.budgetYuan, field);
      if (!parsed.ok) return parsed;
      if (parsed.value <= 0) return refuse("invalid_amount", field, "分项预算须大于0 (a sub-budget must be above 0)");
      budgetFen = parsed.value;
      reserved += parsed.value;
    }
    categories.push({ code: category.code, label: category.label.trim() || category.code, budgetFen });
  }
  if (new Set(categories.map((each) => each.code)).size !== categories.length)
    return refuse("invalid_categories", "categories", "类别重复 (a category is listed twice)");
  if (reserved > budget.value)
    return refuse(
      "invalid_categories",
      "categories",
      `分项预算合计 ${fenToYuanString(reserved)} 元超过总预算 (the sub-budgets exceed the budget)`,
    );
  const eligibleTypes = [...new Set(input.eligibleTypes ?? applicantTypes)];
  if (eligibleTypes.length === 0)
    return refuse("invalid_eligibility", "eligibleTypes", "至少一类申报主体 (at least one applicant type)");
  const eligibleTowns = [...new Set(input.eligibleTowns ?? [])];
  for (const [index, town] of eligibleTowns.entries()) {
    const found = await trx.selectFrom("towns").select("code").where("code", "=", town).executeTakeFirst();
    if (!found) return refuse("unknown_town", `eligibleTowns.${index}`, "未知的镇区 (unknown town)");
  }
  const { id } = await fundDb(trx)
    .insertInto("fund_calls")
    .values({
      categories: JSON.stringify(categories),
      eligible_types: eligibleTypes,
      eligible_towns: eligibleTowns,
      year: input.year,
      title: input.title.trim(),
      budget_fen: budget.value,
      criteria: JSON.stringify(criteria),
      partial_funding: input.partialFunding ?? false,
      start_share_percent: input.startSharePercent ?? 60,
      applications_close_on: input.applicationsCloseOn,
      review_working_days: input.reviewWorkingDays ?? fundReviewWorkingDays,
      report_review_working_days: input.reportReviewWorkingDays ?? fundReportReviewWorkingDays,
      created_by: context.actor.id,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await audit(trx, context, {
    action: "fund.call.open",
    entityType: "fund_call",
    entityId: id,
    townCode: null,
    after: { ...input, budgetFen: budget.value, criteria, categories, eligibleTypes, eligibleTowns },
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
  applicantType?: ApplicantType;
  townCode?: string | null;
  category?: string | null;
}

/** Whether an applicant may apply to a call: its type, its 镇区 and its category; the refusal names the rule. */
export function checkEligibility(
  call: Pick<CallRecord, "eligibleTypes" | "eligibleTowns" | "categories">,
  input: { applicantType: string; townCode: string | null; category: string | null },
): Problem | undefined {
  const labels: Record<string, string> = { town: "镇区", department: "部门", organisation: "社会组织" };
  if (!call.eligibleTypes.includes(input.applicantType))
    return {
      code: "not_eligible",
      field: "applicantType",
      message: `applicantType: 本批次只接受${call.eligibleTypes.map((each) => labels[each] ?? each).join("、")}申报 (this call accepts ${call.eligibleTypes.join(", ")} only)`,
    };
  if (call.eligibleTowns.length > 0 && (!input.townCode || !call.eligibleTowns.includes(input.townCode)))
    return {
      code: "not_eligible",
      field: "townCode",
      message: `townCode: 本批次只接受 ${call.eligibleTowns.join("、")} 的项目 (this call is limited to these 镇区)`,
    };
  if (call.categories.length > 0 && !call.categories.some((each) => each.code === input.category))
    return {
      code: "invalid_category",
      field: "category",
      message: `category: 须选择本批次的类别 ${call.categories.map((each) => each.label).join("、")} (choose one of the call's categories)`,
    };
  return undefined;
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
  const applicantType = input.applicantType ?? "organisation";
  const townCode = input.townCode ?? null;
  const category = input.category ?? null;
  if (townCode) {
    const town = await trx.selectFrom("towns").select("code").where("code", "=", townCode).executeTakeFirst();
    if (!town) return refuse("unknown_town", "townCode", "未知的镇区 (unknown town)");
  }
  const ineligible = checkEligibility(call, { applicantType, townCode, category });
  if (ineligible) return err(ineligible);
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
          applicant_type: applicantType,
          town_code: townCode,
          category,
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

/**
 * A reviewer declares a conflict of interest with an application's applicant: it then counts for every application
 * of that applicant, in every call (`conflictPairs`). The reviewer is unassigned from those it has not scored in open
 * calls; a score it already gave one of them is left out of the allocation (recused).
 */
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
  const unassigned = await fundDb(trx)
    .deleteFrom("fund_reviews")
    .where("reviewer_id", "=", context.actor.id)
    .where("scores", "is", null)
    .where("application_id", "in", (eb) =>
      eb
        .selectFrom("fund_applications as a")
        .innerJoin("fund_calls as k", "k.id", "a.call_id")
        .select("a.id")
        .where("a.applicant_account_id", "=", application.applicantAccountId)
        .where("k.status", "=", "open"),
    )
    .returning("application_id")
    .execute();
  await audit(trx, context, {
    action: "fund.conflict.declare",
    entityType: "fund_application",
    entityId: application.id,
    townCode: null,
    after: {
      note: input.note ?? "",
      applicantAccountId: application.applicantAccountId,
      unassignedFrom: unassigned.map((row) => row.application_id),
    },
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
        "该专家与该申报单位存在利益冲突（已声明或为申报单位本身），不能分配 (the reviewer has a conflict with this applicant)",
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
    return refuse(
      "recused",
      "scores",
      "与该申报单位存在利益冲突，回避评分 (you have a conflict with this applicant, on any of its applications)",
    );
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

/**
 * Changes a call's working-day deadlines (either or both): the reviewers' time to score and the programme admins'
 * time to review a report. Due dates are counted from the call's closing day and each report's submission on the
 * calendar in force, so the inbox shows the new dates at once; the change is audited with the old and new values.
 */
export async function setCallDeadlines(
  trx: Trx,
  context: CommandContext,
  call: CallRecord,
  input: { reviewWorkingDays?: number; reportReviewWorkingDays?: number },
): Promise<Result<CallRecord>> {
  if (input.reviewWorkingDays === undefined && input.reportReviewWorkingDays === undefined)
    return refuse("nothing_to_change", "reviewWorkingDays", "请填写要修改的期限 (give at least one deadline)");
  const before = { reviewWorkingDays: call.reviewWorkingDays, reportReviewWorkingDays: call.reportReviewWorkingDays };
  const after = {
    reviewWorkingDays: input.reviewWorkingDays ?? call.reviewWorkingDays,
    reportReviewWorkingDays: input.reportReviewWorkingDays ?? call.reportReviewWorkingDays,
  };
  await fundDb(trx)
    .updateTable("fund_calls")
    .set({ review_working_days: after.reviewWorkingDays, report_review_working_days: after.reportReviewWorkingDays })
    .where("id", "=", call.id)
    .execute();
  await audit(trx, context, {
    action: "fund.call.deadlines",
    entityType: "fund_call",
    entityId: call.id,
    townCode: null,
    before,
    after,
  });
  return ok({ ...call, ...after });
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

/**
 * Allocates a call: each category with a sub-budget is ranked and funded within it; the other applications share
 * the rest of the budget. Without sub-budgets this is one allocation over the whole budget. Ranks are per pool.
 */
export function allocateInPools(
  call: CallRecord,
  applications: readonly ApplicationRecord[],
  reviews: readonly FundReviewRecord[],
): Result<{ applications: FundApplicationResult[]; remainingFen: bigint }> {
  const pools = call.categories.filter((each) => each.budgetFen !== null);
  const pooled = new Set(pools.map((each) => each.code));
  const groups = [
    ...pools.map((pool) => ({
      budgetFen: pool.budgetFen!,
      members: applications.filter((each) => each.category === pool.code),
    })),
    {
      budgetFen: call.budgetFen - pools.reduce((sum, each) => sum + each.budgetFen!, 0),
      members: applications.filter((each) => each.category === null || !pooled.has(each.category)),
    },
  ];
  const results: FundApplicationResult[] = [];
  let remainingFen = 0n;
  for (const group of groups) {
    if (group.members.length === 0) {
      remainingFen += BigInt(group.budgetFen);
      continue;
    }
    const ids = new Set(group.members.map((each) => each.id));
    const allocation = allocateFund(
      allocationInput(
        { ...call, budgetFen: group.budgetFen },
        group.members,
        reviews.filter((each) => ids.has(each.applicationId)),
      ),
    );
    if (!allocation.ok) return allocation;
    results.push(...allocation.value.applications);
    remainingFen += allocation.value.remainingFen;
  }
  return ok({ applications: results, remainingFen });
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
  // A reviewer in conflict with the applicant (declared on any of its applications) is recused: its score is left out.
  const conflicted = new Set(
    (await conflictPairs(trx, { callId: call.id })).map((pair) => `${pair.applicationId}:${pair.reviewerId}`),
  );
  const reviews = (await callReviews(trx, call.id)).filter(
    (review) => !conflicted.has(`${review.applicationId}:${review.reviewerId}`),
  );
  const allocation = allocateInPools(call, applications, reviews);
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
  if (input.stage === "final") {
    const accepted = (await applicationReports(trx, application.id)).some(
      (each) => each.kind === "final" && each.status === "accepted",
    );
    if (!accepted)
      return refuse(
        "final_evaluation_required",
        "stage",
        "尾款须在结项报告通过终期评估后支付 (the final payment waits for the accepted final report)",
      );
  }
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

/** The applicant reports progress or the final result of a funded project, with the amount spent and evidence. */
export async function submitReport(
  trx: Trx,
  context: CommandContext,
  application: ApplicationRecord,
  input: { kind: "progress" | "final"; summary: string; spentYuan?: string | number; fileIds?: string[] },
): Promise<Result<FundReportRecord>> {
  if (application.grantedFen <= 0)
    return refuse("not_funded", "application", "该项目未获资助 (the application has no grant)");
  const summary = input.summary.trim();
  if (!summary) return refuse("invalid_summary", "summary", "报告内容不能为空 (the summary must not be empty)");
  const spent = parseYuan(input.spentYuan ?? 0, "spentYuan");
  if (!spent.ok) return spent;
  if (spent.value < 0) return refuse("invalid_amount", "spentYuan", "金额不能为负 (must not be negative)");
  const reports = await applicationReports(trx, application.id);
  if (input.kind === "final" && reports.some((each) => each.kind === "final" && each.status !== "returned"))
    return refuse("report_exists", "kind", "结项报告已提交 (the final report is already submitted)");
  const files = await checkAttachableFiles(trx, context.actor, input.fileIds ?? []);
  if (!files.ok) return files;
  const { id } = await fundDb(trx)
    .insertInto("fund_reports")
    .values({
      application_id: application.id,
      kind: input.kind,
      summary,
      spent_fen: spent.value,
      file_ids: input.fileIds ?? [],
      submitted_by: context.actor.id,
      submitted_at: clock.now(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await audit(trx, context, {
    action: "fund.report.submit",
    entityType: "fund_application",
    entityId: application.id,
    townCode: application.townCode,
    after: { reportId: id, kind: input.kind, spentFen: spent.value },
  });
  return ok((await applicationReports(trx, application.id)).find((each) => each.id === id)!);
}

/** The officer accepts (a final report with its evaluation score, 0–100) or returns a report. */
export async function reviewReport(
  trx: Trx,
  context: CommandContext,
  application: ApplicationRecord,
  input: { reportId: string; accepted: boolean; score?: number; note?: string },
): Promise<Result<FundReportRecord>> {
  const report = (await applicationReports(trx, application.id)).find((each) => each.id === input.reportId);
  if (!report) return refuse("unknown_report", "reportId", "该项目没有此报告 (no such report on this application)");
  if (report.status !== "submitted")
    return refuse("report_reviewed", "reportId", "该报告已审阅 (the report is already reviewed)");
  let score: number | null = null;
  if (input.accepted && report.kind === "final") {
    if (input.score === undefined)
      return refuse("invalid_score", "score", "结项须给出终期评估分 (the final evaluation needs a score)");
    const parsed = parsePointsResult(input.score, "score");
    if (!parsed.ok || parsed.value < 0 || parsed.value > 10000)
      return refuse("invalid_score", "score", "评分须为0–100 (a score is 0–100)");
    score = parsed.value;
  }
  await fundDb(trx)
    .updateTable("fund_reports")
    .set({
      status: input.accepted ? "accepted" : "returned",
      score,
      review_note: input.note?.trim() ?? "",
      reviewed_by: context.actor.id,
      reviewed_at: clock.now(),
    })
    .where("id", "=", report.id)
    .execute();
  await audit(trx, context, {
    action: "fund.report.review",
    entityType: "fund_application",
    entityId: application.id,
    townCode: application.townCode,
    after: { reportId: report.id, accepted: input.accepted, score, note: input.note ?? "" },
  });
  return ok((await applicationReports(trx, application.id)).find((each) => each.id === report.id)!);
}
