/**
 * Sessions (issue 14, "Access"): a new session id at every sign-in (no fixation), idle and absolute expiry on the
 * session clock, sign-out everywhere, a password change — by the user or by an admin — ending the other
 * sessions, the slow-down after repeated failures, the security headers with a CSP without inline scripts, and
 * the Secure cookie behind an HTTPS proxy.
 */
import { readFileSync } from "node:fs";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sessionIdleMinutes, sessionLifetimeHours, setSessionClock } from "../../src/platform/accounts/sessions";
import { createTestApp, type TestApp } from "../helpers/app";
import { countAudit, signIn, testPassword } from "../helpers/fixtures";

let testApp: TestApp;
let app: FastifyInstance;

beforeAll(async () => {
  testApp = await createTestApp();
  ({ app } = testApp);
});
afterAll(async () => {
  await testApp?.close();
});
afterEach(() => setSessionClock());

function sessionCookieOf(response: LightMyRequestResponse) {
  return response.cookies.find((item) => item.name === "gz_session");
}

async function me(cookie: string) {
  return (await app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { cookie } })).statusCode;
}

/** A moving clock from a fixed start, moved on by hand. */
function movableClock(start: Date) {
  let offsetMs = 0;
  setSessionClock(() => new Date(start.getTime() + offsetMs));
  return { advanceMinutes: (minutes: number) => (offsetMs += minutes * 60_000) };
}

describe("session fixation", () => {
  it("gives a new session id at sign-in and ends the one the browser presented", async () => {
    const first = await signIn(app, "auditor");
    const again = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { cookie: first.cookie },
      payload: { username: "auditor", password: testPassword },
    });
    expect(again.statusCode).toBe(200);
    const renewed = `gz_session=${sessionCookieOf(again)!.value}`;
    expect(renewed).not.toBe(first.cookie);
    expect(await me(renewed)).toBe(200);
    // The id presented before sign-in (planted by someone else, or left over) is no longer a session.
    expect(await me(first.cookie)).toBe(401);
    // A made-up id presented at sign-in is never adopted.
    const planted = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { cookie: "gz_session=attacker-chosen-id" },
      payload: { username: "auditor", password: testPassword },
    });
    expect(sessionCookieOf(planted)!.value).not.toBe("attacker-chosen-id");
    expect(await me("gz_session=attacker-chosen-id")).toBe(401);
  });
});

describe("expiry on the session clock", () => {
  it("ends a session left idle longer than the idle limit, and keeps one in use", async () => {
    const clock = movableClock(new Date("2026-03-02T01:00:00Z"));
    const idle = await signIn(app, "auditor");
    const busy = await signIn(app, "auditor");
    for (let step = 0; step < 3; step += 1) {
      clock.advanceMinutes(sessionIdleMinutes - 5);
      expect(await me(busy.cookie)).toBe(200);
    }
    expect(await me(idle.cookie)).toBe(401);
    expect(await me(busy.cookie)).toBe(200);
  });

  it("ends every session at its absolute lifetime, however active", async () => {
    const clock = movableClock(new Date("2026-03-03T01:00:00Z"));
    const session = await signIn(app, "auditor");
    const steps = Math.ceil((sessionLifetimeHours * 60) / (sessionIdleMinutes - 5));
    let lastAnswer = 200;
    let minutes = 0;
    for (let step = 0; step < steps && lastAnswer === 200; step += 1) {
      clock.advanceMinutes(sessionIdleMinutes - 5);
      minutes += sessionIdleMinutes - 5;
      lastAnswer = await me(session.cookie);
    }
    expect(lastAnswer).toBe(401);
    expect(minutes).toBeGreaterThanOrEqual(sessionLifetimeHours * 60);
    expect(minutes).toBeLessThan(sessionLifetimeHours * 60 + sessionIdleMinutes);
  });
});

describe("sign out everywhere", () => {
  it("ends every session of the account, with an audit entry, and leaves other accounts signed in", async () => {
    const phone = await signIn(app, "policyofficer");
    const laptop = await signIn(app, "policyofficer");
    const other = await signIn(app, "auditor");
    const before = await countAudit(testApp.database.db, "session.logout_everywhere");
    const response = await laptop.request("POST", "/api/v1/auth/logout-everywhere", {});
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ ok: true, sessionsEnded: 2 });
    expect(await me(phone.cookie)).toBe(401);
    expect(await me(laptop.cookie)).toBe(401);
    expect(await me(other.cookie)).toBe(200);
    expect(await countAudit(testApp.database.db, "session.logout_everywhere")).toBe(before + 1);
  });

  it("needs the CSRF token like every other change", async () => {
    const session = await signIn(app, "policyofficer");
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/auth/logout-everywhere",
      headers: { cookie: session.cookie },
      payload: {},
    });
    expect(response.statusCode).toBe(403);
    expect(await me(session.cookie)).toBe(200);
  });
});

