/**
 * Compiles a loaded scorecard into a plan: every indicator becomes a typed expression (raw points, an
 * optional gate, an optional cap), and every purpose a list of terms (single indicators or groups).
 * `explain` interprets this plan one case at a time; the column evaluator turns it into JavaScript.
 */
import { formatPoints } from "../core/points";
import { err, ok, type Result } from "../core/result";
import { parseExpression, type Expression } from "./expression.parse";
import {
  APPLICATION_DATE_SLOT,
  typeExpression,
  type NameBinding,
  type Scope,
  type Typed,
  type ValueType,
} from "./expression.typed";
import type {
  FactDefinition,
  GroupDefinition,
  IndicatorDefinition,
  PolicyProblem,
  ScorecardVersion,
} from "./scorecard.types";

/** How one input slot is held in a column and scaled into the expression's value. */
export interface SlotDefinition {
  slot: string;
  storage: "int32" | "uint8" | "float64";
  /** Multiply the stored value by this to get the expression value (counts: 100, so 3 becomes 3.00). */
  scale: number;
}

export interface PlanStep {
  indicator: IndicatorDefinition;
  raw: Typed;
  when?: Typed;
  cap?: number;
  /** Facts the step reads, for the explanation. */
  facts: string[];
  rule: string;
}

export type PlanTerm = { kind: "step"; step: number } | { kind: "group"; group: GroupDefinition; steps: number[] };

export interface PlanPurpose {
  name: string;
  threshold: number;
  terms: PlanTerm[];
}

export interface Plan {
  version: ScorecardVersion;
  slots: SlotDefinition[];
  steps: PlanStep[];
  purposes: PlanPurpose[];
  multiplier?: { factor: number; when: Typed };
  /** Grade codes: 0 is "none", then the version's grades in order. */
  grades: string[];
}

/** Slot names of the request context, beside the facts. */
export const CONTEXT_SLOTS = {
  applicationDate: APPLICATION_DATE_SLOT,
  centralDistrict: "central_district",
  grade: "grade",
} as const;

function factBindings(fact: FactDefinition, slots: SlotDefinition[], names: Map<string, NameBinding>): void {
  const add = (name: string, storage: SlotDefinition["storage"], scale: number, type: ValueType): Typed => {
    slots.push({ slot: name, storage, scale });
    const value: Typed = { op: "slot", slot: name, type };
    names.set(name, { type, value });
    return value;
  };
  switch (fact.type) {
    case "count":
      add(fact.name, "int32", 100, { kind: "number" });
      break;
    case "yuan":
    case "decimal":
      add(fact.name, "float64", 1, { kind: "number" });
      break;
    case "boolean":
      add(fact.name, "uint8", 1, { kind: "bool" });
      break;
    case "enum":
      add(fact.name, "uint8", 1, { kind: "enum", values: [ABSENT, ...(fact.values ?? [])] });
      break;
    case "date":
      add(fact.name, "int32", 1, { kind: "date" });
      break;
    case "counts": {
      const parts = (fact.fields ?? []).map((field) => add(`${fact.name}.${field}`, "int32", 100, { kind: "number" }));
      const total = parts
        .slice(1)
        .reduce<Typed>((sum, part) => ({ op: "add", left: sum, right: part, type: { kind: "number" } }), parts[0]);
      names.set(fact.name, { type: { kind: "number" }, value: total });
      break;
    }
  }
}

/** Code 0 of every enum fact: the fact was not given (so an enum without "none" scores nothing by default). */
export const ABSENT = "(absent)";

const name = (text: string): Expression => ({ type: "name", name: text });
const number = (hundredths: number): Expression => ({ type: "number", hundredths });
const binary = (
  operator: Extract<Expression, { type: "binary" }>["operator"],
  left: Expression,
  right: Expression,
): Expression => ({ type: "binary", operator, left, right });
const call = (callee: string, ...args: Expression[]): Expression => ({ type: "call", callee, args });

function points(value: IndicatorDefinition["points"]): number {
  return typeof value === "number" ? value : 0;
}

