/**
 * The points engine as other modules use it: load a policy (a version id or a family picked by date) once,
 * then `explain(request)` one request with every step, or `evaluate(population)` many through the compiled
 * column kernel in bounded batches.
 */
import { err, ok, type Problem, type Result } from "../core/result";
import { scoreBatch, type ScoreEntry } from "./points.score";
import {
  familyFactNames,
  loadAllVersions,
  planFor,
  policiesRoot,
  resolvePolicy,
  type PolicyChoice,
} from "./policy.registry";
import { explain, type Outcome } from "./scorecard.explain";
import { checkApplicationDate, checkRequest, type ScoringRequest } from "./scorecard.request";

export interface PointsEngine {
  choice: PolicyChoice;
  /** Scores one request and explains every step; a refused request is a Problem naming the field. */
  explain(request: ScoringRequest): Result<Outcome, Problem>;
  /** Scores a population of any size in batches, one entry per request in input order. */
  evaluate(population: Iterable<unknown>, batch?: number): Generator<ScoreEntry>;
}

/** Loads the policies under `root` and prepares the engine for one policy id. */
export function loadPointsEngine(policy: string, root: string = policiesRoot()): Result<PointsEngine, Problem> {
  const plans = loadAllVersions(root);
  if (!plans.ok)
    return err({
      code: "invalid_policy",
      field: "policy",
      message: plans.error.map((problem) => problem.message).join("\n"),
    });
  const choice = resolvePolicy(plans.value, policy);
  if (!choice.ok) return choice;
  return ok({
    choice: choice.value,
    explain(request) {
      const date = checkApplicationDate(request);
      if (!date.ok) return date;
      const plan = planFor(choice.value, date.value);
      if (!plan.ok) return plan;
      const checked = checkRequest(plan.value, request, familyFactNames(choice.value));
      return checked.ok ? ok(explain(plan.value, checked.value)) : checked;
    },
    *evaluate(population, batch = 16_384) {
      let pending: unknown[] = [];
      for (const request of population) {
        pending.push(request);
        if (pending.length >= batch) {
          yield* scoreBatch(choice.value, pending);
          pending = [];
        }
      }
      if (pending.length > 0) yield* scoreBatch(choice.value, pending);
    },
  });
}
