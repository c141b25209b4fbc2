import { describe, expect, it } from "vitest";
import { allocate } from "./allocation.run";
import { applicant, input, shuffled } from "./applicant.fixture";
import type { AllocationInput, AllocationResult, Applicant, School } from "./allocation.types";
import { diffResults, resultHash } from "./result.compare";

function run(value: AllocationInput): AllocationResult {
  const result = allocate(value);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** A mixed input with many ties: every purpose, two grades, three towns, shared properties. */
function mixedInput(): AllocationInput {
  const purposes = ["school", "hukou", "housing"] as const;
  const applicants: Applicant[] = [];
  for (let i = 0; i < 90; i++) {
    const purpose = purposes[i % 3];
    applicants.push(
      applicant(`app-${i}`, {
        purpose,
        townCode: ["a", "b", "c"][(i % 7) % 3],
        grade: purpose === "school" ? (i % 2 === 0 ? "primary_1" : "junior_1") : undefined,
        home: purpose === "school" ? { x: (i * 37) % 100, y: (i * 11) % 50 } : undefined,
        total: 6000 + (i % 4) * 100,
        personalQuality: 1000 + (i % 3) * 10,
        insurance: 2000 + (i % 2) * 10,
        residence: 500,
        appliedAt: `2015-0${1 + (i % 3)}-01T09:00:00+08:00`,
        eligible: i % 13 !== 0,
        propertyId: i % 10 === 0 ? "shared" : undefined,
      }),
    );
  }
  const schools: School[] = [];
  for (const townCode of ["a", "b", "c"]) {
    for (const grade of ["primary_1", "junior_1"] as const) {
      for (let k = 0; k < 3; k++) {
        schools.push({
          schoolId: `${townCode}-${grade}-${k}`,
          townCode,
          grade,
          seats: 2,
          location: { x: k * 40, y: 20 },
        });
      }
    }
  }
  return input({
    applicants,
    schools,
    quotas: {
      school: ["a", "b", "c"].flatMap((townCode) => [
        { townCode, grade: "primary_1" as const, places: 4 },
        { townCode, grade: "junior_1" as const, places: 3 },
      ]),
      hukou: [
        { townCode: "a", places: 5 },
        { townCode: "b", places: 10 },
        { townCode: "c", places: 40 },
      ],
      housingUnits: 7,
    },
    refused: ["app-3", "app-4"],
  });
}

describe("determinism", () => {
  const base = mixedInput();
  const result = run(base);

  it("gives the identical result and hash for shuffled input", () => {
    for (const seed of [1, 2, 3]) {
      const again = run({
        ...base,
        applicants: shuffled(base.applicants, seed),
        schools: shuffled(base.schools, seed + 10),
        quotas: {
          ...base.quotas,
          school: shuffled(base.quotas.school, seed),
          hukou: shuffled(base.quotas.hukou, seed),
        },
        refused: shuffled(base.refused ?? [], seed),
      });
      expect(again).toEqual(result);
      expect(resultHash(again)).toBe(resultHash(result));
    }
  });

  it("hashes to a sha256 that changes when any outcome changes", () => {
    expect(resultHash(result)).toMatch(/^[0-9a-f]{64}$/);
    const edited = structuredClone(result);
    edited.applications[5].outcome = edited.applications[5].outcome === "admitted" ? "waiting" : "admitted";
    expect(resultHash(edited)).not.toBe(resultHash(result));
  });

  it("does not depend on the key order of the result objects", () => {
    const reordered = structuredClone(result);
    reordered.applications = reordered.applications.map(
      (a) => Object.fromEntries(Object.entries(a).reverse()) as typeof a,
    );
    expect(resultHash(reordered)).toBe(resultHash(result));
  });
});

describe("diffResults after a successful objection", () => {
  // a: quota 2. An objection raises y's total from 6000 to 8000: y moves to rank 1 and x drops out.
  const before = run(
    input({
      applicants: [applicant("w", { total: 9000 }), applicant("x", { total: 7000 }), applicant("y", { total: 6000 })],
      quotas: { school: [], hukou: [{ townCode: "a", places: 2 }], housingUnits: 0 },
    }),
  );
  const after = run(
    input({
      applicants: [applicant("w", { total: 9000 }), applicant("x", { total: 7000 }), applicant("y", { total: 8000 })],
      quotas: { school: [], hukou: [{ townCode: "a", places: 2 }], housingUnits: 0 },
    }),
  );

  it("lists exactly the applications whose rank or outcome changed", () => {
    const changes = diffResults(before, after);
    expect(changes.map((c) => [c.applicationId, c.changed, c.before?.rank, c.after?.rank, c.after?.outcome])).toEqual([
      // x becomes the second-round candidate (c has no quota, so the second round has no places).
      ["x", ["rank", "outcome", "round", "cityRank"], 2, 3, "not_admitted"],
      ["y", ["rank", "outcome", "round", "cityRank"], 3, 2, "admitted"],
    ]);
  });

  it("is empty for identical runs and reports added and removed applications", () => {
    expect(diffResults(before, before)).toEqual([]);
    const shorter = { ...after, applications: after.applications.filter((a) => a.applicationId !== "w") };
    const changes = diffResults(shorter, after);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ applicationId: "w", after: { rank: 1 } });
    expect(changes[0].before).toBeUndefined();
    const removed = diffResults(after, shorter);
    expect(removed).toHaveLength(1);
    expect(removed[0]).toMatchObject({ applicationId: "w", before: { rank: 1 } });
    expect(removed[0].after).toBeUndefined();
  });
});
