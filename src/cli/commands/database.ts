import type { Command } from "commander";

/** Registers `db migrate` and `demo`. */
export function registerDatabaseCommands(program: Command): void {
  const database = program.command("db").description("database maintenance");
  database
    .command("migrate")
    .description("apply pending SQL migrations (safe to run twice)")
    .action(async () => {
      const { openMigratedDatabase } = await import("../../db/startup");
      const handle = await openMigratedDatabase((line) => process.stderr.write(`${line}\n`));
      process.stdout.write(
        handle.applied.length ? `applied: ${handle.applied.join(", ")}\n` : "database is up to date\n",
      );
      await handle.close();
    });

  program
    .command("demo")
    .description(
      "load demo data (24 镇区, departments, ~2,000 synthetic residents, one account per role) into an empty database",
    )
    .option("--force", "load even when the database is not empty")
    .option("--persons <count>", "number of synthetic persons", "2000")
    .action(async (options: { force?: boolean; persons: string }) => {
      const { openMigratedDatabase } = await import("../../db/startup");
      const { hasDemoData, isDatabaseEmpty, loadDemo } = await import("../../demo/load");
      const { demoAccountsTable } = await import("../../demo/accounts");
      const { modules } = await import("../../http/modules");
      const { progressBar } = await import("../../platform/cli/progress");
      const persons = Number(options.persons);
      if (!Number.isInteger(persons) || persons < 1)
        throw new Error(`--persons must be a positive integer, got "${options.persons}"`);
      const handle = await openMigratedDatabase((line) => process.stderr.write(`${line}\n`));
      try {
        if (!options.force && !(await isDatabaseEmpty(handle.db))) {
          process.stderr.write("the database is not empty: refusing to load demo data (use --force to load anyway)\n");
          process.exitCode = 1;
          return;
        }
        if (await hasDemoData(handle.db)) {
          process.stderr.write("demo data is already loaded in this database: nothing to do\n");
          process.exitCode = 1;
          return;
        }
        const bar = progressBar();
        const summary = await loadDemo(handle.db, { modules, persons, onProgress: bar.update });
        bar.stop();
        process.stdout.write(`${JSON.stringify(summary)}\n${demoAccountsTable()}\n`);
      } finally {
        await handle.close();
      }
    });
}
