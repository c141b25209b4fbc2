/**
 * Golden tests of an assistance policy: YAML files a policy officer can read (a household, a month, price
 * indices, the expected amounts in yuan worked by hand). A policy version cannot go live while one fails.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { fenToYuanString, parseYuan } from "../../core/money";
import { err, ok, type Problem, type Result } from "../../core/result";
import { moneyAt, overrideParameters, type ParameterOverride, type ParameterTree } from "../parameters";
import { computeRawRequest } from "./assistance.compute";
import { extremePovertySupport, lowIncomeLimit, supplementByRule } from "./formulas/support.formula";
import { loadAssistancePolicy } from "./policy.loader";

/** One golden case as written in YAML. */
export interface GoldenCase {
  file: string;
  name: string;
  raw: Record<string, unknown>;
}

/** The outcome of one golden case. */
export interface GoldenResult {
  file: string;
  name: string;
  passed: boolean;
  message?: string;
}

/** Summary of a policy's golden tests. */
export interface GoldenSummary {
  passed: number;
  failed: number;
  results: GoldenResult[];
}

const AMOUNT_KEYS = ["dibao_yuan", "supplement_yuan", "price_subsidy_yuan", "total_yuan"] as const;
const CASE_KEYS = new Set([
  "name",
  "note",
  "month",
  "date",
  "household",
  "cpi",
  "cpi_history",
  "parameters",
  "expected",
  "expected_error",
]);
const DERIVED_KEYS = [
  "standard_yuan",
  "supplement_yuan",
  "supplement_by_rule_yuan",
  "extreme_poverty_support_yuan",
  "low_income_limit_yuan",
] as const;

/** Reads every `tests/*.yaml` file of a policy folder into cases (`cases:` list, each with a unique name). */
export function loadGoldenCases(policyDirectory: string): Result<GoldenCase[], Problem> {
  const directory = join(policyDirectory, "tests");
  let files: string[];
  try {
    files = readdirSync(directory)
      .filter((name) => name.endsWith(".yaml"))
      .sort();
  } catch (error) {
    return err({ code: "golden.unreadable", message: `cannot read ${directory}: ${String(error)}`, field: directory });
  }
  const cases: GoldenCase[] = [];
  const names = new Set<string>();
  for (const name of files) {
    const file = join(directory, name);
    let document: unknown;
    try {
      document = parse(readFileSync(file, "utf8"));
    } catch (error) {
      return err({
        code: "golden.invalid",
        message: `${file}: ${error instanceof Error ? error.message : String(error)}`,
        field: file,
      });
    }
    const list = (document as { cases?: unknown } | null)?.cases;
    if (!Array.isArray(list))
      return err({ code: "golden.invalid", message: `${file}: expected a "cases:" list`, field: file });
    for (const [index, raw] of list.entries()) {
      const caseName = (raw as { name?: unknown })?.name;
      if (typeof caseName !== "string" || caseName.trim() === "") {
        return err({
          code: "golden.invalid",
          message: `${file}: cases[${index}].name is required`,
          field: `cases[${index}].name`,
        });
      }
      if (names.has(caseName))
        return err({
          code: "golden.invalid",
          message: `${file}: duplicate case name "${caseName}"`,
          field: `cases[${index}].name`,
        });
      names.add(caseName);
      cases.push({ file: name, name: caseName, raw: raw as Record<string, unknown> });
    }
  }
  return ok(cases);
}

function compareYuan(label: string, expected: unknown, actualFen: number | undefined, mismatches: string[]): void {
  if (expected === undefined) return;
  const expectedFen = typeof expected === "number" ? parseYuan(expected, label) : undefined;
  if (!expectedFen?.ok) {
    mismatches.push(`${label}: expected value ${JSON.stringify(expected)} is not an amount in yuan`);
  } else if (actualFen === undefined) {
    mismatches.push(`${label}: could not be computed`);
  } else if (expectedFen.value !== actualFen) {
    mismatches.push(`${label}: expected ${fenToYuanString(expectedFen.value)}, got ${fenToYuanString(actualFen)}`);
  }
}

