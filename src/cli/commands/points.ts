import type { Command } from "commander";

interface ScoreOptions {
  policy: string;
  input: string;
  explain?: boolean;
  format: string;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** `points score`: scores requests from a file; stdout carries only the results (JSON array or JSON Lines). */
async function score(options: ScoreOptions): Promise<void> {
  const { readFileSync, existsSync } = await import("node:fs");
  const { loadAllVersions, resolvePolicy } = await import("../../rules/policy.registry");
  const { scoreBatch } = await import("../../rules/points.score");
  if (!["json", "jsonl", "csv"].includes(options.format))
    fail(`--format must be json, jsonl or csv, not "${options.format}"`);
  if (!existsSync(options.input)) fail(`cannot read --input ${options.input}: no such file`);
  const plans = loadAllVersions();
  if (!plans.ok) fail(plans.error.map((problem) => problem.message).join("\n"));
  const choice = resolvePolicy(plans.value, options.policy);
  if (!choice.ok) fail(choice.error.message);
  if (options.format === "json") {
    let requests: unknown;
    try {
      requests = JSON.parse(readFileSync(options.input, "utf8").replace(/^\uFEFF/, ""));
    } catch (error) {
      fail(`cannot parse --input ${options.input} as JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!Array.isArray(requests)) fail(`--input ${options.input} must hold a JSON array of requests`);
    const entries = scoreBatch(choice.value, requests, { explain: options.explain });
    process.stdout.write(`${JSON.stringify(entries, null, options.explain ? 2 : undefined)}\n`);
    return;
  }
  const { streamScores } = await import("../../rules/points.stream");
  let progress: ((read: number, total: number) => void) | undefined;
  let bar: { start(total: number, value: number): void; update(value: number): void; stop(): void } | undefined;
  if (process.stderr.isTTY) {
    const { default: cliProgress } = await import("cli-progress");
    bar = new cliProgress.SingleBar(
      { stream: process.stderr, format: "scoring [{bar}] {percentage}% | {value}/{total} bytes" },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    progress = (read, total) => {
      if (!started) bar?.start(total, 0);
      started = true;
      bar?.update(read);
    };
  }
  try {
    await streamScores(choice.value, options.input, options.format as "jsonl" | "csv", process.stdout, {
      explain: options.explain,
      progress,
    });
  } finally {
    bar?.stop();
  }
}

/** Registers the points sub-commands; rules code is imported lazily so no database or server module loads. */
export function registerPointsCommands(program: Command): void {
  const points = program.command("points").description("Migrant points (流动人员积分制)");
  points
    .command("score")
    .description("Score requests { id, purpose, town, application_date, grade?, facts } from a file")
    .requiredOption("--policy <id>", "a version (zhongshan-points-2014) or a family picked by date (zhongshan-points)")
    .requiredOption("--input <file>", "requests: a JSON array, or JSON Lines / CSV with --format")
    .option("--format <format>", "json | jsonl | csv (jsonl and csv stream and print JSON Lines)", "json")
    .option("--explain", "add every step with its clause")
    .action(async (options: ScoreOptions) => {
      await score(options);
    });
}
