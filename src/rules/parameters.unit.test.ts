import { describe, expect, it } from "vitest";
import {
  loadParameterDirectory,
  loadParameterText,
  moneyAt,
  overrideParameters,
  parameterAt,
  parseRatio,
  parseScaledDecimal,
  percentAt,
  ratioAt,
  type ParameterTree,
} from "./parameters";

const GOOD = `
standard:
  description: Dibao standard
  unit: yuan_per_month
  values:
    - from: 2017-01-01
      value: 896
      reference: notice 2017 clause 1
    - from: 2018-01-01
      value: 976
      reference: notice 2018 clause 1
group:
  description: a group
  threshold:
    description: CPI threshold
    unit: percent
    values:
      - { from: 2016-08-01, value: 3.5, reference: notice 2016 art. 2 }
`;

function load(text: string): ParameterTree {
  const result = loadParameterText(text, "test.yaml", "dibao");
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function loadError(text: string): string {
  const result = loadParameterText(text, "test.yaml", "dibao");
  if (result.ok) throw new Error("expected a load error");
  return result.error.message;
}

function leaf(entries: string, unit = "yuan_per_month", extra = ""): string {
  return `standard:\n  description: d\n  unit: ${unit}\n${extra}  values:\n${entries}`;
}

describe("loadParameterText", () => {
  it("loads leaves by dotted path, money in fen, percent in hundredths", () => {
    const tree = load(GOOD);
    expect([...tree.keys()]).toEqual(["dibao.standard", "dibao.group.threshold"]);
    expect(tree.get("dibao.standard")?.values.map((entry) => entry.value)).toEqual([89600, 97600]);
    expect(tree.get("dibao.group.threshold")?.values[0].value).toBe(350);
  });

  it("reports a missing reference with file and path", () => {
    expect(loadError(leaf("    - from: 2017-01-01\n      value: 896\n"))).toBe(
      "test.yaml: dibao.standard.values[0].reference: missing reference (document number and clause)",
    );
  });

  it("reports unsorted dates", () => {
    const message = loadError(
      leaf(
        "    - { from: 2018-01-01, value: 976, reference: r }\n    - { from: 2017-01-01, value: 896, reference: r }\n",
      ),
    );
    expect(message).toBe(
      "test.yaml: dibao.standard.values[1].from: dates must be in increasing order: 2017-01-01 comes after 2018-01-01",
    );
  });

  it("reports duplicate dates", () => {
    const message = loadError(
      leaf(
        "    - { from: 2018-01-01, value: 976, reference: r }\n    - { from: 2018-01-01, value: 977, reference: r }\n",
      ),
    );
    expect(message).toBe("test.yaml: dibao.standard.values[1].from: duplicate date 2018-01-01");
  });

  it("reports a value of the wrong type for the unit", () => {
    expect(loadError(leaf('    - { from: 2018-01-01, value: "976", reference: r }\n'))).toContain(
      "dibao.standard.values[0].value: value must be a number of yuan",
    );
    expect(loadError(leaf("    - { from: 2018-01-01, value: 9.765, reference: r }\n"))).toContain("at most 2 decimals");
    expect(loadError(leaf("    - { from: 2018-01-01, value: 1.5, reference: r }\n", "months"))).toContain(
      "must be a whole number for unit months",
    );
    expect(loadError(leaf("    - { from: 2018-01-01, value: nearest, reference: r }\n", "rounding"))).toContain(
      'must be "down" or "half_up"',
    );
    expect(loadError(leaf("    - { from: 2018-01-01, value: [a, a], reference: r }\n", "codes"))).toContain(
      "lists a code twice",
    );
  });

  it("reports an unknown unit", () => {
    expect(loadError(leaf("    - { from: 2018-01-01, value: 976, reference: r }\n", "dollars"))).toContain(
      "dibao.standard: unit must be one of",
    );
  });

  it("refuses negative values unless the leaf allows them", () => {
    expect(loadError(leaf("    - { from: 2018-01-01, value: -1, reference: r }\n"))).toBe(
      "test.yaml: dibao.standard.values[0].value: value must not be negative, got -1",
    );
    expect(loadError(leaf("    - { from: 2018-01-01, value: -0.5, reference: r }\n", "ratio"))).toContain(
      "must not be negative",
    );
    const tree = load(
      leaf("    - { from: 2018-01-01, value: -1.5, reference: r }\n", "percent", "  allow_negative: true\n"),
    );
    expect(tree.get("dibao.standard")?.values[0].value).toBe(-150);
  });

  it("reports unknown keys in a leaf, an entry and a group", () => {
    expect(
      loadError(leaf("    - { from: 2018-01-01, value: 976, reference: r }\n", "yuan_per_month", "  units: x\n")),
    ).toBe(
      'test.yaml: dibao.standard: unknown key "units" (allowed: description, unit, values, configurable_default, allow_negative)',
    );
    expect(loadError(leaf("    - { from: 2018-01-01, value: 976, reference: r, source: x }\n"))).toContain(
      'dibao.standard.values[0]: unknown key "source"',
    );
    expect(loadError("group:\n  threshold: 3\n")).toContain('dibao.group.threshold: unknown key "threshold"');
  });

  it("reports a missing description, a bad date, empty values and YAML syntax errors", () => {
    expect(loadError("standard:\n  unit: yuan\n  values: []\n")).toBe("test.yaml: dibao.standard: missing description");
    expect(loadError(leaf("    - { from: 2018-02-30, value: 976, reference: r }\n"))).toContain(
      "dibao.standard.values[0].from: must be a date YYYY-MM-DD",
    );
    expect(loadError("standard:\n  description: d\n  unit: yuan\n  values: []\n")).toBe(
      "test.yaml: dibao.standard.values: must be a non-empty list",
    );
    expect(loadError("standard: [unclosed\n")).toContain("YAML syntax error");
  });
});

describe("parameterAt", () => {
  const tree = load(GOOD);

  it("returns the value in force with its reference", () => {
    expect(parameterAt(tree, "dibao.standard", "2017-12-31")).toEqual({
      ok: true,
      value: {
        path: "dibao.standard",
        value: 89600,
        from: "2017-01-01",
        reference: "notice 2017 clause 1",
        unit: "yuan_per_month",
      },
    });
    const reading = moneyAt(tree, "dibao.standard", "2018-01-01");
    expect(reading.ok && reading.value.value).toBe(97600);
  });

  it("is an error before the first value, for an unknown path and for the wrong unit", () => {
    const before = parameterAt(tree, "dibao.standard", "2016-12-31");
    expect(!before.ok && before.error.code).toBe("parameter.not_in_force");
    const unknown = parameterAt(tree, "dibao.nothing", "2018-01-01");
    expect(!unknown.ok && unknown.error.code).toBe("parameter.unknown");
    const wrong = percentAt(tree, "dibao.standard", "2018-01-01");
    expect(!wrong.ok && wrong.error.code).toBe("parameter.wrong_unit");
  });

  it("applies overrides from a date without touching the original tree", () => {
    const changed = overrideParameters(tree, [{ path: "dibao.standard", from: "2015-01-01", value: 800 }]);
    if (!changed.ok) throw new Error(changed.error.message);
    expect(moneyAt(changed.value, "dibao.standard", "2015-06-01").ok).toBe(true);
    expect(parameterAt(tree, "dibao.standard", "2015-06-01").ok).toBe(false);
    const bad = overrideParameters(tree, [{ path: "dibao.standard", from: "2015-01-01", value: "eight" }]);
    expect(!bad.ok && bad.error.field).toBe("overrides[0].value");
  });
});

describe("exact decimals", () => {
  it("parses decimals without floating point", () => {
    expect(parseScaledDecimal(3.4, 2)).toBe(340);
    expect(parseScaledDecimal(-0.5, 2)).toBe(-50);
    expect(parseScaledDecimal(1234.56, 2)).toBe(123456);
    expect(parseScaledDecimal(0.125, 2)).toBeUndefined();
    expect(parseScaledDecimal(1e21, 2)).toBeUndefined();
    expect(parseRatio(0.35)).toEqual({ numerator: 35, denominator: 100 });
    expect(parseRatio(1.5)).toEqual({ numerator: 15, denominator: 10 });
  });
});

describe("the shipped Zhongshan assistance parameters", () => {
  it("load without error and read by date", () => {
    const loaded = loadParameterDirectory(
      new URL("../../policies/zhongshan/assistance/parameters", import.meta.url).pathname,
    );
    if (!loaded.ok) throw new Error(loaded.error.message);
    const ratio = ratioAt(loaded.value, "classified_supplement.ratio", "2018-01-01");
    expect(ratio.ok && ratio.value.value).toEqual({ numerator: 4, denominator: 10 });
    const standard = moneyAt(loaded.value, "dibao.standard", "2020-06-01");
    expect(standard.ok && standard.value.value).toBe(110000);
  });

  it("a missing directory is an error value", () => {
    const loaded = loadParameterDirectory("/nonexistent/parameters");
    expect(!loaded.ok && loaded.error.code).toBe("parameter.unreadable");
  });
});
