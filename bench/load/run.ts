/**
 * Load benchmark (issue 14, "Load"): the whole HTTP app on a real port, against PostgreSQL at DATABASE_URL (a
 * fresh database created here and dropped at the end) or, with `--pglite` or without DATABASE_URL, the embedded
 * database in memory. Three phases of `--seconds` each (default 60), `--clients` concurrent clients (default 50),
 * each bounded by `--max-requests` per client:
 *
 *   1. writes: a clerk registers persons (POST /api/v1/persons: one persons row and one audit entry per request,
 *      in one transaction) — every request's outcome is then checked against the database: an acknowledged
 *      person missing is lost, an ID number stored twice (or stored although the request failed) is duplicated;
 *   2. reads: anonymous reads of the public lists (publicity lists, suggestions, activities, consultations,
 *      social-work stations), each answer checked to be a 200 list;
 *   3. floor: a bare Fastify route on the same database and pool doing the same single insert, no session, no
 *      audit, no validation — what the hardware and PostgreSQL allow;
 *   4. minimum: a bare Fastify route doing only what the platform's rules make every write do — check the session,
 *      and insert the row with its audit entry in one transaction (the platform's own findSession, inTransaction and
 *      appendAudit) — without Gongzhi's routing, validation, permission and presentation: how much of the distance
 *      from the floor is the rules' and how much the app's.
 *
 * The clients run in a worker thread (bench/load/clients.ts), off the server's event loop, the same for every
 * phase. The last line printed
 * is JSON: `{ clients, seconds, requests, p50_ms, p99_ms, throughput_rps, floor_rps, lost, duplicated, reads,
 * minimum, database }` — the top-level figures are the writes'; `reads` and `minimum` have those phases'.
 */
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { Worker } from "node:worker_threads";
import Fastify from "fastify";
import { sql } from "kysely";
import pg from "pg";
import type { ClientPhase, ClientsInput, ClientsOutput } from "./clients";
import { openDatabase, type DatabaseHandle } from "../../src/db/connection";
import { migrate } from "../../src/db/migrate";
import { demoPassword } from "../../src/demo/accounts";
import { loadDemo } from "../../src/demo/load";
import { inTransaction, type Executor } from "../../src/db/transaction";
import { buildApp } from "../../src/http/app";
import { sessionCookie } from "../../src/http/authentication";
import { modules } from "../../src/http/modules";
import { findSession } from "../../src/platform/accounts/sessions";
import { appendAudit } from "../../src/platform/audit/audit.log";
import { verifyAuditChain } from "../../src/platform/audit/audit.verify";

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? process.argv[at + 1] : process.env[`BENCH_${name.toUpperCase().replace(/-/g, "_")}`];
  return value === undefined ? fallback : Number(value);
}
const clients = option("clients", 50);
const seconds = option("seconds", 60);
const maxRequests = option("max-requests", 100_000);
const demoPersons = option("persons", 500);
const serverUrl = process.argv.includes("--pglite") ? undefined : process.env.DATABASE_URL?.trim();
const log = (line: string) => process.stderr.write(`${line}\n`);

/** Latency percentiles (ms) and throughput of one phase. */
interface PhaseFigures {
  requests: number;
  ok: number;
  failed: number;
  p50_ms: number;
  p99_ms: number;
  throughput_rps: number;
}

function figures(latencies: number[], ok: number, elapsedMs: number): PhaseFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0);
  return {
    requests: latencies.length,
    ok,
    failed: latencies.length - ok,
    p50_ms: Math.round(at(0.5) * 10) / 10,
    p99_ms: Math.round(at(0.99) * 10) / 10,
    throughput_rps: Math.round((latencies.length / elapsedMs) * 1000 * 10) / 10,
  };
}

/** Runs the phase's `clients` loops in a worker until the deadline (or each client's bound). */
async function phase(label: string, spec: ClientPhase): Promise<{ figures: PhaseFigures; output: ClientsOutput }> {
  const input: ClientsInput = { phase: spec, clients, seconds, maxRequests };
  const output = await new Promise<ClientsOutput>((resolve, reject) => {
    const worker = new Worker(new URL("./clients.mjs", import.meta.url), { workerData: input });
    worker.once("message", (message: ClientsOutput) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`${label}: the clients' worker exited with ${code}`)));
  });
  const result = figures(output.latencies, output.ok, output.elapsedMs);
  log(`${label}: ${JSON.stringify(result)}`);
  for (const failure of output.failures) log(`${label}: failed: ${failure.slice(0, 300)}`);
  return { figures: result, output };
}

