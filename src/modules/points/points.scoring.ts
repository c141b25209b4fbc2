/**
 * The points module's door to the rules engine: loads the policy version once, checks single facts, and scores
 * an enrolment's facts for a purpose with every step explained (indicator, points, rule, clause).
 */
import { err, ok, type Problem, type Result } from "../../core/result";
import { explain, type Outcome } from "../../rules/scorecard.explain";
import type { Plan } from "../../rules/scorecard.plan";
import { checkRequest } from "../../rules/scorecard.request";
import { loadAllVersions, resolvePolicy } from "../../rules/policy.registry";

/** The policy version the module scores with unless a cycle names another. */
export const defaultPolicyId = "zhongshan-points-2014";

/** The purposes of the scheme. */
export const purposes = ["school", "housing", "hukou"] as const;
/** One purpose. */
export type PointsPurpose = (typeof purposes)[number];

let plans: Plan[] | null = null;

/** Forgets the loaded versions, so the next scoring reads policies/ again (after a version was written). */
export function forgetLoadedPolicies(): void {
  plans = null;
}

/** The compiled plan of a policy version id (loaded from policies/ once per process). */
export function planOf(policyId: string): Result<Plan, Problem> {
  if (!plans) {
    const loaded = loadAllVersions();
    if (!loaded.ok)
      throw new Error(`policies do not load: ${loaded.error.map((problem) => problem.message).join("; ")}`);
    plans = loaded.value;
  }
  const choice = resolvePolicy(plans, policyId);
  if (!choice.ok) return choice;
  if (choice.value.kind !== "version")
    return err({
      code: "unknown_policy",
      field: "policyId",
      message: `policyId: "${policyId}" names a family, not a version`,
    });
  return ok(choice.value.plan);
}

/** What one scoring needs: purpose, 镇区, date, grade (school) and the facts in the policy's vocabulary. */
export interface ScoreQuestion {
  purpose: PointsPurpose;
  town: string;
  date: string;
  grade?: string | null;
  facts: Record<string, unknown>;
}

/** Scores and explains one question under a policy version; a bad fact is refused naming `facts.<name>`. */
export function scoreQuestion(policyId: string, question: ScoreQuestion): Result<Outcome, Problem> {
  const plan = planOf(policyId);
  if (!plan.ok) return plan;
  const checked = checkRequest(plan.value, {
    purpose: question.purpose,
    town: question.town,
    application_date: question.date,
    grade: question.purpose === "school" ? (question.grade ?? "primary_1") : undefined,
    facts: question.facts,
  });
  if (!checked.ok) return checked;
  return ok(explain(plan.value, checked.value));
}

/** Checks one fact's value against the policy's vocabulary (type, enum values, counts). */
export function checkFact(policyId: string, fact: string, value: unknown): Result<true, Problem> {
  const scored = scoreQuestion(policyId, {
    purpose: "housing",
    town: "shiqi",
    date: "2015-01-05",
    facts: { [fact]: value },
  });
  if (!scored.ok) return err(scored.error);
  return ok(true);
}

/** The fact definitions of a policy version (names, types, enum values, labels) for forms. */
export function factDefinitions(policyId: string) {
  const plan = planOf(policyId);
  if (!plan.ok) return plan;
  return ok(plan.value.version.facts);
}

/** A scored outcome for the API: points as decimal numbers exact to the hundredth, each step with its clause. */
export function presentOutcome(outcome: Outcome, threshold: number) {
  return {
    purpose: outcome.purpose,
    policy: outcome.policy,
    total: outcome.total / 100,
    threshold: threshold / 100,
    eligible: outcome.eligible,
    subscores: Object.fromEntries(Object.entries(outcome.subscores).map(([key, value]) => [key, value / 100])),
    steps: outcome.steps.map((step) => ({
      indicator: step.indicator,
      zh: step.zh,
      en: step.en,
      reference: step.reference,
      facts: step.facts,
      points: step.points / 100,
      rule: step.rule,
    })),
  };
}

/** The threshold (hundredths) of a purpose under a policy version. */
export function thresholdOf(policyId: string, purpose: string): number {
  const plan = planOf(policyId);
  if (!plan.ok) return 0;
  return plan.value.purposes.find((item) => item.name === purpose)?.threshold ?? 0;
}
