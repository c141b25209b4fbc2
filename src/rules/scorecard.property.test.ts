import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "./scorecard.columns";
import { explain } from "./scorecard.explain";
import { loadAllVersions } from "./policy.registry";
import { checkRequest } from "./scorecard.request";
import type { Plan } from "./scorecard.plan";
import type { FactDefinition } from "./scorecard.types";
import { towns } from "./towns";

const loaded = loadAllVersions();
if (!loaded.ok) throw new Error(loaded.error.map((problem) => problem.message).join("\n"));
const plans = loaded.value;

const isoDate = fc
  .date({ min: new Date("1960-01-01T00:00:00Z"), max: new Date("2020-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

function factArbitrary(fact: FactDefinition): fc.Arbitrary<unknown> {
  switch (fact.type) {
    case "enum":
      return fc.constantFrom(...(fact.values ?? []));
    case "boolean":
      return fc.boolean();
    case "date":
      return isoDate;
    case "decimal":
      return fc.integer({ min: -100_000, max: 100_000 }).map((hundredths) => hundredths / 100);
    case "yuan":
      return fc.integer({ min: 0, max: 50_000_000 }).map((fen) => fen / 100);
    case "count":
      return fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 100_000 }));
    case "counts":
      return fc.record(
        Object.fromEntries((fact.fields ?? []).map((field) => [field, fc.integer({ min: 0, max: 30 })])),
        { requiredKeys: [] },
      );
  }
}

function requestArbitrary(plan: Plan): fc.Arbitrary<Record<string, unknown>> {
  const facts = fc.record(
    Object.fromEntries(
      plan.version.facts.filter((fact) => !fact.subsetOf).map((fact) => [fact.name, factArbitrary(fact)]),
    ),
    { requiredKeys: [] },
  );
  return fc.record({
    purpose: fc.constantFrom(...plan.purposes.map((purpose) => purpose.name)),
    town: fc.constantFrom(...towns().keys()),
    application_date: isoDate,
    grade: fc.constantFrom(...plan.version.grades.values),
    facts,
    subsetShare: fc.double({ min: 0, max: 1, noNaN: true }),
  });
}

/** Fills the subset facts with a share of their whole, so the request is valid. */
function withSubsets(plan: Plan, request: Record<string, unknown>): Record<string, unknown> {
  const facts = { ...(request.facts as Record<string, unknown>) };
  const share = request.subsetShare as number;
  for (const fact of plan.version.facts.filter((candidate) => candidate.subsetOf)) {
    if (fact.type === "counts") {
      const whole = (facts[fact.subsetOf![0]] ?? {}) as Record<string, number>;
      facts[fact.name] = Object.fromEntries(
        Object.entries(whole).map(([field, value]) => [field, Math.floor(value * share)]),
      );
    } else {
      const whole = fact.subsetOf!.reduce((sum, name) => sum + Number(facts[name] ?? 0), 0);
      facts[fact.name] = fact.type === "yuan" ? Math.floor(whole * share * 100) / 100 : Math.floor(whole * share);
    }
  }
  const { subsetShare: _share, ...rest } = request;
  return { ...rest, facts };
}

describe("explain and the compiled column evaluator agree", () => {
  for (const plan of plans) {
    it(`on totals, eligibility and sub-scores for random ${plan.version.id} requests of all purposes`, () => {
      fc.assert(
        fc.property(fc.array(requestArbitrary(plan), { minLength: 1, maxLength: 40 }), (raws) => {
          const cases = raws.map((raw, index) => {
            const checked = checkRequest(plan, { id: index, ...withSubsets(plan, raw) });
            if (!checked.ok) throw new Error(checked.error.message);
            return checked.value;
          });
          const columns = [...evaluate(plan, cases, 7)];
          cases.forEach((scoringCase, index) => {
            const outcome = explain(plan, scoringCase);
            expect(columns[index].total).toBe(outcome.total);
            expect(columns[index].eligible).toBe(outcome.eligible);
            expect(columns[index].subscores).toEqual(outcome.subscores);
            expect(Number.isInteger(outcome.total)).toBe(true);
          });
        }),
        { numRuns: 150 },
      );
    });
  }
});
