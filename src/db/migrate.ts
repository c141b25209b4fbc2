import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql, type Kysely } from "kysely";
import type { Database } from "./schema";

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), "migrations");
const lockKey = 72_011_304;

/** One SQL migration file: its name (`0001_platform`) and text. */
export interface Migration {
  name: string;
  text: string;
}

/** Lists the SQL migrations in name order (NNNN_name.sql). */
export function listMigrations(folder = migrationsFolder): Migration[] {
  return readdirSync(folder)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ name: file.replace(/\.sql$/, ""), text: readFileSync(join(folder, file), "utf8") }));
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction,
 * under an advisory lock so two processes starting together do not both apply them. Returns the names applied.
 */
export async function migrate(db: Kysely<Database>, migrations = listMigrations()): Promise<string[]> {
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${lockKey})`.execute(connection);
    try {
      await sql`create table if not exists schema_migrations (
        name text primary key, applied_at timestamptz not null default now())`.execute(connection);
      const done = await sql<{ name: string }>`select name from schema_migrations`.execute(connection);
      const applied = new Set(done.rows.map((row) => row.name));
      const names: string[] = [];
      for (const migration of migrations) {
        if (applied.has(migration.name)) continue;
        await connection.transaction().execute(async (trx) => {
          await sql.raw(migration.text).execute(trx);
          await sql`insert into schema_migrations (name) values (${migration.name})`.execute(trx);
        });
        names.push(migration.name);
      }
      return names;
    } finally {
      await sql`select pg_advisory_unlock(${lockKey})`.execute(connection);
    }
  });
}
