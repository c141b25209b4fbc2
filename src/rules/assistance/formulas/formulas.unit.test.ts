import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { overrideParameters, type ParameterTree } from "../../parameters";
import { loadAssistancePolicy } from "../policy.loader";
import { parseAssistanceRequest, type AssistanceRequest } from "../request.validation";
import { computeDibao, standardInForce } from "./dibao.formula";
import type { FormulaContext } from "./formula.types";
import { computePriceSubsidy, formatPercent, monthTrigger, subsidyActive } from "./price-subsidy.formula";
import { formulaInForce, HOUSEHOLD_FORMULAS } from "./registry";
import { checkCategories, computeSupplement } from "./supplement.formula";
import { extremePovertySupport, isLowIncome, lowIncomeLimit, supplementByRule } from "./support.formula";

const policy = loadAssistancePolicy(
  fileURLToPath(new URL("../../../../policies/zhongshan/assistance", import.meta.url)),
);
if (!policy.ok) throw new Error(policy.error.message);
const parameters = policy.value.parameters;

function request(raw: Record<string, unknown>): AssistanceRequest {
  const parsed = parseAssistanceRequest({ id: "t", assets_yuan: 0, ...raw });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

function context(raw: Record<string, unknown>, tree: ParameterTree = parameters): FormulaContext {
  const parsed = request(raw);
  return { parameters: tree, request: parsed, date: `${parsed.month}-01`, steps: [] };
}

const members = (...incomes: number[]) =>
  incomes.map((income, index) => ({ id: `M${index}`, monthly_income_yuan: income }));

describe("dibao formula", () => {
  it("reads the standard in force and refuses months before it", () => {
    expect(standardInForce(context({ month: "2018-01", household: { members: members(0), assets_yuan: 0 } }))).toEqual({
      ok: true,
      value: 97600,
    });
    const before = standardInForce(context({ month: "2016-12", household: { members: members(0), assets_yuan: 0 } }));
    expect(!before.ok && before.error.code).toBe("no_standard");
  });

  it("pays the gap when income is strictly below standard × members", () => {
    const below = computeDibao(
      context({ month: "2019-01", household: { members: members(1000, 99.99), assets_yuan: 0 } }),
      105000,
    );
    expect(below).toEqual({ ok: true, value: { eligible: true, standardFen: 105000, dibaoFen: 210000 - 109999 } });
    const at = computeDibao(
      context({ month: "2019-01", household: { members: members(1050, 1050), assets_yuan: 0 } }),
      105000,
    );
    expect(at).toEqual({ ok: true, value: { eligible: false, standardFen: 105000, dibaoFen: 0 } });
  });

  it("applies the asset limit of 24 × standard × members, inclusive", () => {
    const within = computeDibao(
      context({ month: "2019-01", household: { members: members(0), assets_yuan: 25200 } }),
      105000,
    );
    expect(within).toEqual({ ok: true, value: { eligible: true, standardFen: 105000, dibaoFen: 105000 } });
    const over = computeDibao(
      context({ month: "2019-01", household: { members: members(0), assets_yuan: 25200.01 } }),
      105000,
    );
    expect(over).toEqual({ ok: true, value: { eligible: false, standardFen: 105000, dibaoFen: 0 } });
  });
});

describe("classified supplement formula", () => {
  const household = {
    members: [
      { id: "A", monthly_income_yuan: 0, categories: ["minor", "student", "severe_disability"] },
      { id: "B", monthly_income_yuan: 0, categories: [] },
      { id: "C", monthly_income_yuan: 0, categories: ["serious_illness"] },
    ],
    assets_yuan: 0,
  };

  it("pays one supplement per qualifying member, only when eligible", () => {
    expect(computeSupplement(context({ month: "2020-05", household }), true)).toEqual({ ok: true, value: 2 * 44000 });
    expect(computeSupplement(context({ month: "2020-05", household }), false)).toEqual({ ok: true, value: 0 });
  });

  it("refuses an unknown category with its field", () => {
    const bad = checkCategories(
      context({
        month: "2020-05",
        household: { members: [{ id: "A", monthly_income_yuan: 0, categories: ["pensioner"] }], assets_yuan: 0 },
      }),
    );
    expect(!bad.ok && bad.error).toMatchObject({
      code: "unknown_category",
      field: "household.members[0].categories[0]",
    });
  });

  it("stores the published amounts, equal to ⌊standard × 0.4⌋ every year", () => {
    for (const year of [2017, 2018, 2019, 2020, 2021]) {
      const date = `${year}-01-01`;
      const published = parameters
        .get("classified_supplement.amount")
        ?.values.find((entry) => entry.from === date)?.value;
      expect(supplementByRule(parameters, date)).toEqual({ ok: true, value: published });
    }
  });
});

describe("特困 support and the low-income band", () => {
  it("derive from the standard, rounded down to whole yuan", () => {
    expect(extremePovertySupport(parameters, "2017-03-01")).toEqual({ ok: true, value: 143300 });
    expect(extremePovertySupport(parameters, "2018-03-01")).toEqual({ ok: true, value: 156100 });
    expect(extremePovertySupport(parameters, "2021-03-01")).toEqual({ ok: true, value: 179200 });
    expect(lowIncomeLimit(parameters, "2018-03-01")).toEqual({ ok: true, value: 146400 });
    expect(lowIncomeLimit(parameters, "2020-03-01")).toEqual({ ok: true, value: 165000 });
    const before = lowIncomeLimit(parameters, "2016-03-01");
    expect(!before.ok && before.error.code).toBe("no_standard");
  });

  it("places a household in the band from the standard up to 1.5 × standard", () => {
    expect(isLowIncome(parameters, "2018-03-01", 195200, 2)).toEqual({ ok: true, value: true });
    expect(isLowIncome(parameters, "2018-03-01", 195199, 2)).toEqual({ ok: true, value: false });
    expect(isLowIncome(parameters, "2018-03-01", 292800, 2)).toEqual({ ok: true, value: true });
    expect(isLowIncome(parameters, "2018-03-01", 292801, 2)).toEqual({ ok: true, value: false });
  });
});

describe("price subsidy formula", () => {
  it("formats hundredths of a percent", () => {
    expect(formatPercent(350)).toBe("3.50%");
    expect(formatPercent(-25)).toBe("-0.25%");
  });

  it("tests a month against the thresholds in force that month", () => {
    expect(monthTrigger(parameters, "2019-03", { cpiHundredths: 350 })).toEqual({
      triggered: true,
      triggeringRise: 350,
    });
    expect(monthTrigger(parameters, "2019-03", { cpiHundredths: 349, foodHundredths: 599 })).toEqual({
      triggered: false,
    });
    expect(monthTrigger(parameters, "2019-03", { cpiHundredths: 400, foodHundredths: 700 })).toEqual({
      triggered: true,
      triggeringRise: 700,
    });
    expect(monthTrigger(parameters, "2022-09", { cpiHundredths: 300 })).toEqual({
      triggered: true,
      triggeringRise: 300,
    });
    expect(monthTrigger(parameters, "2010-12", { cpiHundredths: 900 })).toEqual({ triggered: false });
    expect(monthTrigger(parameters, "2019-03", undefined)).toEqual({ triggered: false });
  });

  it("starts after N triggered months and stops after M quiet ones; gaps in the history count as quiet", () => {
    const high = { cpiHundredths: 350 };
    const low = { cpiHundredths: 100 };
    const history = new Map([
      ["2015-04", high],
      ["2015-05", high],
    ]);
    expect(subsidyActive(parameters, "2015-06", high, history, 3, 3).active).toBe(true);
    const gap = new Map([
      ["2015-03", high],
      ["2015-05", high],
    ]);
    expect(subsidyActive(parameters, "2015-06", high, gap, 3, 3)).toEqual({ active: false, consecutiveTriggered: 2 });
    const quiet = new Map([
      ["2015-01", high],
      ["2015-02", high],
      ["2015-03", high],
      ["2015-04", low],
    ]);
    expect(subsidyActive(parameters, "2015-05", low, quiet, 3, 3).active).toBe(true);
    expect(subsidyActive(parameters, "2015-05", high, new Map(), 1, 1).active).toBe(true);
    expect(subsidyActive(parameters, "2015-05", low, history, 1, 1).active).toBe(false);
  });

  it("rounds half up to whole yuan and applies the minimum", () => {
    const household = { members: members(0), assets_yuan: 0 };
    const amount = (month: string, cpi: Record<string, number>, tree = parameters) => {
      const result = computePriceSubsidy(
        context({ month, household, cpi }, tree),
        month < "2019" ? 97600 : 110000,
        true,
      );
      return result.ok ? result.value : result.error.code;
    };
    expect(amount("2020-02", { food_yoy_percent: 6.5 })).toBe(7200); // 71.50 → 72
    expect(amount("2020-02", { food_yoy_percent: 6.54 })).toBe(7200); // 71.94 → 72
    expect(amount("2020-02", { food_yoy_percent: 6.04 })).toBe(6600); // 66.44 → 66
    expect(amount("2020-02", { yoy_percent: 3.4, food_yoy_percent: 5.9 })).toBe(0);
    expect(amount("2020-02", {})).toBe(0);
    const lowered = overrideParameters(parameters, [
      { path: "price_linkage.cpi_threshold_percent", from: "2018-01-01", value: 0.5 },
    ]);
    if (!lowered.ok) throw new Error(lowered.error.message);
    expect(amount("2018-05", { yoy_percent: 0.5 }, lowered.value)).toBe(1000); // 4.88 → 5 → minimum 10
    expect(amount("2018-05", { yoy_percent: 1.1 }, lowered.value)).toBe(1100); // 10.736 → 11
  });

  it("pays nothing to a household that is not covered", () => {
    const result = computePriceSubsidy(
      context({ month: "2020-02", household: { members: members(0), assets_yuan: 0 }, cpi: { yoy_percent: 9 } }),
      110000,
      false,
    );
    expect(result).toEqual({ ok: true, value: 0 });
  });
});

describe("formula registry", () => {
  it("chooses the latest formula whose date has come", () => {
    expect(formulaInForce("2010-12-31")).toBeUndefined();
    expect(formulaInForce("2018-01-01")?.name).toBe("household_gap");
    const compute = HOUSEHOLD_FORMULAS[0].compute;
    const registry = [
      { from: "2011-01-01", name: "old", reference: "r", compute },
      { from: "2030-01-01", name: "new", reference: "r", compute },
    ];
    expect(formulaInForce("2029-12-31", registry)?.name).toBe("old");
    expect(formulaInForce("2030-01-01", registry)?.name).toBe("new");
  });
});
