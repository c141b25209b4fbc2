import type { FastifyInstance } from "fastify";
import { buildApp, type AppOptions } from "../../src/http/app";
import { createTestDatabase, type TestDatabase } from "./database";
import { seedTestWorld, type TestWorld } from "./fixtures";

/** A test app on a fresh seeded database, with one close for both. */
export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  world: TestWorld;
  close: () => Promise<void>;
}

/** Builds the whole HTTP app on a fresh database seeded with the test world (call in beforeAll). */
export async function createTestApp(options: Partial<Omit<AppOptions, "db">> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const world = await seedTestWorld(database.db);
  const app = await buildApp({ db: database.db, webDist: "/nonexistent", ...options });
  return {
    app,
    database,
    world,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
