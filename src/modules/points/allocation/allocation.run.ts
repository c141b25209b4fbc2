/**
 * The object-shaped entry point: validate, convert to columns, run the engine, and present one result per
 * application plus the per-scope summaries. Use `allocateColumns` directly for city-sized runs.
 */
import type { Result } from "../../../core/result";
import { ok } from "../../../core/result";
import {
  CUTOFF_NONE,
  LEVEL_NAMES,
  LEVEL_NONE,
  OUTCOME_NAMES,
  SCOPE,
  type AllocationColumns,
} from "./allocation.columns";
import { allocateColumns } from "./allocation.engine";
import { prepareInput, type PreparedInput } from "./allocation.input";
import type {
  AllocationInput,
  AllocationResult,
  ApplicationResult,
  Grade,
  GroupSummary,
  TieBreakLevel,
} from "./allocation.types";

const GRADES: Grade[] = ["primary_1", "junior_1"];

/** Ranks and allocates every application of one run (school, hukou, housing); bad input is a Problem naming the field. */
export function allocate(input: AllocationInput): Result<AllocationResult> {
  const prepared = prepareInput(input);
  if (!prepared.ok) return prepared;
  const columns = allocateColumns(prepared.value.applicants, prepared.value.quotas, prepared.value.schools);
  return ok(presentResult(prepared.value, columns));
}

const cutoff = (v: number): number | null => (v === CUTOFF_NONE ? null : v);

function presentApplication(p: PreparedInput, out: AllocationColumns, row: number): ApplicationResult {
  const applicant = p.sorted[row];
  const result: ApplicationResult = {
    applicationId: applicant.applicationId,
    purpose: applicant.purpose,
    townCode: applicant.townCode,
    rank: out.rank[row] === 0 ? null : out.rank[row],
    rankScope: out.scope[row] === SCOPE.none ? null : out.scope[row] === SCOPE.city ? "city" : "town",
    outcome: OUTCOME_NAMES[out.outcome[row]],
  };
  if (applicant.grade !== undefined && applicant.purpose === "school") result.grade = applicant.grade;
  if (applicant.purpose === "hukou" && (out.round[row] === 1 || out.round[row] === 2))
    result.round = out.round[row] as 1 | 2;
  if (out.cityRank[row] > 0) result.cityRank = out.cityRank[row];
  const cityLevel = out.cityTieBreak[row];
  if (cityLevel !== LEVEL_NONE && cityLevel !== 0) result.cityTieBreak = LEVEL_NAMES[cityLevel] as TieBreakLevel;
  if (out.school[row] >= 0) {
    result.schoolId = p.sortedSchools[out.school[row]].schoolId;
    result.distance = Math.round(out.distance[row] * 100) / 100;
  }
  const level = out.tieBreak[row];
  if (level !== LEVEL_NONE && level !== 0) result.tieBreak = LEVEL_NAMES[level] as TieBreakLevel;
  return result;
}

/** The per-scope summaries of a run (school per 镇区 and grade, hukou per 镇区, housing city-wide), from the columns. */
export function presentSummaries(p: Pick<PreparedInput, "towns" | "quotas">, out: AllocationColumns): GroupSummary[] {
  const s = out.statistics;
  const towns = p.towns.length;
  const base = (i: number) => ({
    applications: s.applications[i],
    eligible: s.eligible[i],
    admitted: s.admitted[i],
    forfeited: s.forfeited[i],
    propertyRefused: s.propertyRefused[i],
    cutoffTotal: cutoff(s.cutoffTotal[i]),
  });
  const summaries: GroupSummary[] = [];
  p.towns.forEach((townCode, t) => {
    for (const grade of GRADES) {
      const i = t * 2 + (grade === "primary_1" ? 0 : 1);
      summaries.push({
        purpose: "school",
        townCode,
        grade,
        quota: p.quotas.schoolPlaces[i],
        seats: s.seats[i],
        ...base(i),
      });
    }
  });
  p.towns.forEach((townCode, t) => {
    const quota = p.quotas.hukouPlaces[t];
    const i = 2 * towns + t;
    summaries.push({
      purpose: "hukou",
      townCode,
      quota,
      secondRoundCap: Math.floor(quota / 10),
      ...base(i),
      admittedSecondRound: s.admittedSecondRound[i],
    });
  });
  summaries.push({ purpose: "housing", townCode: null, quota: p.quotas.housingUnits, ...base(3 * towns) });
  return summaries;
}

/** Turns engine columns back into the public result objects (applications ordered by applicationId). */
export function presentResult(p: PreparedInput, out: AllocationColumns): AllocationResult {
  const applications = p.sorted.map((_, row) => presentApplication(p, out, row));
  const second = out.statistics.secondRound;
  return {
    applications,
    summaries: presentSummaries(p, out),
    hukouSecondRound: {
      places: second.places,
      candidates: second.candidates,
      admitted: second.admitted,
      cutoffTotal: cutoff(second.cutoffTotal),
    },
  };
}
