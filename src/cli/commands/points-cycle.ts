/**
 * `gongzhi points cycle run|publish`: runs the ranking of a yearly cycle on the database named by the
 * environment (as a programme admin account, for the audit trail), or publishes a reviewed run. Prints one JSON
 * object on stdout; messages go to stderr. Heavy modules are imported inside the actions.
 */
import type { Command } from "commander";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** Adds `cycle run` and `cycle publish` under the `points` command (created by the rules CLI, or here when absent). */
export function registerPointsCycleCommands(program: Command): void {
  const points = program.commands.find((command) => command.name() === "points") ?? program.command("points");
  const cycle = points.command("cycle").description("ranking runs of a yearly points cycle (database)");

  cycle
    .command("run")
    .description("rank a cycle's applications and store the run (policy version, input and result hashes)")
    .requiredOption("--year <year>", "the cycle year (the window opens in September of that year)")
    .requiredOption("--as <username>", "the programme admin account the audit entry names")
    .action(async (options: { year: string; as: string }) => {
      const { openMigratedDatabase } = await import("../../db/startup");
      const { inTransactionWhenOk } = await import("../../db/transaction");
      const { runRanking } = await import("../../modules/points/commands/ranking");
      const { programmeActor, findCycleOfYear, runSummary } = await import("../../modules/points/points.cli");
      const handle = await openMigratedDatabase((line) => process.stderr.write(`${line}\n`));
      try {
        const actor = await programmeActor(handle.db, options.as);
        if (!actor.ok) fail(actor.error);
        const found = await findCycleOfYear(handle.db, options.year);
        if (!found.ok) fail(found.error);
        const started = Date.now();
        const run = await inTransactionWhenOk(handle.db, (trx) =>
          runRanking(trx, { actor: actor.value, requestId: null }, found.value),
        );
        if (!run.ok) fail(`${run.error.code}: ${run.error.message}`);
        process.stdout.write(`${JSON.stringify({ ...runSummary(run.value), ms: Date.now() - started })}\n`);
      } finally {
        await handle.close();
      }
    });

  cycle
    .command("publish")
    .description("publish a reviewed run as publicity lists (a run is published once)")
    .requiredOption("--run <id>", "the run id")
    .requiredOption("--as <username>", "the programme admin account the audit entry names")
    .action(async (options: { run: string; as: string }) => {
      const { openMigratedDatabase } = await import("../../db/startup");
      const { inTransactionWhenOk } = await import("../../db/transaction");
      const { publishRun } = await import("../../modules/points/commands/ranking");
      const { findCycle, findRun } = await import("../../modules/points/repository");
      const { programmeActor, runSummary } = await import("../../modules/points/points.cli");
      const handle = await openMigratedDatabase((line) => process.stderr.write(`${line}\n`));
      try {
        const actor = await programmeActor(handle.db, options.as);
        if (!actor.ok) fail(actor.error);
        if (!/^[0-9a-f-]{36}$/i.test(options.run)) fail(`--run must be a run id, got ${options.run}`);
        const run = await findRun(handle.db, options.run);
        if (!run) fail(`no run ${options.run}`);
        const cycle = (await findCycle(handle.db, run.cycle_id))!;
        const published = await inTransactionWhenOk(handle.db, (trx) =>
          publishRun(trx, { actor: actor.value, requestId: null }, run, cycle),
        );
        if (!published.ok) fail(`${published.error.code}: ${published.error.message}`);
        process.stdout.write(
          `${JSON.stringify({ ...runSummary(published.value), lists: published.value.list_ids.length })}\n`,
        );
      } finally {
        await handle.close();
      }
    });
}
