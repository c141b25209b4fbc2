import type { ColumnType, Generated, Kysely } from "kysely";
import type { Executor } from "../../db/transaction";
import type { PublicityDatabase } from "../../platform/publicity/publicity.tables";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;
type Ids = ColumnType<string[], string[] | undefined, string[]>;

/** Persons enrolled in the scheme (Reg. Art. 2); `barred` after fraud (Impl. Art. 7). */
export interface EnrolmentsTable {
  id: Generated<string>;
  person_id: string;
  town_code: string;
  residence_permit_number: string;
  work_started_on: string;
  enrolled_on: string;
  status: string;
  barred_reason: string | null;
  barred_on: string | null;
  version: Generated<number>;
  created_at: Timestamp;
}

/** One current value per fact and enrolment, with its evidence and its verification state. */
export interface FactsTable {
  id: Generated<string>;
  enrolment_id: string;
  town_code: string;
  fact: string;
  value: Json<unknown>;
  status: string;
  department_code: string | null;
  file_ids: Ids;
  declared_on: string;
  forward_due: string;
  sent_on: string | null;
  check_due: string | null;
  decided_on: string | null;
  reason: string | null;
  version: Generated<number>;
}

/** Yearly cycles: application window, quota deadline, policy version. */
export interface CyclesTable {
  id: Generated<string>;
  year: number;
  title: string;
  policy_id: string;
  opens_on: string;
  closes_on: string;
  quotas_due_on: string;
  housing_units: Generated<number>;
  created_at: Timestamp;
}

/** Quotas per 镇区, purpose and grade ('' when there is none). */
export interface QuotasTable {
  cycle_id: string;
  purpose: string;
  town_code: string;
  grade: string;
  places: number;
  synthetic: boolean;
  source: string;
}

/** Schools with seats per grade and (synthetic) coordinates in metres. */
export interface SchoolsTable {
  id: Generated<string>;
  cycle_id: string;
  town_code: string;
  name: string;
  grade: string;
  seats: number;
  x: number;
  y: number;
  synthetic: boolean;
}

/** Applications per cycle and purpose, with the current score. */
export interface ApplicationsTable {
  id: Generated<string>;
  cycle_id: string;
  enrolment_id: string;
  person_id: string;
  town_code: string;
  purpose: string;
  child_name: string | null;
  child_id_number: string | null;
  grade: string | null;
  /** The community the applicant lives in (school applications); its position was copied to home_x/home_y. */
  community_id: string | null;
  home_x: number | null;
  home_y: number | null;
  property_key: string | null;
  household_key: string | null;
  conditions: Json<Record<string, unknown>>;
  applied_at: Timestamp;
  /** The application date in Shanghai: decides ages and time windows when the application is scored. */
  applied_on: string;
  status: string;
  score_total: number;
  score_subscores: Json<Record<string, number>>;
  eligible: boolean;
  policy_id: string;
  /** When the applicant refused the placement offered; the next run marks the application forfeited. */
  placement_refused_on: ColumnType<string | null, string | null | undefined, string | null>;
  version: Generated<number>;
}

/** Every score an application had, with why it changed. */
export interface ScoreHistoryTable {
  id: Generated<number>;
  application_id: string;
  /** The application's 镇区 (the distribution key). */
  town_code: string;
  at: Timestamp;
  total: number;
  subscores: Json<Record<string, number>>;
  eligible: boolean;
  reason: string;
}

/** Messages to the resident (why a score changed). */
export interface MessagesTable {
  id: Generated<number>;
  enrolment_id: string;
  /** The enrolment's 镇区 (the distribution key). */
  town_code: string;
  at: Timestamp;
  text: string;
}

/** Deduction events reported by police or the health bureau. */
export interface DeductionsTable {
  id: Generated<string>;
  enrolment_id: string;
  kind: string;
  department_code: string;
  occurred_on: string;
  reference: string;
  reported_on: string;
  due_on: string;
  applied_on: string;
}

/** Ranking runs: policy version, input snapshot, result and their hashes. */
export interface RunsTable {
  id: Generated<string>;
  cycle_id: string;
  sequence: number;
  status: string;
  policy_id: string;
  /** sha256 of the canonical snapshot (context and input rows in application order). */
  input_hash: string;
  result_hash: string;
  application_count: Generated<number>;
  eligible_count: Generated<number>;
  admitted_count: Generated<number>;
  /** Towns, quotas and schools as used by the run. */
  context: Json<unknown>;
  /** Per-scope summaries, the hukou second round and outcome counts per purpose. */
  summary: Json<unknown>;
  list_ids: Ids;
  created_by: string | null;
  created_at: Timestamp;
  published_at: Date | null;
}

/** The input snapshot of a run, one row per application in application order. */
export interface RunInputsTable {
  run_id: string;
  row_number: number;
  application_id: string;
  person_id: string;
  town_code: string;
  purpose: string;
  grade: string | null;
  total: number;
  personal_quality: number;
  insurance: number;
  residence: number;
  applied_at: Date;
  home_x: number | null;
  home_y: number | null;
  eligible: boolean;
  refused: boolean;
  property_key: string | null;
  household_key: string | null;
}

/** The result of a run, one row per application. */
export interface RunResultsTable {
  run_id: string;
  application_id: string;
  town_code: string;
  purpose: string;
  grade: string | null;
  total: number;
  rank: number | null;
  rank_scope: string | null;
  outcome: string;
  round: number | null;
  city_rank: number | null;
  city_tie_break: string | null;
  school_id: string | null;
  distance: number | null;
  tie_break: string | null;
}

/** The database as the points module sees it (its tables plus the platform's). */
export interface PointsDatabase extends PublicityDatabase {
  points_enrolments: EnrolmentsTable;
  points_facts: FactsTable;
  points_cycles: CyclesTable;
  points_quotas: QuotasTable;
  points_schools: SchoolsTable;
  points_applications: ApplicationsTable;
  points_score_history: ScoreHistoryTable;
  points_messages: MessagesTable;
  points_deductions: DeductionsTable;
  points_runs: RunsTable;
  points_run_inputs: RunInputsTable;
  points_run_results: RunResultsTable;
}

/** Views a shared executor with the points tables typed. */
export function pointsDb(executor: Executor): Kysely<PointsDatabase> {
  return executor as unknown as Kysely<PointsDatabase>;
}
