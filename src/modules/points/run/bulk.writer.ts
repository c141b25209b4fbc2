/**
 * Bulk writes for city-sized tables: rows go in as multi-row INSERTs, one statement per chunk, each column
 * passed as one array parameter and spread back into rows by `unnest` — a few dozen statements for a million
 * rows, inside the caller's transaction (an interrupted run still leaves nothing).
 */
import { sql } from "kysely";
import type { Executor } from "../../../db/transaction";

/** The PostgreSQL element types a bulk column may have (array parameters are cast to `<type>[]`). */
export type BulkType = "text" | "uuid" | "integer" | "smallint" | "double precision" | "boolean" | "timestamptz";

/** One column of a bulk insert: its name, its type, and the value of a row (null for SQL NULL). */
export interface BulkColumn {
  name: string;
  type: BulkType;
  value: (row: number) => string | number | boolean | null;
}

/** Rows per statement unless told otherwise: large enough to amortise the round trip, small enough for memory. */
export const BULK_CHUNK_ROWS = 25_000;

const NAME = /^[a-z_][a-z0-9_]*$/;

/** Inserts rows 0..count-1 into `table` in chunks with `insert … select * from unnest($1::t[], …)`; returns the rows written. */
export async function bulkInsert(executor: Executor, table: string, columns: readonly BulkColumn[], count: number, chunkRows = BULK_CHUNK_ROWS): Promise<number> {
  for (const name of [table, ...columns.map((column) => column.name)]) {
    if (!NAME.test(name)) throw new Error(`bulkInsert: "${name}" is not a plain SQL name`);
  }
  if (!Number.isInteger(chunkRows) || chunkRows <= 0) throw new Error("bulkInsert: chunkRows must be a positive integer");
  const names = sql.join(columns.map((column) => sql.id(column.name)));
  for (let start = 0; start < count; start += chunkRows) {
    const end = Math.min(count, start + chunkRows);
    const arrays = columns.map((column) => {
      const values = new Array<string | number | boolean | null>(end - start);
      for (let row = start; row < end; row++) values[row - start] = column.value(row);
      return sql`${values}::${sql.raw(column.type)}[]`;
    });
    await sql`insert into ${sql.table(table)} (${names}) select * from unnest(${sql.join(arrays)})`.execute(executor);
  }
  return count;
}
