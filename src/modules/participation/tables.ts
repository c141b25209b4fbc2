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

/** The database as the participation module sees it. */
export interface ParticipationDatabase extends Database {
  participation_campaigns: ParticipationCampaignsTable;
}

/** Views a shared executor (database or transaction) with the participation tables typed. */
export function participationDb(executor: Executor): Kysely<ParticipationDatabase> {
  return executor as unknown as Kysely<ParticipationDatabase>;
}
