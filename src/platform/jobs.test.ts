import { afterEach, describe, expect, it, vi } from "vitest";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { startJobs } from "./jobs";
import type { ModuleManifest } from "./module";

afterEach(() => vi.useRealTimers());

describe("module jobs", () => {
  it("runs each job on its schedule, logs failures and stops", async () => {
    vi.useFakeTimers();
    const runs: string[] = [];
    const logged: string[] = [];
    const module: ModuleManifest = {
      name: "sample",
      routes: [],
      permissions: {},
      jobs: [
        { name: "tick", everyMinutes: 1, run: async () => void runs.push("tick") },
        { name: "broken", everyMinutes: 2, run: async () => Promise.reject(new Error("boom")) },
      ],
    };
    const stop = startJobs([module], { db: {} as Kysely<Database> }, (message) => logged.push(message));
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    expect(runs).toHaveLength(4);
    expect(logged).toEqual(["job sample.broken failed", "job sample.broken failed"]);
    await stop();
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    expect(runs).toHaveLength(4);
  });
});
