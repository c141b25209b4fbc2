/**
 * The authorization matrix, generated from the route table: every route × every role (one demo account each,
 * docs/demo-accounts.md) × anonymous, and for a route with a target an in-scope record, an out-of-scope record
 * (when the role has one) and a missing one. The expected answer comes from the matrix below, written by hand
 * from the permissions: 401 anonymous, 403 a role without the permission, 404 missing or out of scope, and for an
 * in-scope record anything but 401/403/404 (2xx, or 4xx for the empty body the test sends). A route whose
 * permission is not declared, or a permission missing from this matrix, fails the first test.
 */
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoAccounts, demoPassword } from "../../src/demo/accounts";
import { loadDemo } from "../../src/demo/load";
import { buildApp } from "../../src/http/app";
import { modules } from "../../src/http/modules";
import { allPermissions, routeTable } from "../../src/http/route-table";
import { loadActor } from "../../src/platform/accounts/accounts.repository";
import { rolesOf } from "../../src/platform/access/permissions";
import { publicPermission, type AnyRoute } from "../../src/platform/http/route";
import { candidates, missing, refusedByRule, url } from "../helpers/route-fixtures";
import { roles, type Actor, type Role } from "../../src/platform/roles";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

/** Who holds each permission. Changing a permission's roles means changing this line too. */
const matrix: Record<string, readonly Role[]> = {
  "session.own": roles,
  "personalData.own": ["resident"],
  "accounts.read": ["admin", "auditor"],
  "accounts.manage": ["admin"],
  "accounts.personLookup": ["admin"],
  "audit.read": ["auditor", "admin"],
  "audit.verify": ["auditor", "admin"],
  "registry.search": ["programme_admin", "auditor", "verifier", "clerk"],
  "registry.write": ["programme_admin", "clerk"],
  "organisations.read": ["programme_admin", "auditor", "clerk"],
  "organisations.write": ["programme_admin", "clerk"],
  "registry.communities.import": ["programme_admin"],
  "profile.read": ["resident"],
  "files.upload": ["resident", "clerk", "verifier", "programme_admin", "vendor"],
  "files.read": roles,
  "notifications.own": roles,
  "publicity.objections.queue": ["programme_admin", "auditor", "verifier", "clerk"],
  "publicity.objections.read": ["resident", "clerk", "verifier", "programme_admin", "auditor"],
  "publicity.objections.raise": ["resident", "clerk"],
  "publicity.objections.forward": ["programme_admin", "clerk"],
  "publicity.objections.answer": ["programme_admin", "verifier"],
  "publicity.finalise": ["programme_admin"],
  "assistance.cases.read": ["clerk", "programme_admin", "auditor"],
  "assistance.cases.create": ["programme_admin", "clerk"],
  "assistance.cases.open": ["programme_admin", "clerk", "resident"],
  "assistance.cases.view": ["clerk", "programme_admin", "auditor", "resident"],
  "assistance.cases.process": ["programme_admin", "clerk"],
  "assistance.cases.respond": ["programme_admin", "clerk", "resident"],
  "assistance.cases.decide": ["programme_admin"],
  "assistance.referrals": ["clerk", "programme_admin"],
  "assistance.apply": ["resident"],
  "assistance.cpi.read": ["programme_admin", "auditor", "policy_officer", "clerk", "verifier"],
  "assistance.cpi.record": ["programme_admin", "verifier"],
  "assistance.payroll.read": ["programme_admin", "auditor"],
  "assistance.payroll.run": ["programme_admin"],
  "assistance.standards.read": ["programme_admin", "auditor", "policy_officer"],
  "assistance.standards.propose": ["policy_officer"],
  "assistance.standards.approve": ["programme_admin"],
  "points.selfCheck": roles,
  "points.enrolments.read": ["resident", "clerk", "programme_admin", "auditor", "verifier"],
  "points.declare": ["resident", "clerk", "programme_admin"],
  "points.apply": ["resident", "clerk", "programme_admin"],
  "points.cycles.read": roles,
  "points.enrol": ["resident", "clerk", "programme_admin"],
  "points.own": ["resident"],
  "points.counter": ["clerk", "programme_admin"],
  "points.verify": ["verifier"],
  "points.queue": ["verifier", "clerk"],
  "points.deductions": ["verifier"],
  "points.programme": ["programme_admin"],
  "points.programme.read": ["programme_admin", "auditor"],
  "calendar.changes": ["programme_admin", "auditor", "verifier", "clerk"],
  "jobs.own": roles,
  "tipoffs.queue": ["verifier", "programme_admin", "auditor"],
  "tipoffs.investigate": ["verifier"],
  "tipoffs.categories.manage": ["admin"],
  "open311.keys.manage": ["admin"],
  "coordination.inbox": ["clerk", "verifier", "programme_admin", "reviewer"],
  "coordination.cases.read": ["programme_admin", "verifier", "auditor"],
  "coordination.cases.manage": ["programme_admin"],
  "coordination.tasks.complete": ["programme_admin", "verifier"],
  "coordination.meetings.read": ["programme_admin", "verifier", "auditor"],
  "coordination.meetings.manage": ["programme_admin"],
  "policies.read": ["policy_officer", "programme_admin", "auditor"],
  "policies.simulate": ["policy_officer", "programme_admin"],
  "policies.draft": ["policy_officer"],
  "policies.decide": ["policy_officer", "programme_admin"],
  "approvals.import": ["programme_admin"],
  "insight.dashboard": ["programme_admin", "policy_officer", "auditor", "clerk", "verifier"],
  "participation.campaigns.manage": ["programme_admin"],
  "services.vendors.register": ["vendor"],
  "services.vendors.review": ["reviewer", "programme_admin"],
  "services.needs.manage": ["programme_admin"],
  "services.needs.read": ["programme_admin", "auditor"],
  "services.bids.submit": ["vendor"],
  "services.panel": ["reviewer"],
  "services.contracts.manage": ["programme_admin"],
  "services.contracts.pay": ["programme_admin"],
  "services.contracts.read": ["programme_admin", "auditor", "vendor"],
  "services.contracts.report": ["vendor"],
  "services.recommendations.decide": ["programme_admin", "clerk"],
  "services.performance.read": ["reviewer", "programme_admin", "auditor"],
  "services.stations.manage": ["programme_admin"],
  "fund.applications.read": ["programme_admin", "auditor", "vendor", "clerk", "verifier"],
  "fund.manage": ["programme_admin"],
  "fund.read": ["programme_admin", "auditor"],
  "fund.apply": ["vendor", "clerk", "verifier"],
  "fund.review": ["reviewer"],
  "participation.organisers.manage": ["programme_admin"],
  "participation.organise": ["organiser"],
  "participation.volunteer": ["resident"],
  "participation.ledger.correct": ["programme_admin", "organiser"],
  "participation.ledger.import": ["programme_admin"],
  "suggestions.propose": ["resident"],
  "suggestions.support": ["resident"],
  "suggestions.answer": ["verifier", "programme_admin"],
  "suggestions.settings": ["programme_admin"],
  "consultations.manage": ["programme_admin", "policy_officer"],
  "consultations.community": ["programme_admin", "clerk"],
  "consultations.moderate": ["programme_admin", "policy_officer", "clerk"],
  "consultations.comment": ["resident"],
};

