/**
 * The life of a policy version: draft → approved → active (from a date) → superseded. Each transition is a
 * pure function returning the new version or a Problem; approval is refused while any golden test fails.
 */
import { err, ok, type Problem, type Result } from "../core/result";
import { isIsoDate } from "../core/dates";
import { runGoldenTests, type GoldenResult } from "./golden.run";
import { dayBefore } from "./policy.registry";
import type { Plan } from "./scorecard.plan";
import type { ScorecardVersion } from "./scorecard.types";

function withVersion(plan: Plan, version: ScorecardVersion): Plan {
  return { ...plan, version };
}

/** Approves a draft, refusing while it has no golden test or any golden test fails. */
export function approvePolicy(plan: Plan, run: (plan: Plan) => GoldenResult[] = runGoldenTests): Result<Plan, Problem> {
  if (plan.version.status !== "draft")
    return err({
      code: "invalid_transition",
      field: "status",
      message: `${plan.version.id} is ${plan.version.status}; only a draft can be approved`,
    });
  const results = run(plan);
  if (results.length === 0)
    return err({ code: "no_golden_tests", field: "tests", message: `${plan.version.id} has no golden tests` });
  const failed = results.filter((result) => !result.passed);
  if (failed.length > 0) {
    const names = failed.map((result) => `${result.name}: ${result.failures.join("; ")}`).join(" | ");
    return err({
      code: "golden_tests_failed",
      field: "tests",
      message: `${failed.length} of ${results.length} golden tests fail: ${names}`,
    });
  }
  return ok(withVersion(plan, { ...plan.version, status: "approved" }));
}

/** Puts an approved version in force from a date, and supersedes the family's active version the day before. */
export function activatePolicy(
  plan: Plan,
  from: string,
  family: Plan[],
): Result<{ activated: Plan; superseded: Plan[] }, Problem> {
  if (plan.version.status !== "approved")
    return err({
      code: "invalid_transition",
      field: "status",
      message: `${plan.version.id} is ${plan.version.status}; only an approved version can become active`,
    });
  if (!isIsoDate(from)) return err({ code: "invalid_date", field: "from", message: `from: "${from}" is not a date` });
  const previous = family.filter(
    (other) =>
      other.version.family === plan.version.family &&
      other.version.status === "active" &&
      other.version.id !== plan.version.id,
  );
  const clash = previous.find((other) => other.version.effective.from >= from);
  if (clash)
    return err({
      code: "overlapping_versions",
      field: "from",
      message: `${clash.version.id} starts on ${clash.version.effective.from}, not before ${from}`,
    });
  const superseded = previous.map((other) =>
    withVersion(other, {
      ...other.version,
      status: "superseded",
      effective: { from: other.version.effective.from, to: dayBefore(from) },
    }),
  );
  return ok({ activated: withVersion(plan, { ...plan.version, status: "active", effective: { from } }), superseded });
}

/** Marks an active version superseded, closing its period on `to`. */
export function supersedePolicy(plan: Plan, to: string): Result<Plan, Problem> {
  if (plan.version.status !== "active")
    return err({
      code: "invalid_transition",
      field: "status",
      message: `${plan.version.id} is ${plan.version.status}; only an active version can be superseded`,
    });
  if (!isIsoDate(to) || to < plan.version.effective.from)
    return err({
      code: "invalid_date",
      field: "to",
      message: `to: "${to}" must be a date on or after ${plan.version.effective.from}`,
    });
  return ok(
    withVersion(plan, { ...plan.version, status: "superseded", effective: { from: plan.version.effective.from, to } }),
  );
}
