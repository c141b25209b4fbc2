/**
 * The column-oriented ranking and allocation engine (中府办〔2014〕50号 Arts. 9–11, 13). Pure and deterministic:
 * the output depends only on the columns, and row order only through the applicationId order it encodes.
 */
import {
  CUTOFF_NONE,
  LEVEL_NONE,
  OUTCOME,
  PURPOSE_CODES,
  SCOPE,
  scopeIndex,
  type AllocationColumns,
  type ApplicantColumns,
  type QuotaColumns,
  type SchoolColumns,
  type ScopeStatistics,
} from "./allocation.columns";
import { regroup, separatingLevel, sortByMerit } from "./merit.sort";

const NO_CLAIM = -1;
/** Hukou property claims record this instead of a household: any other application is refused. */
const HUKOU_CLAIM = -2;

interface Working {
  a: ApplicantColumns;
  out: AllocationColumns;
  stats: ScopeStatistics;
  scope: Int32Array;
}

/** Throws when columns do not have the declared lengths: a bug in the caller that builds them, not user input. */
function checkShapes(a: ApplicantColumns, quotas: QuotaColumns, schools: SchoolColumns): void {
  const applicantColumns = [
    a.purpose,
    a.town,
    a.grade,
    a.total,
    a.personalQuality,
    a.insurance,
    a.residence,
    a.appliedAt,
    a.homeX,
    a.homeY,
    a.eligible,
    a.refused,
    a.property,
    a.household,
  ];
  if (applicantColumns.some((c) => c.length !== a.count))
    throw new Error("applicant columns must all have `count` rows");
  const schoolColumns = [schools.town, schools.grade, schools.seats, schools.x, schools.y];
  if (schoolColumns.some((c) => c.length !== schools.count))
    throw new Error("school columns must all have `count` rows");
  if (quotas.schoolPlaces.length !== 2 * quotas.townCount || quotas.hukouPlaces.length !== quotas.townCount) {
    throw new Error("quota columns must match townCount");
  }
  const towns = quotas.townCount;
  const { purpose, town, grade, property, propertyCount } = a;
  let bad = -1;
  for (let r = 0; r < a.count; r++) {
    if (purpose[r] > 2 || town[r] >= towns || grade[r] > 1 || property[r] >= propertyCount) bad = r;
  }
  if (bad >= 0) throw new Error(`applicant row ${bad}: purpose, town, grade or property code out of range`);
  for (let k = 0; k < schools.count; k++) {
    if (schools.town[k] >= towns || schools.grade[k] > 1)
      throw new Error(`school row ${k}: town or grade code out of range`);
  }
}

/** Ranks and allocates every purpose; the single entry point of the columnar engine. */
export function allocateColumns(a: ApplicantColumns, quotas: QuotaColumns, schools: SchoolColumns): AllocationColumns {
  checkShapes(a, quotas, schools);
  const n = a.count;
  const towns = quotas.townCount;
  const scopeCount = 3 * towns + 1;
  const out: AllocationColumns = {
    rank: new Int32Array(n),
    scope: new Uint8Array(n),
    outcome: new Uint8Array(n),
    round: new Uint8Array(n),
    cityRank: new Int32Array(n),
    cityTieBreak: new Uint8Array(n).fill(LEVEL_NONE),
    school: new Int32Array(n).fill(-1),
    distance: new Float64Array(n),
    tieBreak: new Uint8Array(n).fill(LEVEL_NONE),
    statistics: emptyStatistics(scopeCount),
  };
  const stats = out.statistics;
  const scope = new Int32Array(n);
  let eligibleCount = 0;
  const { purpose, town, grade, eligible } = a;
  const { applications, eligible: eligibleInScope } = stats;
  for (let r = 0; r < n; r++) {
    const s = scopeIndex(purpose[r], town[r], grade[r], towns);
    scope[r] = s;
    applications[s]++;
    if (eligible[r]) {
      eligibleCount++;
      eligibleInScope[s]++;
    }
  }
  const rows = new Int32Array(eligibleCount);
  for (let r = 0, i = 0; r < n; r++) if (eligible[r]) rows[i++] = r;

  // City-wide merit order per purpose, then the per-scope lists as stable subsequences of it.
  const cityOrder = sortByMerit(a, rows, a.purpose, 3);
  const purposeStart = new Int32Array(4);
  for (let i = 0; i < eligibleCount; i++) purposeStart[a.purpose[rows[i]] + 1]++;
  for (let k = 0; k < 3; k++) purposeStart[k + 1] += purposeStart[k];
  const lists = regroup(cityOrder, scope, scopeCount);
  assignRanks(a, out, lists.order, lists.start, towns);

  const w: Working = { a, out, stats, scope };
  const school = cityOrder.subarray(purposeStart[PURPOSE_CODES.school], purposeStart[PURPOSE_CODES.school + 1]);
  const housing = cityOrder.subarray(purposeStart[PURPOSE_CODES.housing], purposeStart[PURPOSE_CODES.housing + 1]);
  const hukou = cityOrder.subarray(purposeStart[PURPOSE_CODES.hukou], purposeStart[PURPOSE_CODES.hukou + 1]);
  allocateSchool(w, school, quotas, schools);
  allocateHukou(w, hukou, quotas);
  allocateHousing(w, housing, quotas.housingUnits);
  return out;
}

