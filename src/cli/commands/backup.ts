import type { Command } from "commander";

/** Registers `backup` and `restore` (PGlite folder or PostgreSQL, as DATABASE_URL / GONGZHI_DATA say). */
export function registerBackupCommands(program: Command): void {
  program
    .command("backup")
    .description(
      "back the database up: PGlite → a gzip tar of the cluster (stop the server first), PostgreSQL → pg_dump custom format; prints { tables } as a JSON last line",
    )
    .requiredOption("--out <path>", "the backup file to write (must not exist)")
    .action(async (options: { out: string }) => {
      const { resolve } = await import("node:path");
      const { connectionOptionsFromEnvironment } = await import("../../db/connection");
      const { backupDatabase } = await import("../../db/backup");
      const out = resolve(options.out);
      await report(() => backupDatabase(connectionOptionsFromEnvironment(), out), `backup written to ${out}`);
    });
  program
    .command("restore")
    .description(
      "restore a backup into the database of DATABASE_URL / GONGZHI_DATA (refuses one holding data unless --force); prints { tables } as a JSON last line; then run `audit verify`",
    )
    .requiredOption("--from <path>", "the backup file")
    .option("--force", "replace a database holding data (a PGlite folder is moved aside, not deleted)")
    .action(async (options: { from: string; force?: boolean }) => {
      const { resolve } = await import("node:path");
      const { connectionOptionsFromEnvironment } = await import("../../db/connection");
      const { restoreDatabase } = await import("../../db/backup");
      await report(
        () => restoreDatabase(connectionOptionsFromEnvironment(), resolve(options.from), { force: options.force }),
        "restored",
      );
    });
}

async function report(
  action: () => Promise<{ tables: Record<string, number>; movedAside?: string }>,
  done: string,
): Promise<void> {
  const { BackupError } = await import("../../db/backup");
  try {
    const result = await action();
    if (result.movedAside) process.stderr.write(`the former data folder was moved to ${result.movedAside}\n`);
    process.stderr.write(`${done}\n`);
    process.stdout.write(`${JSON.stringify({ tables: result.tables })}\n`);
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  }
}
