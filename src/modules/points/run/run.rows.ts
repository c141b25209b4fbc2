/** Reading the result rows of a run back as the public per-application results, a page or one at a time. */
import type { Executor } from "../../../db/transaction";
import type { ApplicationResult, Grade, Purpose, TieBreakLevel } from "../allocation";
import { pointsDb, type RunResultsTable } from "../points.tables";

/** A stored result row, as read back (the table less its run id and the total, which the result does not carry). */
type ResultRow = Omit<RunResultsTable, "run_id" | "total">;

/** One stored row as the result object `allocate` presents (absent fields left out, not null). */
export function resultFromRow(row: ResultRow): ApplicationResult {
  const result: ApplicationResult = {
    applicationId: row.application_id,
    purpose: row.purpose as Purpose,
    townCode: row.town_code,
    rank: row.rank,
    rankScope: row.rank_scope as ApplicationResult["rankScope"],
    outcome: row.outcome as ApplicationResult["outcome"],
  };
  if (row.grade !== null) result.grade = row.grade as Grade;
  if (row.round !== null) result.round = row.round as 1 | 2;
  if (row.city_rank !== null) result.cityRank = row.city_rank;
  if (row.city_tie_break !== null) result.cityTieBreak = row.city_tie_break as TieBreakLevel;
  if (row.school_id !== null) {
    result.schoolId = row.school_id;
    result.distance = row.distance ?? 0;
  }
  if (row.tie_break !== null) result.tieBreak = row.tie_break as TieBreakLevel;
  return result;
}

const COLUMNS = [
  "application_id",
  "purpose",
  "town_code",
  "grade",
  "rank",
  "rank_scope",
  "outcome",
  "round",
  "city_rank",
  "city_tie_break",
  "school_id",
  "distance",
  "tie_break",
] as const;

/** A page of a run's results ordered by application id (the order `allocate` returns them in). */
export async function runResultPage(
  executor: Executor,
  runId: string,
  page: { offset: number; limit: number },
): Promise<ApplicationResult[]> {
  const rows = await pointsDb(executor)
    .selectFrom("points_run_results")
    .select(COLUMNS)
    .where("run_id", "=", runId)
    .orderBy("application_id")
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return rows.map(resultFromRow);
}

/** The result of one application in a run, if it was in the run. */
export async function runResultOf(
  executor: Executor,
  runId: string,
  applicationId: string,
): Promise<ApplicationResult | null> {
  const row = await pointsDb(executor)
    .selectFrom("points_run_results")
    .select(COLUMNS)
    .where("run_id", "=", runId)
    .where("application_id", "=", applicationId)
    .executeTakeFirst();
  return row ? resultFromRow(row) : null;
}

/** One published list of a run: its rows with the total, grade first then best rank first (unranked last, by id). */
export async function runListRows(executor: Executor, runId: string, purpose: Purpose, townCode: string | null) {
  let query = pointsDb(executor)
    .selectFrom("points_run_results")
    .select([...COLUMNS, "total"])
    .where("run_id", "=", runId)
    .where("purpose", "=", purpose);
  if (townCode !== null) query = query.where("town_code", "=", townCode);
  const rows = await query.orderBy("grade").orderBy("rank").orderBy("application_id").execute();
  return rows.map((row) => ({ result: resultFromRow(row), total: row.total }));
}