function emptyStatistics(scopeCount: number): ScopeStatistics {
  return {
    applications: new Int32Array(scopeCount),
    eligible: new Int32Array(scopeCount),
    admitted: new Int32Array(scopeCount),
    admittedSecondRound: new Int32Array(scopeCount),
    forfeited: new Int32Array(scopeCount),
    propertyRefused: new Int32Array(scopeCount),
    cutoffTotal: new Int32Array(scopeCount).fill(CUTOFF_NONE),
    seats: new Int32Array(scopeCount),
    secondRound: { places: 0, candidates: 0, admitted: 0, cutoffTotal: CUTOFF_NONE },
  };
}

/** Rank numbers 1..n per scope and the tie-break level against the row ranked just above. */
function assignRanks(
  a: ApplicantColumns,
  out: AllocationColumns,
  order: Int32Array,
  start: Int32Array,
  towns: number,
): void {
  const housingScope = 3 * towns;
  for (let s = 0; s < start.length - 1; s++) {
    const scopeCode = s === housingScope ? SCOPE.city : SCOPE.town;
    for (let i = start[s]; i < start[s + 1]; i++) {
      const row = order[i];
      out.rank[row] = i - start[s] + 1;
      out.scope[row] = scopeCode;
      if (i > start[s]) out.tieBreak[row] = separatingLevel(a, order[i - 1], row);
    }
  }
  for (let r = 0; r < a.count; r++) if (!a.eligible[r]) out.outcome[r] = OUTCOME.ineligible;
}

/** Marks a row forfeited when its holder refused the placement; true when it did. */
function forfeit(w: Working, row: number): boolean {
  if (!w.a.refused[row]) return false;
  w.out.outcome[row] = OUTCOME.forfeited;
  w.stats.forfeited[w.scope[row]]++;
  return true;
}

function admit(w: Working, row: number, round: number): void {
  w.out.outcome[row] = OUTCOME.admitted;
  w.out.round[row] = round;
  const s = w.scope[row];
  if (round === 2) {
    w.stats.admittedSecondRound[s]++;
    return;
  }
  w.stats.admitted[s]++;
  w.stats.cutoffTotal[s] = w.a.total[row];
}

function refuseForProperty(w: Working, row: number): void {
  w.out.outcome[row] = OUTCOME.propertyUsed;
  w.stats.propertyRefused[w.scope[row]]++;
}

/**
 * School (Impl. Art. 9(3)): in city-wide merit order (which keeps each 镇区 × grade list in rank order), a child
 * within the scope's quota goes to the nearest school of that scope with a free seat; the property claim follows
 * the admissions, so a property already used by another household refuses the application.
 */
