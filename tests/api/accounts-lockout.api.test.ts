import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app";
import { testPassword } from "../helpers/fixtures";

let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(async () => {
  await testApp?.close();
});

/** Signs in as `username` from the client address `address`. */
function login(username: string, password: string, address = "203.0.113.7") {
  return testApp.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    remoteAddress: address,
    payload: { username, password },
  });
}

describe("login slow-down: per username and address, the same for real and unknown accounts", () => {
  it("answers 423 with lockedUntil (15 minutes ahead) on the 6th failure and after, even with the right password", async () => {
    for (let attempt = 1; attempt <= 5; attempt += 1)
      expect((await login("verifier", "wrong-password-1")).statusCode).toBe(401);
    const before = Date.now();
    const blocking = await login("verifier", "wrong-password-1");
    expect(blocking.statusCode).toBe(423);
    const error = blocking.json().error;
    expect(error.code).toBe("account_locked");
    expect(error.lockedUntil).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const minutesAhead = (Date.parse(error.lockedUntil) - before) / 60_000;
    expect(minutesAhead).toBeGreaterThan(14.9);
    expect(minutesAhead).toBeLessThan(15.1);

    const meanwhile = await login("verifier", testPassword);
    expect(meanwhile.statusCode).toBe(423);
    expect(meanwhile.json().error.lockedUntil).toBe(error.lockedUntil);
  });

  it("lets the account's owner sign in from another address while one address is blocked", async () => {
    for (let attempt = 1; attempt <= 6; attempt += 1) await login("auditor", "wrong-password-1", "198.51.100.9");
    expect((await login("auditor", testPassword, "198.51.100.9")).statusCode).toBe(423);
    expect((await login("auditor", testPassword, "192.0.2.44")).statusCode).toBe(200);
  });

  it("gives an unknown username the same answers as a real one: 401 five times, then 423", async () => {
    const answers = async (username: string) => {
      const statuses: number[] = [];
      const codes: string[] = [];
      for (let attempt = 1; attempt <= 7; attempt += 1) {
        const response = await login(username, "wrong-password-1", "198.51.100.20");
        statuses.push(response.statusCode);
        codes.push(response.json().error.code);
      }
      return { statuses, codes };
    };
    const real = await answers("clerk");
    const unknown = await answers("nobody-by-this-name");
    expect(real.statuses).toEqual([401, 401, 401, 401, 401, 423, 423]);
    expect(unknown).toEqual(real);
  });

  it("does not send lockedUntil on a plain wrong password", async () => {
    const wrong = await login("programmeadmin", "wrong-password-1", "192.0.2.99");
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).not.toHaveProperty("lockedUntil");
  });
});
