/**
 * Scores batches of raw points requests under a policy choice (a pinned version, or the family's version in
 * force on each application date), keeping input order: each request yields a result or an error entry.
 */
import { pointsToNumber } from "../core/points";
import type { Problem } from "../core/result";
import { evaluate, type CaseScore } from "./scorecard.columns";
import { explain, type ExplainStep } from "./scorecard.explain";
import type { Plan } from "./scorecard.plan";
import { checkApplicationDate, checkRequest, type ScoringCase, type ScoringRequest } from "./scorecard.request";
import { familyFactNames, planFor, type PolicyChoice } from "./policy.registry";

/** The output entry of one request, points as JSON numbers exact to the hundredth. */
export type ScoreEntry =
  | { id: unknown; purpose: string; total: number; eligible: boolean; [subscore: string]: unknown; steps?: StepEntry[] }
  | { id: unknown; error: Problem };

export interface StepEntry extends Omit<ExplainStep, "points"> {
  points: number;
}

/** A line of a streamed input that could not be parsed; it yields an error entry in its place. */
export class InvalidInput {
  constructor(
    readonly message: string,
    readonly code: "invalid_json" | "invalid_csv" = "invalid_json",
  ) {}
}

function idOf(request: unknown): unknown {
  return typeof request === "object" && request !== null && "id" in request
    ? ((request as { id: unknown }).id ?? null)
    : null;
}

function entryOf(score: CaseScore, steps?: ExplainStep[]): ScoreEntry {
  const entry: ScoreEntry = {
    id: score.id,
    purpose: score.purpose,
    total: pointsToNumber(score.total),
    eligible: score.eligible,
  };
  for (const [subscore, value] of Object.entries(score.subscores)) entry[subscore] = pointsToNumber(value);
  if (steps) entry.steps = steps.map((step) => ({ ...step, points: pointsToNumber(step.points) }));
  return entry;
}

/** Scores one batch of raw requests; the result has one entry per request in the same order. */
export function scoreBatch(
  choice: PolicyChoice,
  requests: readonly unknown[],
  options: { explain?: boolean } = {},
): ScoreEntry[] {
  const entries: ScoreEntry[] = new Array(requests.length);
  const byPlan = new Map<Plan, { index: number; scoringCase: ScoringCase }[]>();
  const familyFacts = familyFactNames(choice);
  requests.forEach((request, index) => {
    if (request instanceof InvalidInput)
      return void (entries[index] = {
        id: null,
        error: { code: request.code, message: request.message, field: "request" },
      });
    const date = checkApplicationDate(request as ScoringRequest);
    if (!date.ok) return void (entries[index] = { id: idOf(request), error: date.error });
    const plan = planFor(choice, date.value);
    if (!plan.ok) return void (entries[index] = { id: idOf(request), error: plan.error });
    const checked = checkRequest(plan.value, request as ScoringRequest, familyFacts);
    if (!checked.ok) return void (entries[index] = { id: idOf(request), error: checked.error });
    if (checked.value.id === undefined) checked.value.id = null;
    const list = byPlan.get(plan.value) ?? [];
    list.push({ index, scoringCase: checked.value });
    byPlan.set(plan.value, list);
  });
  for (const [plan, list] of byPlan) {
    if (options.explain) {
      for (const { index, scoringCase } of list) {
        const outcome = explain(plan, scoringCase);
        entries[index] = entryOf(
          {
            id: outcome.id,
            purpose: outcome.purpose,
            total: outcome.total,
            eligible: outcome.eligible,
            subscores: outcome.subscores,
          },
          outcome.steps,
        );
      }
      continue;
    }
    let position = 0;
    for (const score of evaluate(
      plan,
      list.map((item) => item.scoringCase),
    )) {
      entries[list[position].index] = entryOf(score);
      position += 1;
    }
  }
  return entries;
}

/** The types of every fact the choice's versions declare, to turn CSV text cells into typed values. */
export function factTypes(choice: PolicyChoice): Map<string, string> {
  const plans = choice.kind === "version" ? [choice.plan] : choice.plans;
  const types = new Map<string, string>();
  for (const plan of plans) {
    for (const fact of plan.version.facts) {
      if (fact.type === "counts") for (const field of fact.fields ?? []) types.set(`${fact.name}.${field}`, "count");
      if (!types.has(fact.name)) types.set(fact.name, fact.type);
    }
  }
  return types;
}

const CONTEXT_COLUMNS = ["id", "purpose", "town", "application_date", "grade"];

/** Turns one CSV row (header → cell text) into a request: empty cells are absent, numbers and booleans typed. */
export function requestFromRow(row: Record<string, string>, types: Map<string, string>): ScoringRequest {
  const request: Record<string, unknown> = {};
  const facts: Record<string, unknown> = {};
  for (const [column, text] of Object.entries(row)) {
    if (text === "") continue;
    if (CONTEXT_COLUMNS.includes(column)) {
      request[column] = text;
      continue;
    }
    const type = types.get(column);
    let value: unknown = text;
    if ((type === "count" || type === "yuan" || type === "decimal") && /^-?\d+(\.\d+)?$/.test(text))
      value = Number(text);
    else if (type === "boolean" && /^(true|false|1|0)$/i.test(text)) value = /^(true|1)$/i.test(text);
    const dot = column.indexOf(".");
    if (dot > 0 && types.get(column.slice(0, dot)) === "counts") {
      const parent = column.slice(0, dot);
      const nested = (facts[parent] ?? {}) as Record<string, unknown>;
      nested[column.slice(dot + 1)] = value;
      facts[parent] = nested;
    } else facts[column] = value;
  }
  request.facts = facts;
  return request as ScoringRequest;
}
