import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { overrideParameters } from "../parameters";
import { loadAssistancePolicy } from "./policy.loader";
import { proposeStandard } from "./standard.proposal";

const policy = loadAssistancePolicy(fileURLToPath(new URL("../../../policies/zhongshan/assistance", import.meta.url)));
if (!policy.ok) throw new Error(policy.error.message);
const parameters = policy.value.parameters;

describe("proposeStandard", () => {
  it("proposes round(0.35 × consumption / 12) when it is above the previous standard", () => {
    // 0.35 × 40000 / 12 = 1166.67 → 1167
    expect(proposeStandard(112000, 40000, { parameters, date: "2022-01-01" })).toMatchObject({
      ok: true,
      value: { proposedFen: 116700, computedFen: 116700 },
    });
    // 0.35 × 36000 / 12 = 1050 exactly
    expect(proposeStandard(97600, "36000", { parameters, date: "2019-01-01" })).toMatchObject({
      ok: true,
      value: { proposedFen: 105000 },
    });
    // 0.35 × 34290 / 12 = 1000.125 → 1000; 0.35 × 840 / 12 = 24.5 exactly, half up → 25
    expect(proposeStandard(0, 34290, { parameters, date: "2019-01-01" })).toMatchObject({
      ok: true,
      value: { computedFen: 100000 },
    });
    expect(proposeStandard(0, 840, { parameters, date: "2019-01-01" })).toMatchObject({
      ok: true,
      value: { computedFen: 2500 },
    });
    expect(proposeStandard(0, 839.99, { parameters, date: "2019-01-01" })).toMatchObject({
      ok: true,
      value: { computedFen: 2400 },
    });
  });

  it("never proposes less than the previous standard", () => {
    expect(proposeStandard(112000, 30000, { parameters, date: "2022-01-01" })).toMatchObject({
      ok: true,
      value: { proposedFen: 112000, computedFen: 87500 },
    });
  });

  it("reads the ratio from the parameters", () => {
    const changed = overrideParameters(parameters, [{ path: "natural_growth.ratio", from: "2022-01-01", value: 0.4 }]);
    if (!changed.ok) throw new Error(changed.error.message);
    // 0.4 × 40000 / 12 = 1333.33 → 1333
    expect(proposeStandard(112000, 40000, { parameters: changed.value, date: "2022-01-01" })).toMatchObject({
      ok: true,
      value: { proposedFen: 133300 },
    });
  });

  it("refuses bad inputs by field and dates before the ratio", () => {
    expect(proposeStandard(112000, -1, { parameters, date: "2022-01-01" })).toMatchObject({
      ok: false,
      error: { field: "consumption" },
    });
    expect(proposeStandard(112000, "lots", { parameters, date: "2022-01-01" })).toMatchObject({
      ok: false,
      error: { field: "consumption" },
    });
    expect(proposeStandard(-1, 40000, { parameters, date: "2022-01-01" })).toMatchObject({
      ok: false,
      error: { field: "previous" },
    });
    expect(proposeStandard(112000, 40000, { parameters, date: "2016-01-01" })).toMatchObject({
      ok: false,
      error: { code: "parameter.not_in_force" },
    });
  });
});
