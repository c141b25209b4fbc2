/**
 * Validates an object-shaped allocation input and turns it into the engine's columns. Bad input is a
 * Problem naming the field (`applicants[3].appliedAt`); nothing here throws for user data.
 */
import { err, ok, type Problem, type Result } from "../../../core/result";
import {
  GRADE_CODES,
  PURPOSE_CODES,
  type ApplicantColumns,
  type QuotaColumns,
  type SchoolColumns,
} from "./allocation.columns";
import type { Applicant, AllocationInput, Coordinates, School } from "./allocation.types";

/** The input in columns, with the lookup tables needed to turn results back into objects. */
export interface PreparedInput {
  applicants: ApplicantColumns;
  quotas: QuotaColumns;
  schools: SchoolColumns;
  /** Applicants in row order (ordered by applicationId). */
  sorted: Applicant[];
  /** Schools in row order (town, grade, schoolId). */
  sortedSchools: School[];
  towns: string[];
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const INT32_MAX = 2147483647;

function problem(field: string, message: string): Result<never> {
  return err<Problem>({ code: "invalid_allocation_input", message: `${field}: ${message}`, field });
}

function isPoints(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v) && Math.abs(v) <= INT32_MAX;
}

function isCount(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= INT32_MAX;
}

function isCoordinates(v: Coordinates | undefined): v is Coordinates {
  return v !== undefined && Number.isFinite(v?.x) && Number.isFinite(v?.y);
}

/** Code-unit string order, independent of locale: the final tie-break key must not depend on the machine. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The applicants ordered by applicationId; a list already in that order (as a database returns it) is not re-sorted. */
function sortedById(applicants: Applicant[]): Applicant[] {
  let ordered = true;
  for (let i = 1; i < applicants.length && ordered; i++) {
    ordered = applicants[i - 1].applicationId < applicants[i].applicationId;
  }
  return ordered ? [...applicants] : [...applicants].sort((a, b) => compareCodeUnits(a.applicationId, b.applicationId));
}

function checkApplicant(p: Applicant, field: string, townIndex: Map<string, number>): Result<number> {
  if (typeof p !== "object" || p === null) return problem(field, "must be an object");
  if (typeof p.applicationId !== "string" || p.applicationId === "")
    return problem(`${field}.applicationId`, "must be a non-empty string");
  if (typeof p.personId !== "string" || p.personId === "")
    return problem(`${field}.personId`, "must be a non-empty string");
  if (!Object.hasOwn(PURPOSE_CODES, p.purpose)) return problem(`${field}.purpose`, "must be school, housing or hukou");
  if (!townIndex.has(p.townCode)) return problem(`${field}.townCode`, `unknown 镇区 code "${p.townCode}"`);
  if (p.purpose === "school") {
    if (p.grade === undefined || !Object.hasOwn(GRADE_CODES, p.grade))
      return problem(`${field}.grade`, "school applications need primary_1 or junior_1");
    if (!isCoordinates(p.home)) return problem(`${field}.home`, "school applications need home coordinates {x, y}");
  }
  for (const key of ["total", "personalQuality", "insurance", "residence"] as const) {
    if (!isPoints(p[key])) return problem(`${field}.${key}`, "must be an integer number of hundredths");
  }
  if (typeof p.appliedAt !== "string" || !TIMESTAMP.test(p.appliedAt) || Number.isNaN(Date.parse(p.appliedAt))) {
    return problem(`${field}.appliedAt`, "must be an ISO 8601 timestamp with a zone, e.g. 2015-03-02T09:30:00+08:00");
  }
  if (typeof p.eligible !== "boolean") return problem(`${field}.eligible`, "must be true or false");
  if (p.propertyId !== undefined && (typeof p.propertyId !== "string" || p.propertyId === "")) {
    return problem(`${field}.propertyId`, "must be a non-empty string when present");
  }
  if (p.householdId !== undefined && (typeof p.householdId !== "string" || p.householdId === "")) {
    return problem(`${field}.householdId`, "must be a non-empty string when present");
  }
  return ok(Date.parse(p.appliedAt));
}