function derivedCase(testCase: GoldenCase, parameters: ParameterTree, mismatches: string[]): void {
  const { date, expected } = testCase.raw as { date?: unknown; expected?: Record<string, unknown> };
  if (typeof date !== "string") return void mismatches.push("a derived case needs a date");
  const value = (result: Result<number, Problem>) => (result.ok ? result.value : undefined);
  const reading = (path: string) => {
    const found = moneyAt(parameters, path, date);
    return found.ok ? found.value.value : undefined;
  };
  const actual: Record<(typeof DERIVED_KEYS)[number], number | undefined> = {
    standard_yuan: reading("dibao.standard"),
    supplement_yuan: reading("classified_supplement.amount"),
    supplement_by_rule_yuan: value(supplementByRule(parameters, date)),
    extreme_poverty_support_yuan: value(extremePovertySupport(parameters, date)),
    low_income_limit_yuan: value(lowIncomeLimit(parameters, date)),
  };
  for (const key of Object.keys(expected ?? {})) {
    if (!(DERIVED_KEYS as readonly string[]).includes(key)) mismatches.push(`unknown expected key "${key}"`);
  }
  for (const key of DERIVED_KEYS) compareYuan(key, expected?.[key], actual[key], mismatches);
}

function householdCase(testCase: GoldenCase, parameters: ParameterTree, mismatches: string[]): void {
  const { month, household, cpi, cpi_history, expected, expected_error } = testCase.raw as Record<string, unknown>;
  const output = computeRawRequest({ id: testCase.name, month, household, cpi, cpi_history }, parameters);
  if (expected_error !== undefined) {
    const wanted = expected_error as { code?: unknown; field?: unknown };
    if (!("error" in output))
      return void mismatches.push(`expected error ${String(wanted.code)}, got amounts (total ${output.total_yuan})`);
    if (output.error.code !== wanted.code)
      mismatches.push(`expected error ${String(wanted.code)}, got ${output.error.code}: ${output.error.message}`);
    if (wanted.field !== undefined && output.error.field !== wanted.field)
      mismatches.push(`expected error field ${String(wanted.field)}, got ${output.error.field}`);
    return;
  }
  if ("error" in output) return void mismatches.push(`unexpected error ${output.error.code}: ${output.error.message}`);
  const want = (expected ?? {}) as Record<string, unknown>;
  if (typeof want.eligible !== "boolean") mismatches.push("expected.eligible (true/false) is required");
  else if (want.eligible !== output.eligible)
    mismatches.push(`eligible: expected ${want.eligible}, got ${output.eligible}`);
  for (const key of AMOUNT_KEYS) {
    if (want[key] === undefined) mismatches.push(`expected.${key} is required`);
    const actual = parseYuan(output[key], key);
    compareYuan(key, want[key], actual.ok ? actual.value : undefined, mismatches);
  }
}

/** Runs one case against the policy parameters plus the case's own test-only parameter overrides. */
export function runGoldenCase(testCase: GoldenCase, parameters: ParameterTree): GoldenResult {
  const mismatches: string[] = Object.keys(testCase.raw)
    .filter((key) => !CASE_KEYS.has(key))
    .map((key) => `unknown key "${key}" (allowed: ${[...CASE_KEYS].join(", ")})`);
  const overrides = (testCase.raw.parameters ?? []) as ParameterOverride[];
  const tree = Array.isArray(overrides)
    ? overrideParameters(parameters, overrides)
    : err({ code: "golden.invalid", message: "parameters must be a list" });
  if (!tree.ok)
    return {
      file: testCase.file,
      name: testCase.name,
      passed: false,
      message: `test parameters: ${tree.error.message}`,
    };
  if (testCase.raw.date !== undefined) derivedCase(testCase, tree.value, mismatches);
  else householdCase(testCase, tree.value, mismatches);
  return {
    file: testCase.file,
    name: testCase.name,
    passed: mismatches.length === 0,
    ...(mismatches.length ? { message: mismatches.join("; ") } : {}),
  };
}

/** Runs every golden case of an assistance policy folder; a policy that cannot load is one failed result. */
export function runAssistanceGoldenTests(policyDirectory: string): GoldenSummary {
  const policy = loadAssistancePolicy(policyDirectory);
  const cases = policy.ok ? loadGoldenCases(policyDirectory) : policy;
  if (!policy.ok || !cases.ok) {
    const problem = !policy.ok ? policy.error : !cases.ok ? cases.error : undefined;
    return {
      passed: 0,
      failed: 1,
      results: [{ file: policyDirectory, name: "load", passed: false, message: problem?.message }],
    };
  }
  const results = cases.value.map((testCase) => runGoldenCase(testCase, policy.value.parameters));
  const passed = results.filter((result) => result.passed).length;
  return { passed, failed: results.length - passed, results };
}
