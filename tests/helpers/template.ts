import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { configurePgTypes, openDatabase } from "../../src/db/connection";
import { listMigrations, migrate } from "../../src/db/migrate";
import type { Database } from "../../src/db/schema";

/**
 * A migrated database made once per test run, which every test file copies instead of running initdb and all
 * migrations again: a PGlite data folder archive under tmp/, or a template database on the PostgreSQL server.
 * The name carries a hash of the migrations, so a changed migration makes a new template.
 */
const templateFolder = resolve("tmp/test-templates");

function migrationsHash(): string {
  const hash = createHash("sha256");
  for (const migration of listMigrations()) hash.update(migration.name).update("\0").update(migration.text);
  return hash.digest("hex").slice(0, 12);
}

function pgliteTemplatePath(): string {
  return join(templateFolder, `pglite-${migrationsHash()}.tar`);
}

/** The template database's name on a PostgreSQL server. */
export function postgresTemplateName(): string {
  return `gz_template_${migrationsHash()}`;
}

/** The archive of a migrated PGlite cluster, if this run made one. */
export function pgliteTemplate(): Blob | undefined {
  const path = pgliteTemplatePath();
  return existsSync(path) ? new Blob([readFileSync(path)]) : undefined;
}

/** Whether the PostgreSQL server at `serverUrl` holds this run's template database. */
export async function hasPostgresTemplate(admin: pg.Client): Promise<boolean> {
  const found = await admin.query("select 1 from pg_database where datname = $1", [postgresTemplateName()]);
  return (found.rowCount ?? 0) > 0;
}

/** Makes the template for this run's store if it is missing; drops templates of older migrations. */
export async function prepareTemplate(serverUrl = process.env.DATABASE_URL?.trim()): Promise<void> {
  if (serverUrl) {
    const name = postgresTemplateName();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      const stale = await admin.query<{ datname: string }>(
        "select datname from pg_database where datname like 'gz\\_template\\_%' and datname <> $1",
        [name],
      );
      for (const row of stale.rows) {
        await admin.query(`update pg_database set datistemplate = false where datname = $1`, [row.datname]);
        await admin.query(`drop database if exists ${row.datname} with (force)`);
      }
      if (await hasPostgresTemplate(admin)) return;
      const building = `${name}_building`;
      await admin.query(`drop database if exists ${building} with (force)`);
      await admin.query(`create database ${building}`);
      const url = new URL(serverUrl);
      url.pathname = `/${building}`;
      const handle = await openDatabase({ url: url.toString() });
      try {
        await migrate(handle.db);
      } finally {
        await handle.close();
      }
      await admin.query(`alter database ${building} rename to ${name}`);
      await admin.query(`update pg_database set datistemplate = true where datname = $1`, [name]);
    } finally {
      await admin.end();
    }
    return;
  }
  const path = pgliteTemplatePath();
  if (existsSync(path)) return;
  mkdirSync(templateFolder, { recursive: true });
  for (const file of readdirSync(templateFolder)) rmSync(join(templateFolder, file), { force: true });
  const { PGlite } = await import("@electric-sql/pglite");
  const { createPgConfig } = await import("@electric-sql/pglite/node-postgres");
  configurePgTypes();
  const lite = await PGlite.create("memory://");
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool(createPgConfig(lite) as unknown as pg.PoolConfig) }),
  });
  try {
    await migrate(db);
    await db.destroy();
    const archive = await lite.dumpDataDir("none");
    // Written under another name first, so a test file never reads a half-written archive.
    writeFileSync(`${path}.part`, Buffer.from(await archive.arrayBuffer()));
    renameSync(`${path}.part`, path);
  } finally {
    await lite.close();
  }
}
