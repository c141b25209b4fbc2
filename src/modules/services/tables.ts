/**
 * The services module's tables as Kysely sees them (migrations 0200–0219, contracts 0220–0229). Only this module reads or writes them.
 */
import type { ColumnType, Generated, Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { Executor } from "../../db/transaction";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface ServicesVendorsTable {
  id: Generated<string>;
  account_id: string;
  name: string;
  credit_code: string;
  legal_representative: string;
  town_code: string | null;
  bank_account: ColumnType<string, string | undefined, string>;
  qualifications: ColumnType<string[], string[] | undefined, string[]>;
  qualified_on: string | null;
  qualified_until: string | null;
  qualified_by: string | null;
  created_at: Generated<Date>;
}

export interface ServicesVendorRequirementsTable {
  vendor_id: string;
  requirement: string;
  file_id: string | null;
  passed: boolean | null;
  check_note: Generated<string>;
  checked_by: string | null;
  checked_on: string | null;
}

/** A performance indicator of a need or contract: name and target, free text. */
export interface Indicator {
  name: string;
  target: string;
}

/** Evaluation weights of a need. */
export interface ServiceWeights {
  price: number;
  plan: number;
  staff: number;
  past: number;
}

export interface ServicesNeedsTable {
  id: Generated<string>;
  department_code: string;
  title: string;
  description: string;
  town_code: string;
  budget_fen: number;
  period_start: string;
  period_end: string;
  required_qualifications: ColumnType<string[], string[] | undefined, string[]>;
  indicators: Json<Indicator[]>;
  weights: Json<ServiceWeights>;
  bids_close_on: string;
  status: Generated<string>;
  exception_reason: string | null;
  award: Json<unknown> | null;
  winner_bid_id: string | null;
  publicity_list_id: string | null;
  created_by: string;
  created_at: Generated<Date>;
}

export interface ServicesBidsTable {
  id: Generated<string>;
  need_id: string;
  vendor_id: string;
  price_fen: number;
  plan: string;
  team: string;
  submitted_at: Timestamp;
}

export interface ServicesPanelMembersTable {
  need_id: string;
  reviewer_id: string;
  declared_at: Timestamp;
}

export interface ServicesReviewsTable {
  bid_id: string;
  reviewer_id: string;
  conflict: boolean;
  conflict_note: Generated<string>;
  plan: number | null;
  staff: number | null;
  past: number | null;
  scored_at: Date | null;
}

export interface ServicesContractsTable {
  id: Generated<string>;
  need_id: string;
  vendor_id: string;
  amount_fen: number;
  indicators: Json<Indicator[]>;
  satisfaction_threshold: Generated<number>;
  signed_on: string;
  period_start: string;
  period_end: string;
  status: Generated<string>;
  improvement: string | null;
  improvement_evidence: Json<unknown> | null;
  improvement_action: string | null;
  created_by: string;
  created_at: Generated<Date>;
}

export interface ServicesMilestonesTable {
  contract_id: string;
  seq: number;
  title: string;
  due_on: string;
  done_on: string | null;
}

export interface ServicesProgressReportsTable {
  id: Generated<string>;
  contract_id: string;
  milestone_seq: number | null;
  summary: string;
  file_ids: ColumnType<string[], string[] | undefined, string[]>;
  submitted_by: string;
  submitted_at: Timestamp;
  status: Generated<string>;
  review_note: Generated<string>;
  reviewed_by: string | null;
  reviewed_at: Date | null;
}

export interface ServicesRecommendationsTable {
  id: Generated<string>;
  contract_id: string;
  kind: string;
  subject_name: string;
  town_code: string;
  reason: string;
  status: Generated<string>;
  submitted_by: string;
  submitted_at: Timestamp;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: Generated<string>;
  referral_id: string | null;
  referral_note: Generated<string>;
}

/** One indicator's evaluation: the measured value, met or not, a 0–100 score in hundredths. */
export interface IndicatorResult {
  name: string;
  target: string;
  actual: string;
  met: boolean;
  score: number;
}

export interface ServicesEvaluationsTable {
  id: Generated<string>;
  contract_id: string;
  stage: string;
  evaluator: string;
  evaluator_name: string;
  results: Json<IndicatorResult[]>;
  score: number;
  indicators_met: boolean;
  satisfaction: number | null;
  answers: number;
  note: Generated<string>;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface SurveyQuestion {
  id: string;
  text: string;
}

export interface ServicesSurveysTable {
  id: Generated<string>;
  contract_id: string;
  questions: Json<SurveyQuestion[]>;
  closes_on: string;
  created_at: Generated<Date>;
}

export interface ServicesSurveyAnswersTable {
  survey_id: string;
  respondent_hash: string;
  answers: Json<Record<string, number>>;
  answered_at: Timestamp;
}

/** A payment of a contract (migration 0330): one per milestone, one final; integer fen. */
export interface ServicesPaymentsTable {
  id: Generated<string>;
  contract_id: string;
  stage: string;
  milestone_seq: number | null;
  amount_fen: number;
  paid_on: string;
  note: Generated<string>;
  created_by: string;
  created_at: Generated<Date>;
}

export interface ServicesStationsTable {
  town_code: string;
  name: string;
  address: Generated<string>;
  staff: Generated<number>;
  social_workers: Generated<number>;
  services: ColumnType<string[], string[] | undefined, string[]>;
  supervision_contract_id: string | null;
  opened_on: string | null;
  updated_at: Generated<Date>;
}

/** The database as the services module sees it. */
export interface ServicesDatabase extends Database {
  services_stations: ServicesStationsTable;
  services_payments: ServicesPaymentsTable;
  services_contracts: ServicesContractsTable;
  services_milestones: ServicesMilestonesTable;
  services_progress_reports: ServicesProgressReportsTable;
  services_recommendations: ServicesRecommendationsTable;
  services_evaluations: ServicesEvaluationsTable;
  services_surveys: ServicesSurveysTable;
  services_survey_answers: ServicesSurveyAnswersTable;
  services_vendors: ServicesVendorsTable;
  services_vendor_requirements: ServicesVendorRequirementsTable;
  services_needs: ServicesNeedsTable;
  services_bids: ServicesBidsTable;
  services_panel_members: ServicesPanelMembersTable;
  services_reviews: ServicesReviewsTable;
}

/** Views a shared executor (database or transaction) with the services tables typed. */
export function servicesDb(executor: Executor): Kysely<ServicesDatabase> {
  return executor as unknown as Kysely<ServicesDatabase>;
}
