import type { Command } from "commander";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** `policy test [path]`: runs golden tests of every points version under a path, readable pass/fail per case. */
async function testPolicies(path: string | undefined): Promise<void> {
  const { existsSync, statSync } = await import("node:fs");
  const { dirname, basename, resolve } = await import("node:path");
  const { findVersionFolders, loadVersionFolder, policiesRoot } = await import("../../rules/policy.registry");
  const { runGoldenTests } = await import("../../rules/golden.run");
  const target = resolve(path ?? policiesRoot());
  if (!existsSync(target)) fail(`no such path: ${target}`);
  let onlyFile: string | undefined;
  let root = target;
  if (statSync(target).isFile()) {
    onlyFile = basename(target);
    root = dirname(dirname(target));
  }
  const folders = findVersionFolders(root);
  // Assistance policies (policy.yaml with kind: assistance) run their own golden tests.
  const assistance = await (await import("./assistance")).testAssistancePolicies(target);
  if (folders.length === 0 && assistance.folders === 0)
    fail(`no policy version (scorecard.yaml or assistance policy.yaml) under ${target}`);
  let passed = assistance.passed;
  let failed = assistance.failed;
  for (const folder of folders) {
    const plan = loadVersionFolder(folder);
    if (!plan.ok) {
      process.stdout.write(
        `✗ ${folder}: the policy does not load\n${plan.error.map((problem) => `    ${problem.message}`).join("\n")}\n`,
      );
      failed += 1;
      continue;
    }
    process.stdout.write(`${plan.value.version.id} (${plan.value.version.status})\n`);
    const results = runGoldenTests(plan.value).filter((result) => !onlyFile || basename(result.file) === onlyFile);
    for (const result of results) {
      process.stdout.write(`  ${result.passed ? "✓" : "✗"} ${result.name}\n`);
      for (const failure of result.failures) process.stdout.write(`      ${failure}\n`);
      if (result.passed) passed += 1;
      else failed += 1;
    }
  }
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  if (failed > 0) process.exitCode = 1;
}

/** `policy list`: every version with its status and effective period. */
async function listPolicies(): Promise<void> {
  const { findVersionFolders, loadVersionFolder, policiesRoot } = await import("../../rules/policy.registry");
  for (const folder of findVersionFolders(policiesRoot())) {
    const plan = loadVersionFolder(folder);
    if (!plan.ok) {
      process.stdout.write(`(invalid) ${folder}: ${plan.error[0]?.message}\n`);
      continue;
    }
    const { id, status, effective, title } = plan.value.version;
    process.stdout.write(
      `${id.padEnd(32)} ${status.padEnd(11)} ${effective.from} → ${effective.to ?? "open"}  ${title.zh}\n`,
    );
  }
}

interface SimulateOptions {
  policy: string;
  baseline: string;
  population: string;
  date?: string;
  json?: boolean;
}

