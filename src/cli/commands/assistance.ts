/**
 * `gongzhi assistance …`: compute a batch of households' monthly assistance from a JSON file, and propose the
 * next dibao standard by the natural-growth rule. Rules code is imported lazily inside the actions so these
 * commands run with no database.
 */
import type { Command } from "commander";
import { clock } from "../../core/clock";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** Registers `assistance compute` and `assistance propose-standard`. */
export function registerAssistanceCommands(program: Command): void {
  const assistance = program.command("assistance").description("Social assistance (低保, 分类救助金, 价格临时补贴)");

  assistance
    .command("compute")
    .description("compute each household's assistance for its month; prints a JSON array to stdout")
    .requiredOption("--input <file>", "JSON array of { id, month, household, cpi? }")
    .option("--explain", "add the explanation steps to every entry")
    .option("--policy <dir>", "assistance policy folder (default: the shipped Zhongshan policy)")
    .action(async (options: { input: string; explain?: boolean; policy?: string }) => {
      const { readFile } = await import("node:fs/promises");
      const { loadAssistancePolicy } = await import("../../rules/assistance/policy.loader");
      const { computeBatch } = await import("../../rules/assistance/assistance.compute");
      let input: unknown;
      try {
        input = JSON.parse(await readFile(options.input, "utf8"));
      } catch (error) {
        fail(`cannot read ${options.input} as JSON: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!Array.isArray(input)) fail(`${options.input}: expected a JSON array of requests`);
      const policy = loadAssistancePolicy(options.policy);
      if (!policy.ok) fail(policy.error.message);
      const results = computeBatch(input, policy.value.parameters, options.explain === true);
      process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    });

  assistance
    .command("propose-standard")
    .description("propose next year's dibao standard: max(previous, round(ratio × per-capita consumption / 12))")
    .requiredOption("--previous <yuan>", "current standard, yuan per person per month")
    .requiredOption("--consumption <yuan>", "previous year's per-capita consumption spending, yuan per year")
    .option("--date <YYYY-MM-DD>", "date the proposal would take effect (reads the ratio in force then; default today)")
    .option("--policy <dir>", "assistance policy folder (default: the shipped Zhongshan policy)")
    .action(async (options: { previous: string; consumption: string; date?: string; policy?: string }) => {
      const { parseYuan, fenToYuanString } = await import("../../core/money");
      const { isIsoDate } = await import("../../core/dates");
      const { loadAssistancePolicy } = await import("../../rules/assistance/policy.loader");
      const { proposeStandard } = await import("../../rules/assistance/standard.proposal");
      const previous = parseYuan(options.previous, "--previous");
      if (!previous.ok || previous.value < 0)
        fail(previous.ok ? "--previous must not be negative" : previous.error.message);
      const date = options.date ?? clock.today();
      if (!isIsoDate(date)) fail(`--date must be YYYY-MM-DD, got ${date}`);
      const policy = loadAssistancePolicy(options.policy);
      if (!policy.ok) fail(policy.error.message);
      const proposal = proposeStandard(previous.value, options.consumption, {
        parameters: policy.value.parameters,
        date,
      });
      if (!proposal.ok) fail(proposal.error.message);
      const { proposedFen, computedFen, reference } = proposal.value;
      const output = {
        previous_yuan: Number(fenToYuanString(previous.value)),
        computed_yuan: Number(fenToYuanString(computedFen)),
        proposed_yuan: Number(fenToYuanString(proposedFen)),
        reference,
        note: "a proposal: a policy officer approves it before it takes effect",
      };
      process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    });
}

/** Totals of the assistance golden tests run by `policy test`. */
export interface AssistanceTestTotals {
  folders: number;
  passed: number;
  failed: number;
}

/** `policy test` branch: runs the golden tests of every assistance policy under `target` (a folder or one test file). */
export async function testAssistancePolicies(target: string): Promise<AssistanceTestTotals> {
  const { statSync } = await import("node:fs");
  const { basename, dirname } = await import("node:path");
  const { findAssistancePolicyFolders, loadAssistancePolicy } = await import("../../rules/assistance/policy.loader");
  const { runAssistanceGoldenTests } = await import("../../rules/assistance/golden.runner");
  const onlyFile = statSync(target).isFile() ? basename(target) : undefined;
  const folders = findAssistancePolicyFolders(onlyFile ? dirname(dirname(target)) : target);
  const totals: AssistanceTestTotals = { folders: folders.length, passed: 0, failed: 0 };
  for (const folder of folders) {
    const policy = loadAssistancePolicy(folder);
    process.stdout.write(
      policy.ok ? `${policy.value.id} (${policy.value.status})\n` : `✗ ${folder}: the policy does not load\n`,
    );
    const summary = runAssistanceGoldenTests(folder);
    for (const result of summary.results.filter((each) => !onlyFile || each.file === onlyFile)) {
      process.stdout.write(`  ${result.passed ? "✓" : "✗"} ${result.name}\n`);
      if (result.message) process.stdout.write(`      ${result.message}\n`);
      if (result.passed) totals.passed += 1;
      else totals.failed += 1;
    }
  }
  return totals;
}

/** Options of `policy simulate` as the policy command defines them. */
export interface AssistanceSimulateOptions {
  policy: string;
  baseline: string;
  population: string;
  date?: string;
  json?: boolean;
}

/** `policy simulate` branch: when --policy names an assistance policy (id or folder), compares it with --baseline; false otherwise. */
export async function simulateAssistancePolicy(options: AssistanceSimulateOptions): Promise<boolean> {
  const { existsSync, readFileSync } = await import("node:fs");
  const { resolve } = await import("node:path");
  const { fileURLToPath } = await import("node:url");
  const { fenToYuanString } = await import("../../core/money");
  const { findAssistancePolicyFolders, loadAssistancePolicy } = await import("../../rules/assistance/policy.loader");
  const { simulateAssistance } = await import("../../rules/assistance/simulate");
  const root = fileURLToPath(new URL("../../../policies/", import.meta.url));
  const locate = (idOrFolder: string) => {
    const path = resolve(idOrFolder);
    const isFolder = existsSync(path);
    for (const folder of findAssistancePolicyFolders(isFolder ? path : root)) {
      const loaded = loadAssistancePolicy(folder);
      if (!loaded.ok) {
        if (isFolder) fail(loaded.error.message);
        continue;
      }
      if (isFolder || loaded.value.id === idOrFolder) return loaded.value;
    }
    return undefined;
  };
  const draft = locate(options.policy);
  if (!draft) return false;
  const baseline = locate(options.baseline);
  if (!baseline) fail(`unknown baseline assistance policy "${options.baseline}"`);
  const month = (options.date ?? clock.today()).slice(0, 7);
  let caseload: unknown[];
  try {
    const text = readFileSync(options.population, "utf8");
    caseload = text.trimStart().startsWith("[")
      ? (JSON.parse(text) as unknown[])
      : text
          .split(/\r?\n/)
          .filter((line) => line.trim() !== "")
          .map((line) => JSON.parse(line) as unknown);
  } catch (error) {
    fail(`cannot read --population ${options.population}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const report = simulateAssistance({
    baseline: baseline.parameters,
    draftParameters: draft.parameters,
    caseload,
    month,
  });
  if (!report.ok) fail(report.error.message);
  const value = report.value;
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ draft: draft.id, baseline: baseline.id, ...value }, null, 2)}\n`);
    return true;
  }
  const yuan = (fen: number) => fenToYuanString(fen);
  const lines = [
    `${draft.id} vs ${baseline.id}, ${value.month}: ${value.households} households, ${value.affected} affected (${value.gainers} gain, ${value.losers} lose, ${value.newlyEligible} enter, ${value.noLongerEligible} leave)`,
    `cost per month: ${yuan(value.baselineCostFen)} → ${yuan(value.draftCostFen)} yuan (${value.differenceFen >= 0 ? "+" : ""}${yuan(value.differenceFen)})`,
    ...value.byTown.map(
      (town) =>
        `  ${town.town.padEnd(14)} ${String(town.households).padStart(6)} households ${String(town.affected).padStart(6)} affected  ${yuan(town.differenceFen)} yuan`,
    ),
    ...(value.invalid.length > 0
      ? [`${value.invalid.length} cases could not be computed (first: ${value.invalid[0].error.message})`]
      : []),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  return true;
}
