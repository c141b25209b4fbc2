import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/http/app";
import { publicAnswerSecondsFrom } from "../../src/http/server";
import { resetClock, setClock } from "../../src/core/clock";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { seedTestWorld, signIn, type Session } from "../helpers/fixtures";

// Anonymous answers of public lists are kept in memory while nothing is committed (issue 14: a crowd reading the
// portal costs one query per list). What a reader relies on: a change committed through the API shows on the very
// next read, a signed-in caller always gets a fresh answer, errors are never kept.

let database: TestDatabase;
let app: FastifyInstance;
let admin: Session;

const settings = () => app.inject({ method: "GET", url: "/api/v1/suggestions/settings" });

beforeAll(async () => {
  setClock("2026-03-02");
  database = await createTestDatabase();
  await seedTestWorld(database.db);
  app = await buildApp({ db: database.db });
  admin = await signIn(app, "programmeadmin");
});

afterAll(async () => {
  resetClock();
  await app?.close();
  await database?.close();
});

describe("kept public answers", () => {
  it("answers a repeated anonymous read from memory, with the same body and headers", async () => {
    const first = await settings();
    expect(first.statusCode).toBe(200);
    expect(first.headers["x-cache"]).toBeUndefined();
    const second = await settings();
    expect(second.headers["x-cache"]).toBe("hit");
    expect(second.body).toBe(first.body);
    expect(second.headers["content-type"]).toBe(first.headers["content-type"]);
    expect(second.headers["cache-control"]).toBe("public, max-age=60");
    expect(second.headers["x-request-id"]).not.toBe(first.headers["x-request-id"]);
  });

  it("shows a committed change on the next read", async () => {
    await settings();
    const before = (await settings()).json();
    const changed = await admin.request("PUT", "/api/v1/suggestions/settings", {
      supportThreshold: before.supportThreshold + 7,
      answerWorkingDays: before.answerWorkingDays,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const after = await settings();
    expect(after.headers["x-cache"]).toBeUndefined();
    expect(after.json().supportThreshold).toBe(before.supportThreshold + 7);
  });

  it("keeps nothing for a refused change: the kept answer stays", async () => {
    await settings();
    const refused = await admin.request("PUT", "/api/v1/suggestions/settings", {
      supportThreshold: 0,
      answerWorkingDays: 5,
    });
    expect(refused.statusCode).toBe(400);
    expect((await settings()).headers["x-cache"]).toBe("hit");
  });

  it("never answers a signed-in caller from memory", async () => {
    await settings();
    const mine = await admin.request("GET", "/api/v1/suggestions/settings");
    expect(mine.statusCode).toBe(200);
    expect(mine.headers["x-cache"]).toBeUndefined();
    expect(mine.headers["cache-control"]).toBe("no-store");
  });

  it("computes again under another clock, and never keeps an error", async () => {
    await settings();
    setClock("2026-03-03");
    expect((await settings()).headers["x-cache"]).toBeUndefined();
    const missing = "/api/v1/suggestions/00000000-0000-4000-8000-000000000000";
    expect((await app.inject({ method: "GET", url: missing })).statusCode).toBe(404);
    const again = await app.inject({ method: "GET", url: missing });
    expect(again.statusCode).toBe(404);
    expect(again.headers["x-cache"]).toBeUndefined();
  });

  it("reads its length from GONGZHI_PUBLIC_ANSWER_SECONDS, refusing what is not 0–60 whole seconds", () => {
    expect(publicAnswerSecondsFrom(undefined)).toBeUndefined();
    expect(publicAnswerSecondsFrom("0")).toBe(0);
    expect(publicAnswerSecondsFrom("30")).toBe(30);
    for (const bad of ["-1", "61", "1.5", "five"])
      expect(() => publicAnswerSecondsFrom(bad)).toThrow(/GONGZHI_PUBLIC_ANSWER_SECONDS/);
  });

  it("can be switched off", async () => {
    const plain = await buildApp({ db: database.db, publicAnswerSeconds: 0 });
    try {
      await plain.inject({ method: "GET", url: "/api/v1/suggestions/settings" });
      const second = await plain.inject({ method: "GET", url: "/api/v1/suggestions/settings" });
      expect(second.headers["x-cache"]).toBeUndefined();
    } finally {
      await plain.close();
    }
  });
});
