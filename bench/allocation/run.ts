/**
 * Allocation benchmark: 1,000,000 synthetic applicants over the 24 镇区, ranked and allocated for school, hukou
 * and housing by the columnar engine. Prints progress on stderr and, last on stdout, one JSON line:
 * {"n":…,"engine_ms":…,"peak_rss_mib":…,"admitted":{…}}. Usage: tsx bench/allocation/run.ts [--n 1000000] [--runs 5]
 *
 * Seam for the database stage (to be added by the points module): a stage that loads the applications of a
 * ranking cycle into ApplicantColumns and writes the AllocationColumns back goes into `stages` below, timed the
 * same way; the engine stage stays the pure in-memory figure.
 */
import { createHash } from "node:crypto";
import { allocateColumns, OUTCOME, PURPOSE_CODES, type AllocationColumns } from "../../src/modules/points/allocation";
import { generatePopulation, type Population } from "./population";

const LIMIT_MS = 2000;
const LIMIT_MIB = 1024;

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`);
  return value;
}

/** sha256 of the output columns: every timed run must produce the same bytes. */
export function columnsHash(out: AllocationColumns): string {
  const hash = createHash("sha256");
  for (const column of [out.rank, out.scope, out.outcome, out.round, out.cityRank, out.cityTieBreak, out.school, out.distance, out.tieBreak]) {
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

const stages: Stage[] = [
  { name: "engine", run: (p) => allocateColumns(p.applicants, p.quotas, p.schools) },
  // Database stage goes here (load cycle → columns → engine → write results), see the header comment.
];

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)];
}

function main(): void {
  const n = argument("n", 1_000_000);
  const runs = argument("runs", 5);
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
    process.stderr.write(`${stage.name}: ${times.map((t) => t.toFixed(0)).join(", ")} ms (median ${timings[stage.name].toFixed(0)}), identical output\n`);
  }
  const peakMib = process.resourceUsage().maxRSS / 1024;
  const report = {
    n,
    engine_ms: Math.round(timings.engine),
    peak_rss_mib: Math.round(peakMib),
    admitted: admittedCounts(population, last!),
    eligible: eligibleCounts(population),
    // CPU time of the same runs: the figure to compare when the machine is shared (wall time includes waiting).
    engine_cpu_ms: Math.round(cpuTimings.engine),
    school_factor: Number(population.schoolFactor.toFixed(3)),
    runs,
    output_sha256: columnsHash(last!),
    within_limits: timings.engine < LIMIT_MS && peakMib < LIMIT_MIB,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main();
