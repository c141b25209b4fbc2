/**
 * A small scorecard used by the unit tests: one indicator of every kind, both group kinds, a multiplier
 * and purpose-specific rows. Tests mutate its YAML text to provoke each validation error.
 */
import { compilePlan, type Plan } from "./scorecard.plan";
import { readScorecard } from "./scorecard.load";

export const FIXTURE_YAML = `
id: test-points-1
family: test-points
kind: points
title: { zh: 测试, en: Test }
status: draft
effective: { from: 2020-01-01 }
reference: TEST-1
purposes:
  school: { threshold: 30, zh: 入学, en: School, reference: TEST-1 art. 1 }
  hukou: { threshold: 60, zh: 入户, en: Hukou, reference: TEST-1 art. 2 }
grades: { values: [primary_1], purpose: school, reference: TEST-1 art. 1 }
subscores:
  - { id: quality, zh: 素质, en: Quality }
multiplier: { factor: 1.3, when: not central_district, zh: 奖励, en: Bonus, reference: TEST-1 art. 3 }
facts:
  level: { type: enum, values: [none, low, high] }
  years: { type: count }
  years_local: { type: count, subset_of: [years] }
  owner: { type: boolean }
  checks: { type: count }
  birth: { type: date }
  money: { type: yuan }
  bad: { type: boolean }
tables:
  - { name: level_points, fact: level, entries: { low: 7, high: 9 } }
variables:
  - { name: doubled_years, expression: "years * 2" }
groups:
  - { id: best, kind: highest, members: [level, level_table], zh: 取高, en: Highest, reference: TEST-1 a }
  - { id: shared, kind: shared_cap, members: [owner, checks], cap: 12, zh: 共享上限, en: Shared, reference: TEST-1 b }
indicators:
  - { id: level, zh: 等级, en: Level, reference: TEST-1 a, section: basic, subscore: quality, kind: enum, fact: level, points: { low: 10, high: 20 } }
  - { id: level_table, zh: 等级表, en: Level table, reference: TEST-1 a, section: basic, subscore: quality, kind: formula, expression: "table(level_points, level) * 3", purposes: [hukou] }
  - { id: years, zh: 年限, en: Years, reference: TEST-1 c, section: bonus, kind: per_unit, fact: years, unit: 2, points: 1.5, cap: 6 }
  - { id: years_local, zh: 本地年限, en: Local years, reference: TEST-1 c, section: bonus, kind: extra, base: years, fact: years_local, unit: 1, points: 0.5, cap: 1 }
  - { id: owner, zh: 业主, en: Owner, reference: TEST-1 d, section: bonus, kind: boolean, fact: owner, points: 10 }
  - { id: checks, zh: 检查, en: Checks, reference: TEST-1 e, section: bonus, kind: tiered, fact: checks, tiers: [{ from: 1, points: 2 }, { from: 3, points: 5 }] }
  - { id: young, zh: 年轻, en: Young, reference: TEST-1 f, section: bonus, kind: age_range, fact: birth, minimum: 18, maximum: 35, points: 5 }
  - { id: clean, zh: 无记录, en: Clean, reference: TEST-1 g, section: bonus, kind: condition, condition: "not bad", points: 4, purposes: [school], when: "grade == 'primary_1'" }
  - { id: rich, zh: 投资, en: Money, reference: TEST-1 h, section: bonus, kind: formula, expression: "min(money // 1000, 3) + doubled_years * 0" }
  - { id: penalty, zh: 扣分, en: Penalty, reference: TEST-1 i, section: deduction, kind: boolean, fact: bad, points: -50, except: [school] }
`;

/** The fixture compiled, or a thrown error listing its problems (a broken fixture is a bug). */
export function fixturePlan(yaml: string = FIXTURE_YAML): Plan {
  const version = readScorecard(yaml, "fixture.yaml", "/nonexistent");
  if (!version.ok) throw new Error(version.error.map((problem) => problem.message).join("\n"));
  const plan = compilePlan(version.value);
  if (!plan.ok) throw new Error(plan.error.map((problem) => problem.message).join("\n"));
  return plan.value;
}
