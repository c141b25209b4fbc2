/**
 * The suggestions module's tables as Kysely sees them (migration 0110). Only this module reads or writes them;
 * campaigns are read through the participation module's exported queries.
 */
import type { ColumnType, Generated, Kysely } from "kysely";
import type { Executor } from "../../db/transaction";
import type { ParticipationDatabase } from "../participation/tables";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateColumn = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

/** The states of an idea: answered states carry the department's public answer. */
export const suggestionStates = [
  "submitted",
  "under_review",
  "adopted",
  "partly_adopted",
  "not_adopted",
  "implemented",
] as const;
export type SuggestionState = (typeof suggestionStates)[number];

export interface SuggestionSettingsTable {
  id: Generated<boolean>;
  support_threshold: number;
  answer_working_days: number;
  updated_at: Timestamp;
}

export interface SuggestionsTable {
  id: Generated<string>;
  reference: string;
  title: string;
  body: string;
  campaign_id: string | null;
  town_code: string;
  department_code: string;
  proposer_account_id: string | null;
  proposer_person_id: string;
  state: Generated<SuggestionState>;
  support_count: Generated<number>;
  support_threshold: number;
  answer_working_days: number;
  submitted_on: DateColumn;
  threshold_reached_on: NullableDate;
  answer_due_on: NullableDate;
  answer: string | null;
  answered_on: NullableDate;
  answered_by: string | null;
  created_at: Timestamp;
}

export interface SuggestionSupportsTable {
  suggestion_id: string;
  /** The suggestion's 镇区 (the distribution key). */
  town_code: string;
  person_id: string;
  account_id: string | null;
  created_at: Timestamp;
}

export interface SuggestionProgressTable {
  id: Generated<string>;
  suggestion_id: string;
  text: string;
  implemented: Generated<boolean>;
  author_account_id: string;
  created_at: Timestamp;
}

/** The database as the suggestions module sees it. */
export interface SuggestionsDatabase extends ParticipationDatabase {
  suggestion_settings: SuggestionSettingsTable;
  suggestions: SuggestionsTable;
  suggestion_supports: SuggestionSupportsTable;
  suggestion_progress: SuggestionProgressTable;
}

/** Views a shared executor with the suggestions tables typed. */
export function suggestionsDb(executor: Executor): Kysely<SuggestionsDatabase> {
  return executor as unknown as Kysely<SuggestionsDatabase>;
}
