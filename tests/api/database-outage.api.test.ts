import { createServer, connect, type Server, type Socket } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/http/app";
import { openDatabase, type DatabaseHandle } from "../../src/db/connection";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { seedTestWorld, signIn, type Session } from "../helpers/fixtures";

// The database going away (stopped, restarted, unreachable) answers 503 with Retry-After, never 500, and Gongzhi
// recovers by itself when it is back. PostgreSQL only (PGlite is in-process): the app reaches the server through
// a TCP relay this test can cut and restore.
const serverUrl = process.env.DATABASE_URL?.trim();

let database: TestDatabase;
let handle: DatabaseHandle;
let app: FastifyInstance;
let relay: Server | null = null;
let relayPort = 0;
const sockets = new Set<Socket>();
let clerk: Session;

async function relayUp(): Promise<void> {
  const target = new URL(serverUrl!);
  relay = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {});
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => relay!.listen(relayPort, "127.0.0.1", resolve));
  relayPort = (relay.address() as { port: number }).port;
}

async function relayDown(): Promise<void> {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => relay!.close(() => resolve()));
}

beforeAll(async () => {
  if (!serverUrl) return;
  database = await createTestDatabase();
  await seedTestWorld(database.db);
  await relayUp();
  const url = new URL(serverUrl);
  url.hostname = "127.0.0.1";
  url.port = String(relayPort);
  url.pathname = `/${database.name}`;
  handle = await openDatabase({ url: url.toString() });
  app = await buildApp({ db: handle.db, webDist: "/nonexistent" });
  clerk = await signIn(app, "clerk");
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
  if (relay?.listening) await relayDown();
  await database?.close();
});

describe.skipIf(!serverUrl)("the database going away", () => {
  it("answers 503 while it is gone (connections cut, then refused) and recovers when it is back", async () => {
    const list = () => clerk.request("GET", "/api/v1/persons?q=张三");
    expect((await list()).statusCode).toBe(200);

    await relayDown();
    for (const response of [await list(), await list(), await clerk.request("GET", "/api/v1/auth/me")]) {
      expect(response.statusCode, response.body).toBe(503);
      expect(response.headers["retry-after"]).toBe("5");
      expect(response.json().error.code).toBe("database_unavailable");
    }

    await relayUp();
    const back = await list();
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().total).toBeGreaterThan(0);
  });
});
