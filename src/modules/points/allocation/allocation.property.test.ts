import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate } from "./allocation.run";
import type { AllocationInput, Applicant, ApplicationResult, School } from "./allocation.types";

const TOWNS = ["a", "b", "c"];
const GRADES = ["primary_1", "junior_1"] as const;

const applicantArbitrary = fc.record({
  purpose: fc.constantFrom("school" as const, "hukou" as const, "housing" as const),
  town: fc.integer({ min: 0, max: 2 }),
  grade: fc.integer({ min: 0, max: 1 }),
  total: fc.integer({ min: 30, max: 36 }).map((v) => v * 100),
  pq: fc.constantFrom(0, 100, 200),
  ins: fc.constantFrom(0, 100),
  res: fc.constantFrom(0, 100),
  minute: fc.integer({ min: 0, max: 3 }),
  eligible: fc.integer({ min: 0, max: 9 }).map((v) => v < 8),
  x: fc.integer({ min: 0, max: 20 }),
  property: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  household: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  refused: fc.boolean(),
});

const inputArbitrary = fc
  .record({
    applicants: fc.array(applicantArbitrary, { maxLength: 150, size: "max" }),
    schools: fc.array(
      fc.record({
        town: fc.integer({ min: 0, max: 2 }),
        grade: fc.integer({ min: 0, max: 1 }),
        seats: fc.integer({ min: 0, max: 5 }),
        x: fc.integer({ min: 0, max: 20 }),
      }),
      { maxLength: 12, size: "max" },
    ),
    schoolPlaces: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 6, maxLength: 6 }),
    hukouPlaces: fc.array(fc.integer({ min: 0, max: 25 }), { minLength: 3, maxLength: 3 }),
    housingUnits: fc.integer({ min: 0, max: 10 }),
  })
  .map((g): AllocationInput => {
    const applicants: Applicant[] = g.applicants.map((p, i) => ({
      applicationId: `app-${String(i).padStart(3, "0")}`,
      personId: `person-${i % 20}`,
      purpose: p.purpose,
      townCode: TOWNS[p.town],
      grade: p.purpose === "school" ? GRADES[p.grade] : undefined,
      total: p.total,
      personalQuality: p.pq,
      insurance: p.ins,
      residence: p.res,
      appliedAt: `2015-03-01T09:0${p.minute}:00+08:00`,
      home: p.purpose === "school" ? { x: p.x, y: 0 } : undefined,
      eligible: p.eligible,
      propertyId: p.property === undefined ? undefined : `property-${p.property}`,
      householdId: p.household === undefined ? undefined : `household-${p.household}`,
    }));
    const schools: School[] = g.schools.map((s, k) => ({
      schoolId: `school-${k}`,
      townCode: TOWNS[s.town],
      grade: GRADES[s.grade],
      seats: s.seats,
      location: { x: s.x, y: 3 },
    }));
    return {
      towns: TOWNS,
      applicants,
      schools,
      quotas: {
        school: TOWNS.flatMap((townCode, t) =>
          GRADES.map((grade, k) => ({ townCode, grade, places: g.schoolPlaces[t * 2 + k] })),
        ),
        hukou: TOWNS.map((townCode, t) => ({ townCode, places: g.hukouPlaces[t] })),
        housingUnits: g.housingUnits,
      },
      refused: applicants.filter((_, i) => g.applicants[i].refused && i % 3 === 0).map((a) => a.applicationId),
    };
  });

const EXCUSED = new Set(["forfeited", "refused_property_used"]);

/** Within one ranked list, nobody admitted below a better-ranked eligible applicant who was not (bar the excuses). */
function checkMonotone(list: ApplicationResult[], admitted: (r: ApplicationResult) => boolean): void {
  const sorted = [...list].sort((x, y) => x.rank! - y.rank!);
  let sawPassedOver = false;
  for (const r of sorted) {
    if (admitted(r)) expect(sawPassedOver).toBe(false);
    else if (!EXCUSED.has(r.outcome)) sawPassedOver = true;
  }
}

