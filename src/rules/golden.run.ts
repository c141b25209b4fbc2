/**
 * Golden tests: YAML cases beside each policy version (`tests/*.yaml`) that a policy officer can read and
 * write. Each case gives a request and the expected total, eligibility, sub-scores and optionally
 * individual indicator points; a version cannot be approved while one of them fails.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse as parseYaml } from "yaml";
import { formatPoints, parsePointsResult } from "../core/points";
import { evaluate } from "./scorecard.columns";
import { explain } from "./scorecard.explain";
import type { Plan } from "./scorecard.plan";
import { checkRequest } from "./scorecard.request";

/** One golden case as written in YAML. */
export interface GoldenCase {
  name: string;
  file: string;
  date: string;
  purpose: string;
  town: string;
  grade?: string;
  facts: Record<string, unknown>;
  expected: { total?: unknown; eligible?: unknown; indicators?: Record<string, unknown>; [subscore: string]: unknown };
}

/** The verdict on one case: failures say what differed, in points. */
export interface GoldenResult {
  name: string;
  file: string;
  passed: boolean;
  failures: string[];
}

const CASE_KEYS = ["name", "date", "purpose", "town", "grade", "facts", "expected", "note"];

/** Reads every case in `<folder>/tests/*.yaml`; a malformed case becomes a failing result, not a crash. */
export function loadGoldenCases(folder: string): { cases: GoldenCase[]; problems: GoldenResult[] } {
  const directory = join(folder, "tests");
  const cases: GoldenCase[] = [];
  const problems: GoldenResult[] = [];
  if (!existsSync(directory)) return { cases, problems };
  for (const entry of readdirSync(directory)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()) {
    const shown = relative(process.cwd(), join(directory, entry));
    const file = shown.startsWith("..") ? join(directory, entry) : shown;
    let data: unknown;
    try {
      data = parseYaml(readFileSync(join(directory, entry), "utf8"));
    } catch (error) {
      problems.push({
        name: entry,
        file,
        passed: false,
        failures: [`invalid YAML: ${error instanceof Error ? error.message : String(error)}`],
      });
      continue;
    }
    const list = Array.isArray(data) ? data : [];
    if (!Array.isArray(data))
      problems.push({ name: entry, file, passed: false, failures: ["a test file is a list of cases"] });
    list.forEach((item, index) => {
      const plain = (typeof item === "object" && item !== null ? item : {}) as Record<string, unknown>;
      const unknown = Object.keys(plain).filter((key) => !CASE_KEYS.includes(key));
      const name = typeof plain.name === "string" ? plain.name : `${entry}[${index}]`;
      const date = plain.date instanceof Date ? plain.date.toISOString().slice(0, 10) : plain.date;
      if (unknown.length > 0 || typeof plain.expected !== "object" || plain.expected === null) {
        problems.push({
          name,
          file,
          passed: false,
          failures: [unknown.length > 0 ? `unknown keys ${unknown.join(", ")}` : "missing expected"],
        });
        return;
      }
      cases.push({
        name,
        file,
        date: String(date),
        purpose: String(plain.purpose),
        town: String(plain.town),
        grade: plain.grade as string | undefined,
        facts: (plain.facts ?? {}) as Record<string, unknown>,
        expected: plain.expected as GoldenCase["expected"],
      });
    });
  }
  return { cases, problems };
}

function expectPoints(failures: string[], label: string, expected: unknown, actual: number): void {
  if (expected === undefined) return;
  const parsed = parsePointsResult(expected as number, label);
  if (!parsed.ok) failures.push(`${label}: expected value is not points: ${String(expected)}`);
  else if (parsed.value !== actual)
    failures.push(`${label}: expected ${formatPoints(parsed.value)}, got ${formatPoints(actual)}`);
}

/** Runs one case through both paths (explain and the compiled columns) and compares with what is expected. */
export function runGoldenCase(plan: Plan, golden: GoldenCase): GoldenResult {
  const failures: string[] = [];
  const checked = checkRequest(plan, {
    id: golden.name,
    purpose: golden.purpose,
    town: golden.town,
    application_date: golden.date,
    grade: golden.grade,
    facts: golden.facts,
  });
  if (!checked.ok)
    return {
      name: golden.name,
      file: golden.file,
      passed: false,
      failures: [`request refused: ${checked.error.message}`],
    };
  const outcome = explain(plan, checked.value);
  const [columnScore] = [...evaluate(plan, [checked.value], 1)];
  const { expected } = golden;
  expectPoints(failures, "total", expected.total, outcome.total);
  if (expected.eligible !== undefined && expected.eligible !== outcome.eligible)
    failures.push(`eligible: expected ${String(expected.eligible)}, got ${outcome.eligible}`);
  for (const subscore of plan.version.subscores)
    expectPoints(failures, subscore.id, expected[subscore.id], outcome.subscores[subscore.id]);
  for (const [indicator, points] of Object.entries(expected.indicators ?? {})) {
    const step = outcome.steps.find((candidate) => candidate.indicator === indicator);
    if (!step) failures.push(`${indicator}: no such step for ${golden.purpose}`);
    else expectPoints(failures, indicator, points, step.points);
  }
  const extra = Object.keys(expected).filter(
    (key) =>
      !["total", "eligible", "indicators", ...plan.version.subscores.map((subscore) => subscore.id)].includes(key),
  );
  if (extra.length > 0) failures.push(`unknown expected keys: ${extra.join(", ")}`);
  if (
    columnScore.total !== outcome.total ||
    JSON.stringify(columnScore.subscores) !== JSON.stringify(outcome.subscores)
  ) {
    failures.push(
      `bug: the column evaluator gives ${formatPoints(columnScore.total)}, explain gives ${formatPoints(outcome.total)}`,
    );
  }
  return { name: golden.name, file: golden.file, passed: failures.length === 0, failures };
}

/** Runs all golden cases of a version. */
export function runGoldenTests(plan: Plan): GoldenResult[] {
  const { cases, problems } = loadGoldenCases(plan.version.folder);
  return [...problems, ...cases.map((golden) => runGoldenCase(plan, golden))];
}
