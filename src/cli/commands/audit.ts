import type { Command } from "commander";

/** Registers `audit verify`: re-hashes the whole audit chain and reports every edited or deleted entry. */
export function registerAuditCommands(program: Command): void {
  const audit = program.command("audit").description("the audit log");
  audit
    .command("verify")
    .description("check the hash chain of the audit log; exit 1 when broken (stop the server first when using ./data)")
    .action(async () => {
      const { openMigratedDatabase } = await import("../../db/startup");
      const { verifyAuditChain } = await import("../../platform/audit/audit.verify");
      const { progressBar } = await import("../../platform/cli/progress");
      const handle = await openMigratedDatabase();
      try {
        const bar = progressBar();
        const result = await verifyAuditChain(handle.db, (done, total) => bar.update(done, total, "audit"));
        bar.stop();
        if (result.ok) {
          process.stdout.write(`audit chain intact: ${result.checked} entries\n`);
          return;
        }
        for (const problem of result.problems) {
          process.stdout.write(`position ${problem.position}${problem.id ? ` (${problem.id})` : ""}: ${problem.reason}\n`);
        }
        process.stdout.write(`audit chain BROKEN: ${result.problems.length} problem(s) in ${result.checked} entries\n`);
        process.exitCode = 1;
      } finally {
        await handle.close();
      }
    });
}
