/** The fund module's tables as Kysely sees them (migrations 0210–0219, reports 0230–0239). Only this module reads or writes them. */
import type { ColumnType, Generated, Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { Executor } from "../../db/transaction";

type Json<T> = ColumnType<T, string, string>;

/** A criterion of a call: id, label and weight. */
export interface FundCriterion {
  id: string;
  label: string;
  weight: number;
}

export interface BudgetLine {
  item: string;
  amountFen: number;
}

export interface FundCallsTable {
  id: Generated<string>;
  year: number;
  title: string;
  budget_fen: number;
  criteria: Json<FundCriterion[]>;
  partial_funding: boolean;
  start_share_percent: Generated<number>;
  applications_close_on: string;
  review_working_days: Generated<number>;
  report_review_working_days: Generated<number>;
  status: Generated<string>;
  publicity_list_id: string | null;
  categories: ColumnType<FundCategory[], string | undefined, string>;
  eligible_types: ColumnType<string[], string[] | undefined, string[]>;
  eligible_towns: ColumnType<string[], string[] | undefined, string[]>;
  created_by: string;
  created_at: Generated<Date>;
}

/** A category of a call, with an optional sub-budget (fen) reserved for it. */
export interface FundCategory {
  code: string;
  label: string;
  budgetFen: number | null;
}

export interface FundReportsTable {
  id: Generated<string>;
  application_id: string;
  kind: string;
  summary: string;
  spent_fen: number;
  file_ids: ColumnType<string[], string[] | undefined, string[]>;
  submitted_by: string;
  submitted_at: ColumnType<Date, Date | string | undefined, Date | string>;
  status: Generated<string>;
  score: number | null;
  review_note: Generated<string>;
  reviewed_by: string | null;
  reviewed_at: Date | null;
}

export interface FundApplicationsTable {
  id: Generated<string>;
  call_id: string;
  applicant_account_id: string;
  applicant_name: string;
  title: string;
  summary: Generated<string>;
  requested_fen: number;
  budget_lines: Json<BudgetLine[]>;
  payee_name: string;
  bank_account: string;
  score: string | null;
  rank: number | null;
  outcome: string | null;
  granted_fen: Generated<number>;
  category: string | null;
  applicant_type: Generated<string>;
  town_code: string | null;
  created_at: Generated<Date>;
}

export interface FundConflictsTable {
  application_id: string;
  reviewer_id: string;
  note: Generated<string>;
}

export interface FundReviewsTable {
  application_id: string;
  reviewer_id: string;
  scores: Json<Record<string, number>> | null;
}

export interface FundPaymentsTable {
  id: Generated<string>;
  application_id: string;
  stage: string;
  amount_fen: number;
  paid_on: string;
  created_by: string;
  created_at: Generated<Date>;
}

export interface FundDatabase extends Database {
  fund_calls: FundCallsTable;
  fund_applications: FundApplicationsTable;
  fund_conflicts: FundConflictsTable;
  fund_reviews: FundReviewsTable;
  fund_payments: FundPaymentsTable;
  fund_reports: FundReportsTable;
}

export function fundDb(executor: Executor): Kysely<FundDatabase> {
  return executor as unknown as Kysely<FundDatabase>;
}
