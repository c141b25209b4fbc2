import { describeConnection, openDatabase, readReplicaUrlFromEnvironment } from "../db/connection";
import { openMigratedDatabase } from "../db/startup";
import { demoAccountsTable } from "../demo/accounts";
import { hasDemoData, isDatabaseEmpty, loadDemo } from "../demo/load";
import { ensureReferenceData } from "../demo/reference";
import { progressBar } from "../platform/cli/progress";
import { jobWorkerOptionsFromEnvironment, startJobWorker } from "../platform/jobs";
import { sealWaitingAudit } from "../platform/audit/audit.pending";
import { writeAuditAnchor } from "../platform/audit/audit.anchor";
import { auditSecretSettings, describeKeySource, loadAuditKey } from "../platform/audit/audit.key";
import { buildApp } from "./app";
import { modules } from "./modules";

/** Options of the `serve` command. */
export interface ServeOptions {
  port: number;
  host: string;
  loadDemoWhenEmpty: boolean;
}

/** GONGZHI_PUBLIC_ANSWER_SECONDS: how long public answers are kept (0–60 s; unset: the default 5 s). */
export function publicAnswerSecondsFrom(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 60)
    throw new Error(`GONGZHI_PUBLIC_ANSWER_SECONDS must be a whole number of seconds from 0 to 60, not "${value}"`);
  return seconds;
}

/** Reads PORT and HOST from the environment (defaults 3000 and localhost). */
export function serveOptionsFromEnvironment(environment = process.env): ServeOptions {
  const port = Number(environment.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${environment.PORT}"`);
  return {
    port,
    host: environment.HOST?.trim() || "localhost",
    loadDemoWhenEmpty: environment.GONGZHI_NO_DEMO !== "1",
  };
}

/**
 * Starts the whole platform in one process: opens and migrates the database, loads demo data into an empty
 * one, serves the API and the web app, and shuts down cleanly (closing PGlite) on SIGINT/SIGTERM.
 */
export async function startServer(options: ServeOptions): Promise<void> {
  const started = Date.now();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const replicaUrl = readReplicaUrlFromEnvironment();
  const handle = await openMigratedDatabase(log);
  const replica = replicaUrl ? await openDatabase({ url: replicaUrl }) : null;
  if (replicaUrl) log(`public reads: the replica at ${describeConnection({ url: replicaUrl })}`);
  const auditSecrets = auditSecretSettings();
  loadAuditKey({ create: true }, auditSecrets);
  log(`audit key: ${describeKeySource(auditSecrets)}; anchors: ${auditSecrets.anchorFile ?? "off"}`);
  if (options.loadDemoWhenEmpty && (await isDatabaseEmpty(handle.db))) {
    log("empty database: loading demo data…");
    const bar = progressBar();
    const summary = await loadDemo(handle.db, { modules, onProgress: bar.update });
    bar.stop();
    log(
      `demo data loaded: ${summary.towns} towns, ${summary.departments} departments, ${summary.communities} communities, ${summary.persons} persons in ${summary.households} households, ${summary.accounts} accounts`,
    );
  }
  await ensureReferenceData(handle.db);
  // Entries a stopped server left waiting for the audit chain (committed, not yet chained) are chained now.
  const chained = await sealWaitingAudit(handle.db);
  if (chained > 0) log(`audit: ${chained} entries left waiting by the last run chained`);
  const app = await buildApp({
    db: handle.db,
    readDb: replica?.db ?? null,
    logger: { level: process.env.LOG_LEVEL ?? "info" },
    secureCookies: process.env.GONGZHI_SECURE_COOKIES === "1",
    trustProxy: process.env.GONGZHI_TRUST_PROXY === "1",
    publicAnswerSeconds: publicAnswerSecondsFrom(process.env.GONGZHI_PUBLIC_ANSWER_SECONDS),
  });
  const { enabled: runJobs, ...workerOptions } = jobWorkerOptionsFromEnvironment();
  const worker = runJobs
    ? await startJobWorker(handle.db, modules, {
        ...workerOptions,
        log: (message, error) => app.log.error({ err: error }, message),
      })
    : null;
  // The audit head goes outside the database at start, every GONGZHI_AUDIT_ANCHOR_MINUTES (60) and at shutdown.
  const anchor = async () => {
    try {
      await writeAuditAnchor(handle.db, auditSecrets);
    } catch (error) {
      app.log.error({ err: error }, "audit anchor not written");
    }
  };
  await anchor();
  const anchorMinutes = Number(process.env.GONGZHI_AUDIT_ANCHOR_MINUTES ?? 60);
  const anchorTimer =
    auditSecrets.anchorFile && anchorMinutes > 0 ? setInterval(() => void anchor(), anchorMinutes * 60_000) : null;
  anchorTimer?.unref();
  const stopJobs = async () => {
    if (anchorTimer) clearInterval(anchorTimer);
    await worker?.stop();
    await anchor();
  };
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log(`${signal}: shutting down…`);
    try {
      await stopJobs();
      await app.close();
      await replica?.close();
      await handle.close();
    } finally {
      process.exit(0);
    }
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  try {
    await app.listen({ port: options.port, host: options.host });
  } catch (error) {
    await stopJobs();
    await app.close();
    await replica?.close();
    await handle.close();
    throw error;
  }
  if (await hasDemoData(handle.db)) log(`\nDemo accounts (see docs/demo-accounts.md):\n${demoAccountsTable()}\n`);
  log(
    `Gongzhi is running at http://${options.host === "0.0.0.0" ? "localhost" : options.host}:${options.port} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}
