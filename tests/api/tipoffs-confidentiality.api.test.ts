/**
 * A confidential reporter's identity must not leak: after a named tip-off (with an Open311 report from the same
 * person too), every route of the route table — and the Open311 endpoints — is called as every demo account and
 * anonymously, with the tip's id in the path and searches for the reporter's name, phone and ID number; no answer
 * may contain any of them, except the handling department's officer reading that tip. Errors and audit views
 * are answers like any other.
 */
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateIdNumber } from "../../src/core/id-number";
import { demoAccounts, demoPassword } from "../../src/demo/accounts";
import { loadDemo } from "../../src/demo/load";
import { buildApp } from "../../src/http/app";
import { modules } from "../../src/http/modules";
import { routeTable } from "../../src/http/route-table";
import { demoOpen311Key } from "../../src/modules/tipoffs/seeds";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

const secret = { name: "欧阳保密", phone: "13687654321", idNumber: generateIdNumber("442000", "1979-05-05", 901) };
const email = "ouyang.secret@example.org";

let database: TestDatabase;
let app: FastifyInstance;
let tipId = "";
let open311Id = "";
const identities: { username: string; headers: Record<string, string> }[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemo(database.db, { modules, persons: 200 });
  app = await buildApp({ db: database.db, webDist: "/nonexistent", loginRateLimitPerMinute: 1000 });
  const clash = await sql<{
    n: number;
  }>`select count(*)::int as n from persons where name = ${secret.name} or phone = ${secret.phone} or id_number = ${secret.idNumber}`.execute(
    database.db,
  );
  expect(clash.rows[0].n, "the secret identity must not be a demo person").toBe(0);
  const filed = await app.inject({
    method: "POST",
    url: "/api/v1/tipoffs",
    payload: {
      categoryCode: "public_security",
      townCode: "shiqi",
      place: "石岐区保密测试点",
      description: "保密测试线索",
      anonymous: false,
      reporter: secret,
    },
  });
  expect(filed.statusCode, filed.body).toBe(201);
  const stored = await sql<{ id: string }>`select id from tipoffs where reference = ${filed.json().reference}`.execute(
    database.db,
  );
  tipId = stored.rows[0].id;
  const viaOpen311 = await app.inject({
    method: "POST",
    url: "/open311/v2/requests.json",
    payload: {
      api_key: demoOpen311Key,
      service_code: "street_light",
      address_string: "石岐区保密路口",
      "attribute[town]": "shiqi",
      description: "路灯不亮（保密测试）",
      first_name: "保密",
      last_name: secret.name,
      phone: secret.phone,
      email,
    },
  });
  if (viaOpen311.statusCode === 201) open311Id = viaOpen311.json()[0].service_request_id;
  identities.push({ username: "(anonymous)", headers: {} });
  for (const account of demoAccounts) {
    const login = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: account.username, password: demoPassword },
    });
    const cookie = login.cookies.find((item) => item.name === "gz_session")!.value;
    identities.push({
      username: account.username,
      headers: { cookie: `gz_session=${cookie}`, "x-csrf-token": login.json().csrfToken },
    });
  }
}, 240_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const paramValues: Record<string, () => string> = {
  code: () => "public_security",
  townCode: () => "shiqi",
  month: () => "1999-01",
  format: () => "csv",
  fact: () => "verified_tips_5y",
  personId: () => "00000000-0000-4000-8000-000000000000",
  photoId: () => "00000000-0000-4000-8000-000000000000",
};

/** Routes that show the reporter to the handling department's officer by design. */
const handlingRoutes = /^\/tipoffs\/:id(\/(take|messages|decision|reward))?$/;

describe("the reporter's identity", () => {
  it("never appears in any answer except the handling officer's view of the tip", async () => {
    const leaks: string[] = [];
    // (not the last four digits alone: registry searches by them rightly list other persons sharing them)
    const needles = [secret.name, secret.phone, secret.idNumber, email];
    // (not the sign-outs: they would end the session the later calls use)
    const entries = routeTable().filter(
      ({ route }) => !["/auth/logout", "/auth/logout-everywhere"].includes(route.url),
    );
    let calls = 0;
    for (const identity of identities) {
      for (const { route } of entries) {
        const path = route.url.replace(/:(\w+)/g, (_, name: string) =>
          encodeURIComponent(name === "id" ? tipId : (paramValues[name]?.() ?? "x")),
        );
        const queries: Record<string, string>[] = [{}];
        if (route.method === "GET") {
          queries.push(
            { q: secret.name },
            { q: secret.phone },
            { q: secret.idNumber },
            { q: secret.idNumber.slice(-4) },
          );
          if (route.url === "/audit") queries.push({ entityType: "tipoff", pageSize: "200" }, { entityId: tipId });
        }
        for (const query of queries) {
          const search = new URLSearchParams(query).toString();
          const response = await app.inject({
            method: route.method,
            url: `/api/v1${path}${search ? `?${search}` : ""}`,
            headers: identity.headers,
            ...(route.method === "GET" ? {} : { payload: {} }),
          });
          calls += 1;
          const allowed = identity.username === "verifier.publicsecurity" && handlingRoutes.test(route.url);
          if (allowed) continue;
          const body = response.rawPayload.toString("utf8");
          for (const needle of needles)
            if (body.includes(needle))
              leaks.push(`${route.method} ${route.url}?${search} as ${identity.username}: contains ${needle}`);
        }
      }
      for (const url of [
        "/open311/v2/requests.json",
        "/open311/v2/requests.xml",
        `/open311/v2/requests/${open311Id}.json`,
        `/open311/v2/requests/${open311Id}.xml`,
        `/open311/v2/requests.json?service_request_id=${open311Id}`,
      ]) {
        const body = (await app.inject({ method: "GET", url, headers: identity.headers })).body;
        calls += 1;
        for (const needle of needles) if (body.includes(needle)) leaks.push(`GET ${url}: contains ${needle}`);
      }
    }
    expect(leaks, leaks.join("\n")).toEqual([]);
    expect(calls).toBeGreaterThan(identities.length * entries.length);
  }, 600_000);

  it("is shown to the handling department's officer (so the test above is not vacuous)", async () => {
    const officer = identities.find((identity) => identity.username === "verifier.publicsecurity")!;
    // (the identity is for the officer who took the tip)
    const taken = await app.inject({ method: "POST", url: `/api/v1/tipoffs/${tipId}/take`, headers: officer.headers });
    expect(taken.statusCode, taken.body).toBe(200);
    const response = await app.inject({ method: "GET", url: `/api/v1/tipoffs/${tipId}`, headers: officer.headers });
    expect(response.statusCode).toBe(200);
    expect(response.json().reporter).toMatchObject({
      name: secret.name,
      phone: secret.phone,
      idNumber: secret.idNumber,
    });
    const stored = await sql<{
      name: string;
      email: string;
    }>`select name, email from tipoff_reporters where email = ${email}`.execute(database.db);
    expect(stored.rows, "the Open311 reporter is stored for staff").toHaveLength(1);
  });
});
