import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type DatabaseHandle } from "../../src/db/connection";
import { migrate } from "../../src/db/migrate";

/** A migrated test database plus the way to drop it. */
export interface TestDatabase extends DatabaseHandle {
  /** The database name on PostgreSQL, or "memory" for PGlite. */
  name: string;
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite by default, or with DATABASE_URL a new
 * database `gz_test_<random>` on that server (dropped on close), so test files can run in parallel.
 */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  let handle: DatabaseHandle;
  let name = "memory";
  let drop = async () => {};
  if (serverUrl) {
    name = `gz_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    handle = await openDatabase({ url: url.toString() });
    drop = async () => {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    };
  } else {
    handle = await openDatabase({ dataDir: "memory://" });
  }
  if (options.migrated !== false) await migrate(handle.db);
  return {
    ...handle,
    name,
    close: async () => {
      await handle.close();
      await drop();
    },
  };
}
