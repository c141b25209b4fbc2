/**
 * `npm run --silent bench:rules -- --n 1000000 [--threads 2] [--join-main] [--runs 5]`: the rules-engine benchmark of
 * GitHub issue 3. The engine evaluates policies/benchmark/rules-benchmark/program.yaml (compiled once, on a
 * worker pool started before timing); each timed run loads the 14 source columns into the engine's storage and
 * computes all 22 outputs. The floor is bench/rules/floor.ts. Medians of `runs` runs after one warm-up each.
 * Human lines go to stderr; the last line on stdout is the JSON result.
 */
import { allocateProgramColumns, evaluateProgram, type ProgramColumns } from "../../src/rules/program.evaluate";
import { startProgramPool } from "../../src/rules/workers.pool";
import { compileBenchmarkProgram, PERIOD_START } from "./engine";
import { allocateOutputs, computeFloor, type OutputColumns } from "./floor";
import { checkGolden } from "./golden";
import { generatePopulation, OUTPUTS } from "./population";

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isSafeInteger(value) || value < 1) {
    process.stderr.write(`--${name} must be a positive whole number, got ${process.argv[index + 1]}\n`);
    process.exit(2);
  }
  return value;
}

const n = option("n", 1_000_000);
const threads = option("threads", 2);
const runs = option("runs", 5);
const joinMain = process.argv.includes("--join-main");
const log = (line: string): void => void process.stderr.write(`${line}\n`);

/** Runs `work` once to warm up, then `runs` times; sorted wall times and process CPU times (all threads), in ms. */
async function measure(work: () => unknown): Promise<{ wall: number[]; cpu: number[] }> {
  await work();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    await work();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

const median = (sorted: number[]): number =>
  sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
const shown = (times: number[]): string => times.map((time) => time.toFixed(1)).join(", ");

const generationStart = performance.now();
const population = generatePopulation(n, true);
const sources = { ...population.floats, ...population.ints };
log(`population: ${n} persons generated in ${(performance.now() - generationStart).toFixed(0)} ms (not timed)`);

const compileStart = performance.now();
const compiled = compileBenchmarkProgram();
if (!compiled.ok) {
  for (const problem of compiled.error) log(problem.message);
  process.exit(1);
}
const pool = threads > 1 ? await startProgramPool(compiled.value, threads, joinMain) : undefined;
const columns = allocateProgramColumns(compiled.value, n, pool !== undefined);
log(
  `engine: program loaded, resolved at ${PERIOD_START} and compiled${pool ? `, ${joinMain ? `main thread + ${threads - 1}` : threads} workers started` : ", single-threaded"} in ${(performance.now() - compileStart).toFixed(0)} ms (not timed)`,
);

const runEngine = async (): Promise<ProgramColumns> => {
  const result = pool ? await pool.run(sources, columns) : evaluateProgram(compiled.value, sources, columns);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const engineTimes = await measure(runEngine);
await pool?.close();
log(`engine runs (ms): ${shown(engineTimes.wall)}; CPU time of all threads (ms): ${shown(engineTimes.cpu)}`);

const floorOutputs = allocateOutputs(n);
const floorTimes = await measure(() => computeFloor(population, floorOutputs));
log(`floor runs (ms): ${shown(floorTimes.wall)}; CPU time (ms): ${shown(floorTimes.cpu)}`);

const engineOutputs = columns.outputs as OutputColumns;
let disagreements = 0;
for (const name of OUTPUTS) {
  const engine = engineOutputs[name],
    floor = floorOutputs[name];
  for (let person = 0; person < n; person += 1) if (engine[person] !== floor[person]) disagreements += 1;
}
log(
  `engine and floor: ${disagreements === 0 ? "identical" : `${disagreements} cells differ`} on all ${n} persons × ${OUTPUTS.length} outputs`,
);
const golden = checkGolden(engineOutputs);
log(
  `golden sample: ${golden.rows} persons, ${golden.ok ? "all 22 outputs agree" : golden.mismatches.join("; ")}; max abs error ${golden.maxAbsError}`,
);
let eligible = 0,
  dibaoEligible = 0;
for (let person = 0; person < n; person += 1) {
  eligible += engineOutputs.points_eligible[person];
  dibaoEligible += engineOutputs.dibao_eligible[person];
}
log(`points_eligible: ${eligible}, dibao_eligible: ${dibaoEligible}`);

const engineMs = median(engineTimes.wall),
  floorMs = median(floorTimes.wall);
log(`engine/floor: ${(engineMs / floorMs).toFixed(2)}`);
if (disagreements > 0) process.exitCode = 1;
const peak = process.resourceUsage().maxRSS / 1024;
process.stdout.write(
  `${JSON.stringify({
    n,
    engine_ms: Number(engineMs.toFixed(2)),
    floor_ms: Number(floorMs.toFixed(2)),
    max_abs_error: golden.maxAbsError,
    golden_ok: golden.ok,
    peak_rss_mib: Number(peak.toFixed(1)),
  })}\n`,
);
