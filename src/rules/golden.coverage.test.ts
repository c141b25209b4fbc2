import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadGoldenCases } from "./golden.run";
import { loadVersionFolder, POLICIES_ROOT } from "./policy.registry";
import { explain } from "./scorecard.explain";
import { checkRequest } from "./scorecard.request";

const folder = join(POLICIES_ROOT, "zhongshan/points/2014");
const loaded = loadVersionFolder(folder);
if (!loaded.ok) throw new Error("2014 does not load");
const plan = loaded.value;
const outcomes = loadGoldenCases(folder).cases.map((golden) => {
  const checked = checkRequest(plan, {
    id: golden.name,
    purpose: golden.purpose,
    town: golden.town,
    application_date: golden.date,
    grade: golden.grade,
    facts: golden.facts,
  });
  if (!checked.ok) throw new Error(checked.error.message);
  return explain(plan, checked.value);
});
const steps = outcomes.flatMap((outcome) => outcome.steps);

describe("the 2014 golden tests cover the scorecard", () => {
  it("every indicator scores in at least one case", () => {
    const silent = plan.steps
      .map((step) => step.indicator.id)
      .filter((id) => !steps.some((step) => step.indicator === id && step.points !== 0));
    expect(silent).toEqual([]);
  });
  it("every cap (indicator and shared group) is reached in at least one case", () => {
    const capped = plan.steps.filter((step) => step.cap !== undefined).map((step) => step.indicator.id);
    const unreached = capped.filter(
      (id) => !steps.some((step) => step.indicator === id && step.rule.includes("applied")),
    );
    expect(unreached).toEqual([]);
    expect(steps.some((step) => step.indicator === "volunteer_service" && step.rule.includes("applied"))).toBe(true);
  });
  it("every purpose, both grades, central and other towns, and a negative total appear", () => {
    expect(new Set(outcomes.map((outcome) => outcome.purpose))).toEqual(new Set(["school", "housing", "hukou"]));
    expect(outcomes.some((outcome) => outcome.total < 0)).toBe(true);
    expect(steps.some((step) => step.indicator === "multiplier" && step.points > 0)).toBe(true);
    expect(steps.some((step) => step.indicator === "multiplier" && step.rule.startsWith("not applied"))).toBe(true);
  });
});
