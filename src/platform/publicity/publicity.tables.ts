import type { ColumnType, Generated, Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { Executor } from "../../db/transaction";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/** A value column of a list: its key in each entry's values and its zh-CN heading. */
export interface ListColumn {
  key: string;
  label: string;
}

/** One value cell of an entry: a number (points as a decimal string are preferred), a label or empty. */
export type EntryValue = string | number | null;

/** Published lists (公示名单), one row per version of a subject. */
export interface PublicityListsTable {
  id: Generated<string>;
  kind: string;
  subject_key: string;
  version: number;
  title: string;
  town_code: string | null;
  start_date: string;
  working_days: number;
  end_date: string;
  status: string;
  columns: Json<ListColumn[]>;
  published_by: string | null;
  published_at: Timestamp;
  /** How many entries it has (written with them, at publication). */
  entry_count: Generated<number>;
}

/** Entries of a list: masked personal data only. */
export interface PublicityEntriesTable {
  id: Generated<string>;
  list_id: string;
  position: number;
  rank: number | null;
  masked_name: string;
  masked_id_number: string;
  town_code: string | null;
  values: Json<Record<string, EntryValue>>;
  subject_type: string;
  subject_id: string;
}

/** Objections (异议) against an entry, routed to the department owning the indicator. */
export interface PublicityObjectionsTable {
  id: Generated<string>;
  list_id: string;
  entry_id: string;
  town_code: string | null;
  indicator: string | null;
  department_code: string | null;
  reason: string;
  raised_by: string;
  raised_on: string;
  forward_due: string;
  check_due: string;
  status: string;
  forwarded_at: Date | null;
  answer: string | null;
  answered_by: string | null;
  answered_on: string | null;
  file_ids: ColumnType<string[], string[] | undefined, string[]>;
  version: Generated<number>;
  created_at: Timestamp;
}

/** The database as the publicity service sees it. */
export interface PublicityDatabase extends Database {
  publicity_lists: PublicityListsTable;
  publicity_entries: PublicityEntriesTable;
  publicity_objections: PublicityObjectionsTable;
}

/** Views a shared executor with the publicity tables typed. */
export function publicityDb(executor: Executor): Kysely<PublicityDatabase> {
  return executor as unknown as Kysely<PublicityDatabase>;
}
