/**
 * Generated from the route table: every state-changing route refuses a signed-in caller without the session's
 * CSRF token, or with a wrong one (403 csrf_required, before anything runs); and every operation of the OpenAPI
 * document has a 2xx response schema, the one problem shape for its errors, and a Chinese and English description.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routeTable } from "../../src/http/route-table";
import { isStateChanging, publicPermission, type AnyRoute } from "../../src/platform/http/route";
import { problemStatuses } from "../../src/platform/problems";
import { createTestApp, type TestApp } from "../helpers/app";

/** An error answer in the OpenAPI document, as far as the code's schema. */
type ProblemResponse = {
  content?: Record<string, { schema?: { properties?: { error?: { properties?: { code?: { enum?: string[] } } } } } }>;
};
import { countAudit, signIn, type Session } from "../helpers/fixtures";

let testApp: TestApp;
let app: FastifyInstance;
let session: Session;
const entries = routeTable();

beforeAll(async () => {
  testApp = await createTestApp();
  app = testApp.app;
  session = await signIn(app, "programmeadmin");
}, 120_000);

afterAll(async () => testApp?.close());

function concreteUrl(route: AnyRoute): string {
  const values: Record<string, string> = { code: "shiqi", month: "2026-01", format: "xlsx", fact: "education" };
  return `/api/v1${route.url.replace(/:(\w+)/g, (_, name: string) => values[name] ?? "00000000-0000-4000-8000-000000000000")}`;
}

describe("CSRF: every state-changing route", () => {
  const changing = entries.filter(({ route }) => isStateChanging(route));

  it("declares only sign-in as exempt", () => {
    expect(changing.filter(({ route }) => route.csrfExempt).map(({ route }) => route.url)).toEqual(["/auth/login"]);
    expect(changing.length).toBeGreaterThan(40);
  });

  it("refuses a missing or wrong x-csrf-token with 403 csrf_required, writing nothing", async () => {
    const before = await countAudit(testApp.database.db);
    const failures: string[] = [];
    for (const { route } of changing.filter((entry) => !entry.route.csrfExempt)) {
      for (const token of [undefined, "wrong-token"]) {
        const response = await app.inject({
          method: route.method,
          url: concreteUrl(route),
          headers: { cookie: session.cookie, ...(token ? { "x-csrf-token": token } : {}) },
          payload: {},
        });
        if (response.statusCode !== 403 || response.json().error?.code !== "csrf_required") {
          failures.push(
            `${route.method} ${route.url} with ${token ?? "no"} token: ${response.statusCode} ${response.body.slice(0, 120)}`,
          );
        }
      }
    }
    expect(failures, failures.join("\n")).toEqual([]);
    expect(await countAudit(testApp.database.db)).toBe(before);
  });
});

describe("OpenAPI: /api/docs/json", () => {
  it("has a 2xx response schema, problem-shaped errors and a zh/en description on every operation", async () => {
    const document = (await app.inject({ method: "GET", url: "/api/docs/json" })).json() as {
      paths: Record<
        string,
        Record<
          string,
          {
            summary?: string;
            description?: string;
            responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
          }
        >
      >;
    };
    const failures: string[] = [];
    let operations = 0;
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        operations += 1;
        const name = `${method.toUpperCase()} ${path}`;
        const success = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
        if (success.length === 0) failures.push(`${name}: no 2xx response`);
        for (const [status, response] of success) {
          const schemas = Object.values(response.content ?? {}).map((content) => content.schema);
          if (schemas.length === 0 || schemas.some((schema) => !schema || Object.keys(schema).length === 0))
            failures.push(`${name}: ${status} has no schema`);
        }
        if (path === "/api/health") continue;
        for (const status of ["400", "4XX"]) {
          const problem = operation.responses[status]?.content?.["application/json"]?.schema as
            { properties?: { error?: { properties?: Record<string, unknown> } } } | undefined;
          const fields = Object.keys(problem?.properties?.error?.properties ?? {});
          if (!["code", "message", "fields"].every((field) => fields.includes(field)))
            failures.push(`${name}: ${status} is not the problem shape { error: { code, message, fields } }`);
        }
        if (!operation.summary || !/[\u4e00-\u9fff]/.test(operation.description ?? ""))
          failures.push(`${name}: no Chinese and English description`);
      }
    }
    expect(failures, failures.join("\n")).toEqual([]);
    expect(operations).toBeGreaterThanOrEqual(entries.length);
  });

  it("types the error code of every status but 400: exactly the problem codes listed with that status", async () => {
    const document = (await app.inject({ method: "GET", url: "/api/docs/json" })).json() as {
      paths: Record<string, Record<string, { responses: Record<string, ProblemResponse> }>>;
    };
    const seen = new Set<string>();
    for (const [path, methods] of Object.entries(document.paths)) {
      if (path === "/api/health") continue;
      for (const [method, operation] of Object.entries(methods)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          if (!/^4\d\d$/.test(status) || status === "400") continue;
          const code = response.content?.["application/json"]?.schema?.properties?.error?.properties?.code;
          const listed = Object.entries(problemStatuses)
            .filter(([, listedStatus]) => String(listedStatus) === status)
            .map(([name]) => name);
          expect(code?.enum, `${method.toUpperCase()} ${path} ${status}`).toEqual(listed);
          seen.add(status);
        }
      }
    }
    expect([...seen].sort()).toEqual(expect.arrayContaining(["401", "403", "404", "409"]));
  });

  it("documents 401 and 403 for every route with a permission, and 404 for every route with a target", async () => {
    const document = (await app.inject({ method: "GET", url: "/api/docs/json" })).json() as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    for (const { route } of entries) {
      const responses =
        document.paths[`/api/v1${route.url.replace(/:(\w+)/g, "{$1}")}`][route.method.toLowerCase()].responses;
      if (route.permission !== publicPermission)
        expect(Object.keys(responses), route.url).toEqual(expect.arrayContaining(["401", "403"]));
      if (route.target) expect(Object.keys(responses), route.url).toContain("404");
    }
  });
});
