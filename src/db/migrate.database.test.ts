import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/database";
import { listMigrations, migrate } from "./migrate";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ migrated: false });
});
afterAll(async () => {
  await database?.close();
});

describe("migrations", () => {
  it("are numbered SQL files in order", () => {
    const names = listMigrations().map((migration) => migration.name);
    expect(names.length).toBeGreaterThan(1);
    expect([...names].sort()).toEqual(names);
    expect(names[0]).toBe("0001_platform");
  });

  it("apply once and then are a no-op", async () => {
    const first = await migrate(database.db);
    expect(first).toEqual(listMigrations().map((migration) => migration.name));
    const second = await migrate(database.db);
    expect(second).toEqual([]);
    const recorded = await sql<{ name: string }>`select name from schema_migrations order by name`.execute(database.db);
    expect(recorded.rows.map((row) => row.name)).toEqual(first);
  });

  it("roll back a failing migration entirely and record nothing", async () => {
    const broken = [
      ...listMigrations(),
      { name: "9999_broken", text: "create table half_done (x int); select * from no_such_table;" },
    ];
    await expect(migrate(database.db, broken)).rejects.toThrow();
    const table = await sql<{ name: string | null }>`select to_regclass('half_done')::text as name`.execute(
      database.db,
    );
    expect(table.rows[0].name).toBeNull();
    expect(await migrate(database.db)).toEqual([]);
  });
});
