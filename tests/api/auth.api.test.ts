import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { withClock } from "../../src/core/clock";
import { createTestApp, type TestApp } from "../helpers/app";
import type { TestDatabase } from "../helpers/database";
import { countAudit, signIn, testPassword } from "../helpers/fixtures";

let testApp: TestApp;
let database: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  testApp = await createTestApp();
  ({ app, database } = testApp);
});
afterAll(async () => {
  await testApp?.close();
});

describe("sessions", () => {
  it("answers health with a request id", async () => {
    const response = await app.inject({ method: "GET", url: "/api/health" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok" });
    expect(response.headers["x-request-id"]).toMatch(/[0-9a-f-]{36}/);
  });

  it("tells every answer the platform's today in Asia/Shanghai (the web app's forms date by it)", async () => {
    // 21:00 UTC on 6 December is already 7 December in Zhongshan.
    const late = await withClock(new Date("2026-12-06T21:00:00Z"), () =>
      app.inject({ method: "GET", url: "/api/v1/towns" }),
    );
    expect(late.headers["x-gongzhi-today"]).toBe("2026-12-07");
    const refused = await withClock(new Date("2027-02-08T03:00:00Z"), () =>
      app.inject({ method: "GET", url: "/api/v1/persons" }),
    );
    expect(refused.statusCode).toBe(401);
    expect(refused.headers["x-gongzhi-today"]).toBe("2027-02-08");
  });

  it("signs in with an httpOnly SameSite=Lax cookie and returns abilities and a CSRF token", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "clerk", password: testPassword },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((item) => item.name === "gz_session")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Lax");
    const body = response.json();
    expect(body.user.roles).toEqual([{ role: "clerk", townCode: "shiqi", departmentCode: null }]);
    expect(body.abilities["registry.search"]).toBe(true);
    expect(body.abilities["accounts.manage"]).toBe(false);
    expect(body.csrfToken.length).toBeGreaterThan(20);
  });

  it("answers 401 invalid_credentials alike for a wrong password and an unknown user", async () => {
    const wrong = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "auditor", password: "nope-nope-1" },
    });
    const unknown = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "nobody", password: "nope-nope-1" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe("invalid_credentials");
    expect(unknown.json().error).toEqual(wrong.json().error);
  });

  it("locks the account on the 6th failure within 15 minutes, even for the right password", async () => {
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const response = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: "policyofficer", password: "wrong-password-1" },
      });
      expect(response.statusCode).toBe(401);
    }
    const sixth = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "policyofficer", password: "wrong-password-1" },
    });
    expect(sixth.statusCode).toBe(423);
    expect(sixth.json().error.code).toBe("account_locked");
    const right = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "policyofficer", password: testPassword },
    });
    expect(right.statusCode).toBe(423);
    expect(await countAudit(database.db, "account.locked")).toBe(1);
  });

  it("returns me with the CSRF token and 401 when not signed in", async () => {
    const session = await signIn(app, "auditor");
    const me = await session.request("GET", "/api/v1/auth/me");
    expect(me.statusCode).toBe(200);
    expect(me.json().csrfToken).toBe(session.csrfToken);
    expect(me.json().abilities["audit.verify"]).toBe(true);
    const anonymous = await app.inject({ method: "GET", url: "/api/v1/auth/me" });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe("unauthenticated");
  });

  it("refuses a state-changing request without the right CSRF token with 403 csrf_required", async () => {
    const session = await signIn(app, "admin");
    const missing = await app.inject({
      method: "POST",
      url: "/api/v1/auth/logout",
      headers: { cookie: session.cookie },
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe("csrf_required");
    const wrong = await app.inject({
      method: "POST",
      url: "/api/v1/auth/logout",
      headers: { cookie: session.cookie, "x-csrf-token": "forged" },
    });
    expect(wrong.statusCode).toBe(403);
    const right = await session.request("POST", "/api/v1/auth/logout");
    expect(right.statusCode).toBe(200);
    const after = await session.request("GET", "/api/v1/auth/me");
    expect(after.statusCode).toBe(401);
  });

  it("serves a page telling to build the web app when web/dist is missing, and JSON 404 for unknown API paths", async () => {
    const page = await app.inject({ method: "GET", url: "/portal/anything" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("npm run build:web");
    const api = await app.inject({ method: "GET", url: "/api/v1/nothing-here" });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe("not_found");
  });

  it("sends security headers with a CSP that allows inline styles", async () => {
    const response = await app.inject({ method: "GET", url: "/api/health" });
    const csp = String(response.headers["content-security-policy"]);
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    // No inline or evaluated scripts, no plugins, no framing.
    const scripts = /script-src ([^;]*)/.exec(csp)?.[1];
    expect(scripts).toBe("'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("sends HSTS only over HTTPS and no-store on answers that may hold personal data", async () => {
    const plain = await app.inject({ method: "GET", url: "/api/health" });
    expect(plain.headers["strict-transport-security"]).toBeUndefined();
    const session = await signIn(app, "clerk");
    const person = await session.request("GET", `/api/v1/persons/${testApp.world.persons.shiqi}`);
    expect(person.statusCode).toBe(200);
    expect(person.headers["cache-control"]).toBe("no-store");
    const refused = await app.inject({ method: "GET", url: `/api/v1/persons/${testApp.world.persons.shiqi}` });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers["cache-control"]).toBe("no-store");

    const proxied = await createTestApp({ trustProxy: true });
    try {
      const secure = await proxied.app.inject({
        method: "GET",
        url: "/api/health",
        headers: { "x-forwarded-proto": "https" },
      });
      expect(secure.headers["strict-transport-security"]).toMatch(/^max-age=\d+/);
    } finally {
      await proxied.close();
    }
  });

  it("serves the OpenAPI description", async () => {
    const response = await app.inject({ method: "GET", url: "/api/docs/json" });
    expect(response.statusCode).toBe(200);
    expect(response.json().paths["/api/v1/persons"]).toBeDefined();
  });
});

describe("a password changed by an admin", () => {
  it("ends the user's other sessions; an admin changing their own keeps the session that made the change", async () => {
    const admin = await signIn(app, "admin");
    const phone = await signIn(app, "verifier");
    const laptop = await signIn(app, "verifier");
    expect((await phone.request("GET", "/api/v1/auth/me")).statusCode).toBe(200);
    const id = testApp.world.accounts.verifier;
    const account = (await admin.request("GET", "/api/v1/accounts"))
      .json()
      .items.find((item: { id: string }) => item.id === id);
    const changed = await admin.request("PATCH", `/api/v1/accounts/${id}`, {
      version: account.version,
      password: "New-Password-2026!",
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await phone.request("GET", "/api/v1/auth/me")).statusCode).toBe(401);
    expect((await laptop.request("GET", "/api/v1/auth/me")).statusCode).toBe(401);
    expect((await signIn(app, "verifier", "New-Password-2026!")).csrfToken).toBeTruthy();

    const otherAdminSession = await signIn(app, "admin");
    const self = (await admin.request("GET", "/api/v1/accounts"))
      .json()
      .items.find((item: { username: string }) => item.username === "admin");
    expect(
      (
        await admin.request("PATCH", `/api/v1/accounts/${self.id}`, {
          version: self.version,
          password: "Admin-Password-2026!",
        })
      ).statusCode,
    ).toBe(200);
    expect((await admin.request("GET", "/api/v1/auth/me")).statusCode).toBe(200);
    expect((await otherAdminSession.request("GET", "/api/v1/auth/me")).statusCode).toBe(401);
  });
});
