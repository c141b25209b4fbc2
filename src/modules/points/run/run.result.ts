/**
 * The result of a city-sized run as rows: each engine output row turned into the fields of the public result
 * (the same as `allocate` presents), hashed exactly as `resultHash` hashes the object result, and written with
 * the snapshot rows by the bulk writer.
 */
import { createHash } from "node:crypto";
import type { Executor } from "../../../db/transaction";
import {
  CUTOFF_NONE,
  LEVEL_NAMES,
  LEVEL_NONE,
  OUTCOME_NAMES,
  PURPOSE_CODES,
  SCOPE,
  type AllocationColumns,
  type GroupSummary,
} from "../allocation";
import { bulkInsert, type BulkColumn } from "./bulk.writer";
import { GRADE_NAMES, PURPOSE_NAMES, type RunContext, type RunInput } from "./run.input";

/** The public result fields of one row, in the canonical order of `resultHash` (null = absent). */
export interface ResultRowReader {
  applicationId: (row: number) => string;
  purpose: (row: number) => string;
  townCode: (row: number) => string;
  grade: (row: number) => string | null;
  rank: (row: number) => number | null;
  rankScope: (row: number) => string | null;
  outcome: (row: number) => string;
  round: (row: number) => number | null;
  cityRank: (row: number) => number | null;
  schoolId: (row: number) => string | null;
  distance: (row: number) => number | null;
  tieBreak: (row: number) => string | null;
  cityTieBreak: (row: number) => string | null;
}

const level = (code: number): string | null => (code === LEVEL_NONE || code === 0 ? null : LEVEL_NAMES[code]);

/** Readers of the public result fields of each row, from the input and the engine output. */
export function resultReader(
  input: RunInput,
  sortedSchools: RunContext["schools"],
  out: AllocationColumns,
): ResultRowReader {
  const a = input.applicants;
  return {
    applicationId: (row) => input.applicationIds[row],
    purpose: (row) => PURPOSE_NAMES[a.purpose[row]],
    townCode: (row) => input.context.towns[a.town[row]],
    grade: (row) => (a.purpose[row] === PURPOSE_CODES.school ? GRADE_NAMES[a.grade[row]] : null),
    rank: (row) => (out.rank[row] === 0 ? null : out.rank[row]),
    rankScope: (row) => (out.scope[row] === SCOPE.none ? null : out.scope[row] === SCOPE.city ? "city" : "town"),
    outcome: (row) => OUTCOME_NAMES[out.outcome[row]],
    round: (row) =>
      a.purpose[row] === PURPOSE_CODES.hukou && (out.round[row] === 1 || out.round[row] === 2) ? out.round[row] : null,
    cityRank: (row) => (out.cityRank[row] > 0 ? out.cityRank[row] : null),
    schoolId: (row) => (out.school[row] >= 0 ? sortedSchools[out.school[row]].schoolId : null),
    distance: (row) => (out.school[row] >= 0 ? Math.round(out.distance[row] * 100) / 100 : null),
    tieBreak: (row) => level(out.tieBreak[row]),
    cityTieBreak: (row) => level(out.cityTieBreak[row]),
  };
}

const SUMMARY_FIELDS = [
  "purpose",
  "townCode",
  "grade",
  "quota",
  "seats",
  "secondRoundCap",
  "applications",
  "eligible",
  "admitted",
  "admittedSecondRound",
  "forfeited",
  "propertyRefused",
  "cutoffTotal",
] as const;

