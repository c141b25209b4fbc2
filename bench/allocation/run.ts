/**
 * Allocation benchmark: 1,000,000 synthetic applicants over the 24 镇区, ranked and allocated for school, hukou
 * and housing by the columnar engine. Prints progress on stderr and, last on stdout, one JSON line:
 * {"n":…,"engine_ms":…,"job_ms":…,"peak_rss_mib":…,"admitted":{…}}.
 * Usage: tsx bench/allocation/run.ts [--n 1000000] [--runs 5] [--reruns 1]
 *
 * The engine stages below are timed in memory (`runs` times). With DATABASE_URL set, the database stage
 * (bench/allocation/database.ts) then runs the real ranking job once on a fresh PostgreSQL database — read →
 * columns → allocate → write snapshot and result rows → commit — plus `reruns` more to check the result hash.
 */
import { createHash } from "node:crypto";
import { allocateColumns, OUTCOME, PURPOSE_CODES, type AllocationColumns } from "../../src/modules/points/allocation";
import { databaseStage } from "./database";
import { generatePopulation, type Population } from "./population";

const LIMIT_MS = 2000;
const LIMIT_MIB = 1024;

function argument(name: string, fallback: number, minimum = 1): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < minimum) throw new Error(`--${name} must be an integer ≥ ${minimum}`);
  return value;
}

/** sha256 of the output columns: every timed run must produce the same bytes. */
export function columnsHash(out: AllocationColumns): string {
  const hash = createHash("sha256");
  for (const column of [
    out.rank,
    out.scope,
    out.outcome,
    out.round,
    out.cityRank,
    out.cityTieBreak,
    out.school,
    out.distance,
    out.tieBreak,
  ]) {
    hash.update(new Uint8Array(column.buffer, column.byteOffset, column.byteLength));
  }
  return hash.digest("hex");
}

/** Eligible applications per purpose, to read the admissions against. */
export function eligibleCounts(p: Population): Record<string, number> {
  const counts = { school: 0, hukou: 0, housing: 0 };
  const a = p.applicants;
  for (let r = 0; r < a.count; r++) {
    if (!a.eligible[r]) continue;
    if (a.purpose[r] === PURPOSE_CODES.school) counts.school++;
    else if (a.purpose[r] === PURPOSE_CODES.housing) counts.housing++;
    else counts.hukou++;
  }
  return counts;
}

/** Admissions per purpose (hukou split by round), for the report line. */
export function admittedCounts(p: Population, out: AllocationColumns): Record<string, number> {
  const counts = { school: 0, hukou_round_1: 0, hukou_round_2: 0, housing: 0, forfeited: 0, refused_property_used: 0 };
  const a = p.applicants;
  for (let r = 0; r < a.count; r++) {
    const outcome = out.outcome[r];
    if (outcome === OUTCOME.forfeited) counts.forfeited++;
    if (outcome === OUTCOME.propertyUsed) counts.refused_property_used++;
    if (outcome !== OUTCOME.admitted) continue;
    if (a.purpose[r] === PURPOSE_CODES.school) counts.school++;
    else if (a.purpose[r] === PURPOSE_CODES.housing) counts.housing++;
    else if (out.round[r] === 2) counts.hukou_round_2++;
    else counts.hukou_round_1++;
  }
  return counts;
}

interface Stage {
  name: string;
  run: (p: Population) => AllocationColumns;
}

const stages: Stage[] = [{ name: "engine", run: (p) => allocateColumns(p.applicants, p.quotas, p.schools) }];

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)];
}

const JOB_LIMIT_MS = 60_000;

async function main(): Promise<void> {
  const n = argument("n", 1_000_000);
  const runs = argument("runs", 5);
  const reruns = argument("reruns", 1, 0);
  let started = performance.now();
  const population = generatePopulation(n);
  process.stderr.write(`generated ${n} applicants in ${Math.round(performance.now() - started)} ms\n`);
  const timings: Record<string, number> = {};
  const cpuTimings: Record<string, number> = {};
  let last: AllocationColumns | undefined;
  for (const stage of stages) {
    const reference = columnsHash(stage.run(population)); // warm-up
    const times: number[] = [];
    const cpuTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      const cpu = process.cpuUsage();
      started = performance.now();
      last = stage.run(population);
      times.push(performance.now() - started);
      const used = process.cpuUsage(cpu);
      cpuTimes.push((used.user + used.system) / 1000);
      if (columnsHash(last) !== reference) throw new Error(`${stage.name}: run ${i + 1} differs from the warm-up run`);
    }
    timings[stage.name] = median(times);
    cpuTimings[stage.name] = median(cpuTimes);
    process.stderr.write(
      `${stage.name}: ${times.map((t) => t.toFixed(0)).join(", ")} ms (median ${timings[stage.name].toFixed(0)}), identical output\n`,
    );
  }
  const engineMib = process.resourceUsage().maxRSS / 1024;
  const engineAdmitted = admittedCounts(population, last!);
  const serverUrl = process.env.DATABASE_URL?.trim();
  let database: Record<string, unknown> = { database: "skipped: DATABASE_URL is not set (engine only)" };
  if (serverUrl) {
    const figures = await databaseStage(serverUrl, population, reruns);
    database = {
      job_ms: figures.job_ms,
      job_stages_ms: figures.job_stages_ms,
      job_cpu_ms: figures.job_cpu_ms,
      setup_ms: figures.setup_ms,
      rows_written: figures.rows_written,
      stored_admitted: figures.stored_admitted,
      job_agrees_with_engine: JSON.stringify(figures.stored_admitted) === JSON.stringify(engineAdmitted),
      rerun_hashes_equal: figures.rerun_hashes_equal,
      reruns,
      input_hash: figures.input_hash,
      result_hash: figures.result_hash,
      job_within_limit: figures.job_ms < JOB_LIMIT_MS,
    };
  } else {
    process.stderr.write("database stage skipped: set DATABASE_URL to a PostgreSQL server to run it\n");
  }
  const peakMib = process.resourceUsage().maxRSS / 1024;
  const report = {
    n,
    engine_ms: Math.round(timings.engine),
    ...("job_ms" in database ? { job_ms: database.job_ms } : {}),
    // Peak RSS of this process over the engine runs (the "engine only" figure), and over the whole run
    // with the database stage (population, setup and job in one process; the server's memory is not counted).
    peak_rss_mib: Math.round(engineMib),
    ...("job_ms" in database ? { job_peak_rss_mib: Math.round(peakMib) } : {}),
    admitted: engineAdmitted,
    eligible: eligibleCounts(population),
    // CPU time of the same runs: the figure to compare when the machine is shared (wall time includes waiting).
    engine_cpu_ms: Math.round(cpuTimings.engine),
    school_factor: Number(population.schoolFactor.toFixed(3)),
    runs,
    output_sha256: columnsHash(last!),
    within_limits: timings.engine < LIMIT_MS && engineMib < LIMIT_MIB,
    ...database,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

await main();
