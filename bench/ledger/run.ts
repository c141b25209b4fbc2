/**
 * Volunteer-hours ledger benchmark on a real PostgreSQL (DATABASE_URL): a ledger of 5,000,000 entries (plus
 * reversals) for 500,000 volunteers over six years with 100,000 points applicants (bench/ledger/population.ts),
 * then times, through the app's code (bench/ledger/measure.ts):
 *
 * - the refresh of the five-year volunteer facts of every applicant (`ledgerFactValues`, set-based), goal < 5 s;
 * - the resident's hours page 我的志愿服务 (`volunteeringOfPerson`, behind `GET /participation/me`) for 1,000
 *   volunteers spread over the population, one after another: p50 and p99, goal p99 < 20 ms;
 * - for information, the policy simulation's whole applicant population (every applicant's counting facts).
 *
 * Sizes: `npm run bench:ledger -- [volunteers] [entries] [applicants] [samples]`, or LEDGER_BENCH_SIZE=small for a
 * quick run (5,000 volunteers, 50,000 entries, 1,000 applicants, 200 samples). Setup runs in a fresh database
 * dropped at the end. The last line printed is JSON:
 * `{ volunteers, entries, reversals, applicants, refresh_ms, hours_page_p50_ms, hours_page_p99_ms, goals: { … } }`.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase } from "../../src/db/connection";
import { migrate } from "../../src/db/migrate";
import { seedLedger } from "./population";
import { sampleVolunteers, timeApplicantPopulation, timeHoursPages, timeRefresh } from "./measure";

const small = process.env.LEDGER_BENCH_SIZE?.trim() === "small";
const defaults = small ? [5_000, 50_000, 1_000, 200] : [500_000, 5_000_000, 100_000, 1_000];
const [volunteers, entries, applicants, samples] = defaults.map((value, index) =>
  Number(process.argv[2 + index] ?? value),
);
const GOAL_REFRESH_MS = 5000;
const GOAL_PAGE_P99_MS = 20;
const serverUrl = process.env.DATABASE_URL?.trim();
if (!serverUrl) {
  process.stdout.write(
    "bench:ledger skipped: set DATABASE_URL to a PostgreSQL server (the benchmark creates and drops its own database)\n",
  );
  process.stdout.write(`${JSON.stringify({ skipped: true, reason: "DATABASE_URL is not set" })}\n`);
  process.exit(0);
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const round = (ms: number) => Math.round(ms * 10) / 10;
const name = `gz_bench_ledger_${randomBytes(4).toString("hex")}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`create database ${name}`);
await admin.end();
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const handle = await openDatabase({ url: url.toString() });
const db = handle.db;
let result: Record<string, unknown>;
try {
  await migrate(db);
  const setupStart = performance.now();
  log(`setup: ${volunteers} volunteers, ${entries} entries, ${applicants} applicants`);
  const population = await seedLedger(db, { volunteers, entries, applicants }, (line) => log(`setup: ${line}`));
  const setupMs = performance.now() - setupStart;
  log(`setup: done in ${Math.round(setupMs / 1000)} s`);

  // The refresh three times: the first after analyze (cold for the query), the others warm; the slowest counts.
  const refreshes: number[] = [];
  let withHours = 0;
  for (let run = 0; run < 3; run += 1) {
    const timing = await timeRefresh(db, population.cycleId, population.today);
    refreshes.push(Math.round(timing.ms));
    log(
      `refresh ${run + 1}: ${timing.applicants} applicants, ${timing.withHours} with hours, ${Math.round(timing.ms)} ms`,
    );
    withHours = timing.withHours;
  }
  const simulation = await timeApplicantPopulation(db, population.cycleId);
  log(`applicant population (all counting facts): ${simulation.applicants} in ${Math.round(simulation.ms)} ms`);
  const sample = await sampleVolunteers(db, samples);
  const pages = await timeHoursPages(db, sample);
  log(
    `hours page: ${pages.samples} volunteers, p50 ${round(pages.p50)} ms, p99 ${round(pages.p99)} ms, max ${round(pages.max)} ms, ${pages.meanEntries.toFixed(1)} entries on average, at most ${pages.mostEntries}`,
  );
  const refreshMs = Math.max(...refreshes);
  result = {
    volunteers: population.persons,
    entries: population.entries,
    reversals: population.reversals,
    activities: population.activities,
    signups: population.signups,
    applicants: population.applicants,
    applicants_with_hours: withHours,
    today: population.today,
    setup_s: Math.round(setupMs / 1000),
    refresh_ms: refreshMs,
    refresh_runs_ms: refreshes,
    applicant_population_ms: Math.round(simulation.ms),
    hours_page_samples: pages.samples,
    hours_page_p50_ms: round(pages.p50),
    hours_page_p99_ms: round(pages.p99),
    hours_page_max_ms: round(pages.max),
    hours_page_mean_entries: Math.round(pages.meanEntries * 10) / 10,
    goals: {
      refresh_ms: GOAL_REFRESH_MS,
      refresh_met: refreshMs < GOAL_REFRESH_MS,
      hours_page_p99_ms: GOAL_PAGE_P99_MS,
      hours_page_p99_met: pages.p99 < GOAL_PAGE_P99_MS,
    },
  };
} finally {
  await handle.close();
  const cleanup = new pg.Client({ connectionString: serverUrl });
  await cleanup.connect();
  await cleanup.query(`drop database if exists ${name}`);
  await cleanup.end();
}
process.stdout.write(`${JSON.stringify(result)}\n`);
