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
        process.stderr.write(
          `keyed hashes: ${result.keyed ? "checked" : "NOT checked (no audit key)"}; anchors checked: ${result.anchors.checked}${result.anchors.latest ? ` (newest ${result.anchors.latest.at}, position ${result.anchors.latest.position})` : ""}\n`,
        );
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
    .command("anchor")
    .description(
      "append the audit head, signed with the audit key, to the anchor file outside the database (GONGZHI_AUDIT_ANCHORS); the server does this hourly",
    )
    .action(async () => {
      const { openMigratedDatabase } = await import("../../db/startup");
      const { writeAuditAnchor } = await import("../../platform/audit/audit.anchor");
      const { auditSecretSettings } = await import("../../platform/audit/audit.key");
      const settings = auditSecretSettings();
      if (!settings.anchorFile) {
        process.stderr.write("GONGZHI_AUDIT_ANCHORS=off: anchoring is disabled\n");
        process.exitCode = 2;
        return;
      }
      const handle = await openMigratedDatabase();
      try {
        const anchor = await writeAuditAnchor(handle.db, settings);
        process.stdout.write(
          anchor
            ? `anchored position ${anchor.position} hash ${anchor.hash} in ${settings.anchorFile}\n`
            : `nothing new to anchor (${settings.anchorFile})\n`,
        );
      } finally {
        await handle.close();
      }
    });
  audit
    .command("seal")
    .description(
      "chain the entries left waiting for the chain (a server stopped between a write and its sealing), and add the keyed hash (audit key) to entries written before the key existed, after checking the chain",
    )
    .action(async () => {
      const { openMigratedDatabase } = await import("../../db/startup");
      const { sealAuditEntries } = await import("../../platform/audit/audit.seal");
      const { sealWaitingAudit } = await import("../../platform/audit/audit.pending");
      const handle = await openMigratedDatabase();
      try {
        const chained = await sealWaitingAudit(handle.db);
        if (chained > 0) process.stdout.write(`chained ${chained} waiting entries\n`);
        const outcome = await sealAuditEntries(handle.db);
        if ("refused" in outcome) {
          process.stderr.write(`not sealed: ${outcome.refused}\n`);
          process.exitCode = 1;
          return;
        }
        process.stdout.write(`sealed ${outcome.sealed} entries\n`);
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
