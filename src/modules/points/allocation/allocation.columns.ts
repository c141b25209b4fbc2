/**
 * Column-oriented shapes of the allocation engine: what a database-backed ranking job streams in for a
 * whole city (a million rows) without building one object per application.
 */

/** Purpose codes of the `purpose` column. */
export const PURPOSE_CODES = { school: 0, housing: 1, hukou: 2 } as const;
/** Grade codes of the `grade` column (school rows only). */
export const GRADE_CODES = { primary_1: 0, junior_1: 1 } as const;

/** Outcome codes of the `outcome` output column, index = code. */
export const OUTCOME_NAMES = [
  "ineligible",
  "admitted",
  "waiting",
  "not_admitted",
  "forfeited",
  "refused_property_used",
] as const;
export const OUTCOME = {
  ineligible: 0,
  admitted: 1,
  waiting: 2,
  notAdmitted: 3,
  forfeited: 4,
  propertyUsed: 5,
} as const;

/** Tie-break level codes of the `tieBreak` output column; NONE = first of its scope. */
export const LEVEL_NAMES = [
  "total",
  "personalQuality",
  "insurance",
  "residence",
  "appliedAt",
  "applicationId",
] as const;
export const LEVEL_NONE = 255;

/** Scope codes of the `scope` output column. */
export const SCOPE = { none: 0, town: 1, city: 2 } as const;

/**
 * Applicants as columns. Rows MUST be ordered by applicationId: the row index is the final tie-break key.
 * `town` indexes the run's town list; `property` and `household` are dense ordinals (-1: no property).
 */
export interface ApplicantColumns {
  count: number;
  purpose: Uint8Array;
  town: Uint16Array;
  grade: Uint8Array;
  total: Int32Array;
  personalQuality: Int32Array;
  insurance: Int32Array;
  residence: Int32Array;
  /** Epoch milliseconds (integers). */
  appliedAt: Float64Array;
  homeX: Float64Array;
  homeY: Float64Array;
  eligible: Uint8Array;
  refused: Uint8Array;
  property: Int32Array;
  household: Int32Array;
  /** Number of distinct property ordinals (size of the claim tables). */
  propertyCount: number;
}

/** Schools as columns, rows ordered by (town, grade, schoolId): the scan order breaks distance ties by schoolId. */
export interface SchoolColumns {
  count: number;
  town: Uint16Array;
  grade: Uint8Array;
  seats: Int32Array;
  x: Float64Array;
  y: Float64Array;
}

/** Quotas as columns: school places at [town * 2 + grade], hukou places at [town]. */
export interface QuotaColumns {
  townCount: number;
  schoolPlaces: Int32Array;
  hukouPlaces: Int32Array;
  housingUnits: number;
}

/**
 * Per-scope statistics. Scope index: school (town, grade) = town * 2 + grade; hukou = 2T + town; housing = 3T.
 * cutoffTotal holds CUTOFF_NONE when nobody was admitted.
 */
export interface ScopeStatistics {
  applications: Int32Array;
  eligible: Int32Array;
  admitted: Int32Array;
  admittedSecondRound: Int32Array;
  forfeited: Int32Array;
  propertyRefused: Int32Array;
  cutoffTotal: Int32Array;
  seats: Int32Array;
  secondRound: { places: number; candidates: number; admitted: number; cutoffTotal: number };
}

export const CUTOFF_NONE = -2147483648;

/** Engine output, one entry per applicant row. rank/cityRank 0 = none; school -1 = none (distance then 0). */
export interface AllocationColumns {
  rank: Int32Array;
  scope: Uint8Array;
  outcome: Uint8Array;
  round: Uint8Array;
  cityRank: Int32Array;
  /** Tie-break level against the previous second-round candidate in city order (LEVEL_NONE for the first). */
  cityTieBreak: Uint8Array;
  school: Int32Array;
  distance: Float64Array;
  tieBreak: Uint8Array;
  statistics: ScopeStatistics;
}

/** Index of the ranking scope of a row: see ScopeStatistics. */
export function scopeIndex(purpose: number, town: number, grade: number, townCount: number): number {
  if (purpose === PURPOSE_CODES.school) return town * 2 + grade;
  if (purpose === PURPOSE_CODES.hukou) return 2 * townCount + town;
  return 3 * townCount;
}