function allocateSchool(w: Working, order: Int32Array, quotas: QuotaColumns, schools: SchoolColumns): void {
  const { a, out, stats } = w;
  const scopes = 2 * quotas.townCount;
  const schoolStart = new Int32Array(scopes + 1);
  for (let k = 0; k < schools.count; k++) {
    const s = schools.town[k] * 2 + schools.grade[k];
    if (k > 0 && s < schools.town[k - 1] * 2 + schools.grade[k - 1])
      throw new Error("schools must be ordered by town and grade");
    schoolStart[s + 1]++;
    stats.seats[s] += schools.seats[k];
  }
  for (let s = 0; s < scopes; s++) schoolStart[s + 1] += schoolStart[s];
  const free = schools.seats.slice();
  const claim = new Int32Array(a.propertyCount).fill(NO_CLAIM);
  const { refused, homeX, homeY, property, household } = a;
  const { x, y } = schools;
  const scope = w.scope;
  const admitted = stats.admitted;
  const places = quotas.schoolPlaces;
  for (let i = 0; i < order.length; i++) {
    const row = order[i];
    if (refused[row] && forfeit(w, row)) continue;
    const s = scope[row];
    out.outcome[row] = OUTCOME.waiting;
    if (admitted[s] >= places[s]) continue;
    const hx = homeX[row];
    const hy = homeY[row];
    let best = -1;
    let bestSquared = Infinity;
    for (let k = schoolStart[s], end = schoolStart[s + 1]; k < end; k++) {
      if (free[k] <= 0) continue;
      const dx = x[k] - hx;
      const dy = y[k] - hy;
      const squared = dx * dx + dy * dy;
      if (squared < bestSquared) {
        bestSquared = squared;
        best = k;
      }
    }
    if (best < 0) continue;
    const p = property[row];
    if (p >= 0) {
      if (claim[p] !== NO_CLAIM && claim[p] !== household[row]) {
        refuseForProperty(w, row);
        continue;
      }
      claim[p] = household[row];
    }
    free[best]--;
    out.school[row] = best;
    out.distance[row] = Math.sqrt(bestSquared);
    admit(w, row, 1);
  }
}

/** Claims the row's property for a hukou admission; false (and marks the row) when already used. */
function claimForHukou(w: Working, claim: Int32Array, row: number): boolean {
  const property = w.a.property[row];
  if (property < 0) return true;
  if (claim[property] === HUKOU_CLAIM) {
    refuseForProperty(w, row);
    return false;
  }
  claim[property] = HUKOU_CLAIM;
  return true;
}

/**
 * Hukou (Impl. Art. 11(3)): a first round per 镇区 within its quota; the unused places of all 镇区 then go to a
 * city-wide second round among those not admitted, in the same merit order, each 镇区 sending at most
 * floor(10% of its quota) entrants.
 */
function allocateHukou(w: Working, order: Int32Array, quotas: QuotaColumns): void {
  const { a, out, stats, scope } = w;
  const towns = quotas.townCount;
  const claim = new Int32Array(a.propertyCount).fill(NO_CLAIM);
  const { refused, town } = a;
  const { admitted, admittedSecondRound } = stats;
  const outcome = out.outcome;
  const places = quotas.hukouPlaces;
  for (let i = 0; i < order.length; i++) {
    const row = order[i];
    if (refused[row] && forfeit(w, row)) continue;
    outcome[row] = OUTCOME.notAdmitted;
    if (admitted[scope[row]] >= places[town[row]]) continue;
    if (claimForHukou(w, claim, row)) admit(w, row, 1);
  }
  let unused = 0;
  const cap = new Int32Array(towns);
  for (let t = 0; t < towns; t++) {
    unused += Math.max(0, places[t] - admitted[2 * towns + t]);
    cap[t] = Math.floor(places[t] / 10);
  }
  const second = stats.secondRound;
  second.places = unused;
  const { cityRank, cityTieBreak } = out;
  let previous = -1;
  for (let i = 0; i < order.length; i++) {
    const row = order[i];
    if (outcome[row] !== OUTCOME.notAdmitted) continue;
    cityRank[row] = ++second.candidates;
    if (previous >= 0) cityTieBreak[row] = separatingLevel(a, previous, row);
    previous = row;
    if (second.admitted >= unused || admittedSecondRound[scope[row]] >= cap[town[row]]) continue;
    if (!claimForHukou(w, claim, row)) continue;
    admit(w, row, 2);
    second.admitted++;
    second.cutoffTotal = a.total[row];
  }
}

/** Public rental housing (Impl. Art. 10(6)): city-wide merit order, up to the units offered. */
function allocateHousing(w: Working, order: Int32Array, units: number): void {
  const { out, stats } = w;
  for (let i = 0; i < order.length; i++) {
    const row = order[i];
    if (forfeit(w, row)) continue;
    out.outcome[row] = OUTCOME.waiting;
    if (stats.admitted[w.scope[row]] < units) admit(w, row, 1);
  }
}
