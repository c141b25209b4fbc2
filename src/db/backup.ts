/**
 * `gongzhi backup` and `gongzhi restore`. PGlite: the data folder's cluster as a gzip tar archive (PGlite's own
 * dump; the server must be stopped, as for every command on a data folder). PostgreSQL: pg_dump's custom format
 * (`pg_dump` and `pg_restore` on PATH, at least the server's major version), consistent while the server runs.
 * Both report the rows of every table, and restore refuses a target holding data unless forced.
 */
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  closeSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { sql, type Kysely } from "kysely";
import { now } from "../core/clock";
import { openDatabase, type ConnectionOptions } from "./connection";
import { lockFileName } from "./folder-lock";
import { migrate } from "./migrate";
import type { Database } from "./schema";

/** What backup and restore print: the rows of every table (`{ tables: { name: rows } }`). */
export interface TableReport {
  tables: Record<string, number>;
}

/** The tables of the public schema, by name. */
export async function listTables(db: Kysely<Database>): Promise<string[]> {
  const result = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  return result.rows.map((row) => row.name);
}

/** The row count of every table of the public schema. */
export async function countTables(db: Kysely<Database>): Promise<TableReport> {
  const tables: Record<string, number> = {};
  for (const name of await listTables(db)) {
    const result = await sql<{ count: number }>`select count(*)::int as count from ${sql.table(name)}`.execute(db);
    tables[name] = Number(result.rows[0].count);
  }
  return { tables };
}

/** Whether a database holds data: any audit entry, account, 镇区 or person (a migrated empty one does not). */
async function holdsData(db: Kysely<Database>): Promise<boolean> {
  const tables = new Set(await listTables(db));
  for (const table of ["audit_entries", "accounts", "towns", "persons"]) {
    if (!tables.has(table)) continue;
    const result = await sql<{ found: number }>`select 1 as found from ${sql.table(table)} limit 1`.execute(db);
    if (result.rows.length > 0) return true;
  }
  return false;
}

/** A refusal the CLI shows as is (exit 1), e.g. a non-empty target without --force. */
export class BackupError extends Error {}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === "ENOENT";
    throw new BackupError(
      missing
        ? `${command} not found: install PostgreSQL's client tools (same major version as the server or later)`
        : result.error.message,
    );
  }
  if (result.status !== 0) throw new BackupError(`${command} failed (exit ${result.status}): ${result.stderr.trim()}`);
}

/** Backs the database up to `out` (refuses to overwrite) and reports its tables' rows. */
export async function backupDatabase(options: ConnectionOptions, out: string): Promise<TableReport> {
  if (existsSync(out)) throw new BackupError(`${out} exists: choose a new file name`);
  mkdirSync(dirname(out), { recursive: true });
  const handle = await openDatabase(options);
  try {
    await migrate(handle.db);
    if (handle.kind === "pglite") {
      const report = await countTables(handle.db);
      const archive = await handle.dumpDataDir!();
      writeFileSync(`${out}.part`, Buffer.from(await archive.arrayBuffer()), { mode: 0o600 });
      renameSync(`${out}.part`, out);
      return report;
    }
    // pg_dump takes its own snapshot: counted inside one too, then dumped; rows written in between are in
    // the dump but not the report, so stop writers for an exact report (the dump is consistent either way).
    const report = await countTables(handle.db);
    run("pg_dump", ["--format=custom", "--no-owner", `--file=${out}`, options.url!]);
    return report;
  } finally {
    await handle.close();
  }
}

function fileStart(path: string, length: number): Buffer {
  const descriptor = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(length);
    const read = readSync(descriptor, buffer, 0, length, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Restores a backup into the configured database and reports its tables' rows (after applying any newer
 * migrations). Refuses a target that holds data unless `force`: a PGlite folder is then moved aside (never
 * deleted), a PostgreSQL database has the backup's objects dropped and recreated (`pg_restore --clean`).
 */
export async function restoreDatabase(
  options: ConnectionOptions,
  from: string,
  { force = false }: { force?: boolean } = {},
): Promise<TableReport & { movedAside?: string }> {
  if (!existsSync(from)) throw new BackupError(`${from}: no such file`);
  const start = fileStart(from, 5);
  const isPgDump = start.toString("latin1") === "PGDMP";
  const isGzip = start[0] === 0x1f && start[1] === 0x8b;
  if (!isPgDump && !isGzip) throw new BackupError(`${from} is neither a PGlite backup nor a pg_dump custom archive`);
  let movedAside: string | undefined;
  if (options.url) {
    if (!isPgDump) throw new BackupError(`${from} is a PGlite backup: restore it into a PGlite folder (GONGZHI_DATA)`);
    const target = await openDatabase(options);
    let tables: string[];
    try {
      if (!force && (await holdsData(target.db)))
        throw new BackupError(
          "the target database holds data: refusing to restore over it (use --force to replace it)",
        );
      tables = await listTables(target.db);
    } finally {
      await target.close();
    }
    const clean = tables.length > 0 ? ["--clean", "--if-exists"] : [];
    run("pg_restore", [
      "--no-owner",
      "--exit-on-error",
      "--single-transaction",
      ...clean,
      `--dbname=${options.url}`,
      from,
    ]);
  } else {
    if (!isGzip) throw new BackupError(`${from} is a pg_dump archive: restore it into PostgreSQL (DATABASE_URL)`);
    const folder = options.dataDir!;
    const occupied = existsSync(folder) && readdirSync(folder).some((name) => name !== lockFileName);
    if (occupied) {
      const existing = await openDatabase({ dataDir: folder });
      let data: boolean;
      try {
        data = await holdsData(existing.db);
      } finally {
        await existing.close();
      }
      if (data && !force)
        throw new BackupError(`${folder} holds data: refusing to restore over it (use --force to move it aside)`);
      movedAside = `${folder}.before-restore-${now().toISOString().replace(/[:.]/g, "-")}`;
      renameSync(folder, movedAside);
    }
    mkdirSync(folder, { recursive: true });
    const { PGlite } = await import("@electric-sql/pglite");
    const lite = await PGlite.create(folder, { loadDataDir: new Blob([readFileSync(from)]) });
    await lite.close();
    // The archive holds the lock file of the process that made it: not ours.
    rmSync(join(folder, lockFileName), { force: true });
  }
  const restored = await openDatabase(options);
  try {
    await migrate(restored.db);
    return { ...(await countTables(restored.db)), ...(movedAside ? { movedAside } : {}) };
  } finally {
    await restored.close();
  }
}
