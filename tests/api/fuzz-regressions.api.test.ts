import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonDepth, maxJsonDepth } from "../../src/http/json-body";
import { createTestApp, type TestApp } from "../helpers/app";
import { signIn, testPassword, type Session } from "../helpers/fixtures";

// What the property-based fuzz test (fuzz.api.test.ts) found answering 500, each pinned here on its own.
let test: TestApp;
let clerk: Session;

beforeAll(async () => {
  test = await createTestApp();
  clerk = await signIn(test.app, "clerk");
});
afterAll(async () => test?.close());

const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

describe("bodies nested too deep", () => {
  it("counts nesting outside strings only", () => {
    expect(jsonDepth('{"a":[1,{"b":"[[[{{{"}]}')).toBe(3);
    expect(jsonDepth('"\\"[["')).toBe(0);
    expect(jsonDepth(nested(70))).toBe(70);
  });

  it.each([maxJsonDepth + 1, 100_000])("refuses a body nested %i deep with 400 body_too_deep", async (depth) => {
    const response = await test.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/json" },
      payload: `{"username":${nested(depth - 1)},"password":"x"}`,
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.code).toBe("body_too_deep");
  });

  it("still parses ordinary bodies and refuses prototype poisoning", async () => {
    const login = await test.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ username: "clerk", password: testPassword }),
    });
    expect(login.statusCode, login.body).toBe(200);
    const poisoned = await test.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/json" },
      payload: '{"username":"clerk","password":"x","__proto__":{"admin":true}}',
    });
    expect(poisoned.statusCode).toBe(400);
  });
});

describe("a target loaded from a malformed query", () => {
  it.each(["0.5", "not-a-uuid", "𠀀"])("answers 400, not 500, for ?personId=%s", async (personId) => {
    const response = await clerk.request("GET", `/api/v1/points/enrolments?personId=${encodeURIComponent(personId)}`);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.code).toBe("validation_failed");
  });
});

describe("a 低保 standard dated before the calendar begins", () => {
  it.each([
    [{ effectiveFrom: "0001-01-01", perCapitaConsumptionYuan: "3000" }, "effectiveFrom"],
    [{ effectiveFrom: "2026-01-01", perCapitaConsumptionYuan: "3000", simulateMonth: "1853-11" }, "simulateMonth"],
  ])("is refused with 400 naming the field: %j (the first was a 500)", async (body, field) => {
    const officer = await signIn(test.app, "policyofficer");
    const response = await officer.request("POST", "/api/v1/assistance/standards", body);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.code).toBe("date_too_early");
    expect(Object.keys(response.json().error.fields)).toEqual([field]);
  });
});
