import { describe, expect, it } from "vitest";
import { allocate } from "./allocation.run";
import { applicant, input, resultOf } from "./applicant.fixture";
import { rankingList } from "./result.lists";
import type { AllocationResult } from "./allocation.types";

function run(fields: Parameters<typeof input>[0]): AllocationResult {
  const result = allocate(input(fields));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe("ranking order (Impl. Art. 13)", () => {
  // Hand-computed: each row ties the previous one down to exactly one more level.
  // Ids run against the rank order so the row order cannot produce the answer by accident.
  const applicants = [
    applicant("z1", { total: 8000 }),
    applicant("y2", { total: 7000, personalQuality: 3000 }),
    applicant("x3", { total: 7000, personalQuality: 2000, insurance: 5000 }),
    applicant("w4", { total: 7000, personalQuality: 2000, insurance: 4000, residence: 1000 }),
    applicant("v5", {
      total: 7000,
      personalQuality: 2000,
      insurance: 4000,
      residence: 500,
      appliedAt: "2015-03-01T09:00:00+08:00", // 01:00Z
    }),
    applicant("u6", {
      total: 7000,
      personalQuality: 2000,
      insurance: 4000,
      residence: 500,
      appliedAt: "2015-03-01T01:30:00Z", // later than v5 although the wall-clock digits are smaller
    }),
    applicant("u7", {
      total: 7000,
      personalQuality: 2000,
      insurance: 4000,
      residence: 500,
      appliedAt: "2015-03-01T09:30:00+08:00", // the same instant as u6
    }),
  ];
  const result = run({ applicants, quotas: { school: [], hukou: [{ townCode: "a", places: 3 }], housingUnits: 0 } });

  it("ranks by total, then 个人素质, 参保情况, 居住情况, application time, applicationId", () => {
    const ranks = Object.fromEntries(result.applications.map((a) => [a.applicationId, a.rank]));
    expect(ranks).toEqual({ z1: 1, y2: 2, x3: 3, w4: 4, v5: 5, u6: 6, u7: 7 });
  });

  it("records which level decided each adjacent pair", () => {
    const levels = Object.fromEntries(result.applications.map((a) => [a.applicationId, a.tieBreak ?? null]));
    expect(levels).toEqual({
      z1: null,
      y2: null,
      x3: "personalQuality",
      w4: "insurance",
      v5: "residence",
      u6: "appliedAt",
      u7: "applicationId",
    });
  });

  it("ranks per 镇区 for hukou and leaves ineligible applications unranked", () => {
    const mixed = run({
      applicants: [
        applicant("a1", { total: 9000 }),
        applicant("b1", { townCode: "b", total: 6000 }),
        applicant("a2", { total: 7000 }),
        applicant("a3", { total: 9900, eligible: false }),
      ],
      quotas: { school: [], hukou: [{ townCode: "a", places: 1 }], housingUnits: 0 },
    });
    expect(resultOf(mixed, "a1")).toMatchObject({ rank: 1, rankScope: "town", outcome: "admitted", round: 1 });
    expect(resultOf(mixed, "a2")).toMatchObject({ rank: 2, rankScope: "town", outcome: "not_admitted" });
    expect(resultOf(mixed, "b1")).toMatchObject({ rank: 1, rankScope: "town", outcome: "not_admitted" });
    expect(resultOf(mixed, "a3")).toMatchObject({ rank: null, rankScope: null, outcome: "ineligible" });
  });

  it("keeps school grades apart: each 镇区 × grade is its own list", () => {
    const school = run({
      applicants: [
        applicant("p1", { purpose: "school", grade: "primary_1", total: 4000, home: { x: 0, y: 0 } }),
        applicant("j1", { purpose: "school", grade: "junior_1", total: 5000, home: { x: 0, y: 0 } }),
        applicant("p2", { purpose: "school", grade: "primary_1", total: 6000, home: { x: 0, y: 0 } }),
      ],
    });
    expect(
      rankingList(school, { purpose: "school", townCode: "a", grade: "primary_1" }).map((r) => r.applicationId),
    ).toEqual(["p2", "p1"]);
    expect(resultOf(school, "p2").rank).toBe(1);
    expect(resultOf(school, "p1").rank).toBe(2);
    expect(resultOf(school, "j1").rank).toBe(1);
  });
});

describe("input validation", () => {
  it("names the field of a bad value", () => {
    const bad = allocate(input({ applicants: [applicant("a1"), applicant("a2", { total: 12.5 })] }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.field).toBe("applicants[1].total");
  });

  it("rejects a timestamp without a zone, an unknown town, a school application without home, duplicates", () => {
    const field = (i: Parameters<typeof input>[0]) => {
      const r = allocate(input(i));
      return r.ok ? null : r.error.field;
    };
    expect(field({ applicants: [applicant("a1", { appliedAt: "2015-03-01T09:00:00" })] })).toBe(
      "applicants[0].appliedAt",
    );
    expect(field({ applicants: [applicant("a1", { townCode: "zz" })] })).toBe("applicants[0].townCode");
    expect(field({ applicants: [applicant("a1", { purpose: "school", grade: "primary_1" })] })).toBe(
      "applicants[0].home",
    );
    expect(field({ applicants: [applicant("a1", { purpose: "school", home: { x: 0, y: 0 } })] })).toBe(
      "applicants[0].grade",
    );
    expect(field({ applicants: [applicant("a1"), applicant("a1")] })).toBe("applicants[1].applicationId");
    expect(field({ applicants: [applicant("a1", { purpose: "toString" as "school" })] })).toBe("applicants[0].purpose");
    expect(field({ applicants: [null as unknown as ReturnType<typeof applicant>] })).toBe("applicants[0]");
    expect(field({ towns: [] })).toBe("towns");
    const twice = { townCode: "a", grade: "primary_1" as const, places: 1 };
    expect(field({ quotas: { school: [twice, twice], hukou: [], housingUnits: 0 } })).toBe("quotas.school[1]");
    expect(field({ quotas: { school: [], hukou: [{ townCode: "a", places: 1 }], housingUnits: 1.5 } })).toBe(
      "quotas.housingUnits",
    );
    expect(field({ applicants: [applicant("a1")], refused: ["nope"] })).toBe("refused[0]");
    expect(field({ quotas: { school: [], hukou: [{ townCode: "a", places: -1 }], housingUnits: 0 } })).toBe(
      "quotas.hukou[0].places",
    );
  });
});
