/**
 * Generated from the route table: every public (anonymous) route — under /api/v1, at the site root (/open-data) and
 * the Open311 reads — is rate-limited and answers with a Cache-Control header: `public, max-age=N` (and `Vary:
 * Cookie`) for a successful anonymous GET, `no-store` for everything else, and always `no-store` to a signed-in
 * caller. Past its limit a route answers 429 with the Chinese problem message. Reports, supports and comments are
 * limited per account and, over all accounts, per client address.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modules } from "../../src/http/modules";
import { routeTable } from "../../src/http/route-table";
import { inTransaction } from "../../src/db/transaction";
import { createAccount } from "../../src/platform/accounts/accounts.commands";
import {
  defaultPublicMaxAge,
  perAddressFactor,
  publicMaxAge,
  publicRateLimit,
  rateLimitOf,
} from "../../src/platform/http/public-routes";
import { publicPermission, type AnyRoute } from "../../src/platform/http/route";
import { createTestApp, type TestApp } from "../helpers/app";
import { signIn } from "../helpers/fixtures";

let test: TestApp;
let app: FastifyInstance;

beforeAll(async () => {
  test = await createTestApp();
  app = test.app;
}, 120_000);

afterAll(async () => test?.close());

const publicRoutes: { route: AnyRoute; prefix: string }[] = [
  ...routeTable().map((entry) => ({ route: entry.route, prefix: "/api/v1" })),
  ...modules.flatMap((module) => (module.rootRoutes ?? []).map((route) => ({ route, prefix: "" }))),
].filter(({ route }) => route.permission === publicPermission);

/** A URL of the route: towns and campaigns by a real-looking code, everything else by an unknown id. */
function concreteUrl({ route, prefix }: { route: AnyRoute; prefix: string }): string {
  const values: Record<string, string> = {
    code: "shiqi",
    format: "csv",
    file: "town-statistics.csv",
  };
  return `${prefix}${route.url.replace(/:(\w+)/g, (_, name: string) => values[name] ?? "00000000-0000-4000-8000-000000000000")}`;
}

/** Each request from its own address, so the routes' limits do not run into each other. */
let addresses = 0;
const nextAddress = () => `10.20.${Math.floor(++addresses / 250)}.${addresses % 250}`;

describe("every public route", () => {
  it("declares a rate limit, and every public GET how long its answer may be kept", () => {
    expect(publicRoutes.length).toBeGreaterThan(40);
    for (const { route } of publicRoutes) {
      const limit = rateLimitOf(route);
      expect(limit, `${route.method} ${route.url}`).toBeDefined();
      expect(limit!.max, `${route.method} ${route.url}`).toBeGreaterThan(0);
      if (route.method === "GET") expect(publicMaxAge(route), route.url).toBeGreaterThan(0);
      else expect(publicMaxAge(route), route.url).toBeNull();
    }
    // A signed-in route has no default limit (it is not the anonymous surface), and is never cached.
    const staff = routeTable().find((entry) => entry.route.url === "/insight/indicators")!.route;
    expect(rateLimitOf(staff)).toBeUndefined();
    expect(publicMaxAge(staff)).toBeNull();
  });

  it("answers with the rate-limit headers and Cache-Control, public only for a successful anonymous GET", async () => {
    const answered: string[] = [];
    for (const entry of publicRoutes) {
      const { route } = entry;
      const url = concreteUrl(entry);
      const response = await app.inject({
        method: route.method,
        url,
        remoteAddress: nextAddress(),
        ...(route.method === "GET" ? {} : { payload: {} }),
      });
      const where = `${route.method} ${url} → ${response.statusCode}`;
      expect(Number(response.headers["x-ratelimit-limit"]), where).toBe(rateLimitOf(route)!.max);
      const cacheControl = response.headers["cache-control"];
      if (route.method === "GET" && response.statusCode === 200) {
        expect(cacheControl, where).toBe(`public, max-age=${publicMaxAge(route)}`);
        expect(response.headers.vary, where).toContain("Cookie");
        answered.push(url);
      } else {
        expect(cacheControl, where).toBe("no-store");
      }
    }
    // Enough of them answered 200 for the public header to have been seen (lists, figures, catalogue, files).
    expect(answered).toEqual(
      expect.arrayContaining([
        "/api/v1/towns",
        "/api/v1/public/insight/indicators",
        "/api/v1/public/insight/indicators.xlsx",
        "/open-data/catalog.json",
        "/open-data/town-statistics.csv",
      ]),
    );
    expect(answered.length).toBeGreaterThan(20);
  }, 300_000);

  it("keeps the one-minute default for the dashboard and five minutes for open-data files", async () => {
    const dashboard = await app.inject({ method: "GET", url: "/api/v1/public/insight/indicators" });
    expect(dashboard.headers["cache-control"]).toBe(`public, max-age=${defaultPublicMaxAge}`);
    const file = await app.inject({ method: "GET", url: "/open-data/town-statistics.json" });
    expect(file.headers["cache-control"]).toBe("public, max-age=300");
  });

  it("answers a signed-in caller with no-store (the answer may hold the caller's own state)", async () => {
    const resident = await signIn(app, "programmeadmin");
    for (const url of ["/api/v1/towns", "/api/v1/suggestions", "/api/v1/public/insight/indicators"]) {
      const response = await resident.request("GET", url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers["cache-control"], url).toBe("no-store");
    }
  });

  it("lists 429 among the errors of every public operation in OpenAPI", async () => {
    const document = (await app.inject({ method: "GET", url: "/api/docs/json" })).json() as {
      paths: Record<string, Record<string, { description?: string; responses: Record<string, unknown> }>>;
    };
    const operations = Object.entries(document.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod)
        .filter(([, operation]) => operation.description?.endsWith("permission: public"))
        .map(([method, operation]) => ({ name: `${method} ${path}`, operation })),
    );
    expect(operations.length).toBeGreaterThan(40);
    expect(operations.filter(({ operation }) => !operation.responses["429"]).map(({ name }) => name)).toEqual([]);
  });

  it("rate-limits the Open311 reads like the API's", async () => {
    const response = await app.inject({
      method: "GET",
      url: "/open311/v2/services.json",
      remoteAddress: nextAddress(),
    });
    expect(Number(response.headers["x-ratelimit-limit"])).toBe(publicRateLimit.max);
  });
});

