import { describe, expect, it } from "vitest";
import { policyParameters } from "./parameters";
import { basisOf, computeCase, cpiFor, memoisedCompute, monthsBefore, type PayableCase } from "./payroll.compute";

const payable = (caseId: string, incomes: number[], categories: string[][] = []): PayableCase => ({
  caseId,
  townCode: "shiqi",
  payeeName: "x",
  bankAccount: "6222000000000001",
  revision: 1,
  members: incomes.map((incomeFen, index) => ({
    personId: `${caseId}-${index}`,
    incomeFen,
    categories: categories[index] ?? [],
  })),
  assetsFen: 0,
});

describe("payroll computation", () => {
  it("counts months back across a year", () => {
    expect(monthsBefore("2027-02", 3)).toBe("2026-11");
    expect(monthsBefore("2027-01", 1)).toBe("2026-12");
  });

  it("reads the basis of a month and refuses a month before any standard", () => {
    const parameters = policyParameters();
    const figures = new Map([["2021-06", { cpiHundredths: 360 }]]);
    expect(basisOf("2021-06", parameters, figures)).toEqual({
      ok: true,
      value: { standardFen: 112000, supplementFen: 44800, cpi: "2021-06:360/" },
    });
    expect(basisOf("2016-12", parameters, figures)).toMatchObject({
      ok: false,
      error: { code: "no_standard", field: "month" },
    });
  });

  it("memoises by inputs, not by ids, and agrees with the engine", () => {
    const parameters = policyParameters();
    const cpi = cpiFor("2021-06", new Map());
    const compute = memoisedCompute("2021-06", parameters, cpi);
    const first = compute(payable("a", [50_000, 0], [[], ["minor"]]));
    const same = compute(payable("b", [50_000, 0], [[], ["minor"]]));
    const other = compute(payable("c", [50_000, 0], [[], []]));
    // 1120 × 2 − 500 = 1740 + 448 for the minor; without the category 1740.
    expect(first).toEqual({
      ok: true,
      value: { dibaoFen: 174000, supplementFen: 44800, priceSubsidyFen: 0, totalFen: 218800 },
    });
    expect(same).toEqual(first);
    expect(other.ok && other.value.totalFen).toBe(174000);
    expect(computeCase(payable("d", [50_000, 0], [[], ["minor"]]), "2021-06", parameters, cpi)).toEqual(first);
  });
});
