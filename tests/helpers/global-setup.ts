import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { prepareTemplate } from "./template";

/**
 * Vitest global setup: one migrated template database for the whole run (see template.ts), and one temporary
 * folder for the run — every test file's (and its child processes') `os.tmpdir()` points into it, and it is
 * removed at the end, so a test run leaves nothing behind in the system's /tmp however a test makes its folders.
 */
export default async function setup(): Promise<() => void> {
  const runFolder = mkdtempSync(join(tmpdir(), "gongzhi-test-run-"));
  // Passable like /tmp (each folder made inside is still the maker's own): the replica test's PostgreSQL, run as
  // `postgres`, keeps its cluster in a folder of it.
  chmodSync(runFolder, 0o755);
  process.env.TMPDIR = runFolder;
  await prepareTemplate();
  return () => rmSync(runFolder, { recursive: true, force: true });
}