/** sha256 of the canonical result text, streamed row by row: equal to `resultHash` of the object result. */
export function streamedResultHash(
  count: number,
  reader: ResultRowReader,
  summaries: GroupSummary[],
  secondRound: AllocationColumns["statistics"]["secondRound"],
): string {
  const hash = createHash("sha256").update("gongzhi-points-allocation/1", "utf8");
  const r = reader;
  let batch = "";
  for (let row = 0; row < count; row++) {
    batch += `\n${JSON.stringify([
      r.applicationId(row),
      r.purpose(row),
      r.townCode(row),
      r.grade(row),
      r.rank(row),
      r.rankScope(row),
      r.outcome(row),
      r.round(row),
      r.cityRank(row),
      r.schoolId(row),
      r.distance(row),
      r.tieBreak(row),
      r.cityTieBreak(row),
    ])}`;
    if (batch.length > 65_536) {
      hash.update(batch, "utf8");
      batch = "";
    }
  }
  hash.update(batch, "utf8");
  hash.update("\nsummaries", "utf8");
  for (const summary of summaries)
    hash.update(
      `\n${JSON.stringify(SUMMARY_FIELDS.map((field) => (summary as unknown as Record<string, unknown>)[field] ?? null))}`,
      "utf8",
    );
  const cutoff = secondRound.cutoffTotal === CUTOFF_NONE ? null : secondRound.cutoffTotal;
  hash.update(
    `\n${JSON.stringify([secondRound.places, secondRound.candidates, secondRound.admitted, cutoff])}`,
    "utf8",
  );
  return hash.digest("hex");
}

/** Outcome counts per purpose, for the run's summary and the CLI line. */
export function outcomeCounts(count: number, reader: ResultRowReader): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (let row = 0; row < count; row++) {
    const purpose = (counts[reader.purpose(row)] ??= {});
    const outcome = reader.outcome(row);
    purpose[outcome] = (purpose[outcome] ?? 0) + 1;
  }
  return counts;
}

/** Writes the snapshot rows (points_run_inputs) and the result rows (points_run_results) of a run. */
export async function writeRunRows(
  executor: Executor,
  runId: string,
  input: RunInput,
  reader: ResultRowReader,
  chunkRows?: number,
): Promise<void> {
  const a = input.applicants;
  const run = { name: "run_id", type: "uuid", value: () => runId } as const;
  const inputs: BulkColumn[] = [
    run,
    { name: "row_number", type: "integer", value: (row) => row + 1 },
    { name: "application_id", type: "uuid", value: reader.applicationId },
    { name: "person_id", type: "uuid", value: (row) => input.personIds[row] },
    { name: "town_code", type: "text", value: reader.townCode },
    { name: "purpose", type: "text", value: reader.purpose },
    { name: "grade", type: "text", value: reader.grade },
    { name: "total", type: "integer", value: (row) => a.total[row] },
    { name: "personal_quality", type: "integer", value: (row) => a.personalQuality[row] },
    { name: "insurance", type: "integer", value: (row) => a.insurance[row] },
    { name: "residence", type: "integer", value: (row) => a.residence[row] },
    { name: "applied_at", type: "timestamptz", value: (row) => new Date(a.appliedAt[row]).toISOString() },
    { name: "home_x", type: "double precision", value: (row) => (input.hasHome[row] ? a.homeX[row] : null) },
    { name: "home_y", type: "double precision", value: (row) => (input.hasHome[row] ? a.homeY[row] : null) },
    { name: "eligible", type: "boolean", value: (row) => a.eligible[row] === 1 },
    { name: "refused", type: "boolean", value: (row) => a.refused[row] === 1 },
    { name: "property_key", type: "text", value: (row) => input.propertyKeys[row] },
    { name: "household_key", type: "text", value: (row) => input.householdKeys[row] },
  ];
  await bulkInsert(executor, "points_run_inputs", inputs, a.count, chunkRows);
  const results: BulkColumn[] = [
    run,
    { name: "application_id", type: "uuid", value: reader.applicationId },
    { name: "town_code", type: "text", value: reader.townCode },
    { name: "purpose", type: "text", value: reader.purpose },
    { name: "grade", type: "text", value: reader.grade },
    { name: "total", type: "integer", value: (row) => a.total[row] },
    { name: "rank", type: "integer", value: reader.rank },
    { name: "rank_scope", type: "text", value: reader.rankScope },
    { name: "outcome", type: "text", value: reader.outcome },
    { name: "round", type: "smallint", value: reader.round },
    { name: "city_rank", type: "integer", value: reader.cityRank },
    { name: "city_tie_break", type: "text", value: reader.cityTieBreak },
    { name: "school_id", type: "uuid", value: reader.schoolId },
    { name: "distance", type: "double precision", value: reader.distance },
    { name: "tie_break", type: "text", value: reader.tieBreak },
  ];
  await bulkInsert(executor, "points_run_results", results, a.count, chunkRows);
}
