import { describe, expect, it } from "vitest";
import { loadAllVersions } from "./policy.registry";
import { reportText, simulatePoints } from "./points.simulate";

const loaded = loadAllVersions();
if (!loaded.ok) throw new Error("policies do not load");
const plan = (id: string) => {
  const found = loaded.value.find((candidate) => candidate.version.id === id);
  if (!found) throw new Error(id);
  return found;
};

const population = [
  // 2014: home 100 → draft 150 (+50); 36 insurance-years would be 54 in 2014, the draft reads months instead.
  {
    id: "owner",
    purpose: "hukou",
    town: "shiqi",
    application_date: "2015-05-01",
    facts: { owns_qualifying_housing: true, insurance_months_zhongshan: 12 },
  },
  // Town bonus: 2014 gives 85 × 1.3 = 110.5, the draft has no bonus: 60 + 25 (30 permit months → 5 half years × 5).
  {
    id: "town",
    purpose: "housing",
    town: "xiaolan",
    application_date: "2015-05-01",
    facts: { education: "college", residence_permit_years: 5, residence_permit_months: 30 },
  },
  // Deduction leaves the draft's housing total: 60 − 100 = −40 → 60.
  {
    id: "penalty",
    purpose: "housing",
    town: "shiqi",
    application_date: "2015-05-01",
    facts: { education: "college", criminal_penalty_5y: true },
  },
  {
    id: "same",
    purpose: "school",
    town: "shiqi",
    grade: "primary_1",
    application_date: "2015-05-01",
    facts: { education: "college" },
  },
  { id: "bad", purpose: "school", town: "shiqi", application_date: "2015-05-01", facts: {} },
];

describe("simulate a draft against the active version", () => {
  const report = simulatePoints(
    plan("zhongshan-points-2016-draft"),
    plan("zhongshan-points-2014"),
    population,
    "2016-10-01",
  );

  it("counts gains, losses and refusals", () => {
    expect(report.scored).toBe(4);
    expect(report.invalid).toMatchObject({ policy: 1, baseline: 1 });
    expect({ gained: report.gained, lost: report.lost, unchanged: report.unchanged }).toEqual({
      gained: 2,
      lost: 1,
      unchanged: 1,
    });
  });

  it("lists the largest changes in hundredths", () => {
    // owner: 100 → 150 + 2 half years × 7.5 = 165 (+65); penalty: −40 → 60 (+100); town: 110.5 → 85 (−25.5).
    expect(report.largestGains.map((change) => [change.id, change.change])).toEqual([
      ["penalty", 10000],
      ["owner", 6500],
    ]);
    expect(report.largestLosses.map((change) => [change.id, change.baseline, change.draft])).toEqual([
      ["town", 11050, 8500],
    ]);
  });

  it("counts those above each threshold per 镇区 and reports ignored facts", () => {
    expect(report.eligible.housing).toEqual({ shiqi: { baseline: 0, draft: 1 }, xiaolan: { baseline: 1, draft: 1 } });
    expect(report.ignoredFacts.baseline).toEqual(["insurance_months_zhongshan", "residence_permit_months"]);
    expect(report.ignoredFacts.policy).toEqual(["residence_permit_years"]);
    expect(reportText(report)).toContain("gain: 2   lose: 1   unchanged: 1");
  });

  it("sums the movement per 镇区 and keeps every change only when asked", () => {
    // shiqi: owner +65, penalty +100, the school case unchanged; xiaolan: town −25.5 (the cases above).
    expect(report.byTown).toEqual({
      shiqi: { scored: 3, gained: 2, lost: 0, unchanged: 1, totalChange: 16500 },
      xiaolan: { scored: 1, gained: 0, lost: 1, unchanged: 0, totalChange: -2550 },
    });
    expect(report.changes).toBeUndefined();
    const full = simulatePoints(
      plan("zhongshan-points-2016-draft"),
      plan("zhongshan-points-2014"),
      population,
      "2016-10-01",
      5,
      true,
    );
    expect(full.changes?.map((change) => [change.id, change.change])).toEqual([
      ["owner", 6500],
      ["town", -2550],
      ["penalty", 10000],
      ["same", 0],
    ]);
  });
});
