/**
 * The assistance module's tables as Kysely sees them: the shared schema plus this module's own tables
 * (migration 0020_assistance.sql). Only this module reads or writes them.
 */
import type { ColumnType, Generated, Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { Executor } from "../../db/transaction";
import type { ExplanationStep } from "../../rules/assistance/formulas/formula.types";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/** The states of a case. */
export type CaseState =
  | "submitted"
  | "investigated"
  | "appraised"
  | "town_reviewed"
  | "publicised"
  | "active"
  | "refused"
  | "appealed"
  | "stopped"
  | "withdrawn";

/** One member as stored in a revision and as the rules engine reads it. */
export interface RevisionMember {
  personId: string;
  incomeFen: number;
  categories: string[];
}

/** The eligibility found at the last computation: the answer, the amounts and the reasons with their rules. */
export interface EligibilitySnapshot {
  month: string;
  eligible: boolean;
  totalFen: number;
  dibaoFen: number;
  supplementFen: number;
  reasons: { rule: string; message: string; reference?: string }[];
  /** The rules engine's explanation steps (zh/en labels, values, references); absent on rows computed before they were kept. */
  steps?: ExplanationStep[];
}

export interface AssistanceCasesTable {
  id: Generated<string>;
  number: string;
  household_id: string;
  town_code: string;
  community_id: string | null;
  applicant_person_id: string | null;
  channel: "online" | "counter";
  state: CaseState;
  work_capacity: "none" | "partial" | "able";
  serious_illness: boolean;
  assets_fen: number;
  second_home: boolean;
  vehicle: boolean;
  payee_name: string;
  bank_account: string;
  revision: Generated<number>;
  eligibility: Json<EligibilitySnapshot>;
  submitted_on: string;
  town_due_on: string;
  publicity_start_on: string | null;
  publicity_end_on: string | null;
  publicity_list_id: string | null;
  decision_due_on: string | null;
  decided_on: string | null;
  decision: "approved" | "refused" | null;
  decision_late: Generated<boolean>;
  decision_reason: string | null;
  start_month: string | null;
  stop_month: string | null;
  next_review_on: string | null;
  appeal_due_on: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AssistanceCaseMembersTable {
  case_id: string;
  person_id: string;
  town_code: string;
  relationship: string;
  monthly_income_fen: number;
  categories: ColumnType<string[], string[] | undefined, string[]>;
  open: Generated<boolean>;
}

export interface AssistanceCaseRevisionsTable {
  case_id: string;
  revision: number;
  /** First month paid from this revision; null: from the case's start. */
  from_month: string | null;
  town_code: string;
  members: Json<RevisionMember[]>;
  assets_fen: number;
  created_at: Timestamp;
}

export interface AssistanceCaseEventsTable {
  id: Generated<string>;
  case_id: string;
  town_code: string;
  kind: string;
  on_date: string;
  details: Json<Record<string, unknown>>;
  file_ids: ColumnType<string[], string[] | undefined, string[]>;
  actor_id: string | null;
  actor_username: string | null;
  created_at: Timestamp;
}

export interface AssistanceCpiTable {
  month: string;
  cpi_hundredths: number | null;
  food_hundredths: number | null;
  released_on: string;
  synthetic: Generated<boolean>;
  recorded_by: string | null;
  recorded_by_username: string | null;
  recorded_at: Timestamp;
  triggered: Generated<boolean>;
  subsidy_due_on: string | null;
  covered_households: Generated<number>;
  covered_persons: Generated<number>;
  subsidy_fen: Generated<number>;
  version: Generated<number>;
}

export interface AssistanceStandardsTable {
  id: Generated<string>;
  effective_from: string;
  standard_fen: number;
  supplement_fen: number;
  status: "proposed" | "submitted" | "approved" | "rejected";
  basis: Json<Record<string, unknown>>;
  simulation: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  proposed_by: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
  version: Generated<number>;
  created_at: Timestamp;
}

/** What a month's lines were computed from. */
export interface PayrollBasis {
  standardFen: number;
  supplementFen: number;
  cpi: string;
}

export interface AssistancePayrollsTable {
  month: string;
  status: "computed" | "approved";
  basis: Json<PayrollBasis>;
  households: number;
  persons: number;
  lines: number;
  dibao_fen: number;
  supplement_fen: number;
  price_subsidy_fen: number;
  adjustment_fen: number;
  total_fen: number;
  run_by_username: string | null;
  run_at: Timestamp;
  approved_by_username: string | null;
  approved_at: Date | null;
  exported_at: Date | null;
  /** The bases of earlier months this run settled, as they were before it (restored by a cancellation); null before migration 0030. */
  settled_bases: ColumnType<{ month: string; basis: unknown }[] | null, string | null | undefined, string | null>;
  version: Generated<number>;
}

export interface AssistancePayrollLinesTable {
  month: string;
  case_id: string;
  kind: "regular" | "adjustment";
  for_month: string;
  town_code: string;
  revision: number;
  members: number;
  standard_fen: number;
  dibao_fen: number;
  supplement_fen: number;
  price_subsidy_fen: number;
  total_fen: number;
  payee_name: string;
  bank_account: string;
}

export interface AssistancePayrollTotalsTable {
  month: string;
  town_code: string;
  households: number;
  persons: number;
  dibao_fen: number;
  supplement_fen: number;
  price_subsidy_fen: number;
  adjustment_fen: number;
  total_fen: number;
}

/** The database as the assistance module sees it. */
export interface AssistanceDatabase extends Database {
  assistance_cases: AssistanceCasesTable;
  assistance_case_members: AssistanceCaseMembersTable;
  assistance_case_revisions: AssistanceCaseRevisionsTable;
  assistance_case_events: AssistanceCaseEventsTable;
  assistance_cpi: AssistanceCpiTable;
  assistance_standards: AssistanceStandardsTable;
  assistance_payrolls: AssistancePayrollsTable;
  assistance_payroll_lines: AssistancePayrollLinesTable;
  assistance_payroll_totals: AssistancePayrollTotalsTable;
  assistance_referrals: AssistanceReferralsTable;
}

/** A referral (转介) from another module: pending until the 镇区's desk accepts it (opening or linking a case) or declines it. */
export interface AssistanceReferralsTable {
  id: Generated<string>;
  source_module: string;
  source_id: string;
  source_contract_id: string | null;
  source_name: string;
  subject_name: string;
  subject_person_id: string | null;
  town_code: string;
  reason: string;
  status: Generated<"pending" | "accepted" | "declined">;
  received_on: string;
  due_on: string;
  received_at: Timestamp;
  forwarded_by: string | null;
  case_id: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: Generated<string>;
}

/** Views a shared executor (database or transaction) with the assistance tables typed. */
export function assistanceDb(executor: Executor): Kysely<AssistanceDatabase> {
  return executor as unknown as Kysely<AssistanceDatabase>;
}
