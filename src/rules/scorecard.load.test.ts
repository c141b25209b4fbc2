import { describe, expect, it } from "vitest";
import { checkFamilies } from "./policy.registry";
import { compilePlan } from "./scorecard.plan";
import { readScorecard } from "./scorecard.load";
import { FIXTURE_YAML, fixturePlan } from "./scorecard.fixture";

/** Problems of a mutated fixture, from loading then compiling. */
function problems(yaml: string): { code: string; path: string; message: string }[] {
  const version = readScorecard(yaml, "fixture.yaml", "/nonexistent");
  if (!version.ok) return version.error;
  const plan = compilePlan(version.value);
  return plan.ok ? [] : plan.error;
}

describe("scorecard loader", () => {
  it("loads the fixture", () => {
    expect(problems(FIXTURE_YAML)).toEqual([]);
    expect(fixturePlan().steps).toHaveLength(10);
  });

  it("names file, path and problem for an unknown key", () => {
    const found = problems(FIXTURE_YAML.replace("unit: 2, points: 1.5", "unit: 2, pionts: 1.5"));
    expect(found).toContainEqual(expect.objectContaining({ code: "unknown_key", path: "indicators[2].pionts" }));
    expect(found[0].message).toContain("fixture.yaml: indicators[2].pionts");
  });

  it("requires a legal reference on every indicator", () => {
    const found = problems(FIXTURE_YAML.replace("reference: TEST-1 d, ", ""));
    expect(found).toContainEqual(
      expect.objectContaining({ code: "missing_reference", path: "indicators[4].reference" }),
    );
  });

  it("refuses a cap below zero", () => {
    expect(problems(FIXTURE_YAML.replace("cap: 6", "cap: -6"))).toContainEqual(
      expect.objectContaining({ code: "negative_cap", path: "indicators[2].cap" }),
    );
  });

  it("refuses a duplicate indicator", () => {
    expect(problems(FIXTURE_YAML.replace("{ id: checks,", "{ id: owner,"))).toContainEqual(
      expect.objectContaining({ code: "duplicate_indicator" }),
    );
  });

  it("refuses a reference to an unknown fact", () => {
    expect(problems(FIXTURE_YAML.replace("fact: owner,", "fact: ownr,"))).toContainEqual(
      expect.objectContaining({ code: "unknown_fact", path: "indicators[4].fact" }),
    );
  });

  it("refuses an unknown name inside an expression", () => {
    expect(problems(FIXTURE_YAML.replace('condition: "not bad"', 'condition: "not badd"'))).toContainEqual(
      expect.objectContaining({ code: "unknown_name" }),
    );
  });

  it("refuses a subset of an unknown whole", () => {
    expect(problems(FIXTURE_YAML.replace("subset_of: [years]", "subset_of: [yeers]"))).toContainEqual(
      expect.objectContaining({ code: "unknown_fact", path: "facts.years_local.subset_of" }),
    );
  });

  it("refuses an enum value the fact does not have", () => {
    expect(
      problems(FIXTURE_YAML.replace("points: { low: 10, high: 20 }", "points: { low: 10, top: 20 }")),
    ).toContainEqual(expect.objectContaining({ code: "unknown_value" }));
  });

  it("refuses an unknown status, a bad date and a reversed period", () => {
    const found = problems(
      FIXTURE_YAML.replace("status: draft", "status: live").replace(
        "effective: { from: 2020-01-01 }",
        "effective: { from: 2020-01-01, to: 2019-12-31 }",
      ),
    );
    expect(found.map((problem) => problem.code)).toEqual(expect.arrayContaining(["invalid_value", "invalid_period"]));
  });

  it("refuses a point value the multiplier cannot keep exact", () => {
    expect(problems(FIXTURE_YAML.replace("points: 0.5, cap: 1", "points: 0.05, cap: 1"))).toContainEqual(
      expect.objectContaining({ code: "inexact_multiplier" }),
    );
  });

  it("refuses an unknown group member", () => {
    expect(problems(FIXTURE_YAML.replace("members: [owner, checks]", "members: [owner, chex]"))).toContainEqual(
      expect.objectContaining({ code: "unknown_indicator" }),
    );
  });

  it("reports invalid YAML", () => {
    expect(problems("id: [unclosed")).toContainEqual(expect.objectContaining({ code: "invalid_yaml" }));
  });

  it("refuses overlapping periods of versions in force in one family", () => {
    const active = (id: string, from: string, to?: string) =>
      fixturePlan(
        FIXTURE_YAML.replace("id: test-points-1", `id: ${id}`)
          .replace("status: draft", "status: active")
          .replace("effective: { from: 2020-01-01 }", `effective: { from: ${from}${to ? `, to: ${to}` : ""} }`),
      );
    expect(
      checkFamilies([active("test-points-a", "2020-01-01", "2020-12-31"), active("test-points-b", "2021-01-01")]),
    ).toEqual([]);
    expect(
      checkFamilies([active("test-points-a", "2020-01-01", "2021-01-01"), active("test-points-b", "2021-01-01")]),
    ).toContainEqual(expect.objectContaining({ code: "overlapping_versions" }));
    expect(
      checkFamilies([active("test-points-a", "2020-01-01"), active("test-points-a", "2030-01-01")]),
    ).toContainEqual(expect.objectContaining({ code: "duplicate_version" }));
  });
});
