import { describe, expect, it } from "vitest";
import { allocate } from "./allocation.run";
import { applicant, input, outcomes, resultOf } from "./applicant.fixture";
import { rankingList, secondRoundList } from "./result.lists";
import type { AllocationInput, AllocationResult, Applicant } from "./allocation.types";

function run(fields: Partial<AllocationInput>): AllocationResult {
  const result = allocate(input(fields));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** n hukou applicants of a town, ids `${town}00`.., totals start, start - 10, ... */
function town(code: string, n: number, start: number): Applicant[] {
  return Array.from({ length: n }, (_, i) =>
    applicant(`${code}${String(i).padStart(2, "0")}`, { townCode: code, total: start - 10 * i }),
  );
}

describe("hukou: two rounds with the 10% cap (Impl. Art. 11(3))", () => {
  // a: quota 20 (cap 2), 25 applicants 10000..9760 → a20..a24 left over.
  // b: quota 10 (cap 1), 12 applicants 5000..4890 → b10, b11 left over.
  // c: quota 30 (cap 3), 2 applicants → 28 unused places for the second round.
  const result = run({
    applicants: [...town("a", 25, 10000), ...town("b", 12, 5000), ...town("c", 2, 3000)],
    quotas: {
      school: [],
      hukou: [
        { townCode: "a", places: 20 },
        { townCode: "b", places: 10 },
        { townCode: "c", places: 30 },
      ],
      housingUnits: 0,
    },
  });

  it("admits the first round per 镇区 within its quota", () => {
    expect(resultOf(result, "a19")).toMatchObject({ rank: 20, outcome: "admitted", round: 1 });
    expect(resultOf(result, "b09")).toMatchObject({ rank: 10, outcome: "admitted", round: 1 });
    expect(resultOf(result, "c01")).toMatchObject({ rank: 2, outcome: "admitted", round: 1 });
  });

  it("lets each 镇区 send at most 10% of its quota into the second round, even with places left", () => {
    const second = ["a20", "a21", "a22", "a23", "a24", "b10", "b11"].map((id) => {
      const r = resultOf(result, id);
      return [id, r.cityRank, r.outcome, r.round ?? null];
    });
    expect(second).toEqual([
      ["a20", 1, "admitted", 2],
      ["a21", 2, "admitted", 2],
      ["a22", 3, "not_admitted", null],
      ["a23", 4, "not_admitted", null],
      ["a24", 5, "not_admitted", null],
      ["b10", 6, "admitted", 2],
      ["b11", 7, "not_admitted", null],
    ]);
    expect(result.hukouSecondRound).toEqual({ places: 28, candidates: 7, admitted: 3, cutoffTotal: 4900 });
    expect(secondRoundList(result).map((r) => r.applicationId)).toEqual([
      "a20",
      "a21",
      "a22",
      "a23",
      "a24",
      "b10",
      "b11",
    ]);
    expect(rankingList(result, { purpose: "hukou", townCode: "b" }).map((r) => r.rank)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    const a = result.summaries.find((s) => s.purpose === "hukou" && s.townCode === "a");
    expect(a).toMatchObject({ quota: 20, secondRoundCap: 2, admitted: 20, admittedSecondRound: 2, cutoffTotal: 9810 });
  });

  it("stops the second round when the unused places run out, in city-wide order", () => {
    // a: quota 10 (cap 1), 12 applicants 6000..5890; b: quota 50 (cap 5), 55 applicants 9000..8460;
    // c: quota 3, 1 applicant → 2 unused places, which go to b's two best leftovers (8500, 8490).
    const tight = run({
      applicants: [...town("a", 12, 6000), ...town("b", 55, 9000), ...town("c", 1, 3000)],
      quotas: {
        school: [],
        hukou: [
          { townCode: "a", places: 10 },
          { townCode: "b", places: 50 },
          { townCode: "c", places: 3 },
        ],
        housingUnits: 0,
      },
    });
    expect(tight.hukouSecondRound).toEqual({ places: 2, candidates: 7, admitted: 2, cutoffTotal: 8490 });
    expect(resultOf(tight, "b50")).toMatchObject({ outcome: "admitted", round: 2, cityRank: 1 });
    expect(resultOf(tight, "b51")).toMatchObject({ outcome: "admitted", round: 2, cityRank: 2 });
    expect(resultOf(tight, "b52")).toMatchObject({ outcome: "not_admitted", cityRank: 3 });
    expect(resultOf(tight, "a10")).toMatchObject({ outcome: "not_admitted", cityRank: 6 });
  });

  it("explains ties in the city-wide second-round order", () => {
    // a and b each have quota 1 (cap 0: nobody enters round 2) — the list is still published in city order.
    const tied = run({
      applicants: [
        applicant("a0", { total: 9000 }),
        applicant("a1", { total: 7000, insurance: 2000 }),
        applicant("b0", { townCode: "b", total: 9000 }),
        applicant("b1", { townCode: "b", total: 7000, insurance: 3000 }),
      ],
      quotas: {
        school: [],
        hukou: [
          { townCode: "a", places: 1 },
          { townCode: "b", places: 1 },
        ],
        housingUnits: 0,
      },
    });
    expect(resultOf(tied, "b1")).toMatchObject({ cityRank: 1, outcome: "not_admitted" });
    expect(resultOf(tied, "b1").cityTieBreak).toBeUndefined();
    expect(resultOf(tied, "a1")).toMatchObject({ cityRank: 2, cityTieBreak: "insurance" });
    expect(tied.hukouSecondRound).toEqual({ places: 0, candidates: 2, admitted: 0, cutoffTotal: null });
  });

  it("admits a property's first successful application only", () => {
    const shared = run({
      applicants: [
        applicant("h1", { total: 9000, propertyId: "P", householdId: "x" }),
        applicant("h2", { total: 8000, propertyId: "P", householdId: "x" }),
        applicant("h3", { total: 7000 }),
      ],
      quotas: { school: [], hukou: [{ townCode: "a", places: 2 }], housingUnits: 0 },
    });
    // Unlike school, the same couple cannot use one property for two hukou transfers.
    expect(outcomes(shared)).toEqual({ h1: "admitted", h2: "refused_property_used", h3: "admitted" });
  });
});

describe("public rental housing: city-wide ranking (Impl. Art. 10)", () => {
  const result = run({
    applicants: [
      applicant("r1", { purpose: "housing", townCode: "a", total: 5000 }),
      applicant("r2", { purpose: "housing", townCode: "b", total: 7000 }),
      applicant("r3", { purpose: "housing", townCode: "b", total: 6000 }),
      applicant("r4", { purpose: "housing", townCode: "c", total: 9000, eligible: false }),
      applicant("r5", { purpose: "housing", townCode: "c", total: 4000 }),
    ],
    quotas: { school: [], hukou: [], housingUnits: 2 },
    refused: ["r2"],
  });

  it("ranks all 镇区 together and admits up to the units, skipping a refusal", () => {
    expect(result.applications.map((a) => [a.applicationId, a.rank, a.rankScope, a.outcome])).toEqual([
      ["r1", 3, "city", "admitted"],
      ["r2", 1, "city", "forfeited"],
      ["r3", 2, "city", "admitted"],
      ["r4", null, null, "ineligible"],
      ["r5", 4, "city", "waiting"],
    ]);
    expect(rankingList(result, { purpose: "housing" }).map((r) => r.applicationId)).toEqual(["r2", "r3", "r1", "r5"]);
    const housing = result.summaries.find((s) => s.purpose === "housing");
    expect(housing).toMatchObject({
      townCode: null,
      quota: 2,
      applications: 5,
      eligible: 4,
      admitted: 2,
      forfeited: 1,
    });
  });
});