describe("allocation invariants (property test)", () => {
  it("respects quotas, seats, the 10% cap and merit order", () => {
    fc.assert(
      fc.property(inputArbitrary, (value) => {
        const run = allocate(value);
        expect(run.ok).toBe(true);
        if (!run.ok) return;
        const apps = run.value.applications;
        const byId = new Map(value.applicants.map((a) => [a.applicationId, a]));
        const admitted = (r: ApplicationResult) => r.outcome === "admitted";

        for (const [t, townCode] of TOWNS.entries()) {
          for (const [k, grade] of GRADES.entries()) {
            const list = apps.filter(
              (r) => r.purpose === "school" && r.townCode === townCode && r.grade === grade && r.rank !== null,
            );
            expect(list.filter(admitted).length).toBeLessThanOrEqual(value.quotas.school[t * 2 + k].places);
            expect(list.map((r) => r.rank).sort((x, y) => x! - y!)).toEqual(list.map((_, i) => i + 1));
            checkMonotone(list, admitted);
          }
          const quota = value.quotas.hukou[t].places;
          const hukou = apps.filter((r) => r.purpose === "hukou" && r.townCode === townCode && r.rank !== null);
          expect(hukou.filter((r) => r.round === 1).length).toBeLessThanOrEqual(quota);
          expect(hukou.filter((r) => r.round === 2).length).toBeLessThanOrEqual(Math.floor(quota / 10));
          checkMonotone(hukou, (r) => r.round === 1);
        }
        const freeAtEnd = new Map<string, number>();
        for (const school of value.schools) {
          const placed = apps.filter((r) => r.schoolId === school.schoolId);
          expect(placed.length).toBeLessThanOrEqual(school.seats);
          for (const r of placed) expect([r.townCode, r.grade]).toEqual([school.townCode, school.grade]);
          freeAtEnd.set(school.schoolId, school.seats - placed.length);
        }
        // Nearest with a free seat: a school of the scope still free at the end was free at every placement,
        // so no placed child may be nearer to it than to its own school (equal distance: smaller schoolId wins).
        const squared = (p: { x: number; y: number }, q: { x: number; y: number }) =>
          (p.x - q.x) ** 2 + (p.y - q.y) ** 2;
        for (const r of apps.filter((x) => x.schoolId !== undefined)) {
          const home = byId.get(r.applicationId)!.home!;
          const own = value.schools.find((x) => x.schoolId === r.schoolId)!;
          for (const other of value.schools) {
            if (other.townCode !== own.townCode || other.grade !== own.grade || freeAtEnd.get(other.schoolId)! <= 0)
              continue;
            const [d0, d1] = [squared(home, own.location), squared(home, other.location)];
            expect(d0 < d1 || (d0 === d1 && own.schoolId <= other.schoolId)).toBe(true);
          }
        }
        const second = apps
          .filter((r) => r.purpose === "hukou" && r.cityRank !== undefined)
          .sort((x, y) => x.cityRank! - y.cityRank!);
        expect(second.filter((r) => r.round === 2).length).toBe(run.value.hukouSecondRound.admitted);
        expect(run.value.hukouSecondRound.admitted).toBeLessThanOrEqual(run.value.hukouSecondRound.places);
        // Second round: a better city rank passed over only when its 镇区 had reached its cap (or places ran out).
        for (const r of second.filter((x) => x.round === 2)) {
          for (const better of second.filter((x) => x.cityRank! < r.cityRank! && x.outcome === "not_admitted")) {
            const cap = Math.floor(value.quotas.hukou[TOWNS.indexOf(better.townCode)].places / 10);
            expect(second.filter((x) => x.townCode === better.townCode && x.round === 2).length).toBe(cap);
          }
        }
        const housing = apps.filter((r) => r.purpose === "housing" && r.rank !== null);
        expect(housing.filter(admitted).length).toBeLessThanOrEqual(value.quotas.housingUnits);
        checkMonotone(housing, admitted);
        // One property: at most one hukou admission, and school admissions from one household only.
        const hukouByProperty = new Map<string, number>();
        const schoolHouseholds = new Map<string, Set<string>>();
        for (const r of apps.filter(admitted)) {
          const a = byId.get(r.applicationId)!;
          if (a.propertyId === undefined) continue;
          if (r.purpose === "hukou") hukouByProperty.set(a.propertyId, (hukouByProperty.get(a.propertyId) ?? 0) + 1);
          if (r.purpose === "school") {
            const set = schoolHouseholds.get(a.propertyId) ?? new Set();
            set.add(a.householdId ?? `person:${a.personId}`);
            schoolHouseholds.set(a.propertyId, set);
          }
        }
        for (const count of hukouByProperty.values()) expect(count).toBe(1);
        for (const set of schoolHouseholds.values()) expect(set.size).toBe(1);
        // Ineligible applications are never ranked or admitted.
        for (const r of apps)
          if (!byId.get(r.applicationId)!.eligible) expect([r.rank, r.outcome]).toEqual([null, "ineligible"]);
      }),
      { numRuns: 300 },
    );
  });
});
