/**
 * `npm run bench`: runs every benchmark script present in package.json (bench:rules, bench:points,
 * bench:allocation, bench:payroll, …), each in its own process with its defaults, and prints each one's JSON
 * result followed by its ratio to its floor and to its recorded target. Exit status 1 when a script fails.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const scripts = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts;

/** Targets from the issues (engine_ms ceilings at the default size); a benchmark without one shows none. */
const TARGETS = {
  "bench:rules": {
    engine_ms: 64,
    floor_ratio: 1.5,
    peak_rss_mib: 400,
    source: "issue 3: ≤ 64 ms, ≤ 1.5 × floor, < 400 MiB at 1M",
  },
  "bench:allocation": { engine_ms: 2000, peak_rss_mib: 1024, source: "bench/allocation/run.ts limits" },
};

const order = ["bench:rules", "bench:points", "bench:allocation", "bench:payroll"];
const names = [
  ...order.filter((name) => name in scripts),
  ...Object.keys(scripts).filter((name) => name.startsWith("bench:") && !order.includes(name)),
];
let failed = 0;
for (const name of names) {
  const file = /tsx\s+(\S+)/.exec(scripts[name])?.[1];
  if (file && !existsSync(join(root, file))) {
    console.log(`${name}: skipped (${file} is not there yet)`);
    continue;
  }
  const run = spawnSync("npm", ["run", "--silent", name], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const last = run.stdout.trim().split("\n").pop() ?? "";
  let result;
  try {
    result = JSON.parse(last);
  } catch {
    result = undefined;
  }
  if (run.status !== 0 || !result) {
    failed += 1;
    console.log(`${name}: FAILED (exit ${run.status}) ${last}`);
    continue;
  }
  console.log(`${name}: ${JSON.stringify(result)}`);
  const notes = [];
  if (typeof result.floor_ms === "number" && result.floor_ms > 0)
    notes.push(`engine/floor ${(result.engine_ms / result.floor_ms).toFixed(2)}`);
  const target = TARGETS[name];
  if (target) {
    if (target.engine_ms)
      notes.push(
        `engine/target ${(result.engine_ms / target.engine_ms).toFixed(2)} (${result.engine_ms} vs ${target.engine_ms} ms)`,
      );
    if (target.floor_ratio && result.floor_ms)
      notes.push(
        `floor ratio ${result.engine_ms / result.floor_ms <= target.floor_ratio ? "met" : "missed"} (≤ ${target.floor_ratio})`,
      );
    if (target.peak_rss_mib) notes.push(`memory ${result.peak_rss_mib} / ${target.peak_rss_mib} MiB`);
    notes.push(target.source);
  } else notes.push("no target recorded");
  console.log(`  ${notes.join("; ")}`);
}
process.exit(failed > 0 ? 1 : 0);