/** The raw-points expression of an indicator and a sentence saying how it scores. */
function indicatorExpression(
  indicator: IndicatorDefinition,
  tableName: string,
): { expression: Expression | string; rule: string } {
  const fact = indicator.fact ?? "";
  const p = points(indicator.points);
  switch (indicator.kind) {
    case "enum": {
      const entries = Object.entries((indicator.points as Record<string, number>) ?? {});
      return {
        expression: call("table", name(tableName), name(fact)),
        rule: `points by value: ${entries.map(([key, value]) => `${key} ${formatPoints(value)}`).join(", ")}`,
      };
    }
    case "per_unit":
    case "extra": {
      const unit = indicator.unit ?? 100;
      const extra = indicator.kind === "extra" ? ` on top of ${indicator.base}` : "";
      return {
        expression: binary("*", binary("//", name(fact), number(unit)), number(p)),
        rule: `${formatPoints(p)} per full ${formatPoints(unit)}${extra}`,
      };
    }
    case "boolean":
      return { expression: call("if", name(fact), number(p), number(0)), rule: `${formatPoints(p)} when true` };
    case "tiered": {
      const tiers = [...(indicator.tiers ?? [])].sort((a, b) => a.from - b.from);
      const expression = tiers.reduce<Expression>(
        (otherwise, tier) => call("if", binary(">=", name(fact), number(tier.from)), number(tier.points), otherwise),
        number(0),
      );
      return {
        expression,
        rule: tiers.map((tier) => `≥${formatPoints(tier.from)} → ${formatPoints(tier.points)}`).join(", "),
      };
    }
    case "age_range": {
      const age = call("age", name(fact));
      const inRange = binary(
        "and",
        binary(">=", age, number(indicator.minimum ?? 0)),
        binary("<=", age, number(indicator.maximum ?? 0)),
      );
      return {
        expression: call("if", inRange, number(p), number(0)),
        rule: `${formatPoints(p)} when aged ${formatPoints(indicator.minimum ?? 0)}–${formatPoints(indicator.maximum ?? 0)} in full years on the application date`,
      };
    }
    case "condition":
      return {
        expression: `if(${indicator.condition}, ${formatPoints(p)}, 0)`,
        rule: `${formatPoints(p)} when ${indicator.condition}`,
      };
    case "formula":
      return { expression: indicator.expression ?? "0", rule: indicator.expression ?? "" };
  }
}

