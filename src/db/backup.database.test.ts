import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql, type Kysely } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/database";
import { seedTestWorld } from "../../tests/helpers/fixtures";
import { pgliteTemplate } from "../../tests/helpers/template";
import { appendAudit } from "../platform/audit/audit.log";
import { verifyAuditChain } from "../platform/audit/audit.verify";
import { BackupError, backupDatabase, listTables, restoreDatabase } from "./backup";
import { openDatabase, type ConnectionOptions } from "./connection";
import { migrate } from "./migrate";
import type { Database } from "./schema";
import { inTransaction } from "./transaction";

// `gongzhi backup` / `gongzhi restore`: a copy restored into a new, empty store holds every table's rows exactly
// and its audit chain verifies. PGlite folders by default; pg_dump/pg_restore with DATABASE_URL.
const folder = mkdtempSync(join(tmpdir(), "gongzhi-backup-"));
const serverUrl = process.env.DATABASE_URL?.trim();
const opened: TestDatabase[] = [];
afterAll(async () => {
  for (const database of opened) await database.close();
  rmSync(folder, { recursive: true, force: true });
});

/** Every table's row count and a digest of its rows in a canonical order. */
async function contents(db: Kysely<Database>): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of await listTables(db)) {
    const row = await sql<{ count: number; digest: string }>`
      select count(*)::int as count, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as digest
      from ${sql.table(table)} t`.execute(db);
    result[table] = `${row.rows[0].count}:${row.rows[0].digest}`;
  }
  return result;
}

async function fill(db: Kysely<Database>): Promise<void> {
  await seedTestWorld(db);
  for (let index = 0; index < 3; index += 1)
    await inTransaction(db, (trx) =>
      appendAudit(trx, {
        actorId: null,
        actorUsername: "test",
        action: "test.write",
        entityType: "test",
        entityId: `${index}`,
      }),
    );
}

async function withDatabase<T>(options: ConnectionOptions, action: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const handle = await openDatabase(options);
  try {
    return await action(handle.db);
  } finally {
    await handle.close();
  }
}

async function expectSameCopy(source: ConnectionOptions, target: ConnectionOptions, backup: string) {
  const original = await withDatabase(source, contents);
  const restored = await restoreDatabase(target, backup);
  const [copy, chain] = await withDatabase(
    target,
    async (db) => [await contents(db), await verifyAuditChain(db)] as const,
  );
  expect(copy).toEqual(original);
  expect(restored.tables.persons).toBeGreaterThan(0);
  expect(restored.tables.audit_entries).toBeGreaterThanOrEqual(3);
  expect(chain).toMatchObject({ ok: true, keyed: true, checked: restored.tables.audit_entries });
  await expect(restoreDatabase(target, backup)).rejects.toThrow(BackupError);
  await expect(restoreDatabase(target, backup)).rejects.toThrow(/holds data: refusing/);
  return restored;
}

describe.skipIf(serverUrl)("backup and restore of a PGlite folder", () => {
  it("restores into an empty folder, compares every table, verifies the chain; refuses to overwrite unless forced", async () => {
    // The source folder starts as a copy of the run's migrated template (no initdb, no migrations).
    const source = { dataDir: join(folder, "source") };
    const template = pgliteTemplate();
    if (template) {
      const { PGlite } = await import("@electric-sql/pglite");
      await (await PGlite.create(source.dataDir, { loadDataDir: template })).close();
    }
    await withDatabase(source, async (db) => {
      await migrate(db);
      await fill(db);
    });
    const backup = join(folder, "gongzhi.backup");
    const cli = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "backup", "--out", backup], {
      env: { ...process.env, GONGZHI_DATA: source.dataDir, DATABASE_URL: "" },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(cli.status, cli.stderr).toBe(0);
    const printed = JSON.parse(cli.stdout.trim().split("\n").at(-1)!) as { tables: Record<string, number> };
    await expect(backupDatabase(source, backup)).rejects.toThrow(/exists/);

    const target = { dataDir: join(folder, "target") };
    const restored = await expectSameCopy(source, target, backup);
    expect(restored.tables).toEqual(printed.tables);
    const forced = await restoreDatabase(target, backup, { force: true });
    expect(forced.movedAside && existsSync(forced.movedAside)).toBe(true);
    expect(forced.tables).toEqual(printed.tables);
  });
});

describe.skipIf(!serverUrl)("backup and restore of a PostgreSQL database (pg_dump custom format)", () => {
  it("restores into an empty database, compares every table, verifies the chain; refuses a non-empty one", async () => {
    const urlOf = (name: string) => Object.assign(new URL(serverUrl!), { pathname: `/${name}` }).toString();
    const source = await createTestDatabase();
    const target = await createTestDatabase({ migrated: false });
    opened.push(source, target);
    await fill(source.db);
    const backup = join(folder, "gongzhi.dump");
    const report = await backupDatabase({ url: urlOf(source.name) }, backup);
    const restored = await expectSameCopy({ url: urlOf(source.name) }, { url: urlOf(target.name) }, backup);
    expect(restored.tables).toEqual(report.tables);
    expect((await restoreDatabase({ url: urlOf(target.name) }, backup, { force: true })).tables).toEqual(report.tables);
  });
});
