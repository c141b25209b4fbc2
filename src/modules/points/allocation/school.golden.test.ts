import { describe, expect, it } from "vitest";
import { allocate } from "./allocation.run";
import { applicant, input, outcomes, resultOf } from "./applicant.fixture";
import type { AllocationInput, AllocationResult, Applicant, School } from "./allocation.types";

function run(fields: Partial<AllocationInput>): AllocationResult {
  const result = allocate(input(fields));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const child = (id: string, total: number, x: number, fields: Partial<Applicant> = {}) =>
  applicant(id, { purpose: "school", grade: "primary_1", total, home: { x, y: 0 }, ...fields });

const school = (schoolId: string, x: number, seats: number, townCode = "a"): School => ({
  schoolId,
  townCode,
  grade: "primary_1",
  seats,
  location: { x, y: 0 },
});

// Schools on a line: S1 at 0 (1 seat), S2 at 10 (5 seats), S3 at 100 (5 seats). Quota 3 < 11 seats.
const schools = [school("S3", 100, 5), school("S1", 0, 1), school("S2", 10, 5)];
const quotas = { school: [{ townCode: "a", grade: "primary_1" as const, places: 3 }], hukou: [], housingUnits: 0 };
const children = [child("k1", 9000, 1), child("k2", 8000, 2), child("k3", 7000, 0), child("k4", 6000, 0)];

describe("school placement (Impl. Art. 9(3))", () => {
  const result = run({ applicants: children, schools, quotas });

  it("places each child in rank order at the nearest school with a free seat", () => {
    expect(resultOf(result, "k1")).toMatchObject({ rank: 1, outcome: "admitted", schoolId: "S1", distance: 1 });
    // S1 is full after k1: k2 at x=2 goes to S2, 8 m away.
    expect(resultOf(result, "k2")).toMatchObject({ rank: 2, outcome: "admitted", schoolId: "S2", distance: 8 });
    expect(resultOf(result, "k3")).toMatchObject({ rank: 3, outcome: "admitted", schoolId: "S2", distance: 10 });
  });

  it("caps admissions at the quota even when schools have seats left", () => {
    expect(resultOf(result, "k4")).toMatchObject({ rank: 4, outcome: "waiting" });
    expect(resultOf(result, "k4").schoolId).toBeUndefined();
    const summary = result.summaries.find(
      (s) => s.purpose === "school" && s.townCode === "a" && s.grade === "primary_1",
    );
    expect(summary).toMatchObject({
      quota: 3,
      seats: 11,
      applications: 4,
      eligible: 4,
      admitted: 3,
      cutoffTotal: 7000,
    });
  });

  it("caps admissions at the seats when the quota is larger", () => {
    const few = run({
      applicants: children,
      schools: [school("S1", 0, 1)],
      quotas: { ...quotas, school: [{ townCode: "a", grade: "primary_1", places: 10 }] },
    });
    expect(outcomes(few)).toEqual({ k1: "admitted", k2: "waiting", k3: "waiting", k4: "waiting" });
  });

  it("breaks equal distances by schoolId", () => {
    const tie = run({
      applicants: [child("k1", 9000, 0)],
      schools: [school("S-b", -5, 1), school("S-a", 5, 1)],
      quotas,
    });
    expect(resultOf(tie, "k1")).toMatchObject({ schoolId: "S-a", distance: 5 });
  });

  it("forfeits a refused placement and moves the waiting list up", () => {
    const refused = run({ applicants: children, schools, quotas, refused: ["k2"] });
    expect(resultOf(refused, "k2")).toMatchObject({ rank: 2, outcome: "forfeited" });
    expect(resultOf(refused, "k2").schoolId).toBeUndefined();
    // k3 (home 0) finds S1 full (k1) and goes to S2; k4 moves up into the freed quota place.
    expect(resultOf(refused, "k3")).toMatchObject({ outcome: "admitted", schoolId: "S2", distance: 10 });
    expect(resultOf(refused, "k4")).toMatchObject({ rank: 4, outcome: "admitted", schoolId: "S2", distance: 10 });
    const summary = refused.summaries.find(
      (s) => s.purpose === "school" && s.townCode === "a" && s.grade === "primary_1",
    );
    expect(summary).toMatchObject({ admitted: 3, forfeited: 1, cutoffTotal: 6000 });
  });

  it("only places children at schools of their own 镇区 and grade", () => {
    const other = run({
      applicants: [child("k1", 9000, 0)],
      schools: [school("B1", 0, 9, "b"), { ...school("J1", 0, 9), grade: "junior_1" }, school("A1", 50, 1)],
      quotas,
    });
    expect(resultOf(other, "k1")).toMatchObject({ schoolId: "A1", distance: 50 });
  });
});

describe("one property supports one couple's school applications", () => {
  // Couple h1 (mother m, father f) applies for two children with property P; couple h2 also names P.
  const applicants = [
    child("c1", 9000, 0, { personId: "m", householdId: "h1", propertyId: "P" }),
    child("c2", 8000, 0, { personId: "x", householdId: "h2", propertyId: "P" }),
    child("c3", 7000, 0, { personId: "f", householdId: "h1", propertyId: "P" }),
    child("c4", 6000, 0),
  ];
  const result = run({
    applicants,
    schools: [school("S1", 0, 10)],
    quotas: { ...quotas, school: [{ townCode: "a", grade: "primary_1", places: 3 }] },
  });

  it("admits the better-ranked couple and refuses the other, whose place goes to the next in line", () => {
    expect(outcomes(result)).toEqual({
      c1: "admitted",
      c2: "refused_property_used",
      c3: "admitted",
      c4: "admitted",
    });
    const summary = result.summaries.find(
      (s) => s.purpose === "school" && s.townCode === "a" && s.grade === "primary_1",
    );
    expect(summary).toMatchObject({ admitted: 3, propertyRefused: 1 });
  });

  it("treats applications without householdId as one household per person", () => {
    const single = run({
      applicants: [
        child("c1", 9000, 0, { personId: "p", propertyId: "Q" }),
        child("c2", 8000, 0, { personId: "p", propertyId: "Q" }),
        child("c3", 7000, 0, { personId: "q", propertyId: "Q" }),
      ],
      schools: [school("S1", 0, 10)],
      quotas,
    });
    expect(outcomes(single)).toEqual({ c1: "admitted", c2: "admitted", c3: "refused_property_used" });
  });

  it("does not let a waiting application hold the property", () => {
    // c1 is outside the quota of 镇区 b; c2 in 镇区 a may use the property.
    const split = run({
      applicants: [
        child("c0", 9900, 0, { townCode: "b" }),
        child("c1", 9000, 0, { townCode: "b", propertyId: "R" }),
        child("c2", 8000, 0, { propertyId: "R" }),
      ],
      schools: [school("S1", 0, 10), school("B1", 0, 10, "b")],
      quotas: {
        ...quotas,
        school: [
          { townCode: "a", grade: "primary_1", places: 3 },
          { townCode: "b", grade: "primary_1", places: 1 },
        ],
      },
    });
    expect(outcomes(split)).toEqual({ c0: "admitted", c1: "waiting", c2: "admitted" });
  });
});