describe("changing one's own password", () => {
  it("needs the current password, keeps this session and ends the others", async () => {
    const here = await signIn(app, "programmeadmin");
    const elsewhere = await signIn(app, "programmeadmin");
    const wrong = await here.request("POST", "/api/v1/auth/password", {
      currentPassword: "not-the-password-1",
      newPassword: "Another-Password-2027",
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe("wrong_password");
    expect(wrong.json().error.fields.currentPassword).toBeTruthy();
    expect(await me(elsewhere.cookie)).toBe(200);
    const weak = await here.request("POST", "/api/v1/auth/password", {
      currentPassword: testPassword,
      newPassword: "short",
    });
    expect(weak.json().error.code).toBe("weak_password");

    const before = await countAudit(testApp.database.db, "account.password_changed");
    const changed = await here.request("POST", "/api/v1/auth/password", {
      currentPassword: testPassword,
      newPassword: "Another-Password-2027",
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toEqual({ ok: true, sessionsEnded: 1 });
    expect(await me(here.cookie)).toBe(200);
    expect(await me(elsewhere.cookie)).toBe(401);
    expect(await countAudit(testApp.database.db, "account.password_changed")).toBe(before + 1);
    await expect(signIn(app, "programmeadmin")).rejects.toThrow(/401/);
    expect((await signIn(app, "programmeadmin", "Another-Password-2027")).csrfToken).toBeTruthy();
  });
});

describe("a password changed by an admin", () => {
  it("ends every session of that user", async () => {
    const admin = await signIn(app, "admin");
    const user = await signIn(app, "clerkxiaolan");
    const account = (await admin.request("GET", "/api/v1/accounts"))
      .json()
      .items.find((item: { username: string }) => item.username === "clerkxiaolan");
    const changed = await admin.request("PATCH", `/api/v1/accounts/${account.id}`, {
      version: account.version,
      password: "Reset-By-Admin-2026",
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await me(user.cookie)).toBe(401);
    expect(await me(admin.cookie)).toBe(200);
  });
});

describe("repeated failed sign-ins", () => {
  it("slow the username down from that address (423 on the 6th), with no account-level lock left in the schema", async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const response = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        remoteAddress: "203.0.113.9",
        payload: { username: "verifier", password: "wrong-password-1" },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 423]);
    const columns = await testApp.database.db.introspection.getTables();
    const accounts = columns.find((table) => table.name === "accounts")!;
    expect(accounts.columns.map((column) => column.name)).not.toContain("locked_until");
    expect(accounts.columns.map((column) => column.name)).not.toContain("failure_count");
  });
});

describe("security headers", () => {
  it("sends a CSP without inline or evaluated scripts, and the web app's page has no inline script", async () => {
    const response = await app.inject({ method: "GET", url: "/api/health" });
    const csp = String(response.headers["content-security-policy"]);
    const scripts = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
    expect(scripts).toBe("'self'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline'[^;]*;?\s*script/);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(response.headers["referrer-policy"]).toBe("no-referrer");
    // The page the CSP must serve: every script is an external module file.
    const page = readFileSync(new URL("../../web/index.html", import.meta.url), "utf8");
    const scriptTags = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scriptTags.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scriptTags) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(body.trim()).toBe("");
    }
    expect(page).not.toMatch(/\son[a-z]+=/i);
  });
});

describe("cookies behind an HTTPS proxy", () => {
  it("marks the session cookie Secure when a trusted proxy says the request came over HTTPS, not otherwise", async () => {
    const proxied = await createTestApp({ trustProxy: true });
    try {
      const login = (headers: Record<string, string>) =>
        proxied.app.inject({
          method: "POST",
          url: "/api/v1/auth/login",
          headers,
          payload: { username: "auditor", password: testPassword },
        });
      const overHttps = sessionCookieOf(await login({ "x-forwarded-proto": "https" }))!;
      expect(overHttps.secure).toBe(true);
      expect(overHttps.httpOnly).toBe(true);
      const overHttp = sessionCookieOf(await login({}))!;
      expect(overHttp.secure).toBeFalsy();
    } finally {
      await proxied.close();
    }
    // Without trustProxy the header is not believed: a client cannot claim HTTPS.
    const direct = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "x-forwarded-proto": "https" },
      payload: { username: "auditor", password: testPassword },
    });
    expect(sessionCookieOf(direct)!.secure).toBeFalsy();
  });
});
