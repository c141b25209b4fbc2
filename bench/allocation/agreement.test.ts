import { describe, expect, it } from "vitest";
import {
  allocate,
  allocateColumns,
  LEVEL_NAMES,
  OUTCOME_NAMES,
  type Applicant,
  type Grade,
  type Purpose,
  type School,
} from "../../src/modules/points/allocation";
import { generatePopulation } from "./population";

const PURPOSES: Purpose[] = ["school", "housing", "hukou"];
const GRADES: Grade[] = ["primary_1", "junior_1"];

describe("object API and columnar engine agree", () => {
  // The benchmark city at 6,000 rows, quotas shrunk so that every rule (including the hukou second round) bites.
  const p = generatePopulation(6_000);
  const a = p.applicants;
  p.quotas.hukouPlaces = p.quotas.hukouPlaces.map((v, t) => (t % 4 === 0 ? 500 : Math.ceil(v / 10)));
  const codes = p.towns.map((t) => t.code);
  const id = (r: number) => `A${String(r).padStart(7, "0")}`;
  const applicants: Applicant[] = Array.from({ length: a.count }, (_, r) => ({
    applicationId: id(r),
    personId: `P${r}`,
    householdId: `H${a.household[r]}`,
    purpose: PURPOSES[a.purpose[r]],
    townCode: codes[a.town[r]],
    grade: a.purpose[r] === 0 ? GRADES[a.grade[r]] : undefined,
    total: a.total[r],
    personalQuality: a.personalQuality[r],
    insurance: a.insurance[r],
    residence: a.residence[r],
    appliedAt: new Date(a.appliedAt[r]).toISOString(),
    home: a.purpose[r] === 0 ? { x: a.homeX[r], y: a.homeY[r] } : undefined,
    eligible: a.eligible[r] === 1,
    propertyId: a.property[r] >= 0 ? `R${a.property[r]}` : undefined,
  }));
  const schools: School[] = Array.from({ length: p.schools.count }, (_, k) => ({
    schoolId: `S${String(k).padStart(4, "0")}`,
    townCode: codes[p.schools.town[k]],
    grade: GRADES[p.schools.grade[k]],
    seats: p.schools.seats[k],
    location: { x: p.schools.x[k], y: p.schools.y[k] },
  }));
  const columns = allocateColumns(a, p.quotas, p.schools);
  const run = allocate({
    towns: codes,
    applicants: [...applicants].reverse(),
    schools,
    quotas: {
      school: codes.flatMap((townCode, t) =>
        GRADES.map((grade, g) => ({ townCode, grade, places: p.quotas.schoolPlaces[2 * t + g] })),
      ),
      hukou: codes.map((townCode, t) => ({ townCode, places: p.quotas.hukouPlaces[t] })),
      housingUnits: p.quotas.housingUnits,
    },
    refused: applicants.filter((_, r) => a.refused[r]).map((x) => x.applicationId),
  });

  it("gives every application the same rank, outcome, round and school", () => {
    expect(run.ok).toBe(true);
    if (!run.ok) return;
    expect(run.value.hukouSecondRound.admitted).toBeGreaterThan(0);
    run.value.applications.forEach((result, r) => {
      expect(result.applicationId).toBe(id(r));
      const level = columns.tieBreak[r];
      const cityLevel = columns.cityTieBreak[r];
      expect(result.cityTieBreak ?? null).toBe(
        cityLevel > 0 && cityLevel < LEVEL_NAMES.length ? LEVEL_NAMES[cityLevel] : null,
      );
      expect(result.cityRank ?? 0).toBe(columns.cityRank[r]);
      expect([
        result.rank,
        result.outcome,
        result.round ?? 0,
        result.schoolId ?? null,
        result.tieBreak ?? null,
      ]).toEqual([
        columns.rank[r] || null,
        OUTCOME_NAMES[columns.outcome[r]],
        a.purpose[r] === 2 ? columns.round[r] : 0,
        columns.school[r] >= 0 ? schools[columns.school[r]].schoolId : null,
        level > 0 && level < LEVEL_NAMES.length ? LEVEL_NAMES[level] : null,
      ]);
    });
  });

  it("rejects columns of the wrong shape and unordered schools as bugs", () => {
    expect(() => allocateColumns({ ...a, total: a.total.subarray(1) }, p.quotas, p.schools)).toThrow(/count/);
    expect(() => allocateColumns({ ...a, town: a.town.map(() => 99) }, p.quotas, p.schools)).toThrow(/range/);
    const reversed = { ...p.schools, town: p.schools.town.slice().reverse() };
    expect(() => allocateColumns(a, p.quotas, reversed)).toThrow(/ordered/);
  });
});
