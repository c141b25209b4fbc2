/**
 * The participation module's tables as Kysely sees them: the shared schema plus this module's own tables
 * (migrations 0100–0129). Only this module reads or writes them; other modules use its exported queries.
 */
import type { ColumnType, Generated, Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { Executor } from "../../db/transaction";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateColumn = ColumnType<string, string, string>;

export interface ParticipationCampaignsTable {
  id: Generated<string>;
  code: string;
  name: string;
  goal: Generated<string>;
  starts_on: DateColumn;
  ends_on: ColumnType<string | null, string | null | undefined, string | null>;
  department_code: string;
  created_at: Timestamp;
}

/** The categories of volunteer activities and hours (anti-drug and online civility count as special hours). */
export const volunteerCategories = ["general", "anti_drug", "online_civility", "safety_publicity"] as const;
export type VolunteerCategory = (typeof volunteerCategories)[number];

/** Where hours were served: in Zhongshan (activities here) or elsewhere in Guangdong (imported). */
export const volunteerPlaces = ["zhongshan", "guangdong_other"] as const;
export type VolunteerPlace = (typeof volunteerPlaces)[number];

export type SignupStatus = "confirmed" | "waiting" | "cancelled";

export interface VolunteerOrganisersTable {
  organisation_id: string;
  account_id: string;
  since: DateColumn;
  created_at: Timestamp;
}

export interface VolunteerProfilesTable {
  person_id: string;
  party_member: boolean;
  declared_at: Timestamp;
}

export interface VolunteerActivitiesTable {
  id: Generated<string>;
  organisation_id: string;
  campaign_id: string | null;
  title: string;
  description: Generated<string>;
  category: VolunteerCategory;
  place: string;
  town_code: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  capacity: number;
  status: Generated<"published" | "cancelled">;
  created_by: string;
  created_at: Timestamp;
}

export interface VolunteerSignupsTable {
  id: Generated<string>;
  activity_id: string;
  person_id: string;
  /** The activity's 镇区 (the distribution key). */
  town_code: string;
  status: SignupStatus;
  queue_position: ColumnType<number, unknown, never>;
  token: string;
  signed_up_at: Timestamp;
  cancelled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  checked_in_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  checked_in_by: string | null;
  checked_out_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  checked_out_by: string | null;
}

/** One refused row of an import, as its report lists it. */
export interface ImportRowProblem {
  row: number;
  field: string;
  message: string;
}

export interface VolunteerImportsTable {
  id: Generated<string>;
  file_name: string;
  imported_by: string;
  imported_at: Timestamp;
  rows_total: number;
  rows_accepted: number;
  rows_refused: number;
  report: ColumnType<ImportRowProblem[], string, string>;
}

export interface VolunteerLedgerTable {
  id: Generated<string>;
  person_id: string;
  /** The volunteer's 镇区 when the entry was written (the distribution key). */
  town_code: string;
  activity_id: string | null;
  import_id: string | null;
  external_ref: string | null;
  campaign_id: string | null;
  category: VolunteerCategory;
  place: VolunteerPlace;
  served_on: DateColumn;
  hundredths: number;
  confirmed_by: string;
  reason: Generated<string>;
  reverses_entry_id: string | null;
  created_at: Timestamp;
}

/** The database as the participation module sees it. */
export interface ParticipationDatabase extends Database {
  participation_campaigns: ParticipationCampaignsTable;
  volunteer_organisers: VolunteerOrganisersTable;
  volunteer_profiles: VolunteerProfilesTable;
  volunteer_activities: VolunteerActivitiesTable;
  volunteer_signups: VolunteerSignupsTable;
  volunteer_imports: VolunteerImportsTable;
  volunteer_ledger: VolunteerLedgerTable;
}

/** Views a shared executor (database or transaction) with the participation tables typed. */
export function participationDb(executor: Executor): Kysely<ParticipationDatabase> {
  return executor as unknown as Kysely<ParticipationDatabase>;
}
