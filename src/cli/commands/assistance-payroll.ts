/**
 * `gongzhi assistance payroll --month YYYY-MM`: runs (or shows) the month's payroll on the database named by
 * the environment, optionally approves it and writes the bank file. The JSON summary goes to stdout; progress
 * to stderr. Heavy modules are imported inside the action so other commands start without a database.
 */
import type { Command } from "commander";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** Adds `payroll` and `demo` under the `assistance` command (created by the rules CLI, or here when absent). */
export function registerAssistancePayrollCommand(program: Command): void {
  const assistance =
    program.commands.find((command) => command.name() === "assistance") ?? program.command("assistance");
  assistance
    .command("demo")
    .description(
      "load the assistance demo data (cases at every state, synthetic CPI months, last month's payroll) into a database loaded by `gongzhi demo`",
    )
    .action(async () => {
      const { openMigratedDatabase } = await import("../../db/startup");
      const { inTransaction } = await import("../../db/transaction");
      const { hasDemoData } = await import("../../demo/load");
      const { seedAssistance } = await import("../../modules/assistance/seeds");
      const handle = await openMigratedDatabase((line) => process.stderr.write(`${line}\n`));
      try {
        if (!(await hasDemoData(handle.db)))
          fail("run `gongzhi demo` first: the assistance demo builds on the demo registry");
        const already = await handle.db
          .selectFrom("accounts")
          .select("id")
          .where("username", "=", "price.officer")
          .executeTakeFirst();
        if (already) fail("the assistance demo data is already loaded");
        await inTransaction(handle.db, (trx) => seedAssistance(trx, {}));
        process.stdout.write(`${JSON.stringify({ loaded: "assistance", priceOfficer: "price.officer" })}\n`);
      } finally {
        await handle.close();
      }
    });
  assistance
    .command("payroll")
    .description("run the month's assistance payroll once (a second run shows the same payroll); prints a JSON summary")
    .requiredOption("--month <YYYY-MM>", "the month to pay")
    .option("--approve", "approve the computed payroll")
    .option("--export <file>", "write the bank payment file (.csv or .xlsx) of an approved payroll")
    .action(async (options: { month: string; approve?: boolean; export?: string }) => {
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(options.month)) fail(`--month must be YYYY-MM, got ${options.month}`);
      if (options.export && !/\.(csv|xlsx)$/i.test(options.export)) fail("--export must name a .csv or .xlsx file");
      const { writeFile } = await import("node:fs/promises");
      const { openMigratedDatabase } = await import("../../db/startup");
      const { inTransactionWhenOk, inTransaction } = await import("../../db/transaction");
      const { runPayroll, approvePayroll, markExported } =
        await import("../../modules/assistance/commands/payroll.run");
      const { findPayroll } = await import("../../modules/assistance/payroll.repository");
      const { presentPayroll } = await import("../../modules/assistance/routes/payroll.routes");
      const { bankCsv, bankRows, bankXlsx } = await import("../../modules/assistance/payroll.export");
      const { progressBar } = await import("../../platform/cli/progress");
      const handle = await openMigratedDatabase((line) => process.stderr.write(`${line}\n`));
      const context = { actor: null, username: "cli", requestId: null };
      try {
        const bar = progressBar();
        const run = await inTransactionWhenOk(handle.db, (trx) =>
          runPayroll(trx, context, options.month, {
            onProgress: (done, total, label) => bar.update(done, total, label),
          }),
        );
        bar.stop();
        if (!run.ok) fail(`${run.error.code}: ${run.error.message}`);
        if (options.approve) {
          const found = (await findPayroll(handle.db, options.month))!;
          if (found.payroll.status === "computed") {
            const approved = await inTransactionWhenOk(handle.db, (trx) =>
              approvePayroll(trx, context, options.month, found.payroll.version),
            );
            if (!approved.ok) fail(`${approved.error.code}: ${approved.error.message}`);
          }
        }
        let exported: { file: string; rows: number; totalYuan: string } | undefined;
        if (options.export) {
          const target = options.export;
          exported = await inTransaction(handle.db, async (trx) => {
            const found = (await findPayroll(trx, options.month))!;
            if (found.payroll.status !== "approved") fail("not_approved: approve the payroll first (--approve)");
            const { rows, totalFen, withheld } = await bankRows(trx, options.month);
            const content = /\.csv$/i.test(target)
              ? bankCsv(options.month, rows, totalFen)
              : await bankXlsx(options.month, rows, totalFen);
            await writeFile(target, content);
            await markExported(trx, context, options.month, { file: target, rows: rows.length, totalFen, withheld });
            return {
              file: target,
              rows: rows.length,
              totalYuan: (await import("../../core/money")).fenToYuanString(totalFen),
            };
          });
        }
        const summary = presentPayroll((await findPayroll(handle.db, options.month))!);
        process.stdout.write(
          `${JSON.stringify({ ...summary, created: run.value.created, ...(exported ? { exported } : {}) }, null, 2)}\n`,
        );
      } finally {
        await handle.close();
      }
    });
}
