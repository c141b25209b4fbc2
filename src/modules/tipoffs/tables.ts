/**
 * The tip-offs module's tables as Kysely sees them (migration 0130_tipoffs.sql). Only this module reads or
 * writes them; the reporter's identity lives in `tipoff_reporters`, read only by `reporterOf` in the repository.
 */
import type { ColumnType, Generated, Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { Executor } from "../../db/transaction";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateColumn = ColumnType<string, string, string>;

/** The states of a tip-off. */
export type TipoffState = "submitted" | "investigating" | "verified" | "not_verified";

export interface TipoffCategoriesTable {
  code: string;
  name: string;
  description: Generated<string>;
  department_code: string;
  public: Generated<boolean>;
  investigation_days: Generated<number>;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface TipoffRoutingTable {
  category_code: string;
  town_code: string;
  department_code: string;
}

export interface TipoffsTable {
  id: Generated<string>;
  reference: string;
  receipt_hash: string;
  token: string;
  category_code: string;
  town_code: string;
  place: string;
  latitude: number | null;
  longitude: number | null;
  description: string;
  channel: "web" | "open311";
  anonymous: boolean;
  department_code: string;
  state: TipoffState;
  submitted_on: DateColumn;
  submitted_at: Timestamp;
  due_on: DateColumn;
  investigation_days: number;
  assigned_account_id: string | null;
  outcome_note: string | null;
  decided_on: string | null;
  reward_fen: ColumnType<number | null, number | null, number | null>;
  reward_note: string | null;
  reward_granted_on: string | null;
  reward_collected_on: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
  open311_key_id: string | null;
  campaign_id: string | null;
}

export interface TipoffReportersTable {
  tipoff_id: string;
  /** The tip-off's 镇区 (the distribution key). */
  town_code: string;
  account_id: string | null;
  person_id: string | null;
  name: string | null;
  phone: string | null;
  email: string | null;
  id_number: string | null;
}

/** Who wrote a timeline event. */
export type TipoffAuthor = "reporter" | "department" | "system";
/** What a timeline event records. */
export type TipoffEventKind =
  "submitted" | "information" | "message" | "taken" | "verified" | "not_verified" | "reward" | "reward_collected";

export interface TipoffEventsTable {
  id: Generated<string>;
  tipoff_id: string;
  /** The tip-off's 镇区 (the distribution key). */
  town_code: string;
  author: TipoffAuthor;
  kind: TipoffEventKind;
  text: Generated<string>;
  to_reporter: Generated<boolean>;
  created_at: Timestamp;
}

export interface TipoffPhotosTable {
  id: Generated<string>;
  tipoff_id: string;
  /** The tip-off's 镇区 (the distribution key). */
  town_code: string;
  media_type: "image/jpeg" | "image/png";
  size_bytes: number;
  sha256: string;
  storage_key: string;
  created_at: Timestamp;
}

export interface TipoffReceiptFailuresTable {
  address: string;
  at: Timestamp;
}

export interface Open311KeysTable {
  id: Generated<string>;
  label: string;
  key_hash: string;
  key_hint: string;
  created_by: string;
  created_at: Timestamp;
  revoked_at: Date | null;
}

export interface TipoffPointsReportedTable {
  person_id: string;
  verified_count: number;
  reported_on: DateColumn;
}

/** The database as the tip-offs module sees it. */
export interface TipoffsDatabase extends Database {
  tipoff_categories: TipoffCategoriesTable;
  tipoff_routing: TipoffRoutingTable;
  tipoffs: TipoffsTable;
  tipoff_reporters: TipoffReportersTable;
  tipoff_events: TipoffEventsTable;
  tipoff_photos: TipoffPhotosTable;
  tipoff_receipt_failures: TipoffReceiptFailuresTable;
  open311_keys: Open311KeysTable;
  tipoff_points_reported: TipoffPointsReportedTable;
}

/** Views a shared executor (database or transaction) with the tip-off tables typed. */
export function tipoffsDb(executor: Executor): Kysely<TipoffsDatabase> {
  return executor as unknown as Kysely<TipoffsDatabase>;
}
