/**
 * Property-based fuzzing of every route in the route table (issue 14, "Bad input"). For each route the test signs
 * in as a demo account whose role may call it, aims it at a record that account may touch (so the handler runs),
 * and sends values generated from the route's declared params, query and body schemas: fitting values full of
 * boundary numbers and hostile text (𠀀, combining marks, RTL marks, NUL, lone surrogates), and values broken in
 * one place (wrong types, missing and unknown fields, strings of 200,000 characters, nesting 5,000 deep), plus
 * raw bodies that are not JSON at all. Every answer must be:
 *   - below 500;
 *   - free of stack traces, source paths and SQL text;
 *   - for a refused write (a 4xx to anything but GET), without a committed row change in any table (a trigger on
 *     every table records changes; sign-in throttles and session touches are the only writes a refusal may make).
 * FUZZ_RUNS cases per route family (module; default 1,000, as in CI). `npm run fuzz` runs it longer with a random
 * seed (FUZZ_RUNS, FUZZ_SEED); CI uses a fixed seed so a failure is reproducible.
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoAccounts, demoPassword } from "../../src/demo/accounts";
import { loadDemo } from "../../src/demo/load";
import { buildApp } from "../../src/http/app";
import { modules } from "../../src/http/modules";
import { allPermissions, routeTable, type RouteEntry } from "../../src/http/route-table";
import { loadActor } from "../../src/platform/accounts/accounts.repository";
import { allows } from "../../src/platform/access/permissions";
import { publicPermission, type AnyRoute } from "../../src/platform/http/route";
import type { Actor } from "../../src/platform/roles";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { candidates as targetCandidates, type RecordInput as TargetInput } from "../helpers/route-fixtures";
import { fuzzValue, hostileStrings, validValue, type JsonSchema, type StringPools } from "../helpers/schema-arbitrary";

// 1,000 per family (about 2.5 minutes for all families once generating a 20,000,000-character limit stopped
// costing seconds); `npm run fuzz` runs 10,000 per family with a random seed. FUZZ_PROFILE=1 prints each route's
// planning and generation time, the closing line names the slowest routes.
const runsPerFamily = Number(process.env.FUZZ_RUNS ?? 1000);
const seed =
  process.env.FUZZ_SEED === "random" ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FUZZ_SEED ?? 20261205);

/** Tables a refused request may legitimately write: failed sign-ins and receipt-code guesses are counted (to slow
 * down guessing), a session's last use is kept. */
const writesAllowedOnRefusal = new Set(["login_throttles", "sessions", "tipoff_receipt_failures"]);

/** Signs of an internal error leaking: stack frames, source paths, SQL and PostgreSQL's own messages. */
const leaks: [string, RegExp][] = [
  ["stack trace", /\n\s+at [^\n]+:\d+:\d+|at (async )?[\w$.<>]+ \([^)]*:\d+:\d+\)/],
  ["source path", /node_modules[\\/]|\/work\/|[\\/]src[\\/][\w/-]+\.ts/],
  [
    "SQL text",
    /\b(select\s+[\w*"., ]+\s+from\s+"?\w|insert\s+into\s+"?\w+"?\s*\(|update\s+"?\w+"?\s+set\s|delete\s+from\s+"?\w)/i,
  ],
  [
    "database message",
    /violates (not-null|foreign key|unique|check) constraint|syntax error at or near|invalid input syntax for|relation "\w+" does not exist|duplicate key value|out of range for type|current transaction is aborted/i,
  ],
];

/** Path parameters that are not the route's target (the same stand-ins as the authorization matrix). */
const defaultParams: Record<string, () => string> = {
  id: () => randomUUID(),
  personId: () => randomUUID(),
  code: () => "shiqi",
  month: () => "1999-01",
  format: () => "xlsx",
  fact: () => "education",
  photoId: () => randomUUID(),
  commentId: () => randomUUID(),
  townCode: () => "shiqi",
};

interface Identity {
  username: string;
  actor: Actor | null;
  headers: Record<string, string>;
}

/** How one route is called: by whom, at which record. */
interface Plan {
  entry: RouteEntry;
  identity: Identity;
  target: TargetInput;
}

let database: TestDatabase;
let app: FastifyInstance;
let pools: StringPools;
const identities = new Map<string, Identity>();
const anonymous: Identity = { username: "(anonymous)", actor: null, headers: {} };
const permissions = allPermissions();
const families = new Map<string, RouteEntry[]>();
const only = process.env.FUZZ_FAMILIES?.split(",");
for (const entry of routeTable())
  if (!only || only.includes(entry.module)) families.set(entry.module, [...(families.get(entry.module) ?? []), entry]);
const timings: Record<string, { cases: number; ms: number }> = {};
/** Time per route, to name the slowest in the closing log line. */
const slowest: { route: string; ms: number }[] = [];
let setupMs = 0;

async function signInAs(username: string): Promise<Identity> {
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { username, password: demoPassword },
  });
  if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((item) => item.name === "gz_session")!.value;
  const { user, csrfToken } = response.json() as { user: { id: string }; csrfToken: string };
  return {
    username,
    actor: await loadActor(database.db, user.id),
    headers: { cookie: `gz_session=${cookie}`, "x-csrf-token": csrfToken },
  };
}

