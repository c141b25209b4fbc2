import type { Command } from "commander";

function describeHead(head: { position: number; hash: string } | null): string {
  return head ? `position ${head.position} hash ${head.hash}` : "missing";
}

/** Registers `audit verify`: re-hashes the whole audit chain, reports every edited or deleted entry, prints the head hash. */
export function registerAuditCommands(program: Command): void {
  const audit = program.command("audit").description("the audit log");
  audit
    .command("verify")
    .description(
      "check the hash chain of the audit log and print its head hash; exit 1 when broken (stop the server first when using ./data)",
    )
    .option(
      "--expect-head <hash>",
      "a head hash recorded earlier (outside the database): it must still be in the chain",
    )
    .action(async (options: { expectHead?: string }) => {
      const expectHead = options.expectHead?.trim().toLowerCase();
      if (expectHead !== undefined && !/^[0-9a-f]{64}$/.test(expectHead)) {
        process.stderr.write("--expect-head: expected a sha256 hash (64 hexadecimal characters)\n");
        process.exitCode = 2;
        return;
      }
      const { openMigratedDatabase } = await import("../../db/startup");
      const { verifyAuditChain } = await import("../../platform/audit/audit.verify");
      const { progressBar } = await import("../../platform/cli/progress");
      const handle = await openMigratedDatabase();
      try {
        const bar = progressBar();
        const result = await verifyAuditChain(handle.db, {
          onProgress: (done, total) => bar.update(done, total, "audit"),
          expectHead,
        });
        bar.stop();
        // On stderr, so stdout keeps its one-line verdict for scripts; `audit head` prints it on stdout.
        process.stderr.write(`audit head: ${describeHead(result.head)}\n`);
        if (result.ok) {
          const recorded = expectHead ? " (recorded head found in the chain)" : "";
          process.stdout.write(`audit chain intact: ${result.checked} entries${recorded}\n`);
          return;
        }
        for (const problem of result.problems) {
          process.stdout.write(
            `position ${problem.position}${problem.id ? ` (${problem.id})` : ""}: ${problem.reason}\n`,
          );
        }
        process.stdout.write(`audit chain BROKEN: ${result.problems.length} problem(s) in ${result.checked} entries\n`);
        process.exitCode = 1;
      } finally {
        await handle.close();
      }
    });
  audit
    .command("head")
    .description("print the audit head (position and hash of the newest entry) to record outside the database")
    .action(async () => {
      const { openMigratedDatabase } = await import("../../db/startup");
      const handle = await openMigratedDatabase();
      try {
        const head = await handle.db.selectFrom("audit_head").select(["position", "hash"]).executeTakeFirst();
        process.stdout.write(`${describeHead(head ? { position: Number(head.position), hash: head.hash } : null)}\n`);
        if (!head) process.exitCode = 1;
      } finally {
        await handle.close();
      }
    });
}
