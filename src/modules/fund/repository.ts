/** Queries of the fund module. */
import type { Executor } from "../../db/transaction";
import { fundDb, type BudgetLine, type FundCategory, type FundCriterion } from "./tables";

const uuid = /^[0-9a-f-]{36}$/i;

export interface CallRecord {
  id: string;
  year: number;
  title: string;
  budgetFen: number;
  criteria: FundCriterion[];
  partialFunding: boolean;
  startSharePercent: number;
  applicationsCloseOn: string;
  /** Working days a reviewer has to score, from the day applications close. */
  reviewWorkingDays: number;
  /** Working days the programme admins have to review a submitted report. */
  reportReviewWorkingDays: number;
  status: "open" | "allocated";
  publicityListId: string | null;
  categories: FundCategory[];
  eligibleTypes: string[];
  eligibleTowns: string[];
}

function callQuery(executor: Executor) {
  return fundDb(executor)
    .selectFrom("fund_calls")
    .select([
      "id",
      "year",
      "title",
      "budget_fen as budgetFen",
      "criteria",
      "partial_funding as partialFunding",
      "start_share_percent as startSharePercent",
      "applications_close_on as applicationsCloseOn",
      "review_working_days as reviewWorkingDays",
      "report_review_working_days as reportReviewWorkingDays",
      "status",
      "publicity_list_id as publicityListId",
      "categories",
      "eligible_types as eligibleTypes",
      "eligible_towns as eligibleTowns",
    ]);
}

type CallRow = Awaited<ReturnType<ReturnType<typeof callQuery>["executeTakeFirstOrThrow"]>>;
const toCall = (row: CallRow): CallRecord => ({
  ...row,
  budgetFen: Number(row.budgetFen),
  status: row.status as CallRecord["status"],
});

export async function findCall(executor: Executor, id: string): Promise<CallRecord | undefined> {
  if (!uuid.test(id)) return undefined;
  const row = await callQuery(executor).where("id", "=", id).executeTakeFirst();
  return row ? toCall(row) : undefined;
}

export async function listCalls(executor: Executor): Promise<CallRecord[]> {
  return (await callQuery(executor).orderBy("year", "desc").orderBy("id").execute()).map(toCall);
}

export interface ApplicationRecord {
  id: string;
  callId: string;
  applicantAccountId: string;
  applicantName: string;
  title: string;
  summary: string;
  requestedFen: number;
  budgetLines: BudgetLine[];
  payeeName: string;
  bankAccount: string;
  score: string | null;
  rank: number | null;
  outcome: string | null;
  grantedFen: number;
  paidFen: number;
  category: string | null;
  applicantType: string;
  townCode: string | null;
}

function applicationQuery(executor: Executor) {
  return fundDb(executor)
    .selectFrom("fund_applications as a")
    .select((eb) => [
      "a.id",
      "a.call_id as callId",
      "a.applicant_account_id as applicantAccountId",
      "a.applicant_name as applicantName",
      "a.title",
      "a.summary",
      "a.requested_fen as requestedFen",
      "a.budget_lines as budgetLines",
      "a.payee_name as payeeName",
      "a.bank_account as bankAccount",
      "a.score",
      "a.rank",
      "a.outcome",
      "a.granted_fen as grantedFen",
      "a.category",
      "a.applicant_type as applicantType",
      "a.town_code as townCode",
      eb
        .selectFrom("fund_payments as p")
        .select((inner) => inner.fn.coalesce(inner.fn.sum<number>("p.amount_fen"), inner.lit(0)).as("paid"))
        .whereRef("p.application_id", "=", "a.id")
        .as("paidFen"),
    ]);
}

type ApplicationRow = Awaited<ReturnType<ReturnType<typeof applicationQuery>["executeTakeFirstOrThrow"]>>;
const toApplication = (row: ApplicationRow): ApplicationRecord => ({
  ...row,
  requestedFen: Number(row.requestedFen),
  grantedFen: Number(row.grantedFen),
  paidFen: Number(row.paidFen ?? 0),
});

export async function findApplication(executor: Executor, id: string): Promise<ApplicationRecord | undefined> {
  if (!uuid.test(id)) return undefined;
  const row = await applicationQuery(executor).where("a.id", "=", id).executeTakeFirst();
  return row ? toApplication(row) : undefined;
}

export async function listApplications(executor: Executor, callId: string): Promise<ApplicationRecord[]> {
  return (
    await applicationQuery(executor)
      .where("a.call_id", "=", callId)
      .orderBy("a.rank", (ob) => ob.asc().nullsLast())
      .orderBy("a.created_at")
      .execute()
  ).map(toApplication);
}

export interface FundReviewRecord {
  applicationId: string;
  reviewerId: string;
  reviewerName: string;
  scores: Record<string, number> | null;
}

export async function callReviews(executor: Executor, callId: string): Promise<FundReviewRecord[]> {
  return fundDb(executor)
    .selectFrom("fund_reviews as r")
    .innerJoin("fund_applications as a", "a.id", "r.application_id")
    .innerJoin("accounts as u", "u.id", "r.reviewer_id")
    .select([
      "r.application_id as applicationId",
      "r.reviewer_id as reviewerId",
      "u.display_name as reviewerName",
      "r.scores",
    ])
    .where("a.call_id", "=", callId)
    .orderBy("u.username")
    .execute();
}

/**
 * The (application, reviewer) pairs in conflict, per applicant: a reviewer who declared a conflict with any
 * application of an applicant (in any call) is in conflict with every application of that applicant, and an
 * account is always in conflict with its own applications. `applicationIds` / `reviewerId` narrow the answer.
 */