/** Finds a caller allowed to call the route and, for a targeted route, a record that caller may touch. */
async function planFor(entry: RouteEntry): Promise<Plan> {
  const { route } = entry;
  const permission = route.permission === publicPermission ? null : permissions[route.permission];
  const callers = permission
    ? [...identities.values()].filter((identity) => allows(permission, identity.actor))
    : [anonymous];
  if (callers.length === 0) throw new Error(`${route.method} ${route.url}: no demo account may call it`);
  if (!route.target) return { entry, identity: callers[0], target: {} };
  const find = targetCandidates[route.target.resource];
  if (!find) throw new Error(`no fixture query for target kind "${route.target.resource}"`);
  const records = await find(database.db);
  for (const identity of callers) {
    for (const record of records) {
      const params = {
        ...Object.fromEntries(paramNames(route).map((name) => [name, defaultParams[name]?.() ?? "x"])),
        ...record.params,
      };
      const loaded = await route.target.load(database.db, {
        params,
        query: record.query ?? {},
        actor: identity.actor as Actor,
      });
      if (
        loaded !== null &&
        loaded !== undefined &&
        (!route.target.inScope || route.target.inScope(identity.actor as Actor, loaded))
      )
        return { entry, identity, target: record };
    }
  }
  // No record in reach (e.g. the demo has none): the route is still fuzzed, its handler answers 404.
  return { entry, identity: callers[0], target: records[0] ?? {} };
}

function paramNames(route: AnyRoute): string[] {
  return [...route.url.matchAll(/:(\w+)/g)].map((match) => match[1]);
}

/** One generated request: path parameter overrides, query, body, or a raw payload instead of JSON. */
interface Case {
  params: Record<string, unknown> | null;
  query: unknown;
  body: unknown;
  raw: string | null;
}

const rawBodies = fc.oneof(
  fc.constantFrom(
    "",
    "{",
    "{]",
    "nul",
    '{"a":1,}',
    '{"__proto__":{"admin":true}}',
    '{"constructor":{"prototype":{"x":1}}}',
    "\u0000",
    '"\\ud800"',
    "1e99999",
  ),
  fc.constantFrom(65, 10_000, 100_000).map((depth) => "[".repeat(depth) + "]".repeat(depth)),
  fc.constantFrom(65, 10_000).map((depth) => '{"a":'.repeat(depth) + "1" + "}".repeat(depth)),
  fc.string({ unit: "binary", maxLength: 200 }),
);

