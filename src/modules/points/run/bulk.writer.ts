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
const NEEDS_ESCAPE = /[\\"]/g;

/** One element of a PostgreSQL array literal: NULL, a bare number or boolean, or a double-quoted, escaped string. */
function element(value: string | number | boolean | null, column: BulkColumn): string {
  if (value === null) return "NULL";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`bulkInsert: ${column.name} has a non-finite number`);
    return String(value);
  }
  if (typeof value === "boolean") return value ? "t" : "f";
  return `"${value.replace(NEEDS_ESCAPE, "\\$&")}"`;
}

/** The rows start..end-1 of a column as one array literal, sent as a single text parameter. */
function arrayLiteral(column: BulkColumn, start: number, end: number): string {
  const parts = new Array<string>(end - start);
  for (let row = start; row < end; row++) parts[row - start] = element(column.value(row), column);
  return `{${parts.join(",")}}`;
}

/** Inserts rows 0..count-1 into `table` in chunks with `insert … select * from unnest($1::t[], …)`; returns the rows written. */
export async function bulkInsert(
  executor: Executor,
  table: string,
  columns: readonly BulkColumn[],
  count: number,
  chunkRows = BULK_CHUNK_ROWS,
): Promise<number> {
  for (const name of [table, ...columns.map((column) => column.name)]) {
    if (!NAME.test(name)) throw new Error(`bulkInsert: "${name}" is not a plain SQL name`);
  }
  if (!Number.isInteger(chunkRows) || chunkRows <= 0)
    throw new Error("bulkInsert: chunkRows must be a positive integer");
  const names = sql.join(columns.map((column) => sql.id(column.name)));
  const statement = (start: number) => {
    const end = Math.min(count, start + chunkRows);
    const arrays = columns.map((column) => sql`${arrayLiteral(column, start, end)}::${sql.raw(column.type)}[]`);
    return sql`insert into ${sql.table(table)} (${names}) select * from unnest(${sql.join(arrays)})`;
  };
  // While the server inserts one chunk, the next chunk's literals are built here (two cores at work, not one).
  let next = count > 0 ? statement(0) : null;
  for (let start = 0; next !== null; start += chunkRows) {
    const pending = next.execute(executor);
    pending.catch(() => {}); // awaited below; this only keeps a failure from being reported as unhandled meanwhile
    await new Promise((resolve) => setImmediate(resolve)); // let the driver send the statement before building the next
    next = start + chunkRows < count ? statement(start + chunkRows) : null;
    await pending;
  }
  return count;
}