export async function conflictPairs(
  executor: Executor,
  filter: { callId?: string; applicationIds?: readonly string[]; reviewerId?: string },
): Promise<{ applicationId: string; reviewerId: string }[]> {
  const db = fundDb(executor);
  let declared = db
    .selectFrom("fund_applications as a")
    .innerJoin("fund_applications as declaredOn", "declaredOn.applicant_account_id", "a.applicant_account_id")
    .innerJoin("fund_conflicts as c", "c.application_id", "declaredOn.id")
    .select(["a.id as applicationId", "c.reviewer_id as reviewerId"])
    .distinct();
  let own = db
    .selectFrom("fund_applications as a")
    .innerJoin("account_roles as r", (join) =>
      join.onRef("r.account_id", "=", "a.applicant_account_id").on("r.role", "=", "reviewer"),
    )
    .select(["a.id as applicationId", "a.applicant_account_id as reviewerId"]);
  if (filter.callId) {
    declared = declared.where("a.call_id", "=", filter.callId);
    own = own.where("a.call_id", "=", filter.callId);
  }
  if (filter.applicationIds) {
    if (filter.applicationIds.length === 0) return [];
    declared = declared.where("a.id", "in", filter.applicationIds);
    own = own.where("a.id", "in", filter.applicationIds);
  }
  if (filter.reviewerId) {
    declared = declared.where("c.reviewer_id", "=", filter.reviewerId);
    own = own.where("a.applicant_account_id", "=", filter.reviewerId);
  }
  const rows = [...(await declared.execute()), ...(await own.execute())];
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = `${row.applicationId}:${row.reviewerId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Whether the reviewer is in conflict with the application's applicant (declared on any of its applications, or its own). */
export async function hasConflict(executor: Executor, applicationId: string, reviewerId: string): Promise<boolean> {
  return (await conflictPairs(executor, { applicationIds: [applicationId], reviewerId })).length > 0;
}

export interface PaymentRecord {
  id: string;
  applicationId: string;
  stage: string;
  amountFen: number;
  paidOn: string;
  payeeName: string;
  bankAccount: string;
  title: string;
}

export async function callPayments(executor: Executor, callId: string): Promise<PaymentRecord[]> {
  return (
    await fundDb(executor)
      .selectFrom("fund_payments as p")
      .innerJoin("fund_applications as a", "a.id", "p.application_id")
      .select([
        "p.id",
        "p.application_id as applicationId",
        "p.stage",
        "p.amount_fen as amountFen",
        "p.paid_on as paidOn",
        "a.payee_name as payeeName",
        "a.bank_account as bankAccount",
        "a.title",
      ])
      .where("a.call_id", "=", callId)
      .orderBy("p.paid_on")
      .orderBy("a.rank")
      .orderBy("p.stage", "desc")
      .execute()
  ).map((row) => ({ ...row, amountFen: Number(row.amountFen) }));
}

/** The applications of one account, newest first. */
export async function applicationsOfAccount(executor: Executor, accountId: string): Promise<ApplicationRecord[]> {
  return (
    await applicationQuery(executor)
      .where("a.applicant_account_id", "=", accountId)
      .orderBy("a.created_at", "desc")
      .execute()
  ).map(toApplication);
}

/** A reviewer's assignments across calls, with the reviewer's scores (null until scored). */
export async function reviewerAssignments(
  executor: Executor,
  reviewerId: string,
): Promise<{ applicationId: string; scores: Record<string, number> | null }[]> {
  return fundDb(executor)
    .selectFrom("fund_reviews")
    .select(["application_id as applicationId", "scores"])
    .where("reviewer_id", "=", reviewerId)
    .execute();
}

/** The applications a reviewer is in conflict with: every application of each applicant it declared a conflict with. */
export async function reviewerConflicts(executor: Executor, reviewerId: string): Promise<string[]> {
  return (await conflictPairs(executor, { reviewerId })).map((row) => row.applicationId);
}

export interface FundReportRecord {
  id: string;
  applicationId: string;
  kind: "progress" | "final";
  summary: string;
  spentFen: number;
  fileIds: string[];
  submittedAt: Date;
  status: "submitted" | "accepted" | "returned";
  score: number | null;
  reviewNote: string;
}

export async function applicationReports(executor: Executor, applicationId: string): Promise<FundReportRecord[]> {
  const rows = await fundDb(executor)
    .selectFrom("fund_reports")
    .select([
      "id",
      "application_id as applicationId",
      "kind",
      "summary",
      "spent_fen as spentFen",
      "file_ids as fileIds",
      "submitted_at as submittedAt",
      "status",
      "score",
      "review_note as reviewNote",
    ])
    .where("application_id", "=", applicationId)
    .orderBy("submitted_at")
    // progress before final when both carry the same instant
    .orderBy("kind", "desc")
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    ...row,
    spentFen: Number(row.spentFen),
    kind: row.kind as FundReportRecord["kind"],
    status: row.status as FundReportRecord["status"],
  }));
}

/** The payments of one application, in order. */
export async function applicationPayments(
  executor: Executor,
  applicationId: string,
): Promise<{ stage: string; amountFen: number; paidOn: string }[]> {
  const rows = await fundDb(executor)
    .selectFrom("fund_payments")
    .select(["stage", "amount_fen as amountFen", "paid_on as paidOn"])
    .where("application_id", "=", applicationId)
    .orderBy("paid_on")
    .orderBy("stage", "desc")
    .execute();
  return rows.map((row) => ({ ...row, amountFen: Number(row.amountFen) }));
}