/** Compiles a scorecard into a plan; every expression problem names its file and indicator. */
export function compilePlan(version: ScorecardVersion): Result<Plan, PolicyProblem[]> {
  const problems: PolicyProblem[] = [];
  const report = (code: string, path: string, message: string): void => {
    problems.push({ code, file: version.file, path, message: `${version.file}: ${path}: ${message}` });
  };
  const slots: SlotDefinition[] = [];
  const names = new Map<string, NameBinding>();
  for (const fact of version.facts) factBindings(fact, slots, names);
  const grades = ["none", ...version.grades.values];
  const context: [string, SlotDefinition["storage"], ValueType][] = [
    [CONTEXT_SLOTS.applicationDate, "int32", { kind: "date" }],
    [CONTEXT_SLOTS.centralDistrict, "uint8", { kind: "bool" }],
    [CONTEXT_SLOTS.grade, "uint8", { kind: "enum", values: grades }],
  ];
  for (const [slot, storage, type] of context) {
    if (names.has(slot)) report("reserved_name", `facts.${slot}`, `"${slot}" is a name of the request context`);
    slots.push({ slot, storage, scale: 1 });
    names.set(slot, { type, value: { op: "slot", slot, type } });
  }
  const tables = new Map<string, { values: readonly string[]; entries: number[] }>();
  const tableFor = (tableName: string, factName: string, entries: Record<string, number>, path: string): void => {
    const declared = version.facts.find((fact) => fact.name === factName)?.values;
    if (!declared) return report("invalid_table", path, `"${factName}" is not an enum fact`);
    for (const key of Object.keys(entries))
      if (!declared.includes(key)) report("unknown_value", `${path}.${key}`, `"${key}" is not a value of ${factName}`);
    const values = [ABSENT, ...declared];
    tables.set(tableName, { values, entries: values.map((value) => entries[value] ?? 0) });
  };
  version.tables.forEach((table, index) => tableFor(table.name, table.enumFact, table.entries, `tables[${index}]`));
  const scope: Scope = { names, tables };
  const typed = (source: Expression | string, path: string, kind: ValueType["kind"]): Typed | undefined => {
    const parsed = typeof source === "string" ? parseExpression(source) : ok(source);
    if (!parsed.ok) return void report("invalid_expression", path, parsed.error);
    const result = typeExpression(parsed.value, scope);
    if (!result.ok)
      return void report(/unknown name/.test(result.error) ? "unknown_name" : "invalid_expression", path, result.error);
    if (result.value.type.kind !== kind)
      return void report("invalid_expression", path, `must give a ${kind}, gives a ${result.value.type.kind}`);
    return result.value;
  };
  version.variables.forEach((variable, index) => {
    const parsed = parseExpression(variable.expression);
    if (!parsed.ok) return report("invalid_expression", `variables[${index}].expression`, parsed.error);
    const result = typeExpression(parsed.value, scope);
    if (!result.ok) return report("invalid_expression", `variables[${index}].expression`, result.error);
    if (names.has(variable.name))
      return report("duplicate", `variables[${index}].name`, `"${variable.name}" is already defined`);
    names.set(variable.name, { type: result.value.type, value: result.value });
  });
  const steps: PlanStep[] = [];
  version.indicators.forEach((indicator, index) => {
    const path = `indicators[${index}]`;
    if (indicator.kind === "enum" && indicator.fact)
      tableFor(
        `indicator:${indicator.id}`,
        indicator.fact,
        (indicator.points as Record<string, number>) ?? {},
        `${path}.points`,
      );
    const { expression, rule } = indicatorExpression(indicator, `indicator:${indicator.id}`);
    const raw = typed(
      expression,
      `${path}.${indicator.kind === "formula" ? "expression" : indicator.kind === "condition" ? "condition" : "fact"}`,
      "number",
    );
    const when = indicator.when === undefined ? undefined : typed(indicator.when, `${path}.when`, "bool");
    if (!raw) return;
    const parsedNames = [indicator.fact, indicator.condition, indicator.expression, indicator.when].filter(
      (text): text is string => Boolean(text),
    );
    const facts = version.facts
      .map((fact) => fact.name)
      .filter((factName) => parsedNames.some((text) => new RegExp(`\\b${factName}\\b`).test(text)));
    const capText = indicator.cap === undefined ? "" : `, at most ${formatPoints(indicator.cap)}`;
    steps.push({
      indicator,
      raw,
      when,
      cap: indicator.cap,
      facts,
      rule: `${rule}${capText}${indicator.when ? `; only when ${indicator.when}` : ""}`,
    });
  });
  const stepIndex = new Map(steps.map((step, index) => [step.indicator.id, index]));
  const purposes: PlanPurpose[] = version.purposes.map((purpose) => {
    const terms: PlanTerm[] = [];
    const placed = new Set<string>();
    steps.forEach((step, index) => {
      if (!step.indicator.purposes.includes(purpose.name)) return;
      const group = version.groups.find((candidate) => candidate.members.includes(step.indicator.id));
      if (!group) return void terms.push({ kind: "step", step: index });
      if (placed.has(group.id)) return;
      placed.add(group.id);
      const members = group.members
        .map((member) => stepIndex.get(member) ?? -1)
        .filter((member) => steps[member]?.indicator.purposes.includes(purpose.name));
      terms.push({ kind: "group", group, steps: members });
    });
    return { name: purpose.name, threshold: purpose.threshold, terms };
  });
  let multiplier: Plan["multiplier"];
  if (version.multiplier) {
    const when = typed(version.multiplier.when, "multiplier.when", "bool");
    if (when) multiplier = { factor: version.multiplier.factor, when };
    for (const [index, indicator] of version.indicators.entries()) {
      const values = [
        indicator.cap,
        ...(typeof indicator.points === "object" ? Object.values(indicator.points) : [indicator.points]),
      ];
      const inexact = values.find((value) => value !== undefined && (value * version.multiplier!.factor) % 100 !== 0);
      if (inexact !== undefined)
        report(
          "inexact_multiplier",
          `indicators[${index}]`,
          `${formatPoints(inexact)} times the multiplier is not exact in hundredths`,
        );
    }
  }
  if (problems.length > 0) return err(problems);
  return ok({ version, slots, steps, purposes, multiplier, grades });
}

/** Applies a term's group rule to its members' points: the highest one, or the sum under the shared cap. */
export function termPoints(term: PlanTerm, stepPoints: ArrayLike<number>): number {
  if (term.kind === "step") return stepPoints[term.step];
  const values = term.steps.map((step) => stepPoints[step]);
  if (term.group.kind === "highest") return Math.max(...values);
  const sum = values.reduce((total, value) => total + value, 0);
  return term.group.cap !== undefined && sum > term.group.cap ? term.group.cap : sum;
}

/** Section and sub-score of a term (the group's members share them). */
export function termIndicator(plan: Plan, term: PlanTerm): IndicatorDefinition {
  return plan.steps[term.kind === "step" ? term.step : term.steps[0]].indicator;
}

/** The final total: the multiplier applies to a positive total only, exactly in hundredths. */
export function applyMultiplier(total: number, factor: number, applies: boolean): number {
  return applies && total > 0 ? Math.floor((total * factor) / 100) : total;
}
