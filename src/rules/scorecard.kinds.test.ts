import { describe, expect, it } from "vitest";
import { allocateColumns, evaluate, evaluateColumns, kernelSource } from "./scorecard.columns";
import { explain, type Outcome } from "./scorecard.explain";
import { fixturePlan } from "./scorecard.fixture";
import { checkRequest, type ScoringRequest } from "./scorecard.request";

const plan = fixturePlan();

function score(request: ScoringRequest): Outcome {
  const checked = checkRequest(plan, request);
  if (!checked.ok) throw new Error(checked.error.message);
  return explain(plan, checked.value);
}

const pointsOf = (outcome: Outcome, indicator: string): number | undefined =>
  outcome.steps.find((step) => step.indicator === indicator)?.points;

const base = { id: "x", town: "shiqi", application_date: "2020-06-01" };

describe("indicator kinds", () => {
  const school = score({
    ...base,
    purpose: "school",
    grade: "primary_1",
    facts: { level: "high", years: 9, years_local: 3, owner: true, checks: 3, birth: "2000-06-01", money: 2500 },
  });

  it("enum lookup", () => expect(pointsOf(school, "level")).toBe(2000));
  it("per full unit with a cap not reached (9 → 4 units × 1.5 = 6)", () => expect(pointsOf(school, "years")).toBe(600));
  it("extra for the in-city part, capped (3 × 0.5 = 1.5 → 1)", () => expect(pointsOf(school, "years_local")).toBe(100));
  it("boolean", () => expect(pointsOf(school, "owner")).toBe(1000));
  it("tiered by count", () => expect(pointsOf(school, "checks")).toBe(500));
  it("shared cap over a group (10 + 5 → 12)", () => expect(pointsOf(school, "shared")).toBe(1200));
  it("age range on the application date", () => expect(pointsOf(school, "young")).toBe(500));
  it("condition gated by grade, counted for school only", () => expect(pointsOf(school, "clean")).toBe(400));
  it("formula with floor quotient, min and a derived variable", () => expect(pointsOf(school, "rich")).toBe(200));
  it("school total leaves out the hukou-only and the deduction rows", () => {
    expect(school.total).toBe(5000);
    expect(school.subscores).toEqual({ quality: 2000 });
    expect(school.steps.some((step) => step.indicator === "penalty" || step.indicator === "level_table")).toBe(false);
  });

  const hukou = score({
    ...base,
    town: "xiaolan",
    purpose: "hukou",
    facts: {
      level: "high",
      years: 11,
      years_local: 3,
      owner: true,
      checks: 3,
      birth: "2000-06-01",
      money: 2500,
      bad: true,
    },
  });
  it("highest-only group takes the larger member for hukou (20 vs 9 × 3)", () =>
    expect(pointsOf(hukou, "best")).toBe(2700));
  it("cap applied and said so", () => {
    expect(pointsOf(hukou, "years")).toBe(600);
    expect(hukou.steps.find((step) => step.indicator === "years")?.rule).toContain("cap 6.00 applied to 7.50");
  });
  it("deduction and multiplier after deductions (3 × 1.3 = 3.9)", () => {
    expect(pointsOf(hukou, "penalty")).toBe(-5000);
    expect(hukou.total).toBe(390);
    expect(hukou.eligible).toBe(false);
  });
  it("no multiplier on a negative total", () => {
    const negative = score({ ...base, town: "xiaolan", purpose: "hukou", facts: { bad: true } });
    expect(negative.total).toBe(-5000);
  });
  it("a gate that does not hold gives 0 and says why", () => {
    const withoutGrade = score({ ...base, purpose: "school", grade: "primary_1", facts: { bad: true } });
    expect(pointsOf(withoutGrade, "clean")).toBe(0);
  });
});

describe("explain", () => {
  const outcome = score({ ...base, town: "xiaolan", purpose: "hukou", facts: { level: "low", years: 4 } });
  it("gives every step its clause, labels, facts and rule", () => {
    const years = outcome.steps.find((step) => step.indicator === "years");
    expect(years).toEqual({
      indicator: "years",
      zh: "年限",
      en: "Years",
      reference: "TEST-1 c",
      facts: { years: 4 },
      points: 300,
      rule: "1.50 per full 2.00, at most 6.00",
    });
    expect(outcome.steps.map((step) => step.indicator)).toEqual(
      expect.arrayContaining(["level", "level_table", "best", "subscore:quality", "multiplier", "total"]),
    );
  });
  it("explains the multiplier and the threshold", () => {
    const multiplier = outcome.steps.find((step) => step.indicator === "multiplier");
    expect(multiplier?.rule).toBe("×1.30 on 24.00");
    expect(multiplier?.points).toBe(720);
    expect(outcome.steps.at(-1)).toMatchObject({ indicator: "total", points: 3120, zh: "入户" });
  });
});

describe("column evaluator", () => {
  it("compiles one fused loop over typed arrays", () => {
    const source = kernelSource(plan);
    expect(source.match(/for \(/g)).toHaveLength(1);
    expect(source).toContain("Int32Array");
  });
  it("computes every purpose for every row of a population", () => {
    const columns = allocateColumns(plan, 3);
    const level = columns.slots.level;
    level.set([2, 3, 0]);
    columns.slots.application_date.fill(20200601);
    columns.slots.central_district.set([1, 0, 1]);
    columns.slots.bad.set([0, 0, 1]);
    columns.slots.grade.set([1, 1, 1]);
    const results = evaluateColumns(plan, columns, undefined, 2);
    expect([...results.school.total]).toEqual([1400, 3120, 0]);
    expect([...results.hukou.total]).toEqual([2100, 3510, -5000]);
    expect([...results.hukou.subscores.quality]).toEqual([2100, 2700, 0]);
    expect([...results.school.eligible]).toEqual([0, 1, 0]);
    expect([...results.hukou.eligible]).toEqual([0, 0, 0]);
  });
  it("evaluates cases in bounded chunks and keeps their order", () => {
    const cases = Array.from({ length: 25 }, (_, index) => {
      const checked = checkRequest(plan, { ...base, id: index, purpose: "hukou", facts: { years: index } });
      if (!checked.ok) throw new Error(checked.error.message);
      return checked.value;
    });
    const scores = [...evaluate(plan, cases, 4)];
    expect(scores.map((entry) => entry.id)).toEqual(cases.map((entry) => entry.id));
    expect(scores.map((entry) => entry.total)).toEqual(cases.map((entry) => explain(plan, entry).total));
  });
});