/** Reads a population file: a JSON array, or JSON Lines. */
async function readPopulation(file: string): Promise<unknown[]> {
  const { readFileSync, existsSync } = await import("node:fs");
  if (!existsSync(file)) fail(`cannot read --population ${file}`);
  const text = readFileSync(file, "utf8");
  try {
    if (text.trimStart().startsWith("[")) return JSON.parse(text) as unknown[];
    return text
      .split(/\r?\n/)
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as unknown);
  } catch (error) {
    fail(`cannot parse --population ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** `policy simulate` for points versions: compares a draft with a baseline over a population. */
async function simulatePointsPolicy(options: SimulateOptions): Promise<boolean> {
  const { loadAllVersions } = await import("../../rules/policy.registry");
  const { simulatePoints, reportJson, reportText } = await import("../../rules/points.simulate");
  const plans = loadAllVersions();
  if (!plans.ok) fail(plans.error.map((problem) => problem.message).join("\n"));
  const draft = plans.value.find((plan) => plan.version.id === options.policy);
  if (!draft) return false;
  const baseline = plans.value.find((plan) => plan.version.id === options.baseline);
  if (!baseline) fail(`unknown baseline points version "${options.baseline}"`);
  const report = simulatePoints(draft, baseline, await readPopulation(options.population), options.date);
  process.stdout.write(options.json ? `${JSON.stringify(reportJson(report), null, 2)}\n` : `${reportText(report)}\n`);
  return true;
}

/** `policy approve <folder>`: a draft becomes approved only while every one of its golden tests passes. */
async function approveVersion(folder: string): Promise<void> {
  const { resolve } = await import("node:path");
  const { loadVersionFolder } = await import("../../rules/policy.registry");
  const { approvePolicy } = await import("../../rules/policy.lifecycle");
  const { saveVersionStatus } = await import("../../rules/policy.files");
  const plan = loadVersionFolder(resolve(folder));
  if (!plan.ok) fail(plan.error.map((problem) => problem.message).join("\n"));
  const approved = approvePolicy(plan.value);
  if (!approved.ok) fail(`not approved: ${approved.error.message}`);
  saveVersionStatus(approved.value);
  process.stdout.write(`${approved.value.version.id} approved\n`);
}

/** `policy activate <folder> --from <date>`: puts an approved version in force and supersedes the one before. */
async function activateVersion(folder: string, from: string): Promise<void> {
  const { dirname, resolve } = await import("node:path");
  const { loadAllVersions, loadVersionFolder } = await import("../../rules/policy.registry");
  const { activatePolicy } = await import("../../rules/policy.lifecycle");
  const { saveVersionStatus } = await import("../../rules/policy.files");
  const plan = loadVersionFolder(resolve(folder));
  if (!plan.ok) fail(plan.error.map((problem) => problem.message).join("\n"));
  // The family's versions are the sibling folders (policies/<city>/<service>/<version>).
  const all = loadAllVersions(dirname(resolve(folder)));
  if (!all.ok) fail(all.error.map((problem) => problem.message).join("\n"));
  const activated = activatePolicy(plan.value, from, all.value);
  if (!activated.ok) fail(`not activated: ${activated.error.message}`);
  for (const superseded of activated.value.superseded) {
    saveVersionStatus(superseded);
    process.stdout.write(
      `${superseded.version.id} superseded from ${from} (in force until ${superseded.version.effective.to})\n`,
    );
  }
  saveVersionStatus(activated.value.activated);
  process.stdout.write(`${activated.value.activated.version.id} active from ${from}\n`);
}

/** Registers the policy sub-commands; rules code is imported lazily so no database or server module loads. */
export function registerPolicyCommands(program: Command): void {
  const policy = program.command("policy").description("Policy versions: golden tests, simulation, listing");
  policy
    .command("test [path]")
    .description("Run the golden tests of the policy versions under a path (default: policies/)")
    .action(async (path: string | undefined) => {
      await testPolicies(path);
    });
  policy
    .command("list")
    .description("List policy versions with their status and dates")
    .action(async () => {
      await listPolicies();
    });
  policy
    .command("approve <folder>")
    .description("Approve a draft version (refused while any of its golden tests fails)")
    .action(async (folder: string) => {
      await approveVersion(folder);
    });
  policy
    .command("activate <folder>")
    .description("Put an approved version in force from a date; the family's active version is superseded")
    .requiredOption("--from <date>", "first day in force (YYYY-MM-DD)")
    .action(async (folder: string, options: { from: string }) => {
      await activateVersion(folder, options.from);
    });
  policy
    .command("simulate")
    .description("Compare a draft version with a baseline over a population")
    .requiredOption("--policy <id>", "the version to try (e.g. zhongshan-points-2016-draft)")
    .requiredOption("--baseline <id>", "the version to compare with (e.g. zhongshan-points-2014)")
    .requiredOption("--population <file>", "requests as a JSON array or JSON Lines")
    .option("--date <date>", "score every request on this application date")
    .option("--json", "print the report as JSON")
    .action(async (options: SimulateOptions) => {
      // One branch per policy kind: each returns false when the id is not one of its versions.
      if (await simulatePointsPolicy(options)) return;
      if (await (await import("./assistance")).simulateAssistancePolicy(options)) return;
      fail(`unknown policy "${options.policy}"`);
    });
}
