/**
 * The services module's tables as Kysely sees them (migrations 0200–0219). Only this module reads or writes them.
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

/** The database as the services module sees it. */
export interface ServicesDatabase extends Database {
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
