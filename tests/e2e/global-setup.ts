import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { makeDataFolder, startServerOn } from "./harness";

declare module "vitest" {
  export interface ProvidedContext {
    /** A data folder on which `gongzhi serve` has loaded the demo data today (see harness.startServer). */
    demoTemplate: string;
  }
}

/**
 * Browser-test global setup: the first start (migrations and demo data) runs once per run, the way a user's first
 * `npm start` does; each test file's server then starts on a copy of that folder instead of loading the demo again.
 * The first start itself on many days of the year is checked by scripts/first-start-check.sh.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const folder = makeDataFolder();
  const server = await startServerOn(folder);
  await server.stop();
  project.provide("demoTemplate", folder);
  return () => rmSync(folder, { recursive: true, force: true });
}
