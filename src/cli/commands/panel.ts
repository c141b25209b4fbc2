/**
 * `gongzhi fund allocate` and `gongzhi services award`: the panel scoring contracts, run on a JSON file with no
 * database and no server. Rules code is imported lazily inside the actions. A malformed input exits 1 with a
 * message naming the item at fault; see docs/panel-scoring.md.
 */
import type { Command } from "commander";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function readJson(file: string): Promise<unknown> {
  const { readFile } = await import("node:fs/promises");
  try {
    return JSON.parse(await readFile(file, "utf8")) as unknown;
  } catch (error) {
    fail(`cannot read ${file} as JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Registers `fund allocate` and `services award`. */
export function registerPanelCommands(program: Command): void {
  program
    .command("fund")
    .description("Social-governance innovation fund (社会管理与创新专项资金)")
    .command("allocate")
    .description("rank fund applications by the panel's scores and fund them within the budget; prints JSON")
    .requiredOption(
      "--input <file>",
      "JSON { budget_yuan, partial_funding, criteria: [{ id, weight }], applications, reviews }",
    )
    .action(async (options: { input: string }) => {
      const input = await readJson(options.input);
      const { allocateFund, fundAllocationContract } = await import("../../rules/panel/fund.allocate");
      const allocation = allocateFund(input);
      if (!allocation.ok) fail(allocation.error.message);
      process.stdout.write(`${JSON.stringify(fundAllocationContract(allocation.value), null, 2)}\n`);
    });

  program
    .command("services")
    .description("Purchased social services (政府购买服务)")
    .command("award")
    .description("rank service bids by the lowest-price method and name the winner when awardable; prints JSON")
    .requiredOption("--input <file>", "JSON { weights, budget_yuan?, exception?, bids, reviews }")
    .action(async (options: { input: string }) => {
      const input = await readJson(options.input);
      const { awardServices, serviceAwardContract } = await import("../../rules/panel/services.award");
      const award = awardServices(input);
      if (!award.ok) fail(award.error.message);
      process.stdout.write(`${JSON.stringify(serviceAwardContract(award.value), null, 2)}\n`);
    });
}