interface Identity {
  username: string;
  role: Role | null;
  actor: Actor | null;
  headers: Record<string, string>;
}

let database: TestDatabase;
let app: FastifyInstance;
const identities: Identity[] = [];
const entries = routeTable();
const permissions = allPermissions();

beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemo(database.db, { modules, persons: 400 });
  app = await buildApp({ db: database.db, webDist: "/nonexistent", loginRateLimitPerMinute: 1000 });
  identities.push({ username: "(anonymous)", role: null, actor: null, headers: {} });
  for (const account of demoAccounts) {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: account.username, password: demoPassword },
    });
    expect(response.statusCode, response.body).toBe(200);
    const cookie = response.cookies.find((item) => item.name === "gz_session")!.value;
    const { user, csrfToken } = response.json() as { user: { id: string }; csrfToken: string };
    identities.push({
      username: account.username,
      role: account.roles[0].role as Role,
      actor: await loadActor(database.db, user.id),
      headers: { cookie: `gz_session=${cookie}`, "x-csrf-token": csrfToken },
    });
  }
  // The demo seeds no points enrolments: enrol a migrant of each clerk's 镇区 at the counter and declare a fact,
  // so enrolments and facts have in-scope and out-of-scope records.
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
      const declared = await app.inject({
        method: "PUT",
        url: `/api/v1/points/enrolments/${enrolled.json().id}/facts/education`,
        headers: clerk.headers,
        payload: { value: "college" },
      });
      expect(declared.statusCode, declared.body).toBe(200);
      break;
    }
  }
}, 240_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe("the route table and the permission matrix", () => {
  it("gives every route a declared permission, and every permission a matrix entry equal to its roles", () => {
    for (const { route } of entries) {
      expect(
        route.permission === publicPermission || permissions[route.permission] !== undefined,
        `${route.method} ${route.url}: permission "${route.permission}" is not declared`,
      ).toBe(true);
    }
    expect(Object.keys(matrix).sort(), "every permission needs a matrix entry, and every entry a permission").toEqual(
      Object.keys(permissions).sort(),
    );
    for (const [name, permission] of Object.entries(permissions)) {
      expect([...rolesOf(permission)].sort(), name).toEqual([...matrix[name]].sort());
    }
  });

  it("covers every role with a demo account", () => {
    expect(new Set(demoAccounts.map((account) => account.roles[0].role))).toEqual(new Set(roles));
  });
});

