/**
 * A read replica for the portal (issue 14, "Scale"): a primary and a streaming replica started here from Debian's
 * PostgreSQL (initdb, pg_basebackup -R), the app given both (`readDb`, as `gongzhi serve` does with
 * DATABASE_READ_URL). Anonymous reads of the public GET routes come from the replica — they show what the primary
 * committed once it has replayed, and they keep answering while the primary is down — and no such route writes (a
 * replica refuses writes). Signed-in requests use the primary and answer 503 while it is down.
 *
 * Runs in CI's PostgreSQL pass (DATABASE_URL set), when the PostgreSQL server binaries are installed; its own two
 * clusters, in a temporary folder, are removed at the end. As root the binaries run as the `postgres` user.
 */
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../src/db/connection";
import { migrate } from "../../src/db/migrate";
import { buildApp } from "../../src/http/app";
import { modules } from "../../src/http/modules";
import { seedTestWorld, signIn, type Session } from "../helpers/fixtures";

const onPostgres = Boolean(process.env.DATABASE_URL?.trim());
const versions = existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql").sort((a, b) => +a - +b) : [];
const binaries = versions.length ? `/usr/lib/postgresql/${versions.at(-1)}/bin` : null;
const runnable = onPostgres && binaries !== null && existsSync(join(binaries, "pg_basebackup"));
const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL binary (as `postgres` when this process is root: initdb refuses root). */
function pg(binary: string, args: string[]): string {
  const command = join(binaries!, binary);
  const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  return execFileSync(file, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let folder = "";
const clusters: { data: string; port: number; running: boolean }[] = [];
let primary: DatabaseHandle;
let replica: DatabaseHandle;
let app: FastifyInstance;
let clerk: Session;

function start(cluster: { data: string; port: number; running: boolean }): void {
  pg("pg_ctl", [
    "-D",
    cluster.data,
    "-l",
    `${cluster.data}.log`,
    "-w",
    "-o",
    `-p ${cluster.port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c wal_level=replica -c max_wal_senders=4`,
    "start",
  ]);
  cluster.running = true;
}

function stop(cluster: { data: string; running: boolean }): void {
  if (!cluster.running) return;
  pg("pg_ctl", ["-D", cluster.data, "-m", "fast", "-w", "stop"]);
  cluster.running = false;
}

const url = (port: number) => `postgres://postgres@127.0.0.1:${port}/postgres`;

beforeAll(async () => {
  if (!runnable) return;
  folder = mkdtempSync(join(tmpdir(), "gongzhi-replica-"));
  if (asRoot) chownSync(folder, Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })), 0);
  const main = { data: join(folder, "primary"), port: await freePort(), running: false };
  clusters.push(main);
  pg("initdb", ["-D", main.data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8"]);
  start(main);
  primary = await openDatabase({ url: url(main.port) });
  await migrate(primary.db);
  await seedTestWorld(primary.db);
  const copy = { data: join(folder, "replica"), port: await freePort(), running: false };
  clusters.push(copy);
  // -R: the copy starts as a standby streaming from the primary (standby.signal and primary_conninfo written).
  pg("pg_basebackup", [
    "-h",
    "127.0.0.1",
    "-p",
    String(main.port),
    "-U",
    "postgres",
    "-D",
    copy.data,
    "-R",
    "-X",
    "stream",
    "-c",
    "fast",
  ]);
  start(copy);
  replica = await openDatabase({ url: url(copy.port) });
  // Every public answer computed afresh (no kept answers), so each read below reaches a database.
  app = await buildApp({ db: primary.db, readDb: replica.db, webDist: "/nonexistent", publicAnswerSeconds: 0 });
  clerk = await signIn(app, "clerk");
}, 120_000);

afterAll(async () => {
  await app?.close();
  await replica?.close();
  await primary?.close();
  for (const cluster of [...clusters].reverse()) {
    try {
      stop(cluster);
    } catch {
      // already stopped
    }
  }
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** The parameterless public GET routes of every module, as the portal calls them (under /api/v1). */
const publicLists = modules
  .flatMap((module) => module.routes)
  .filter((route) => route.method === "GET" && route.permission === "public" && !route.url.includes(":"))
  .map((route) => `/api/v1${route.url}`);

describe.skipIf(!runnable)("a read replica for the portal", () => {
  it("is a standby: it refuses writes, and it replays what the primary commits", async () => {
    const standby = await replica.db
      .selectNoFrom((eb) => eb.fn<boolean>("pg_is_in_recovery", []).as("recovering"))
      .executeTakeFirstOrThrow();
    expect(standby.recovering).toBe(true);
    await expect(
      sql`insert into communities (town_code, name) values ('shiqi', '不应写入')`.execute(replica.db),
    ).rejects.toThrow(/read-only/);
  });

  it("answers anonymous public reads from the replica, with the primary's new rows once replayed", async () => {
    await primary.db.insertInto("communities").values({ town_code: "shiqi", name: "副本验证社区" }).execute();
    const names = async () =>
      ((await app.inject({ method: "GET", url: "/api/v1/towns/shiqi/communities" })).json() as { name: string }[]).map(
        (each) => each.name,
      );
    await expect.poll(names, { timeout: 15_000, interval: 100 }).toContain("副本验证社区");
  });

  it("keeps the portal answering while the primary is down; signed-in requests answer 503", async () => {
    expect(publicLists.length).toBeGreaterThan(20);
    stop(clusters[0]);
    const answers = await Promise.all(
      publicLists.map(async (path) => [path, (await app.inject({ method: "GET", url: path })).statusCode] as const),
    );
    // Every public list answers from the replica (some need a query parameter: 400), none fails or writes.
    expect(answers.filter(([, status]) => status >= 500)).toEqual([]);
    for (const path of ["/api/v1/towns", "/api/v1/public/publicity/lists", "/api/v1/suggestions", "/api/v1/fund/calls"])
      expect(answers.find(([each]) => each === path)?.[1], path).toBe(200);
    const signedIn = await clerk.request("GET", "/api/v1/towns");
    expect(signedIn.statusCode, signedIn.body).toBe(503);
    expect(signedIn.json().error.code).toBe("database_unavailable");
  });
});
