/**
 * Benchmark of the compiled points evaluator: 1,000,000 synthetic requests (seeded) held as columns, all three
 * purposes of zhongshan-points-2014 computed per run; median of 5 runs after a warm-up. The last line printed
 * is JSON: {"n", "engine_ms", "purposes", "peak_rss_mib"}.
 */
import { join } from "node:path";
import { loadVersionFolder, POLICIES_ROOT } from "../../src/rules/policy.registry";
import { evaluateColumns } from "../../src/rules/scorecard.columns";
import { allocateSharedColumns, allocateSharedResults, startKernelPool } from "../../src/rules/scorecard.parallel";
import { towns } from "../../src/rules/towns";
import { mulberry32 } from "../../src/core/random";

const n = Number(process.argv[2] ?? 1_000_000);
const loaded = loadVersionFolder(join(POLICIES_ROOT, "zhongshan/points/2014"));
if (!loaded.ok) throw new Error(loaded.error.map((problem) => problem.message).join("\n"));
const plan = loaded.value;

const random = mulberry32(20150501);
const integer = (max: number): number => Math.floor(random() * (max + 1));
const columns = allocateSharedColumns(plan, n);
const centralShare = [...towns().values()].filter((town) => town.centralDistrict).length / towns().size;
for (const fact of plan.version.facts) {
  const fill = (slot: string, value: () => number): void => {
    const column = columns.slots[slot];
    for (let row = 0; row < n; row += 1) column[row] = value();
  };
  switch (fact.type) {
    case "enum":
      fill(fact.name, () => integer(fact.values?.length ?? 1));
      break;
    case "boolean":
      fill(fact.name, () => (random() < 0.3 ? 1 : 0));
      break;
    case "date":
      fill(fact.name, () => (1955 + integer(45)) * 10000 + (1 + integer(11)) * 100 + 1 + integer(27));
      break;
    case "yuan":
      fill(fact.name, () => (random() < 0.5 ? 0 : integer(50_000_000)));
      break;
    case "count":
      fill(fact.name, () => (random() < 0.5 ? 0 : integer(fact.name.includes("hours") ? 800 : 12)));
      break;
    case "counts":
      for (const field of fact.fields ?? []) fill(`${fact.name}.${field}`, () => integer(15));
      break;
  }
}
for (const fact of plan.version.facts.filter((candidate) => candidate.subsetOf)) {
  const slots = fact.type === "counts" ? (fact.fields ?? []).map((field) => `.${field}`) : [""];
  for (const part of slots) {
    const subset = columns.slots[fact.name + part];
    const wholes = (fact.subsetOf ?? []).map((name) => columns.slots[name + part]);
    for (let row = 0; row < n; row += 1)
      subset[row] = Math.floor(wholes.reduce((sum, whole) => sum + whole[row], 0) * random());
  }
}
columns.slots.application_date.fill(20150501);
for (let row = 0; row < n; row += 1) columns.slots.central_district[row] = random() < centralShare ? 1 : 0;
for (let row = 0; row < n; row += 1) columns.slots.grade[row] = 1 + integer(1);

const results = allocateSharedResults(plan, n);
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// Single thread: the fused loop on the main thread (reported on stderr for comparison).
evaluateColumns(plan, columns, results);
const singleTimes: number[] = [];
for (let run = 0; run < 5; run += 1) {
  const start = process.hrtime.bigint();
  evaluateColumns(plan, columns, results);
  singleTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
}

// The engine: the same compiled kernel over 2 worker threads sharing the columns.
const pool = await startKernelPool(plan, columns, results, 2);
await pool.run();
const times: number[] = [];
for (let run = 0; run < 5; run += 1) {
  const start = process.hrtime.bigint();
  await pool.run();
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
await pool.close();
let eligible = 0;
for (const purpose of plan.purposes)
  for (let row = 0; row < n; row += 1) eligible += results[purpose.name].eligible[row];
process.stderr.write(
  `2 threads (ms): ${times.map((time) => time.toFixed(1)).join(", ")}; 1 thread median ${median(singleTimes).toFixed(1)} ms; eligible (all purposes): ${eligible}\n`,
);
const peak = process.resourceUsage().maxRSS / 1024;
process.stdout.write(
  `${JSON.stringify({ n, engine_ms: Number(median(times).toFixed(1)), purposes: plan.purposes.length, peak_rss_mib: Number(peak.toFixed(1)) })}\n`,
);
