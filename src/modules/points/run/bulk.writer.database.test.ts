import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../tests/helpers/database";
import { inTransaction } from "../../../db/transaction";
import { bulkInsert, type BulkColumn } from "./bulk.writer";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ migrated: false });
  await sql`create table bulk_probe (n integer primary key, label text, id uuid, small smallint, x double precision, flag boolean, at timestamptz)`.execute(
    database.db,
  );
});

afterAll(async () => {
  await database?.close();
});

// Strings the array literal must escape: quotes, backslashes, commas, braces, the word NULL, spaces, CJK, empty.
const AWKWARD = [
  '他说"好"',
  "back\\slash",
  "a,b",
  "{braces}",
  "NULL",
  "  padded  ",
  "石岐区",
  "",
  "new\nline",
  "'single'",
];

function label(n: number): string | null {
  return n % 11 === 0 ? null : `${AWKWARD[n % AWKWARD.length]}#${n}`;
}

const columns: BulkColumn[] = [
  { name: "n", type: "integer", value: (row) => row },
  { name: "label", type: "text", value: label },
  {
    name: "id",
    type: "uuid",
    value: (row) => (row % 7 === 0 ? null : `00000000-0000-4000-8000-${row.toString(16).padStart(12, "0")}`),
  },
  { name: "small", type: "smallint", value: (row) => (row % 3) - 1 },
  { name: "x", type: "double precision", value: (row) => (row % 5 === 0 ? null : row / 3 - 1234.5678) },
  { name: "flag", type: "boolean", value: (row) => row % 2 === 0 },
  { name: "at", type: "timestamptz", value: (row) => new Date(Date.UTC(2015, 2, 2, 1, 30) + row * 1001).toISOString() },
];

describe("bulkInsert", () => {
  it("writes a few thousand rows in chunks and reads every value back exactly", async () => {
    const count = 4321;
    const written = await inTransaction(database.db, (trx) => bulkInsert(trx, "bulk_probe", columns, count, 1000));
    expect(written).toBe(count);
    const rows = (
      await sql<{
        n: number;
        label: string | null;
        id: string | null;
        small: number;
        x: number | null;
        flag: boolean;
        at: Date;
      }>`select * from bulk_probe order by n`.execute(database.db)
    ).rows;
    expect(rows).toHaveLength(count);
    for (const row of rows) {
      const n = row.n;
      expect(row.label).toBe(label(n));
      expect(row.id).toBe(columns[2].value(n));
      expect(row.small).toBe((n % 3) - 1);
      expect(row.x).toBe(columns[4].value(n));
      expect(row.flag).toBe(n % 2 === 0);
      expect(new Date(row.at).toISOString()).toBe(columns[6].value(n));
    }
  });

  it("leaves nothing when a later chunk fails inside the transaction", async () => {
    const failing: BulkColumn[] = [{ name: "n", type: "integer", value: (row) => (row === 2500 ? 0 : 100_000 + row) }];
    await expect(
      inTransaction(database.db, (trx) => bulkInsert(trx, "bulk_probe", failing, 3000, 1000)),
    ).rejects.toThrow(/duplicate key/);
    const count = await sql<{ n: number }>`select count(*)::integer as n from bulk_probe where n >= 100000`.execute(
      database.db,
    );
    expect(count.rows[0].n).toBe(0);
  });

  it("refuses names that are not plain SQL names and a bad chunk size", async () => {
    await expect(bulkInsert(database.db, "bulk_probe; drop table x", columns, 1)).rejects.toThrow(/plain SQL name/);
    await expect(
      bulkInsert(database.db, "bulk_probe", [{ name: 'n"', type: "integer", value: () => 1 }], 1),
    ).rejects.toThrow(/plain SQL name/);
    await expect(bulkInsert(database.db, "bulk_probe", columns, 1, 0)).rejects.toThrow(/chunkRows/);
    await expect(
      bulkInsert(database.db, "bulk_probe", [{ name: "x", type: "double precision", value: () => Number.NaN }], 1),
    ).rejects.toThrow(/x has a non-finite/);
  });
});