async function openBenchDatabase(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void>; label: string }> {
  if (!serverUrl) {
    const handle = await openDatabase({ dataDir: "memory://" });
    return { handle, drop: async () => {}, label: "pglite (memory)" };
  }
  const name = `gz_bench_load_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const version = (await admin.query<{ server_version: string }>("show server_version")).rows[0].server_version;
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  return {
    handle,
    label: `postgresql ${version}`,
    drop: async () => {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

const { handle, drop, label } = await openBenchDatabase();
const db = handle.db;
let result: Record<string, unknown>;
try {
  log(`setup: ${label}: migrate and load the demo (${demoPersons} persons)`);
  await migrate(db);
  await loadDemo(db, { modules, persons: demoPersons });
  // Behind a trusted proxy (as in production), so each simulated visitor of the public lists has an address of its
  // own: the per-address limit of public routes (120 a minute) protects the server from one client, not from a city.
  const app = await buildApp({ db, webDist: "/nonexistent", loginRateLimitPerMinute: 100_000, trustProxy: true });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  // One signed-in session per client: the clerk of 石岐 registers persons in 石岐.
  const sessions = await Promise.all(
    Array.from({ length: clients }, async () => {
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "clerk.shiqi", password: demoPassword }),
      });
      if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
      const cookie = /gz_session=[^;]+/.exec(login.headers.get("set-cookie") ?? "")![0];
      return { cookie, csrf: ((await login.json()) as { csrfToken: string }).csrfToken };
    }),
  );

  // 1. Writes through the whole app.
  const writes = await phase("writes", { kind: "writes", base, sessions });
  const acknowledged = new Map(writes.output.acknowledged); // id number → person id

  // Every outcome against the database: acknowledged and stored once; not acknowledged and not stored.
  const stored = await sql<{ id_number: string; id: string }>`
    select id_number, id::text as id from persons where name like '压测%'`.execute(db);
  const storedBy = new Map<string, string[]>();
  for (const row of stored.rows) storedBy.set(row.id_number, [...(storedBy.get(row.id_number) ?? []), row.id]);
  let lost = 0;
  let duplicated = 0;
  for (const [idNumber, id] of acknowledged) if (!storedBy.get(idNumber)?.includes(id)) lost += 1;
  for (const [idNumber, ids] of storedBy) {
    if (ids.length > 1) duplicated += ids.length - 1;
    if (!acknowledged.has(idNumber)) duplicated += 1; // stored although the client was told it failed
  }
  const audited = await sql<{ n: number }>`
    select count(*)::int as n from audit_entries where action = 'person.create' and entity_id in (
      select id::text from persons where name like '压测%')`.execute(db);
  // Every write's audit entry is in the chain (none left waiting) and the chain verifies.
  const chain = await verifyAuditChain(db);
  log(
    `writes checked: ${acknowledged.size} acknowledged, ${stored.rows.length} stored, ${audited.rows[0].n} audited; ` +
      `audit chain ${chain.ok ? "intact" : "BROKEN"} (${chain.checked} entries, ${chain.waiting} waiting)`,
  );

  // 2. Reads of the public lists.
  const lists = [
    "/api/v1/public/publicity/lists",
    "/api/v1/suggestions",
    "/api/v1/participation/activities",
    "/api/v1/consultations",
    "/api/v1/services/stations",
  ];
  const reads = await phase("reads", { kind: "reads", base, paths: lists });

  // 3. The floor: the same single insert from a bare Fastify route on the same database and pool.
  const insertPerson = (executor: Executor, body: { name: string; idNumber: string }) =>
    sql<{ id: string }>`
      insert into persons (name, id_number, gender, birth_date, town_code, hukou_type, created_at, updated_at)
      values (${body.name}, ${body.idNumber}, 'male', '1950-01-01', 'shiqi', 'local', now(), now())
      returning id::text as id`.execute(executor);
  const bareApp = Fastify();
  bareApp.post("/floor", async (request, reply) => {
    const row = await insertPerson(db, request.body as { name: string; idNumber: string });
    return reply.code(201).send({ id: row.rows[0].id });
  });
  // 4. The minimum: the session checked, the row and its audit entry in one transaction, nothing else.
  bareApp.post("/minimum", async (request, reply) => {
    const token = new RegExp(`${sessionCookie}=([^;]+)`).exec(request.headers.cookie ?? "")?.[1];
    const session = token ? await findSession(db, token) : null;
    if (!session) return reply.code(401).send({});
    const body = request.body as { name: string; idNumber: string };
    const id = await inTransaction(db, async (trx) => {
      const row = (await insertPerson(trx, body)).rows[0];
      await appendAudit(trx, {
        actorId: session.actor.id,
        actorUsername: session.actor.username,
        action: "person.create",
        entityType: "person",
        entityId: row.id,
        townCode: "shiqi",
        after: body,
      });
      return row.id;
    });
    return reply.code(201).send({ id });
  });
  await bareApp.listen({ host: "127.0.0.1", port: 0 });
  const bareBase = `http://127.0.0.1:${(bareApp.server.address() as AddressInfo).port}`;
  const floor = await phase("floor", { kind: "bare", base: bareBase, path: "/floor", region: "442099" });
  const minimum = await phase("minimum", {
    kind: "bare",
    base: bareBase,
    path: "/minimum",
    region: "442098",
    sessions,
  });
  await bareApp.close();
  await app.close();

  /** A phase's throughput as a share of the floor's, in hundredths. */
  const ofFloor = (phaseFigures: PhaseFigures) =>
    Math.round((phaseFigures.throughput_rps / Math.max(floor.figures.throughput_rps, 0.1)) * 100) / 100;
  result = {
    clients,
    seconds,
    requests: writes.figures.requests,
    p50_ms: writes.figures.p50_ms,
    p99_ms: writes.figures.p99_ms,
    throughput_rps: writes.figures.throughput_rps,
    floor_rps: floor.figures.throughput_rps,
    lost,
    duplicated,
    failed: writes.figures.failed,
    audited: audited.rows[0].n,
    audit_chain_ok: chain.ok && chain.waiting === 0,
    floor_ratio: ofFloor(writes.figures),
    floor_p99_ms: floor.figures.p99_ms,
    reads: { ...reads.figures },
    minimum: {
      ...minimum.figures,
      floor_ratio: ofFloor(minimum.figures),
    },
    database: label,
  };
} finally {
  await handle.close();
  await drop();
}
process.stdout.write(`${JSON.stringify(result)}\n`);
