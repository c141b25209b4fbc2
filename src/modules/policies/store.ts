/**
 * Points policy versions as the policy screens read and write them: the same folders, loader, lifecycle and
 * file writer as `gongzhi policy list|approve|activate` (src/rules/policy.*), under `policiesRoot()`.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { parseDocument } from "yaml";
import { err, ok, type Result } from "../../core/result";
import { saveVersionStatus } from "../../rules/policy.files";
import { checkFamilies, loadAllVersions, policiesRoot, SCORECARD_FILE } from "../../rules/policy.registry";
import { compilePlan, type Plan } from "../../rules/scorecard.plan";
import { readScorecard } from "../../rules/scorecard.load";
import type { PolicyProblem } from "../../rules/scorecard.types";

/** Every points version under the policies folder; a folder that does not load is an error naming it. */
export function pointsVersions(): Result<Plan[], PolicyProblem[]> {
  return loadAllVersions(policiesRoot());
}

/** One version by id (undefined when unknown or when the policies do not load). */
export function findVersion(id: string): Plan | undefined {
  const plans = pointsVersions();
  return plans.ok ? plans.value.find((plan) => plan.version.id === id) : undefined;
}

/** The versions of the same family as a plan (its sibling folders are the family, as the CLI reads them). */
export function familyOf(plan: Plan): Plan[] {
  const loaded = loadAllVersions(dirname(plan.version.folder));
  return loaded.ok ? loaded.value.filter((other) => other.version.family === plan.version.family) : [plan];
}

/** The active version of a family, if any. */
export function activeVersionOf(plans: Plan[], family: string): Plan | undefined {
  return plans.find((plan) => plan.version.family === family && plan.version.status === "active");
}

/** Writes a lifecycle transition into the version's scorecard.yaml (the CLI's writer, comments kept). */
export function saveStatus(plan: Plan): void {
  saveVersionStatus(plan);
}

/** One indicator's parameters as the draft form edits them (points in decimal points, not hundredths). */
export interface IndicatorParameters {
  id: string;
  /** A single points value (per_unit, extra, boolean, condition, age_range). */
  points?: number;
  /** enum: points per value. */
  valuePoints?: Record<string, number>;
  /** tiered: the points of each tier, in the tiers' order. */
  tierPoints?: number[];
  /** The cap; null removes it. */
  cap?: number | null;
}

/** What a new draft is: a copy of a version with its own id, title, proposed start and edited parameters. */
export interface DraftSpecification {
  id: string;
  titleZh: string;
  titleEn: string;
  effectiveFrom: string;
  indicators: IndicatorParameters[];
}

/** A refusal of a draft: the form field it concerns (`indicators.<id>.points`, `id`, …) and the loader's words. */
export interface DraftProblem {
  field: string;
  code: string;
  message: string;
}

/** The form field of a loader problem's YAML path (`indicators[3].cap` → `indicators.education.cap`). */
function fieldOfPath(path: string, source: Plan): string {
  const match = /^indicators\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (match) {
    const indicator = source.version.indicators[Number(match[1])];
    const valueKey = typeof indicator?.points === "object" ? "valuePoints" : indicator?.tiers ? "tierPoints" : "points";
    const key = match[2] === "tiers" ? "tierPoints" : match[2] === "points" || !match[2] ? valueKey : match[2];
    return indicator ? `indicators.${indicator.id}.${key}` : path;
  }
  if (path.startsWith("title")) return "titleZh";
  if (path.startsWith("effective")) return "effectiveFrom";
  return path === "id" ? "id" : path || "id";
}

/**
 * The text of a draft's scorecard.yaml: the source's file (comments kept) with the new id, title, status draft,
 * proposed start and the edited parameters. Indicators not named keep the source's values.
 */