function caseArbitrary(route: AnyRoute): fc.Arbitrary<Case> {
  const params = route.params as JsonSchema | undefined;
  const query = route.querystring as JsonSchema | undefined;
  const body = route.body as JsonSchema | undefined;
  return fc.record({
    // Usually the planned record (so the handler runs); sometimes a generated or hostile path.
    params: params
      ? fc.oneof(
          { weight: 8, arbitrary: fc.constant(null) },
          { weight: 1, arbitrary: fuzzValue(params, pools).map((value) => (isObject(value) ? value : null)) },
          {
            weight: 1,
            arbitrary: fc
              .constantFrom(...hostileStrings, "0", "-1", "00000000-0000-0000-0000-000000000000")
              .map((text) => Object.fromEntries(paramNames(route).map((name) => [name, text]))),
          },
        )
      : fc.constant(null),
    query: query ? fc.oneof(fuzzValue(query, pools), validValue(query, pools)) : fc.constant(undefined),
    body:
      route.method === "GET"
        ? fc.constant(undefined)
        : body
          ? fuzzValue(body, pools)
          : fc.oneof(fc.constant(undefined), fc.constant({}), fuzzValue({ type: "object" }, pools)),
    raw:
      route.method === "GET"
        ? fc.constant(null)
        : fc.oneof({ weight: 12, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: rawBodies }),
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A query string from a generated value: arrays repeat the key, objects are sent as JSON text. */
function queryString(value: unknown): string {
  if (!isObject(value)) return value === undefined ? "" : `?x=${looseEncode(String(value))}`;
  const search = new URLSearchParams();
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    for (const part of Array.isArray(item) ? item : [item])
      search.append(key, typeof part === "object" && part !== null ? JSON.stringify(part) : String(part));
  }
  const text = [...search.entries()].map(([key, item]) => `${looseEncode(key)}=${looseEncode(item)}`).join("&");
  return text ? `?${text}` : "";
}

/**
 * Percent-encoding of any text, a lone surrogate included: it is sent as the three bytes UTF-8 would give it
 * (invalid UTF-8, as a careless client sends), so the server's decoding of bad bytes is fuzzed too.
 */
function looseEncode(text: string): string {
  let encoded = "";
  for (const char of text) {
    const code = char.charCodeAt(0);
    encoded +=
      char.length === 1 && code >= 0xd800 && code <= 0xdfff
        ? [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
            .map((byte) => `%${byte.toString(16).toUpperCase()}`)
            .join("")
        : encodeURIComponent(char);
  }
  return encoded;
}

/** A path segment for any text; a lone surrogate (which no URL can carry) is sent as U+FFFD, as a browser would. */
function pathSegment(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.replace(/[\ud800-\udfff]/g, "\ufffd"));
  }
}

function urlOf(plan: Plan, input: Case): string {
  const { route } = plan.entry;
  const path = route.url.replace(/:(\w+)/g, (_, name: string) => {
    const value = input.params?.[name] ?? plan.target.params?.[name] ?? defaultParams[name]?.() ?? "x";
    return pathSegment(typeof value === "string" ? value : JSON.stringify(value));
  });
  const query = input.query === undefined && plan.target.query ? plan.target.query : input.query;
  return `/api/v1${path}${queryString(query)}`;
}

/** The row changes committed since the last call (and clears the log): "INSERT table ×n", allowed tables left out. */
async function committedChanges(): Promise<string[]> {
  const rows = await sql<{ tbl: string; op: string; n: number }>`
    with cleared as (delete from fuzz_changes returning tbl, op)
    select tbl, op, count(*)::int as n from cleared group by tbl, op order by tbl, op`.execute(database.db);
  return rows.rows.filter((row) => !writesAllowedOnRefusal.has(row.tbl)).map((row) => `${row.op} ${row.tbl} ×${row.n}`);
}

/** Sends one case and returns what is wrong with the answer (empty when nothing is). */
async function check(plan: Plan, input: Case): Promise<string[]> {
  const { route } = plan.entry;
  const write = route.method !== "GET";
  const headers: Record<string, string> = { ...plan.identity.headers };
  let payload: string | undefined;
  if (input.raw !== null) {
    payload = input.raw;
    headers["content-type"] = "application/json";
  } else if (input.body !== undefined) {
    payload = JSON.stringify(input.body);
    headers["content-type"] = "application/json";
  }
  let response: LightMyRequestResponse;
  try {
    response = await app.inject({
      method: route.method,
      url: urlOf(plan, input),
      headers,
      remoteAddress: `10.${plan.identity.username.length}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
      ...(payload === undefined ? {} : { payload }),
    });
  } catch (error) {
    return [`the request threw: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  if (response.statusCode >= 500) problems.push(`status ${response.statusCode}`);
  for (const [name, pattern] of leaks) {
    if (pattern.test(response.body)) problems.push(`${name} in the answer`);
  }
  // Every request clears the change log (reads may log access); a refused write must have committed nothing.
  const changes = await committedChanges();
  if (write && response.statusCode >= 400 && changes.length)
    problems.push(`refused (${response.statusCode}) but committed: ${changes.join(", ")}`);
  if (response.statusCode === 401 && plan.identity.actor) {
    // The case ended the caller's session (sign-out, a password change): sign in again for the next one.
    plan.identity = await signInAs(plan.identity.username);
    identities.set(plan.identity.username, plan.identity);
    // Signing in again writes its own audit entry: clear it, or the next case would be blamed for it.
    await committedChanges();
  }
  if (problems.length) problems.push(`answer ${response.statusCode}: ${response.body.slice(0, 300)}`);
  return problems;
}

function describeCase(input: Case): string {
  const text = JSON.stringify(input, (_, value: unknown) =>
    typeof value === "string" && value.length > 80 ? `${value.slice(0, 40)}…(${value.length} chars)` : value,
  );
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

beforeAll(async () => {
  const started = performance.now();
  database = await createTestDatabase();
  await loadDemo(database.db, { modules, persons: 100 });
  app = await buildApp({ db: database.db, webDist: "/nonexistent", loginRateLimitPerMinute: 1_000_000 });
  for (const account of demoAccounts) identities.set(account.username, await signInAs(account.username));
  // The demo seeds no points enrolments: enrol a migrant at the counter and declare a fact, so enrolment and
  // fact routes have a record to aim at.
  const clerk = identities.get("clerk.shiqi")!;
  const migrants = await sql<{ id: string }>`
    select id from persons where town_code = 'shiqi' and hukou_type = 'migrant' order by id limit 5`.execute(
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
  // Real ids and codes for generated strings, so fitting values reach records (persons, files, households…).
  const uuids = await sql<{ id: string }>`
    (select id::text from persons order by id limit 8) union all (select id::text from households order by id limit 4)
    union all (select id::text from stored_files order by id limit 4) union all (select id::text from organisations order by id limit 4)
    union all (select id::text from communities order by id limit 4)`.execute(database.db);
  pools = {
    uuids: uuids.rows.map((row) => row.id),
    codes: [
      "shiqi",
      "xiaolan",
      "education",
      "public_security",
      "civil_affairs",
      "resident",
      "clerk",
      "admin",
      "college",
    ],
  };
  // Record every committed row change, per table, to prove a refused write stored nothing.
  await sql`create table fuzz_changes (tbl text not null, op text not null)`.execute(database.db);
  await sql`create function fuzz_track() returns trigger language plpgsql as $$
    begin insert into fuzz_changes values (tg_table_name, tg_op); return null; end $$`.execute(database.db);
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'fuzz_changes'`.execute(database.db);
  for (const { name } of tables.rows.filter((table) => !writesAllowedOnRefusal.has(table.name)))
    await sql`create trigger fuzz_track after insert or update or delete on ${sql.id(name)}
      for each row execute function fuzz_track()`.execute(database.db);
  setupMs = performance.now() - started;
}, 600_000);

afterAll(async () => {
  const total = Object.values(timings).reduce((sum, item) => sum + item.ms, 0);
  console.log(
    `fuzz (seed ${seed}): setup ${Math.round(setupMs)} ms; ${Object.entries(timings)
      .map(([name, item]) => `${name} ${item.cases} cases ${Math.round(item.ms)} ms`)
      .join("; ")}; fuzzing ${Math.round(total)} ms; slowest routes: ${slowest
      .sort((a, b) => b.ms - a.ms)
      .slice(0, Number(process.env.FUZZ_SLOWEST ?? 8))
      .map((item) => `${item.route} ${Math.round(item.ms)} ms`)
      .join(", ")}`,
  );
  await app?.close();
  await database?.close();
});

describe("fuzzing every route of the route table", () => {
  it("declares a schema-readable shape for every route (and plans a caller for each)", async () => {
    for (const entries of families.values()) {
      for (const entry of entries) {
        const plan = await planFor(entry);
        expect(plan.identity, `${entry.route.method} ${entry.route.url}`).toBeDefined();
      }
    }
  });

  for (const [family, entries] of families) {
    it(`${family}: ${entries.length} routes, never a 5xx, a leak or a half-stored write`, async () => {
      const started = performance.now();
      const perRoute = Math.ceil(runsPerFamily / entries.length);
      const failures: string[] = [];
      let cases = 0;
      // Sign-out last: it ends the session the other routes of the family use.
      const ordered = [...entries].sort(
        (a, b) => Number(a.route.url === "/auth/logout") - Number(b.route.url === "/auth/logout"),
      );
      for (const entry of ordered) {
        const planStarted = performance.now();
        const plan = await planFor(entry);
        const planMs = performance.now() - planStarted;
        plan.identity = identities.get(plan.identity.username) ?? plan.identity;
        const sampleStarted = performance.now();
        const samples = fc.sample(caseArbitrary(entry.route), { numRuns: perRoute, seed: seed + cases });
        const routeStarted = performance.now();
        if (process.env.FUZZ_PROFILE)
          console.log(entry.route.url, "plan", Math.round(planMs), "sample", Math.round(routeStarted - sampleStarted));
        for (const input of samples) {
          cases += 1;
          const problems = await check(plan, input);
          if (problems.length && failures.length < 30)
            failures.push(
              `${entry.route.method} ${entry.route.url} as ${plan.identity.username}: ${problems.join("; ")}\n    case ${describeCase(input)}`,
            );
        }
        slowest.push({ route: `${entry.route.method} ${entry.route.url}`, ms: performance.now() - routeStarted });
      }
      timings[family] = { cases, ms: performance.now() - started };
      expect(cases).toBeGreaterThanOrEqual(runsPerFamily);
      expect(failures, `seed ${seed}`).toEqual([]);
    }, 600_000);
  }
});
