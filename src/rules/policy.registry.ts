/**
 * Finds and loads points policy versions under `policies/`, checks that a family's versions in force do not
 * overlap, and picks the version in force on a date (or the one pinned by id).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { addDays } from "../core/dates";
import { err, ok, type Problem, type Result } from "../core/result";
import { compilePlan, type Plan } from "./scorecard.plan";
import { readScorecard } from "./scorecard.load";
import type { PolicyProblem } from "./scorecard.types";

/** The project's `policies/` folder. */
export const POLICIES_ROOT = fileURLToPath(new URL("../../policies/", import.meta.url));

export const SCORECARD_FILE = "scorecard.yaml";

/**
 * The policies folder in use: `GONGZHI_POLICIES_DIR` when set (a deployment keeping its policies outside the
 * install, or a test working on a copy), else the project's `policies/`.
 */
export function policiesRoot(): string {
  const configured = process.env.GONGZHI_POLICIES_DIR;
  return configured && configured.trim() !== "" ? configured : POLICIES_ROOT;
}

/** Loads and compiles the version in one folder (`policies/zhongshan/points/2014`). */
export function loadVersionFolder(folder: string): Result<Plan, PolicyProblem[]> {
  const path = join(folder, SCORECARD_FILE);
  const shown = relative(process.cwd(), path);
  const file = shown && !shown.startsWith("..") ? shown : path;
  if (!existsSync(path))
    return err([{ code: "missing_file", file, path: "", message: `${file}: no ${SCORECARD_FILE} here` }]);
  const version = readScorecard(readFileSync(path, "utf8"), file, folder);
  if (!version.ok) return version;
  return compilePlan(version.value);
}

/** Every folder under `root` that holds a scorecard, depth first. */
export function findVersionFolders(root: string): string[] {
  if (!existsSync(root) || !statSync(root).isDirectory()) return [];
  if (existsSync(join(root, SCORECARD_FILE))) return [root];
  return readdirSync(root)
    .sort()
    .flatMap((entry) =>
      statSync(join(root, entry)).isDirectory() && entry !== "tests" ? findVersionFolders(join(root, entry)) : [],
    );
}

/** All versions under `root`, with cross-version checks (unique ids, no overlapping periods in force). */
export function loadAllVersions(root: string = policiesRoot()): Result<Plan[], PolicyProblem[]> {
  const plans: Plan[] = [];
  const problems: PolicyProblem[] = [];
  for (const folder of findVersionFolders(root)) {
    const loaded = loadVersionFolder(folder);
    if (loaded.ok) plans.push(loaded.value);
    else problems.push(...loaded.error);
  }
  problems.push(...checkFamilies(plans));
  return problems.length > 0 ? err(problems) : ok(plans);
}

/**
 * Versions of a family that were or are in force may not overlap in time, and ids are unique. Drafts and
 * approved versions are not in force yet: their period is checked when they are activated.
 */
export function checkFamilies(plans: Plan[]): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const seen = new Map<string, Plan>();
  for (const plan of plans) {
    const { id, file } = plan.version;
    if (seen.has(id))
      problems.push({
        code: "duplicate_version",
        file,
        path: "id",
        message: `${file}: id: "${id}" is also declared in ${seen.get(id)?.version.file}`,
      });
    seen.set(id, plan);
  }
  const inForce = plans.filter((plan) => plan.version.status === "active" || plan.version.status === "superseded");
  for (const [index, a] of inForce.entries()) {
    for (const b of inForce.slice(index + 1)) {
      if (a.version.family !== b.version.family) continue;
      const aEnd = a.version.effective.to ?? "9999-12-31";
      const bEnd = b.version.effective.to ?? "9999-12-31";
      if (a.version.effective.from <= bEnd && b.version.effective.from <= aEnd) {
        const { file } = b.version;
        problems.push({
          code: "overlapping_versions",
          file,
          path: "effective",
          message: `${file}: effective: ${b.version.id} overlaps ${a.version.id} (${a.version.effective.from} → ${a.version.effective.to ?? "open"})`,
        });
      }
    }
  }
  return problems;
}

/** How a `--policy` argument resolves: one pinned version, or a family picked per application date. */
export type PolicyChoice = { kind: "version"; plan: Plan } | { kind: "family"; family: string; plans: Plan[] };

/** Resolves a version id (`zhongshan-points-2014`) or a family id (`zhongshan-points`). */
export function resolvePolicy(plans: Plan[], id: string): Result<PolicyChoice, Problem> {
  const pinned = plans.find((plan) => plan.version.id === id);
  if (pinned) return ok({ kind: "version", plan: pinned });
  const family = plans.filter((plan) => plan.version.family === id);
  if (family.length > 0) return ok({ kind: "family", family: id, plans: family });
  const known = [...new Set(plans.flatMap((plan) => [plan.version.family, plan.version.id]))].join(", ");
  return err({ code: "unknown_policy", field: "policy", message: `unknown policy "${id}" (known: ${known})` });
}

/** The version of a family in force on a date: active or superseded, with the date inside its period. */
export function versionInForce(plans: Plan[], date: string): Plan | undefined {
  return plans.find((plan) => {
    const { status, effective } = plan.version;
    return (
      (status === "active" || status === "superseded") &&
      effective.from <= date &&
      (effective.to === undefined || date <= effective.to)
    );
  });
}

/** The plan that scores a request of a given date under a policy choice. */
export function planFor(choice: PolicyChoice, date: string): Result<Plan, Problem> {
  if (choice.kind === "version") return ok(choice.plan);
  const plan = versionInForce(choice.plans, date);
  if (!plan)
    return err({
      code: "no_policy_in_force",
      field: "application_date",
      message: `application_date: no version of ${choice.family} was in force on ${date}`,
    });
  return ok(plan);
}

/** The day before a date, used to close the period of the version a new one supersedes. */
export function dayBefore(date: string): string {
  return addDays(date, -1);
}

/** Every fact name the choice's versions declare: a family's facts are known to each of its versions. */
export function familyFactNames(choice: PolicyChoice): ReadonlySet<string> {
  const plans = choice.kind === "version" ? [choice.plan] : choice.plans;
  return new Set(plans.flatMap((plan) => plan.version.facts.map((fact) => fact.name)));
}