export function draftText(source: Plan, specification: DraftSpecification): Result<string, DraftProblem[]> {
  const document = parseDocument(readFileSync(join(source.version.folder, SCORECARD_FILE), "utf8"));
  document.set("id", specification.id);
  document.setIn(["title", "zh"], specification.titleZh);
  document.setIn(["title", "en"], specification.titleEn);
  document.set("status", "draft");
  document.setIn(["effective", "from"], specification.effectiveFrom);
  if (document.hasIn(["effective", "to"])) document.deleteIn(["effective", "to"]);
  const problems: DraftProblem[] = [];
  for (const edit of specification.indicators) {
    const index = source.version.indicators.findIndex((indicator) => indicator.id === edit.id);
    const indicator = source.version.indicators[index];
    if (!indicator) {
      problems.push({
        field: `indicators.${edit.id}`,
        code: "unknown_indicator",
        message: `unknown indicator "${edit.id}"`,
      });
      continue;
    }
    const at = ["indicators", index];
    if (edit.points !== undefined) {
      if (typeof indicator.points !== "number")
        problems.push({
          field: `indicators.${edit.id}.points`,
          code: "not_editable",
          message: `${edit.id}: this kind of row has no single points value`,
        });
      else document.setIn([...at, "points"], edit.points);
    }
    if (edit.valuePoints !== undefined) {
      const current = indicator.points;
      if (typeof current !== "object")
        problems.push({
          field: `indicators.${edit.id}.valuePoints`,
          code: "not_editable",
          message: `${edit.id}: only an enum row has points per value`,
        });
      else
        for (const [value, points] of Object.entries(edit.valuePoints)) {
          if (!(value in current))
            problems.push({
              field: `indicators.${edit.id}.valuePoints.${value}`,
              code: "unknown_value",
              message: `${edit.id}: "${value}" is not one of its values`,
            });
          else document.setIn([...at, "points", value], points);
        }
    }
    if (edit.tierPoints !== undefined) {
      if (!indicator.tiers || edit.tierPoints.length !== indicator.tiers.length)
        problems.push({
          field: `indicators.${edit.id}.tierPoints`,
          code: "not_editable",
          message: `${edit.id}: give one value per tier (${indicator.tiers?.length ?? 0})`,
        });
      else edit.tierPoints.forEach((points, tier) => document.setIn([...at, "tiers", tier, "points"], points));
    }
    if (edit.cap === null) {
      if (document.hasIn([...at, "cap"])) document.deleteIn([...at, "cap"]);
    } else if (edit.cap !== undefined) document.setIn([...at, "cap"], edit.cap);
  }
  return problems.length > 0 ? err(problems) : ok(document.toString());
}

/** The folder a draft of `id` goes to: beside its source, named by the id without the family prefix. */
export function draftFolder(source: Plan, id: string): string {
  const family = source.version.family;
  const name = id.startsWith(`${family}-`) ? id.slice(family.length + 1) : id;
  return join(dirname(source.version.folder), name);
}

/**
 * Validates a draft exactly as `gongzhi policy list|test` would load it (the scorecard loader, the compiler and
 * the family checks: unique id, periods in force) without writing anything; returns the compiled plan.
 */
export function checkDraft(
  source: Plan,
  specification: DraftSpecification,
): Result<{ plan: Plan; text: string; folder: string }, DraftProblem[]> {
  if (!specification.id.startsWith(`${source.version.family}-`))
    return err([
      {
        field: "id",
        code: "invalid_policy_id",
        message: `the id must start with the family "${source.version.family}-"`,
      },
    ]);
  const folder = draftFolder(source, specification.id);
  if (existsSync(folder))
    return err([
      { field: "id", code: "duplicate_version", message: `a version folder ${basename(folder)} already exists` },
    ]);
  const text = draftText(source, specification);
  if (!text.ok) return text;
  const file = join(folder, SCORECARD_FILE);
  const version = readScorecard(text.value, file, folder);
  const plan = version.ok ? compilePlan(version.value) : version;
  const problems = plan.ok ? checkFamilies([...familyOf(source), plan.value]) : plan.error;
  if (problems.length > 0 || !plan.ok)
    return err(
      (plan.ok ? problems : plan.error).map((problem) => ({
        field: fieldOfPath(problem.path, source),
        code: problem.code,
        message: problem.message.replace(`${file}: `, ""),
      })),
    );
  return ok({ plan: plan.value, text: text.value, folder });
}

/**
 * Writes a checked draft: its scorecard.yaml and a copy of the source's golden tests, so the draft shows at once
 * which hand-worked cases its changes break (it cannot be approved until they pass).
 */
export function writeDraft(source: Plan, draft: { text: string; folder: string }): void {
  mkdirSync(draft.folder, { recursive: true });
  try {
    writeFileSync(join(draft.folder, SCORECARD_FILE), draft.text);
    const tests = join(source.version.folder, "tests");
    if (existsSync(tests)) cpSync(tests, join(draft.folder, "tests"), { recursive: true });
  } catch (error) {
    rmSync(draft.folder, { recursive: true, force: true });
    throw error;
  }
}

/** Removes a draft folder written in a transaction that then failed (so files and audit agree). */
export function removeDraft(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}
