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

describe("login lockout", () => {
  it("answers 423 account_locked with lockedUntil (ISO time, 15 minutes ahead) on the locking failure and after", async () => {
    const login = (password: string) =>
      testApp.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: "verifier", password } });
    for (let attempt = 1; attempt <= 5; attempt += 1) expect((await login("wrong-password-1")).statusCode).toBe(401);
    const before = Date.now();
    const locking = await login("wrong-password-1");
    expect(locking.statusCode).toBe(423);
    const error = locking.json().error;
    expect(error.code).toBe("account_locked");
    expect(error.lockedUntil).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const minutesAhead = (Date.parse(error.lockedUntil) - before) / 60_000;
    expect(minutesAhead).toBeGreaterThan(14.9);
    expect(minutesAhead).toBeLessThan(15.1);

    const meanwhile = await login(testPassword);
    expect(meanwhile.statusCode).toBe(423);
    expect(meanwhile.json().error.lockedUntil).toBe(error.lockedUntil);
  });

  it("does not send lockedUntil on a plain wrong password", async () => {
    const wrong = await testApp.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "auditor", password: "wrong-password-1" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).not.toHaveProperty("lockedUntil");
  });
});
