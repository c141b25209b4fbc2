/**
 * `gongzhi assistance …`: compute a batch of households' monthly assistance from a JSON file, and propose the
 * next dibao standard by the natural-growth rule. Rules code is imported lazily inside the actions so these
 * commands run with no database.
 */
import type { Command } from "commander";

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
      const { todayInShanghai, isIsoDate } = await import("../../core/dates");
      const { loadAssistancePolicy } = await import("../../rules/assistance/policy.loader");
      const { proposeStandard } = await import("../../rules/assistance/standard.proposal");
      const previous = parseYuan(options.previous, "--previous");
      if (!previous.ok || previous.value < 0) fail(previous.ok ? "--previous must not be negative" : previous.error.message);
      const date = options.date ?? todayInShanghai();
      if (!isIsoDate(date)) fail(`--date must be YYYY-MM-DD, got ${date}`);
      const policy = loadAssistancePolicy(options.policy);
      if (!policy.ok) fail(policy.error.message);
      const proposal = proposeStandard(previous.value, options.consumption, { parameters: policy.value.parameters, date });
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