describe("authorization matrix: route × role × record", () => {
  it("answers 401, 403, 404 or past the checks exactly as the matrix says", async () => {
    const failures: string[] = [];
    let requests = 0;
    const call = async (
      identity: Identity,
      route: AnyRoute,
      input?: { params?: Record<string, string>; query?: Record<string, string> },
    ): Promise<LightMyRequestResponse> => {
      requests += 1;
      const response = await app.inject({
        method: route.method,
        url: url(route, input),
        headers: identity.headers,
        ...(route.method === "GET" ? {} : { payload: {} }),
      });
      // Signing out (here or everywhere) ends the sessions the later rows use: sign in again.
      if (identity.actor && route.url.startsWith("/auth/logout") && response.statusCode === 200) {
        const again = await app.inject({
          method: "POST",
          url: "/api/v1/auth/login",
          payload: { username: identity.username, password: demoPassword },
        });
        const cookie = again.cookies.find((item) => item.name === "gz_session")!.value;
        identity.headers = { cookie: `gz_session=${cookie}`, "x-csrf-token": again.json().csrfToken as string };
      }
      return response;
    };
    const check = (
      label: string,
      response: LightMyRequestResponse,
      expected: (status: number) => boolean,
      description: string,
    ) => {
      if (!expected(response.statusCode))
        failures.push(`${label}: expected ${description}, got ${response.statusCode} ${response.body.slice(0, 160)}`);
    };
    const pastChecks = (status: number) => ![401, 403, 404].includes(status) && status < 500;
    const pastAuth = (status: number) => ![401, 403].includes(status) && status < 500;
    const candidateRecords = new Map<string, Awaited<ReturnType<(typeof candidates)[string]>>>();

    for (const { route } of entries) {
      const permission = route.permission === publicPermission ? null : permissions[route.permission];
      const resource = route.target?.resource as string | undefined;
      if (resource && !candidateRecords.has(resource)) {
        const find = candidates[resource];
        expect(find, `no fixture query for target kind "${resource}" (add one to candidates)`).toBeDefined();
        candidateRecords.set(resource, await find(database.db));
      }
      for (const identity of identities) {
        const label = `${route.method} ${route.url} as ${identity.username}`;
        const allowed =
          permission === null ||
          permission.roles === "anyone" ||
          (identity.role !== null &&
            matrix[route.permission].includes(identity.role) &&
            !refusedByRule[route.permission]?.includes(identity.username));
        if (!allowed) {
          check(
            label,
            await call(identity, route),
            (status) => status === (identity.actor ? 403 : 401),
            identity.actor ? "403" : "401",
          );
          continue;
        }
        if (!route.target) {
          check(label, await call(identity, route), pastAuth, "past the permission check (not 401/403/5xx)");
          continue;
        }
        check(
          `${label}, missing record`,
          await call(identity, route, missing(resource!)),
          (status) => status === 404,
          "404",
        );
        let inScope: (typeof candidateRecords extends Map<string, infer V> ? V : never)[number] | undefined;
        let outOfScope: typeof inScope;
        for (const candidate of candidateRecords.get(resource!)!) {
          const target = await route.target.load(database.db, {
            params: { ...candidate.params },
            query: { ...candidate.query },
            actor: identity.actor,
          });
          if (!target) continue;
          const scoped = !route.target.inScope || route.target.inScope(identity.actor, target);
          if (scoped) inScope ??= candidate;
          else outOfScope ??= candidate;
        }
        if (outOfScope)
          check(
            `${label}, out-of-scope record ${JSON.stringify(outOfScope)}`,
            await call(identity, route, outOfScope),
            (status) => status === 404,
            "404 (the same as missing)",
          );
        if (inScope) {
          // A second record in the path that the fixture does not name (a household member, a comment) is a
          // made-up id: its "not found" comes after the checks this matrix is about.
          const madeUp = [...route.url.matchAll(/:(\w+)/g)].some(
            ([, name]) =>
              !(name in (inScope.params ?? {})) && ["personId", "commentId", "photoId", "accountId"].includes(name),
          );
          check(
            `${label}, in-scope record ${JSON.stringify(inScope)}`,
            await call(identity, route, inScope),
            (status) => pastChecks(status) || (madeUp && status === 404),
            "past the checks (not 401/403/404/5xx)",
          );
        }
      }
    }
    expect(failures, failures.join("\n")).toEqual([]);
    expect(requests).toBeGreaterThan(entries.length * identities.length);
  }, 240_000);

  it("has in-scope and out-of-scope records for the scoped targets, so the matrix is not vacuous", async () => {
    const clerk = identities.find((identity) => identity.username === "clerk.shiqi")!;
    for (const resource of ["person", "household", "enrolment", "fact", "case", "referral"]) {
      const route = entries.find((entry) => entry.route.target?.resource === resource)!.route;
      const scopes = [];
      for (const candidate of await candidates[resource](database.db)) {
        const target = await route.target!.load(database.db, {
          params: { ...candidate.params },
          query: {},
          actor: clerk.actor,
        });
        if (target) scopes.push(route.target!.inScope!(clerk.actor, target));
      }
      expect(new Set(scopes), resource).toEqual(new Set([true, false]));
    }
  });
});