describe("past the limit", () => {
  it("answers 429 with the Chinese problem message, per client address, and not cached", async () => {
    const address = "10.99.0.1";
    for (let index = 0; index < publicRateLimit.max; index += 1) {
      const response = await app.inject({ method: "GET", url: "/api/v1/towns", remoteAddress: address });
      expect(response.statusCode).toBe(200);
    }
    const refused = await app.inject({ method: "GET", url: "/api/v1/towns", remoteAddress: address });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatchObject({
      code: "rate_limited",
      message: expect.stringMatching(/请求过于频繁/),
    });
    expect(refused.headers["retry-after"]).toBeDefined();
    expect(refused.headers["cache-control"]).toBe("no-store");
    // Another client is not held back by it.
    const other = await app.inject({ method: "GET", url: "/api/v1/towns", remoteAddress: "10.99.0.2" });
    expect(other.statusCode).toBe(200);
  });
});

describe("per account and per address", () => {
  const writes = [
    "POST /tipoffs",
    "POST /suggestions",
    "POST /suggestions/:id/supports",
    "POST /consultations/:id/comments",
    "POST /consultations/:id/comments/:commentId/supports",
  ];

  it("limits reports, supports and comments per client address as well, at ten accounts' worth", () => {
    for (const name of writes) {
      const entry = routeTable().find(({ route }) => `${route.method} ${route.url}` === name);
      expect(entry, name).toBeDefined();
      const limit = rateLimitOf(entry!.route)!;
      expect(limit.perAddress, name).toBe(limit.max * perAddressFactor);
    }
  });

  it("refuses the next account at an address whose accounts together reached the limit; another address goes on", async () => {
    const limit = rateLimitOf(
      routeTable().find(({ route }) => `${route.method} ${route.url}` === "POST /tipoffs")!.route,
    )!;
    const usernames = Array.from({ length: perAddressFactor + 1 }, (_, index) => `clerk.address${index}`);
    await inTransaction(test.database.db, async (trx) => {
      for (const username of usernames) {
        const created = await createAccount(
          trx,
          { actor: null, requestId: null },
          {
            username,
            displayName: username,
            password: "Test-Password-2026",
            roles: [{ role: "clerk", townCode: "shiqi" }],
          },
        );
        if (!created.ok) throw new Error(created.error.message);
      }
    });
    const sessions = await Promise.all(usernames.map((username) => signIn(app, username)));
    const report = (session: (typeof sessions)[number], remoteAddress: string) =>
      app.inject({
        method: "POST",
        url: "/api/v1/tipoffs",
        remoteAddress,
        headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken },
        payload: {},
      });
    // Ten accounts each use their own limit from one address: every report is answered (400, the body is empty).
    const statuses: number[] = [];
    for (const session of sessions.slice(0, perAddressFactor))
      for (let index = 0; index < limit.max; index += 1) statuses.push((await report(session, "10.77.0.1")).statusCode);
    expect(new Set(statuses)).toEqual(new Set([400]));
    // The eleventh account has its own limit left, but the address has none.
    const refused = await report(sessions[perAddressFactor], "10.77.0.1");
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.message).toContain("请求过于频繁");
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect((await report(sessions[perAddressFactor], "10.77.0.2")).statusCode).toBe(400);
  });
});
