/**
 * Every table of the migrated schema is classified for distribution (src/db/distribution.ts), every distributed
 * table carries the region key with the NOT NULL promised, and on the demo data every child row carries its
 * parent's 镇区 (so it would sit on the parent's node). Runs on PGlite by default and on PostgreSQL with DATABASE_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/database";
import { loadDemo } from "../demo/load";
import { modules } from "../http/modules";
import { distributedTables, regionKey, tableDistribution } from "./distribution";
import { listMigrations, migrate } from "./migrate";

let database: TestDatabase;
/** Each table of the public schema with its region key column's nullability (null: no such column). */
let tables: Map<string, "YES" | "NO" | null>;

beforeAll(async () => {
  database = await createTestDatabase();
  const rows = await sql<{ table_name: string; is_nullable: "YES" | "NO" | null }>`
    select t.table_name, c.is_nullable
    from information_schema.tables t
    left join information_schema.columns c
      on c.table_schema = t.table_schema and c.table_name = t.table_name and c.column_name = ${regionKey}
    where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
    order by t.table_name`.execute(database.db);
  tables = new Map(rows.rows.map((row) => [row.table_name, row.is_nullable]));
  await loadDemo(database.db, { modules, persons: 600 });
});

afterAll(async () => {
  await database?.close();
});

describe("the distribution of every table", () => {
  it("classifies every table of the schema, and only those", () => {
    expect(tables.size).toBeGreaterThan(90);
    const unclassified = [...tables.keys()].filter((table) => !(table in tableDistribution));
    expect(unclassified, "tables missing from src/db/distribution.ts").toEqual([]);
    const gone = Object.keys(tableDistribution).filter((table) => !tables.has(table));
    expect(gone, "classified tables that the schema does not have").toEqual([]);
  });

  it("gives every distributed table the region key, NOT NULL unless a reason is written", () => {
    const wrong: string[] = [];
    for (const [table, rule] of distributedTables()) {
      const nullable = tables.get(table);
      if (nullable === null || nullable === undefined) wrong.push(`${table}: no ${regionKey} column`);
      else if (nullable === "YES" && !rule.nullable) wrong.push(`${table}: ${regionKey} is nullable`);
      else if (nullable === "NO" && rule.nullable) wrong.push(`${table}: ${regionKey} is NOT NULL, drop the reason`);
    }
    expect(wrong).toEqual([]);
  });

  it("writes a reason for every reference and local table", () => {
    for (const [table, rule] of Object.entries(tableDistribution))
      if (rule.kind !== "distributed") expect(rule.reason.trim().length, table).toBeGreaterThan(10);
  });

  it("has demo rows in the child tables that were given the key, each with its 镇区", async () => {
    for (const table of [
      "volunteer_signups",
      "volunteer_ledger",
      "points_score_history",
      "points_messages",
      "tipoff_events",
      "tipoff_reporters",
      "suggestion_supports",
      "consultation_comments",
    ]) {
      const counts = await sql<{ total: number; missing: number }>`select count(*)::int as total,
          count(*) filter (where town_code is null)::int as missing from ${sql.table(table)}`.execute(database.db);
      expect(counts.rows[0].total, `${table} has demo rows`).toBeGreaterThan(0);
      expect(counts.rows[0].missing, table).toBe(0);
    }
  });

  it("leaves no null key where NOT NULL is promised", async () => {
    for (const [table, rule] of distributedTables()) {
      if (rule.nullable) continue;
      const missing = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}
        where town_code is null`.execute(database.db);
      expect(missing.rows[0].n, table).toBe(0);
    }
  });

  it("puts every child row in its parent's 镇区", async () => {
    const strays: string[] = [];
    for (const [table, rule] of distributedTables()) {
      if (!rule.parent) continue;
      const found = await sql<{ n: number; total: number }>`select
          count(*) filter (where c.town_code is distinct from p.town_code)::int as n, count(*)::int as total
        from ${sql.table(table)} c join ${sql.table(rule.parent.table)} p on p.id = c.${sql.ref(rule.parent.column)}`.execute(
        database.db,
      );
      if (found.rows[0].n > 0) strays.push(`${table}: ${found.rows[0].n} of ${found.rows[0].total}`);
    }
    expect(strays).toEqual([]);
  });

  it("keys a comment by its community deliberation's 镇区, or by the commenter's for a city-wide consultation", async () => {
    const found = await sql<{ kind: string; n: number; strays: number }>`select c.kind, count(*)::int as n,
        count(*) filter (where k.town_code is distinct from coalesce(c.town_code, p.town_code))::int as strays
      from consultation_comments k join consultations c on c.id = k.consultation_id join persons p on p.id = k.person_id
      group by c.kind`.execute(database.db);
    expect(found.rows.find((row) => row.kind === "public")?.n).toBeGreaterThan(0);
    expect(found.rows.every((row) => row.strays === 0)).toBe(true);
  });

  it("fills the key from each parent when migration 0340 runs on existing data, and keeps the ledger append-only", async () => {
    const added = [
      "volunteer_signups",
      "volunteer_ledger",
      "points_score_history",
      "points_messages",
      "tipoff_events",
      "tipoff_reporters",
      "tipoff_photos",
      "suggestion_supports",
      "consultation_comments",
      "consultation_comment_supports",
    ];
    const keys = async () => {
      const rows: string[] = [];
      for (const table of added) {
        // a row is known by its other columns (the UPDATE moves it, so not by its place)
        const found = await sql<{ row: string; town_code: string }>`select (to_jsonb(t) - 'town_code')::text as row,
          town_code from ${sql.table(table)} t`.execute(database.db);
        rows.push(...found.rows.map((row) => `${table} ${row.row} → ${row.town_code}`));
      }
      return rows.sort();
    };
    const before = await keys();
    // Back to the schema before 0340 with the demo's rows in it, then 0340 again.
    for (const table of added) await sql`alter table ${sql.table(table)} drop column town_code`.execute(database.db);
    await sql`delete from schema_migrations where name = '0340_region_keys'`.execute(database.db);
    const applied = await migrate(
      database.db,
      listMigrations().filter((migration) => migration.name <= "0340_region_keys"),
    );
    expect(applied).toEqual(["0340_region_keys"]);
    expect(before.length).toBeGreaterThan(100);
    expect(await keys()).toEqual(before);
    await expect(sql`update volunteer_ledger set reason = 'x'`.execute(database.db)).rejects.toThrow(/append-only/);
  });
});