function checkSchool(s: School, field: string, townIndex: Map<string, number>): Result<true> {
  if (typeof s !== "object" || s === null) return problem(field, "must be an object");
  if (typeof s.schoolId !== "string" || s.schoolId === "")
    return problem(`${field}.schoolId`, "must be a non-empty string");
  if (!townIndex.has(s.townCode)) return problem(`${field}.townCode`, `unknown 镇区 code "${s.townCode}"`);
  if (!Object.hasOwn(GRADE_CODES, s.grade)) return problem(`${field}.grade`, "must be primary_1 or junior_1");
  if (!isCount(s.seats)) return problem(`${field}.seats`, "must be a whole number ≥ 0");
  if (!isCoordinates(s.location)) return problem(`${field}.location`, "must be coordinates {x, y}");
  return ok(true);
}

function prepareQuotas(input: AllocationInput, townIndex: Map<string, number>): Result<QuotaColumns> {
  const towns = input.towns.length;
  const quotas: QuotaColumns = {
    townCount: towns,
    schoolPlaces: new Int32Array(2 * towns),
    hukouPlaces: new Int32Array(towns),
    housingUnits: 0,
  };
  const q = input.quotas;
  if (q === undefined || !Array.isArray(q.school) || !Array.isArray(q.hukou))
    return problem("quotas", "needs school and hukou lists");
  const seen = new Set<string>();
  for (const [i, row] of q.school.entries()) {
    const field = `quotas.school[${i}]`;
    if (typeof row !== "object" || row === null) return problem(field, "must be an object");
    const t = townIndex.get(row.townCode);
    if (t === undefined) return problem(`${field}.townCode`, `unknown 镇区 code "${row.townCode}"`);
    if (!Object.hasOwn(GRADE_CODES, row.grade)) return problem(`${field}.grade`, "must be primary_1 or junior_1");
    if (!isCount(row.places)) return problem(`${field}.places`, "must be a whole number ≥ 0");
    if (seen.has(`school:${row.townCode}/${row.grade}`))
      return problem(field, "duplicate quota for this 镇区 and grade");
    seen.add(`school:${row.townCode}/${row.grade}`);
    quotas.schoolPlaces[t * 2 + GRADE_CODES[row.grade]] = row.places;
  }
  for (const [i, row] of q.hukou.entries()) {
    const field = `quotas.hukou[${i}]`;
    if (typeof row !== "object" || row === null) return problem(field, "must be an object");
    const t = townIndex.get(row.townCode);
    if (t === undefined) return problem(`${field}.townCode`, `unknown 镇区 code "${row.townCode}"`);
    if (!isCount(row.places)) return problem(`${field}.places`, "must be a whole number ≥ 0");
    if (seen.has(`hukou:${row.townCode}`)) return problem(field, "duplicate quota for this 镇区");
    seen.add(`hukou:${row.townCode}`);
    quotas.hukouPlaces[t] = row.places;
  }
  if (!isCount(q.housingUnits)) return problem("quotas.housingUnits", "must be a whole number ≥ 0");
  quotas.housingUnits = q.housingUnits;
  return ok(quotas);
}

function prepareSchools(
  input: AllocationInput,
  townIndex: Map<string, number>,
): Result<{ columns: SchoolColumns; sorted: School[] }> {
  if (!Array.isArray(input.schools)) return problem("schools", "must be a list");
  const ids = new Set<string>();
  for (const [i, s] of input.schools.entries()) {
    const checked = checkSchool(s, `schools[${i}]`, townIndex);
    if (!checked.ok) return checked;
    if (ids.has(s.schoolId)) return problem(`schools[${i}].schoolId`, `duplicate school "${s.schoolId}"`);
    ids.add(s.schoolId);
  }
  const scopeOf = (s: School) => townIndex.get(s.townCode)! * 2 + GRADE_CODES[s.grade];
  const sorted = [...input.schools].sort((a, b) => scopeOf(a) - scopeOf(b) || compareCodeUnits(a.schoolId, b.schoolId));
  const count = sorted.length;
  const columns: SchoolColumns = {
    count,
    town: new Uint16Array(count),
    grade: new Uint8Array(count),
    seats: new Int32Array(count),
    x: new Float64Array(count),
    y: new Float64Array(count),
  };
  sorted.forEach((s, k) => {
    columns.town[k] = townIndex.get(s.townCode)!;
    columns.grade[k] = GRADE_CODES[s.grade];
    columns.seats[k] = s.seats;
    columns.x[k] = s.location.x;
    columns.y[k] = s.location.y;
  });
  return ok({ columns, sorted });
}

