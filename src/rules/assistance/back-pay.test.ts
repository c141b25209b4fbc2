import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { computeBackPay } from "./back-pay";
import { loadAssistancePolicy } from "./policy.loader";
import { parseAssistanceRequest, type AssistanceRequest } from "./request.validation";

const policy = loadAssistancePolicy(fileURLToPath(new URL("../../../policies/zhongshan/assistance", import.meta.url)));
if (!policy.ok) throw new Error(policy.error.message);

function household(month: string): AssistanceRequest {
  const parsed = parseAssistanceRequest({
    id: "h",
    month,
    household: {
      members: [
        { id: "A", monthly_income_yuan: 100 },
        { id: "B", monthly_income_yuan: 0, categories: ["minor"] },
      ],
      assets_yuan: 0,
    },
  });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

describe("computeBackPay", () => {
  it("pays the 2018 rise for January and February paid at the 2017 amounts", () => {
    // Paid at 2017 figures: 896 × 2 − 100 + 358 = 2050. Due at 2018 figures: 976 × 2 − 100 + 390 = 2242. Difference 192 per month.
    const result = computeBackPay(
      [
        { request: household("2018-02"), paidFen: 205000 },
        { request: household("2018-01"), paidFen: 205000 },
      ],
      policy.value.parameters,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        lines: [
          { month: "2018-01", paidFen: 205000, dueFen: 224200, differenceFen: 19200 },
          { month: "2018-02", paidFen: 205000, dueFen: 224200, differenceFen: 19200 },
        ],
        totalFen: 38400,
      },
    });
  });

  it("refuses a month twice, a bad paid amount and a month without a standard", () => {
    const parameters = policy.value.parameters;
    expect(
      computeBackPay(
        [
          { request: household("2018-01"), paidFen: 1 },
          { request: household("2018-01"), paidFen: 1 },
        ],
        parameters,
      ),
    ).toMatchObject({ ok: false, error: { code: "duplicate_month" } });
    expect(computeBackPay([{ request: household("2018-01"), paidFen: -1 }], parameters)).toMatchObject({
      ok: false,
      error: { code: "invalid_paid" },
    });
    expect(computeBackPay([{ request: household("2016-01"), paidFen: 0 }], parameters)).toMatchObject({
      ok: false,
      error: { code: "no_standard", field: "paid[0].month" },
    });
  });
});
