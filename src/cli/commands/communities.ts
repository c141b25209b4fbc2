/**
 * `gongzhi communities import --file <communities.csv|.xlsx>`: loads the communities (社区/村) of the 镇区 and the
 * centre of each on the schools' city grid, which school applications place children from (issue 15). Columns
 * `town_code, name, x, y` (metres; both blank for a community whose position is not known yet). Every bad row is
 * printed with its number and reason and nothing is stored, unless `--good-rows` imports the rest. The last line
 * printed is JSON: `{ rows, created, updated, located, refused }`.
 */
import type { Command } from "commander";

/** Registers `communities import`. */
export function registerCommunityCommands(program: Command): void {
  program
    .command("communities")
    .description("communities (社区/村) of the 镇区 and their positions")
    .command("import")
    .description("add or correct communities and their centres from a CSV or XLSX file (town_code, name, x, y)")
    .requiredOption("--file <path>", "CSV (UTF-8 or GBK) or XLSX")
    .option("--good-rows", "import the good rows when some are bad (default: nothing when any row is bad)")
    .action(async (options: { file: string; goodRows?: boolean }) => {
      const { readFile } = await import("node:fs/promises");
      const { basename } = await import("node:path");
      const { openMigratedDatabase } = await import("../../db/startup");
      const { inTransactionWhenOk } = await import("../../db/transaction");
      const { importCommunities } = await import("../../modules/registry/commands/communities.import");
      const bytes = await readFile(options.file);
      const base64 = bytes.toString("base64");
      const file = options.file.toLowerCase().endsWith(".xlsx") ? { xlsxBase64: base64 } : { csvBase64: base64 };
      const { ensureReferenceData } = await import("../../demo/reference");
      const handle = await openMigratedDatabase();
      try {
        await ensureReferenceData(handle.db);
        const result = await inTransactionWhenOk(handle.db, (trx) =>
          importCommunities(
            trx,
            { actor: null, username: "cli", requestId: null },
            { ...file, mode: options.goodRows ? "good_rows" : "all_or_nothing" },
            basename(options.file),
          ),
        );
        if (!result.ok) {
          process.stderr.write(`${result.error.message}\n`);
          process.exitCode = 1;
          return;
        }
        for (const problem of result.value.refused)
          process.stderr.write(`第 ${problem.row} 行（${problem.column}）：${problem.message}\n`);
        process.stdout.write(`${JSON.stringify({ ...result.value, refused: result.value.refused.length })}\n`);
      } finally {
        await handle.close();
      }
    });
}