/** Zeroed applicant columns for n applicants (no property: -1), for callers that fill them in bulk. */
export function emptyApplicantColumns(n: number): ApplicantColumns {
  return {
    count: n,
    purpose: new Uint8Array(n),
    town: new Uint16Array(n),
    grade: new Uint8Array(n),
    total: new Int32Array(n),
    personalQuality: new Int32Array(n),
    insurance: new Int32Array(n),
    residence: new Int32Array(n),
    appliedAt: new Float64Array(n),
    homeX: new Float64Array(n),
    homeY: new Float64Array(n),
    eligible: new Uint8Array(n),
    refused: new Uint8Array(n),
    property: new Int32Array(n).fill(-1),
    household: new Int32Array(n),
    propertyCount: 0,
  };
}

/** Validates the whole input and builds the engine's columns (applicants ordered by applicationId). */
export function prepareInput(input: AllocationInput): Result<PreparedInput> {
  if (!Array.isArray(input.towns) || input.towns.length === 0) return problem("towns", "must list the 镇区 codes");
  if (input.towns.length > 0xffff) return problem("towns", "too many towns");
  const townIndex = new Map<string, number>();
  for (const [i, code] of input.towns.entries()) {
    if (typeof code !== "string" || code === "" || townIndex.has(code))
      return problem(`towns[${i}]`, "must be a unique non-empty code");
    townIndex.set(code, i);
  }
  const quotas = prepareQuotas(input, townIndex);
  if (!quotas.ok) return quotas;
  const schools = prepareSchools(input, townIndex);
  if (!schools.ok) return schools;
  if (!Array.isArray(input.applicants)) return problem("applicants", "must be a list");
  const times = new Map<Applicant, number>();
  const ids = new Set<string>();
  for (const [i, p] of input.applicants.entries()) {
    const checked = checkApplicant(p, `applicants[${i}]`, townIndex);
    if (!checked.ok) return checked;
    if (ids.has(p.applicationId))
      return problem(`applicants[${i}].applicationId`, `duplicate application "${p.applicationId}"`);
    ids.add(p.applicationId);
    times.set(p, checked.value);
  }
  const refused = new Set<string>();
  for (const [i, id] of (input.refused ?? []).entries()) {
    if (!ids.has(id)) return problem(`refused[${i}]`, `unknown application "${id}"`);
    refused.add(id);
  }
  const sorted = sortedById(input.applicants);
  const columns = emptyApplicantColumns(sorted.length);
  const properties = new Map<string, number>();
  const households = new Map<string, number>();
  sorted.forEach((p, r) => {
    columns.purpose[r] = PURPOSE_CODES[p.purpose];
    columns.town[r] = townIndex.get(p.townCode)!;
    columns.grade[r] = p.purpose === "school" ? GRADE_CODES[p.grade!] : 0;
    columns.total[r] = p.total;
    columns.personalQuality[r] = p.personalQuality;
    columns.insurance[r] = p.insurance;
    columns.residence[r] = p.residence;
    columns.appliedAt[r] = times.get(p)!;
    columns.homeX[r] = p.home?.x ?? 0;
    columns.homeY[r] = p.home?.y ?? 0;
    columns.eligible[r] = p.eligible ? 1 : 0;
    columns.refused[r] = refused.has(p.applicationId) ? 1 : 0;
    if (p.propertyId !== undefined) {
      if (!properties.has(p.propertyId)) properties.set(p.propertyId, properties.size);
      columns.property[r] = properties.get(p.propertyId)!;
    }
    const household = p.householdId === undefined ? `person:${p.personId}` : `household:${p.householdId}`;
    if (!households.has(household)) households.set(household, households.size);
    columns.household[r] = households.get(household)!;
  });
  columns.propertyCount = properties.size;
  return ok({
    applicants: columns,
    quotas: quotas.value,
    schools: schools.value.columns,
    sorted,
    sortedSchools: schools.value.sorted,
    towns: input.towns,
  });
}
