/**
 * Object-level access, generated from the route table (issue 14, "Access"): for every route that names a record
 * in its path (or has a target), every caller whose role holds the route's permission tries ids it should not
 * reach — a guessed id (random UUID or unknown code), the id of a record of another kind, real ids incremented,
 * real records of another 镇区, department, household or resident (out of the caller's scope) and malformed ids.
 * The answer is always the same "not found": 404 with one body, byte for byte, never a 403 that tells the record
 * exists and never a 5xx. Malformed ids may also be refused as malformed (400), never otherwise.
 */
import { randomUUID } from "node:crypto";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoAccounts, demoPassword } from "../../src/demo/accounts";
import { loadDemo } from "../../src/demo/load";
import { buildApp } from "../../src/http/app";
import { modules } from "../../src/http/modules";
import { allPermissions, routeTable } from "../../src/http/route-table";
import { loadActor } from "../../src/platform/accounts/accounts.repository";
import { allows } from "../../src/platform/access/permissions";
import { publicPermission, type AnyRoute } from "../../src/platform/http/route";
import type { Actor } from "../../src/platform/roles";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { candidates, missing, refusedByRule, url, type RecordInput } from "../helpers/route-fixtures";

/** The one body of "not found" (src/platform/http/request-context.ts, sendNotFound). */
const notFoundBody = JSON.stringify({
  error: { code: "not_found", message: "记录不存在或无权访问 (not found)", fields: {} },
});

/** Path parameters that name a record, and a guessed value of each that names none. */
const guessed: Record<string, () => string> = {
  id: () => randomUUID(),
  personId: () => randomUUID(),
  photoId: () => randomUUID(),
  commentId: () => randomUUID(),
  accountId: () => randomUUID(),
  code: () => "no_such_code",
  month: () => "1999-01",
  townCode: () => "no_such_town",
};
const uuidParams = new Set(["id", "personId", "photoId", "commentId", "accountId"]);

/** Malformed values of an id: a short number, a word, a broken UUID, a NUL, a path, an overlong string. */
const malformed = ["1", "abc", "00000000-0000-0000-0000-00000000000g", "%00", "..%2F..%2Fetc", "9".repeat(90)];

/** The same UUID with its last hex digit moved on: the "next" id an attacker tries. */
function incremented(id: string): string {
  const last = parseInt(id.slice(-1), 16);
  return id.slice(0, -1) + ((last + 1) % 16).toString(16);
}

interface Identity {
  username: string;
  actor: Actor;
  headers: Record<string, string>;
}

let database: TestDatabase;
let app: FastifyInstance;
const identities: Identity[] = [];
// Sign-out would end the sessions the other rows use.
const entries = routeTable().filter(
  ({ route }) => route.url !== "/auth/logout" && (route.url.includes(":") || route.target !== undefined),
);
const permissions = allPermissions();

beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemo(database.db, { modules, persons: 400 });
  app = await buildApp({ db: database.db, webDist: "/nonexistent", loginRateLimitPerMinute: 10_000 });
  // One account per role, plus a second vendor and reviewer: another social organisation's records.
  for (const username of [...demoAccounts.map((account) => account.username), "vendor.kangning", "reviewer.li"]) {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username, password: demoPassword },
    });
    expect(response.statusCode, response.body).toBe(200);
    const cookie = response.cookies.find((item) => item.name === "gz_session")!.value;
    const { user, csrfToken } = response.json() as { user: { id: string }; csrfToken: string };
    identities.push({
      username,
      actor: (await loadActor(database.db, user.id))!,
      headers: { cookie: `gz_session=${cookie}`, "x-csrf-token": csrfToken },
    });
  }
  // Enrolments and facts in two 镇区 (the demo seeds none), so they have in- and out-of-scope records.
  for (const town of ["shiqi", "xiaolan"]) {
    const clerk = identities.find((identity) => identity.username === `clerk.${town}`)!;
    const migrants = await sql<{
      id: string;
    }>`select id from persons where town_code = ${town} and hukou_type = 'migrant' order by id limit 5`.execute(
      database.db,
    );
    for (const { id } of migrants.rows) {
      const enrolled = await app.inject({
        method: "POST",
        url: "/api/v1/points/enrolments",
        headers: clerk.headers,
        payload: { personId: id, residencePermitNumber: "GD4420123456", workStartedOn: "2010-01-01" },
      });
      if (enrolled.statusCode !== 201) continue;
      await app.inject({
        method: "PUT",
        url: `/api/v1/points/enrolments/${enrolled.json().id}/facts/education`,
        headers: clerk.headers,
        payload: { value: "college" },
      });
      break;
    }
  }
}, 240_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe("object-level access: ids a caller should not reach are all the same 404", () => {
  it("answers guessed, other-kind, incremented, out-of-scope and malformed ids with one not-found", async () => {
    const failures: string[] = [];
    let probes = 0;
    let outOfScopeProbes = 0;
    const anotherKindId = (
      await sql<{ id: string }>`select id from audit_entries order by position desc limit 1`.execute(database.db)
    ).rows[0]?.id;
    const call = (identity: Identity | null, route: AnyRoute, input: RecordInput): Promise<LightMyRequestResponse> => {
      probes += 1;
      return app.inject({
        method: route.method,
        url: url(route, input),
        headers: identity?.headers ?? {},
        ...(route.method === "GET" ? {} : { payload: {} }),
      });
    };
    const expectNotFound = (label: string, response: LightMyRequestResponse, route: AnyRoute) => {
      // A body refused as malformed before any record is read (the same for every id) tells nothing either.
      if (route.body && response.statusCode === 400 && response.json().error.code === "validation_failed") return;
      if (response.statusCode !== 404 || response.body !== notFoundBody)
        failures.push(`${label}: expected the one 404, got ${response.statusCode} ${response.body.slice(0, 200)}`);
    };
    const expectRefused = (label: string, response: LightMyRequestResponse) => {
      if (response.statusCode === 404 && response.body !== notFoundBody)
        failures.push(`${label}: a 404 with another body: ${response.body.slice(0, 200)}`);
      else if (![400, 404].includes(response.statusCode))
        failures.push(
          `${label}: expected 400 or the one 404, got ${response.statusCode} ${response.body.slice(0, 200)}`,
        );
    };
    const records = new Map<string, RecordInput[]>();

    for (const { module, route } of entries) {
      const permission = route.permission === publicPermission ? null : permissions[route.permission];
      const resource = route.target?.resource as string | undefined;
      if (resource && !records.has(resource)) records.set(resource, await candidates[resource](database.db));
      const pathParams = [...route.url.matchAll(/:(\w+)/g)].map((match) => match[1]);
      const idParams = pathParams.filter((name) => guessed[name] !== undefined);
      // Anonymous routes: anonymous, a resident and two staff callers are enough.
      const callers: (Identity | null)[] =
        permission === null
          ? [
              null,
              ...identities.filter((identity) =>
                ["resident", "clerk.shiqi", "programme.admin"].includes(identity.username),
              ),
            ]
          : identities.filter(
              (identity) =>
                allows(permission, identity.actor) && !refusedByRule[route.permission]?.includes(identity.username),
            );
      for (const identity of callers) {
        const who = identity?.username ?? "(anonymous)";
        const label = `${module} ${route.method} ${route.url} as ${who}`;
        // Records of the target kind, split by what this caller may reach.
        const inScope: RecordInput[] = [];
        const outOfScope: RecordInput[] = [];
        for (const candidate of resource ? records.get(resource)! : []) {
          const target = await route.target!.load(database.db, {
            params: { ...candidate.params },
            query: { ...candidate.query },
            actor: identity?.actor ?? null,
          });
          if (!target) continue;
          if (!route.target!.inScope || route.target!.inScope(identity?.actor ?? null, target)) inScope.push(candidate);
          else outOfScope.push(candidate);
        }
        const base = inScope[0] ?? {};

        if (resource) expectNotFound(`${label}, missing record`, await call(identity, route, missing(resource)), route);
        for (const name of idParams) {
          const params = (value: string) => ({ ...base, params: { ...base.params, [name]: value } });
          expectNotFound(`${label}, guessed :${name}`, await call(identity, route, params(guessed[name]())), route);
          if (uuidParams.has(name) && anotherKindId)
            expectNotFound(
              `${label}, an audit entry's id as :${name}`,
              await call(identity, route, params(anotherKindId)),
              route,
            );
          // The handling of a malformed id does not depend on who asks: the first caller tries them.
          if (identity === callers[0])
            for (const value of malformed)
              expectRefused(
                `${label}, malformed :${name} ${value.slice(0, 12)}`,
                await call(identity, route, params(value)),
              );
        }
        for (const candidate of [...inScope, ...outOfScope].slice(0, 3)) {
          const id = candidate.params?.id;
          if (!id || !/^[0-9a-f-]{36}$/.test(id)) continue;
          expectNotFound(
            `${label}, incremented id of ${id}`,
            await call(identity, route, { ...candidate, params: { ...candidate.params, id: incremented(id) } }),
            route,
          );
        }
        for (const candidate of outOfScope) {
          outOfScopeProbes += 1;
          expectNotFound(
            `${label}, out-of-scope ${JSON.stringify(candidate)}`,
            await call(identity, route, candidate),
            route,
          );
        }
      }
    }
    expect(failures, `${failures.length} failures:\n${failures.join("\n")}`).toEqual([]);
    expect(probes).toBeGreaterThan(entries.length * 5);
    // Records of another 镇区, department, household or organisation were really tried.
    expect(outOfScopeProbes).toBeGreaterThan(100);
  }, 600_000);
});
