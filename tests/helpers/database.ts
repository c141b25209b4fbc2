import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type DatabaseHandle } from "../../src/db/connection";
import { migrate } from "../../src/db/migrate";
import { hasPostgresTemplate, pgliteTemplate, postgresTemplateName } from "./template";

/** A migrated test database plus the way to drop it. */
export interface TestDatabase extends DatabaseHandle {
  /** The database name on PostgreSQL, or "memory" for PGlite. */
  name: string;
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite by default, or with DATABASE_URL a new
 * database `gz_test_<random>` on that server (dropped on close), so test files can run in parallel. A migrated
 * database is a copy of the run's template (tests/helpers/template.ts, made by the global setup) when there is one.
 */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  let handle: DatabaseHandle;
  let name = "memory";
  let drop = async () => {};
  let ready = options.migrated === false; // an empty database was asked for, or a copy of the template is made
  if (serverUrl) {
    name = `gz_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    if (!ready && (await hasPostgresTemplate(admin))) {
      await admin.query(`create database ${name} template ${postgresTemplateName()}`);
      ready = true;
    } else {
      await admin.query(`create database ${name}`);
    }
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
    const template = ready ? undefined : pgliteTemplate();
    handle = await openDatabase({ dataDir: "memory://", loadDataDir: template });
    ready ||= template !== undefined;
  }
  if (!ready) await migrate(handle.db);
  return {
    ...handle,
    name,
    close: async () => {
      await handle.close();
      await drop();
    },
  };
}
