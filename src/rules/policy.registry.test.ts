import { describe, expect, it } from "vitest";
import { approvePolicy, activatePolicy, supersedePolicy } from "./policy.lifecycle";
import { loadAllVersions, planFor, resolvePolicy, versionInForce } from "./policy.registry";
import { fixturePlan } from "./scorecard.fixture";
import type { GoldenResult } from "./golden.run";

const loaded = loadAllVersions();
if (!loaded.ok) throw new Error(loaded.error.map((problem) => problem.message).join("\n"));
const plans = loaded.value;

describe("version selection", () => {
  it.each([
    ["2013-09-30", undefined],
    ["2013-10-01", "zhongshan-points-2013"],
    ["2014-05-01", "zhongshan-points-2013"],
    ["2014-10-29", "zhongshan-points-2013"],
    ["2014-10-30", "zhongshan-points-2014"],
    ["2015-05-01", "zhongshan-points-2014"],
    ["2017-01-01", "zhongshan-points-2014"],
  ])("on %s the version in force is %s (drafts never are)", (date, id) => {
    expect(versionInForce(plans, date)?.version.id).toBe(id);
  });
  it("a version id pins that version whatever the date", () => {
    const choice = resolvePolicy(plans, "zhongshan-points-2014");
    expect(choice.ok && planFor(choice.value, "2014-05-01")).toMatchObject({
      ok: true,
      value: { version: { id: "zhongshan-points-2014" } },
    });
  });
  it("a family picks per date, and says when nothing was in force", () => {
    const choice = resolvePolicy(plans, "zhongshan-points");
    if (!choice.ok) throw new Error("family");
    expect(planFor(choice.value, "2014-05-01")).toMatchObject({
      ok: true,
      value: { version: { id: "zhongshan-points-2013" } },
    });
    expect(planFor(choice.value, "2012-01-01")).toMatchObject({ ok: false, error: { code: "no_policy_in_force" } });
  });
  it("refuses an unknown policy id", () => {
    expect(resolvePolicy(plans, "atlantis-points")).toMatchObject({
      ok: false,
      error: { code: "unknown_policy", field: "policy" },
    });
  });
});

describe("lifecycle", () => {
  const draft = fixturePlan();
  const passing = (): GoldenResult[] => [{ name: "a", file: "t.yaml", passed: true, failures: [] }];
  const failing = (): GoldenResult[] => [
    { name: "b", file: "t.yaml", passed: false, failures: ["total: expected 1.00, got 2.00"] },
  ];

  it("approvePolicy refuses while a golden test fails", () => {
    const result = approvePolicy(draft, failing);
    expect(result).toMatchObject({ ok: false, error: { code: "golden_tests_failed" } });
    expect(!result.ok && result.error.message).toContain("total: expected 1.00, got 2.00");
  });
  it("approvePolicy refuses a version without golden tests (the fixture has none)", () => {
    expect(approvePolicy(draft)).toMatchObject({ ok: false, error: { code: "no_golden_tests" } });
  });
  it("draft → approved → active → superseded", () => {
    const approved = approvePolicy(draft, passing);
    if (!approved.ok) throw new Error(approved.error.message);
    expect(approved.value.version.status).toBe("approved");
    expect(approvePolicy(approved.value, passing)).toMatchObject({ ok: false, error: { code: "invalid_transition" } });
    const previous = {
      ...draft,
      version: { ...draft.version, id: "test-points-0", status: "active" as const, effective: { from: "2019-01-01" } },
    };
    const activated = activatePolicy(approved.value, "2021-03-01", [previous]);
    if (!activated.ok) throw new Error(activated.error.message);
    expect(activated.value.activated.version).toMatchObject({ status: "active", effective: { from: "2021-03-01" } });
    expect(activated.value.superseded[0].version).toMatchObject({
      status: "superseded",
      effective: { from: "2019-01-01", to: "2021-02-28" },
    });
    expect(activatePolicy(approved.value, "2018-01-01", [previous])).toMatchObject({
      ok: false,
      error: { code: "overlapping_versions" },
    });
    expect(supersedePolicy(activated.value.activated, "2022-01-01")).toMatchObject({
      ok: true,
      value: { version: { status: "superseded" } },
    });
  });
  it("the real 2016 draft passes its golden tests and can be approved", () => {
    const draft2016 = plans.find((plan) => plan.version.id === "zhongshan-points-2016-draft");
    expect(draft2016 && approvePolicy(draft2016)).toMatchObject({
      ok: true,
      value: { version: { status: "approved" } },
    });
  });
});
