/**
 * Scores one checked case by interpreting the compiled plan step by step, keeping every step: the
 * indicator, the facts it read, its points, the cap or rule applied, its clause and its labels.
 */
import { formatPoints } from "../core/points";
import { interpret } from "./expression.typed";
import { applyMultiplier, termIndicator, termPoints, type Plan, type PlanStep } from "./scorecard.plan";
import type { ScoringCase } from "./scorecard.request";

/** One line of an explanation. Points are integer hundredths. */
export interface ExplainStep {
  indicator: string;
  zh: string;
  en: string;
  reference: string;
  facts: Record<string, unknown>;
  points: number;
  rule: string;
}

/** The score of one case for its purpose. */
export interface Outcome {
  id: unknown;
  policy: string;
  purpose: string;
  total: number;
  eligible: boolean;
  subscores: Record<string, number>;
  steps: ExplainStep[];
}

/** Slot values as expressions see them (stored values times their scale). */
export function scaledSlots(plan: Plan, values: ReadonlyMap<string, number>): Map<string, number> {
  const scaled = new Map<string, number>();
  for (const slot of plan.slots) scaled.set(slot.slot, (values.get(slot.slot) ?? 0) * slot.scale);
  return scaled;
}

/** Points of every step (gate, then cap) for one case, in plan order. */
export function stepPoints(plan: Plan, slots: ReadonlyMap<string, number>): { points: number[]; notes: string[] } {
  const points: number[] = [];
  const notes: string[] = [];
  for (const step of plan.steps) {
    const raw = interpret(step.raw, slots);
    if (step.when && !interpret(step.when, slots)) {
      points.push(0);
      notes.push(`not applicable: ${step.indicator.when} does not hold`);
    } else if (step.cap !== undefined && raw > step.cap) {
      points.push(step.cap);
      notes.push(`cap ${formatPoints(step.cap)} applied to ${formatPoints(raw)}`);
    } else {
      points.push(raw);
      notes.push("");
    }
  }
  return { points, notes };
}

function factValues(plan: Plan, step: PlanStep, values: ReadonlyMap<string, number>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const name of step.facts) {
    const fact = plan.version.facts.find((candidate) => candidate.name === name);
    if (!fact) continue;
    const value = values.get(name) ?? 0;
    if (fact.type === "counts")
      result[name] = Object.fromEntries(
        (fact.fields ?? []).map((field) => [field, values.get(`${name}.${field}`) ?? 0]),
      );
    else if (fact.type === "boolean") result[name] = value === 1;
    else if (fact.type === "enum") result[name] = value === 0 ? null : fact.values?.[value - 1];
    else if (fact.type === "yuan" || fact.type === "decimal") result[name] = value / 100;
    else if (fact.type === "date")
      result[name] =
        value === 0 ? null : `${String(value).slice(0, 4)}-${String(value).slice(4, 6)}-${String(value).slice(6, 8)}`;
    else result[name] = value;
  }
  return result;
}

/** Scores a checked case for its purpose and explains every step. */
export function explain(plan: Plan, scoringCase: ScoringCase): Outcome {
  const purpose = plan.purposes.find((candidate) => candidate.name === scoringCase.purpose);
  if (!purpose) throw new Error(`bug: case purpose ${scoringCase.purpose} was not checked`);
  const slots = scaledSlots(plan, scoringCase.values);
  const { points, notes } = stepPoints(plan, slots);
  const steps: ExplainStep[] = [];
  const subscores: Record<string, number> = Object.fromEntries(
    plan.version.subscores.map((subscore) => [subscore.id, 0]),
  );
  let total = 0;
  for (const term of purpose.terms) {
    const members = term.kind === "step" ? [term.step] : term.steps;
    for (const index of members) {
      const step = plan.steps[index];
      const { indicator } = step;
      steps.push({
        indicator: indicator.id,
        zh: indicator.zh,
        en: indicator.en,
        reference: indicator.reference,
        facts: factValues(plan, step, scoringCase.values),
        points: points[index],
        rule: notes[index] ? `${step.rule} (${notes[index]})` : step.rule,
      });
    }
    const value = termPoints(term, points);
    if (term.kind === "group") {
      const sum = term.steps.reduce((acc, index) => acc + points[index], 0);
      const rule =
        term.group.kind === "highest"
          ? "only the highest member counts"
          : `members share a cap of ${formatPoints(term.group.cap ?? 0)}${sum > value ? ` (applied to ${formatPoints(sum)})` : ""}`;
      steps.push({
        indicator: term.group.id,
        zh: term.group.zh,
        en: term.group.en,
        reference: term.group.reference,
        facts: {},
        points: value,
        rule,
      });
    }
    const subscore = termIndicator(plan, term).subscore;
    if (subscore !== undefined && subscore in subscores) subscores[subscore] += value;
    total += value;
  }
  for (const subscore of plan.version.subscores) {
    steps.push({
      indicator: `subscore:${subscore.id}`,
      zh: subscore.zh,
      en: subscore.en,
      reference: plan.version.reference,
      facts: {},
      points: subscores[subscore.id],
      rule: "sub-score used to break ties",
    });
  }
  let final = total;
  if (plan.multiplier && plan.version.multiplier) {
    const applies = interpret(plan.multiplier.when, slots) === 1;
    final = applyMultiplier(total, plan.multiplier.factor, applies);
    const why = !applies
      ? `not applied: ${plan.version.multiplier.when} does not hold for ${scoringCase.town}`
      : total <= 0
        ? "not applied to a total that is not positive"
        : `×${formatPoints(plan.multiplier.factor)} on ${formatPoints(total)}`;
    const { zh, en, reference } = plan.version.multiplier;
    steps.push({
      indicator: "multiplier",
      zh,
      en,
      reference,
      facts: { town: scoringCase.town },
      points: final - total,
      rule: why,
    });
  }
  const definition = plan.version.purposes.find((candidate) => candidate.name === purpose.name);
  steps.push({
    indicator: "total",
    zh: definition?.zh ?? purpose.name,
    en: definition?.en ?? purpose.name,
    reference: definition?.reference ?? plan.version.reference,
    facts: {},
    points: final,
    rule: `eligible when the total is at least ${formatPoints(purpose.threshold)}`,
  });
  return {
    id: scoringCase.id,
    policy: plan.version.id,
    purpose: purpose.name,
    total: final,
    eligible: final >= purpose.threshold,
    subscores,
    steps,
  };
}
