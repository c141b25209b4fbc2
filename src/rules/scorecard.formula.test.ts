import { describe, expect, it } from "vitest";
import { fixturePlan } from "./scorecard.fixture";
import { explain } from "./scorecard.explain";
import { evaluate } from "./scorecard.columns";
import { checkRequest } from "./scorecard.request";

/**
 * The points half of the synthetic rules benchmark (values in force on 2018-01-01), written only with the
 * formula layer: decimal inputs such as 20.97 years, table lookups, min/max, floor quotients, bonuses
 * conditioned on other variables, a sum, a deduction and max(…, 0) — all exact in hundredths.
 */
const BENCHMARK_YAML = `
id: benchmark-points-2018
family: benchmark-points
kind: points
title: { zh: 基准测试, en: Rules benchmark }
status: draft
effective: { from: 2018-01-01 }
reference: rules-benchmark README
purposes:
  benchmark: { threshold: 120, zh: 基准, en: Benchmark, reference: README rule 17 }
subscores: []
facts:
  education_level: { type: enum, values: [none, primary, junior_secondary, senior_secondary, vocational_college, bachelor, postgraduate] }
  skill_level: { type: enum, values: [none, level_5, level_4, level_3, level_2, level_1] }
  social_insurance_years: { type: decimal }
  residence_permit_years: { type: decimal }
  owns_housing: { type: boolean }
  volunteer_hours: { type: decimal }
  blood_donations: { type: count }
  criminal_record: { type: boolean }
  household_income_per_capita: { type: yuan }
  household_size: { type: count }
tables:
  - { name: education, fact: education_level, entries: { primary: 5, junior_secondary: 10, senior_secondary: 20, vocational_college: 50, bachelor: 60, postgraduate: 90 } }
  - { name: skill, fact: skill_level, entries: { level_5: 15, level_4: 30, level_3: 60, level_2: 100, level_1: 140 } }
variables:
  - { name: points_education, expression: "table(education, education_level)" }
  - { name: points_skill, expression: "table(skill, skill_level)" }
  - { name: points_social_insurance, expression: "2 * min(social_insurance_years, 20)" }
  - { name: points_residence, expression: "min(residence_permit_years, 10)" }
  - { name: points_housing, expression: "if(owns_housing, 10, 0)" }
  - { name: points_volunteer, expression: "2 * min(volunteer_hours // 50, 5)" }
  - { name: points_blood, expression: "min(2 * blood_donations, 10)" }
  - { name: points_social_contribution, expression: "min(points_volunteer + points_blood, 16)" }
  - { name: points_stability, expression: "if(social_insurance_years >= 7 and residence_permit_years >= 7, 20, 0)" }
  - { name: points_skilled_worker, expression: "if(points_skill >= 100 and social_insurance_years >= 5, 15, 0)" }
  - { name: points_talent, expression: "if((education_level == 'bachelor' or education_level == 'postgraduate') and social_insurance_years >= 3, 10, 0)" }
  - { name: points_family, expression: "if(household_size >= 3, 5, 0)" }
  - { name: points_income, expression: "min(household_income_per_capita // 1000, 5) * 2" }
  - name: points_gross
    expression: "points_education + points_skill + points_social_insurance + points_residence + points_housing + points_social_contribution + points_stability + points_skilled_worker + points_talent + points_family + points_income"
  - { name: points_deduction, expression: "if(criminal_record, 150, 0)" }
indicators:
  - { id: points_total, zh: 总分, en: Total, reference: README rule 16, section: bonus, kind: formula, expression: "max(points_gross - points_deduction, 0)" }
`;

const plan = fixturePlan(BENCHMARK_YAML);
const education = [
  "none",
  "primary",
  "junior_secondary",
  "senior_secondary",
  "vocational_college",
  "bachelor",
  "postgraduate",
];
const skill = ["none", "level_5", "level_4", "level_3", "level_2", "level_1"];

// Persons 0–2 of the benchmark's golden sample: inputs, and points_total (float32 there, exact here).
const rows: [number, number, number, number, boolean, number, number, boolean, number, number, number][] = [
  [2, 2, 20.97, 0.27, true, 0, 0, false, 1825.69, 2, 9227],
  [3, 1, 2.48, 7.05, true, 0, 4, false, 7245.52, 3, 8001],
  [5, 1, 5.79, 14.22, false, 0, 0, false, 1733.85, 3, 11358],
];

describe("the formula layer expresses the rules benchmark", () => {
  it.each(rows.map((row, person) => [person, row] as const))(
    "person %i scores exactly in both paths",
    (person, row) => {
      const [edu, sk, ins, res, housing, vol, blood, criminal, income, size, expected] = row;
      const checked = checkRequest(plan, {
        id: person,
        purpose: "benchmark",
        town: "shiqi",
        application_date: "2018-01-01",
        facts: {
          education_level: education[edu],
          skill_level: skill[sk],
          social_insurance_years: ins,
          residence_permit_years: res,
          owns_housing: housing,
          volunteer_hours: vol,
          blood_donations: blood,
          criminal_record: criminal,
          household_income_per_capita: income,
          household_size: size,
        },
      });
      if (!checked.ok) throw new Error(checked.error.message);
      expect(explain(plan, checked.value).total).toBe(expected);
      expect([...evaluate(plan, [checked.value])][0].total).toBe(expected);
    },
  );
  it("applies the deduction and the floor at zero", () => {
    const checked = checkRequest(plan, {
      id: 9,
      purpose: "benchmark",
      town: "shiqi",
      application_date: "2018-01-01",
      facts: { education_level: "bachelor", criminal_record: true },
    });
    if (!checked.ok) throw new Error(checked.error.message);
    expect(explain(plan, checked.value).total).toBe(0);
  });
});
