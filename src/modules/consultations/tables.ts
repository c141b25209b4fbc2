/** The consultations module's tables as Kysely sees them (migration 0111). Only this module reads or writes them. */
import type { ColumnType, Generated, Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { Executor } from "../../db/transaction";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateColumn = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

export type ConsultationKind = "public" | "community";
export type ReportOutcome = "adopted" | "partly_adopted" | "not_adopted";

export interface ConsultationsTable {
  id: Generated<string>;
  reference: string;
  kind: ConsultationKind;
  title: string;
  summary: Generated<string>;
  department_code: string | null;
  town_code: string | null;
  community_id: string | null;
  opens_on: DateColumn;
  closes_on: DateColumn;
  created_by: string;
  created_at: Timestamp;
  report_summary: string | null;
  report_published_on: NullableDate;
  decision_title: string | null;
  decision_text: string | null;
  decision_published_on: NullableDate;
  meeting_held_on: NullableDate;
  meeting_present: string[] | null;
  votes_for: number | null;
  votes_against: number | null;
  votes_abstain: number | null;
  outcome: string | null;
}

export interface ConsultationArticlesTable {
  id: Generated<string>;
  consultation_id: string;
  number: number;
  heading: string;
  body: string;
}

export interface ConsultationCommentsTable {
  id: Generated<string>;
  consultation_id: string;
  article_id: string;
  person_id: string;
  /** A community deliberation's 镇区, or the commenter's for a city-wide consultation (the distribution key). */
  town_code: string;
  account_id: string | null;
  text: string;
  support_count: Generated<number>;
  hidden_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  hidden_rule: string | null;
  hidden_reason: string | null;
  hidden_by: string | null;
  created_at: Timestamp;
}

export interface ConsultationCommentSupportsTable {
  comment_id: string;
  /** The comment's 镇区 (the distribution key). */
  town_code: string;
  person_id: string;
  account_id: string | null;
  created_at: Timestamp;
}

export interface ConsultationReportItemsTable {
  id: Generated<string>;
  consultation_id: string;
  position: number;
  article_id: string | null;
  comment_ids: string[];
  summary: string;
  outcome: ReportOutcome;
  response: string;
}

export interface ConsultationsDatabase extends Database {
  consultations: ConsultationsTable;
  consultation_articles: ConsultationArticlesTable;
  consultation_comments: ConsultationCommentsTable;
  consultation_comment_supports: ConsultationCommentSupportsTable;
  consultation_report_items: ConsultationReportItemsTable;
}

/** Views a shared executor with the consultations tables typed. */
export function consultationsDb(executor: Executor): Kysely<ConsultationsDatabase> {
  return executor as unknown as Kysely<ConsultationsDatabase>;
}
