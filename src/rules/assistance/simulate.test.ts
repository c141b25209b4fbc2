import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { overrideParameters } from "../parameters";
import { loadAssistancePolicy } from "./policy.loader";
import { simulateAssistance } from "./simulate";

const policy = loadAssistancePolicy(fileURLToPath(new URL("../../../policies/zhongshan/assistance", import.meta.url)));
if (!policy.ok) throw new Error(policy.error.message);
const baseline = policy.value.parameters;

const one = (income: number, categories: string[] = []) => [{ id: "A", monthly_income_yuan: income, categories }];
const CASELOAD = [
  { id: "c1", town: "shiqi", household: { members: one(0), assets_yuan: 0 } },
  {
    id: "c2",
    town: "shiqi",
    household: { members: [...one(2300), { id: "B", monthly_income_yuan: 0 }], assets_yuan: 0 },
  },
  { id: "c3", town: "dongqu", household: { members: one(500, ["minor"]), assets_yuan: 0 } },
  { id: "c4", town: "dongqu", household: { members: one(0), assets_yuan: 30000 } },
  { id: "c5", household: { members: one(0), assets_yuan: 0 } },
  { id: "c6", town: "xiqu", household: { members: one(-1), assets_yuan: 0 } },
];

describe("simulateAssistance", () => {
  it("raising the standard to 1200 in June 2021: gainers, newly eligible, cost per month and per town", () => {
    const result = simulateAssistance({
      baseline,
      overrides: [{ path: "dibao.standard", value: 1200 }],
      caseload: CASELOAD,
      month: "2021-06",
    });
    if (!result.ok) throw new Error(result.error.message);
    const report = result.value;
    // c1 1120 → 1200; c2 ineligible (2300 ≥ 2240) → 2400 − 2300 = 100; c3 620 + 448 → 700 + 448; c4 over the asset limit both times
    expect(report).toMatchObject({
      month: "2021-06",
      households: 4,
      affected: 3,
      gainers: 3,
      losers: 0,
      newlyEligible: 1,
      noLongerEligible: 0,
      baselineCostFen: 218800,
      draftCostFen: 244800,
      differenceFen: 26000,
    });
    expect(report.byTown).toEqual([
      {
        town: "dongqu",
        households: 2,
        affected: 1,
        gainers: 1,
        losers: 0,
        newlyEligible: 0,
        noLongerEligible: 0,
        baselineCostFen: 106800,
        draftCostFen: 114800,
        differenceFen: 8000,
      },
      {
        town: "shiqi",
        households: 2,
        affected: 2,
        gainers: 2,
        losers: 0,
        newlyEligible: 1,
        noLongerEligible: 0,
        baselineCostFen: 112000,
        draftCostFen: 130000,
        differenceFen: 18000,
      },
    ]);
    expect(report.changes.map((change) => [change.id, change.differenceFen])).toEqual([
      ["c1", 8000],
      ["c2", 10000],
      ["c3", 8000],
    ]);
    expect(report.invalid.map((entry) => [entry.id, entry.error.code])).toEqual([
      ["c5", "invalid_town"],
      ["c6", "invalid_income"],
    ]);
  });

  it("a draft tree with a lower standard shows losers and households leaving", () => {
    const draft = overrideParameters(baseline, [{ path: "dibao.standard", from: "2021-06-01", value: 1000 }]);
    if (!draft.ok) throw new Error(draft.error.message);
    const caseload = [
      ...CASELOAD.slice(0, 4),
      { id: "c7", town: "xiqu", household: { members: one(1050), assets_yuan: 0 } },
    ];
    const result = simulateAssistance({ baseline, draftParameters: draft.value, caseload, month: "2021-06" });
    if (!result.ok) throw new Error(result.error.message);
    // c1 1120 → 1000 (−120); c3 1068 → 948 (−120); c7 70 → ineligible (−70)
    expect(result.value).toMatchObject({
      households: 5,
      affected: 3,
      gainers: 0,
      losers: 3,
      noLongerEligible: 1,
      differenceFen: -31000,
    });
  });

  it("refuses a bad month or override", () => {
    expect(simulateAssistance({ baseline, caseload: [], month: "June" }).ok).toBe(false);
    const bad = simulateAssistance({
      baseline,
      overrides: [{ path: "dibao.nothing", value: 1 }],
      caseload: [],
      month: "2021-06",
    });
    expect(!bad.ok && bad.error.code).toBe("parameter.unknown");
  });
});
