import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/http/app";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { seedTestWorld } from "../helpers/fixtures";

let database: TestDatabase;
let app: FastifyInstance;
const webDist = mkdtempSync(join(tmpdir(), "gongzhi-web-"));

beforeAll(async () => {
  mkdirSync(join(webDist, "assets"));
  writeFileSync(join(webDist, "index.html"), "<!doctype html><title>共治</title><div id=root></div>");
  writeFileSync(join(webDist, "assets", "app.js"), "console.log('app')");
  database = await createTestDatabase();
  await seedTestWorld(database.db);
  app = await buildApp({ db: database.db, webDist, loginRateLimitPerMinute: 3 });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  rmSync(webDist, { recursive: true, force: true });
});

describe("web app and limits", () => {
  it("serves the built files and falls back to index.html for client routes", async () => {
    const asset = await app.inject({ method: "GET", url: "/assets/app.js" });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toContain("console.log");
    const route = await app.inject({ method: "GET", url: "/console/persons/123" });
    expect(route.statusCode).toBe(200);
    expect(route.headers["content-type"]).toContain("text/html");
    expect(route.body).toContain("共治");
    const missingAsset = await app.inject({ method: "GET", url: "/assets/old-1234.js" });
    expect(missingAsset.statusCode).toBe(404);
    const root = await app.inject({ method: "GET", url: "/" });
    expect(root.body).toContain("共治");
  });

  it("keeps JSON 404s for /api paths", async () => {
    const response = await app.inject({ method: "GET", url: "/api/v1/unknown" });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("not_found");
  });

  it("rate-limits login attempts per client with 429", async () => {
    const statuses: number[] = [];
    let last = "";
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const response = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: "nobody", password: "x-123456789" },
      });
      statuses.push(response.statusCode);
      last = response.body;
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(JSON.parse(last).error.code).toBe("rate_limited");
  });
});
