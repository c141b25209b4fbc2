import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { loadGoldenCases, runAssistanceGoldenTests, runGoldenCase } from "./golden.runner";
import { loadAssistancePolicy } from "./policy.loader";

const POLICY = fileURLToPath(new URL("../../../policies/zhongshan/assistance", import.meta.url));
const policy = loadAssistancePolicy(POLICY);
if (!policy.ok) throw new Error(policy.error.message);
const parameters = policy.value.parameters;
const cases = loadGoldenCases(POLICY);
if (!cases.ok) throw new Error(cases.error.message);

describe("Zhongshan assistance golden tests", () => {
  for (const testCase of cases.value) {
    it(`${testCase.file}: ${testCase.name}`, () => {
      const result = runGoldenCase(testCase, parameters);
      expect(result.message).toBeUndefined();
      expect(result.passed).toBe(true);
    });
  }
});

describe("the golden runner", () => {
  it("counts every case of the policy folder", () => {
    const summary = runAssistanceGoldenTests(POLICY);
    expect(summary.failed).toBe(0);
    expect(summary.passed).toBe(cases.value.length);
    expect(summary.passed).toBeGreaterThan(50);
  });

  it("fails a case whose expected amount is wrong, naming the amount", () => {
    const result = runGoldenCase(
      {
        file: "inline",
        name: "wrong",
        raw: {
          month: "2018-03",
          household: { members: [{ id: "A", monthly_income_yuan: 0 }], assets_yuan: 0 },
          expected: { eligible: true, dibao_yuan: 975, supplement_yuan: 0, price_subsidy_yuan: 0, total_yuan: 976 },
        },
      },
      parameters,
    );
    expect(result).toEqual({
      file: "inline",
      name: "wrong",
      passed: false,
      message: "dibao_yuan: expected 975.00, got 976.00",
    });
  });

  it("fails a case expecting an error that does not occur, and one missing amounts", () => {
    const household = { members: [{ id: "A", monthly_income_yuan: 0 }], assets_yuan: 0 };
    const noError = runGoldenCase(
      { file: "inline", name: "e", raw: { month: "2018-03", household, expected_error: { code: "no_standard" } } },
      parameters,
    );
    expect(noError.passed).toBe(false);
    const missing = runGoldenCase(
      { file: "inline", name: "m", raw: { month: "2018-03", household, expected: { eligible: true } } },
      parameters,
    );
    expect(missing.message).toContain("expected.dibao_yuan is required");
  });

  it("fails a case with a misspelt key", () => {
    const household = { members: [{ id: "A", monthly_income_yuan: 0 }], assets_yuan: 0 };
    const expected = { eligible: true, dibao_yuan: 976, supplement_yuan: 0, price_subsidy_yuan: 0, total_yuan: 976 };
    const result = runGoldenCase(
      { file: "inline", name: "k", raw: { month: "2018-03", household, expected, cpi_hisory: [] } },
      parameters,
    );
    expect(result.passed).toBe(false);
    expect(result.message).toContain('unknown key "cpi_hisory"');
  });

  it("reports a policy folder that cannot be loaded as one failure", () => {
    const summary = runAssistanceGoldenTests("/nonexistent/policy");
    expect(summary.passed).toBe(0);
    expect(summary.failed).toBe(1);
  });
});
