import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Fastify, { type FastifyInstance } from "fastify";
import { installWebApp } from "./web";

const webDist = join(mkdtempSync(join(tmpdir(), "gongzhi-rebuild-")), "dist");
let app: FastifyInstance;

beforeAll(async () => {
  app = Fastify();
  app.get("/api/v1/known", async () => ({ known: true }));
  await installWebApp(app, webDist);
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  rmSync(join(webDist, ".."), { recursive: true, force: true });
});

describe("web app served from a folder that changes while the server runs", () => {
  it("shows the build hint before the first build, then the app once it is built, without a restart", async () => {
    const before = await app.inject({ method: "GET", url: "/console" });
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain("npm run build:web");

    mkdirSync(join(webDist, "assets"), { recursive: true });
    writeFileSync(join(webDist, "index.html"), "<!doctype html><title>first build</title>");
    writeFileSync(join(webDist, "assets", "index-aaaa.js"), "console.log('first')");
    const route = await app.inject({ method: "GET", url: "/console/registry" });
    expect(route.body).toContain("first build");
    expect((await app.inject({ method: "GET", url: "/assets/index-aaaa.js" })).body).toContain("first");
  });

  it("serves the new files of a rebuild and answers 404 for an unknown asset, JSON 404 for an unknown /api path", async () => {
    writeFileSync(join(webDist, "index.html"), "<!doctype html><title>second build</title>");
    writeFileSync(join(webDist, "assets", "index-bbbb.js"), "console.log('second')");
    const asset = await app.inject({ method: "GET", url: "/assets/index-bbbb.js" });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toContain("second");
    expect((await app.inject({ method: "GET", url: "/" })).body).toContain("second build");
    expect((await app.inject({ method: "GET", url: "/console/accounts" })).body).toContain("second build");

    const unknownAsset = await app.inject({ method: "GET", url: "/assets/index-cccc.js" });
    expect(unknownAsset.statusCode).toBe(404);
    expect(unknownAsset.body).not.toContain("second build");
    const unknownApi = await app.inject({ method: "GET", url: "/api/v1/unknown" });
    expect(unknownApi.statusCode).toBe(404);
    expect(unknownApi.json().error.code).toBe("not_found");
    expect((await app.inject({ method: "GET", url: "/api/v1/known" })).json()).toEqual({ known: true });
  });
});
