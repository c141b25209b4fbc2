import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import pg from "pg";
import { Kysely, PostgresDialect } from "kysely";
import { lockDataFolder } from "./folder-lock";
import type { Database } from "./schema";

/** Which engine a connection talks to: embedded PGlite or a PostgreSQL server. */
export type DatabaseKind = "pglite" | "postgres";

/** An open database: the Kysely handle, its kind, and a close function that shuts it down cleanly. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  close: () => Promise<void>;
  /** PGlite only: the whole cluster as a tar archive (gzip), a consistent copy while no one else writes. */
  dumpDataDir?: () => Promise<Blob>;
}

/** Where to connect: a PostgreSQL URL, or a PGlite folder ("memory://" for an in-memory database). */
export interface ConnectionOptions {
  url?: string;
  dataDir?: string;
  /** PGlite only: start from this data folder archive (from `dumpDataDir`) instead of an empty cluster. */
  loadDataDir?: Blob;
}

let typesConfigured = false;

/** Makes pg return dates as ISO strings and 64-bit integers as numbers, for both engines alike. */
export function configurePgTypes(): void {
  if (typesConfigured) return;
  pg.types.setTypeParser(1082, (value: string) => value);
  pg.types.setTypeParser(20, (value: string) => Number(value));
  typesConfigured = true;
}

/** Reads the connection settings from the environment: DATABASE_URL, else GONGZHI_DATA, else ./data. */
export function connectionOptionsFromEnvironment(environment = process.env): ConnectionOptions {
  const url = environment.DATABASE_URL?.trim();
  if (url) return { url };
  return { dataDir: resolve(environment.GONGZHI_DATA?.trim() || "data") };
}

/**
 * DATABASE_READ_URL: a streaming replica of the PostgreSQL server at DATABASE_URL, for anonymous reads of the public
 * routes (src/platform/http/route.ts). Undefined when unset; an error when set without DATABASE_URL (PGlite has no
 * replicas).
 */
export function readReplicaUrlFromEnvironment(environment = process.env): string | undefined {
  const url = environment.DATABASE_READ_URL?.trim();
  if (!url) return undefined;
  if (!environment.DATABASE_URL?.trim())
    throw new Error("DATABASE_READ_URL is a replica of the server at DATABASE_URL: set DATABASE_URL too");
  return url;
}

/** A short description of where the data lives, for log lines (never includes a password). */
export function describeConnection(options: ConnectionOptions): string {
  if (options.url) {
    const parsed = new URL(options.url);
    return `PostgreSQL ${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
  }
  return `PGlite ${options.dataDir}`;
}

/** Opens a database: PostgreSQL when a URL is given, otherwise PGlite in a folder, both behind pg.Pool. */
export async function openDatabase(options: ConnectionOptions): Promise<DatabaseHandle> {
  configurePgTypes();
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10, connectionTimeoutMillis: 10_000 });
    // An idle connection the server closes (restart, failover) must not crash the process: the pool drops it
    // and opens a new one on the next request; requests meanwhile answer 503 (src/http/errors.ts).
    pool.on("error", () => {});
    // Likewise a connection that dies while checked out, before its query is sent: the query fails (503), the
    // process stays up (pg would otherwise raise the client's 'error' event with no listener).
    pool.on("connect", (client) => client.on("error", () => {}));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: "postgres", close: () => db.destroy() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { createPgConfig } = await import("@electric-sql/pglite/node-postgres");
  const dataDir = options.dataDir ?? "memory://";
  let release = () => {};
  if (!dataDir.startsWith("memory://")) {
    mkdirSync(dataDir, { recursive: true });
    release = lockDataFolder(dataDir);
  }
  let lite;
  try {
    lite = await PGlite.create(dataDir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  } catch (error) {
    release();
    throw error;
  }
  const pool = new pg.Pool(createPgConfig(lite) as unknown as pg.PoolConfig);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: "pglite",
    dumpDataDir: () => lite.dumpDataDir("gzip"),
    close: async () => {
      try {
        await db.destroy();
        await lite.close();
      } finally {
        release();
      }
    },
  };
}
