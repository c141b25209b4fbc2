/**
 * The database stage of the allocation benchmark: a fresh PostgreSQL database (`gz_bench_<random>`, dropped
 * afterwards), migrated, with the synthetic population bulk-inserted as real persons, enrolments and
 * applications of one cycle (untimed), then the ranking job timed end to end: read → columns → allocate →
 * write snapshot and result rows → commit.
 */
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import { openDatabase, type DatabaseHandle } from "../../src/db/connection";
import { migrate } from "../../src/db/migrate";
import { inTransaction, inTransactionWhenOk } from "../../src/db/transaction";
import { loadTowns } from "../../src/demo/reference";
import { PURPOSE_CODES } from "../../src/modules/points/allocation";
import { runRanking } from "../../src/modules/points/commands/ranking";
import { pointsDb } from "../../src/modules/points/points.tables";
import { defaultPolicyId } from "../../src/modules/points/points.scoring";
import { findCycle } from "../../src/modules/points/repository";
import { GRADE_NAMES, PURPOSE_NAMES } from "../../src/modules/points/run/run.input";
import { loadActor } from "../../src/platform/accounts/accounts.repository";
import type { Population } from "./population";

const SETUP_CHUNK = 50_000;

/** A uuid whose text order is the order of `index` within `prefix` (so the job reads rows in generator order). */
export function orderedUuid(prefix: number, index: number): string {
  return `${prefix.toString(16).padStart(8, "0")}-0000-4000-8000-${index.toString(16).padStart(12, "0")}`;
}

/** The figures of the database stage. */
export interface DatabaseFigures {
  setup_ms: number;
  job_ms: number;
  /** Wall time of each part of the job: read, allocate, hash, write, commit (the remainder). */
  job_stages_ms: Record<string, number>;
  job_cpu_ms: number;
  rows_written: number;
  result_hash: string;
  input_hash: string;
  /** Admissions per purpose read back from the stored result rows. */
  stored_admitted: Record<string, number>;
}

async function createDatabase(
  serverUrl: string,
): Promise<{ handle: DatabaseHandle; drop: () => Promise<void>; name: string }> {
  const name = `gz_bench_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  const drop = async () => {
    await handle.close();
    const dropper = new pg.Client({ connectionString: serverUrl });
    await dropper.connect();
    await dropper.query(`drop database if exists ${name} with (force)`);
    await dropper.end();
  };
  return { handle, drop, name };
}

/**
 * Untimed setup: towns, a programme admin, the cycle with quotas and schools, and one application per applicant.
 * Also used by the crash tests (tests/api/crash-recovery.api.test.ts) to give a ranking run real work.
 */
export async function seed(
  handle: DatabaseHandle,
  population: Population,
): Promise<{ cycleId: string; accountId: string }> {
  const db = handle.db;
  const towns = population.towns.map((town) => town.code);
  const ids = await inTransaction(db, async (trx) => {
    await loadTowns(trx);
    const account = await trx
      .insertInto("accounts")
      .values({ username: "bench.admin", display_name: "Benchmark", password_hash: "-" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("account_roles")
      .values({ account_id: account.id, role: "programme_admin", town_code: null, department_code: null })
      .execute();
    const cycle = await pointsDb(trx)
      .insertInto("points_cycles")
      .values({
        year: 2015,
        title: "2015 (benchmark, synthetic)",
        policy_id: defaultPolicyId,
        opens_on: "2014-09-01",
        closes_on: "2015-04-30",
        quotas_due_on: "2015-03-31",
        housing_units: population.quotas.housingUnits,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const quotas = towns.flatMap((townCode, t) => [
      {
        cycle_id: cycle.id,
        purpose: "school",
        town_code: townCode,
        grade: "primary_1",
        places: population.quotas.schoolPlaces[2 * t],
        synthetic: true,
        source: "bench",
      },
      {
        cycle_id: cycle.id,
        purpose: "school",
        town_code: townCode,
        grade: "junior_1",
        places: population.quotas.schoolPlaces[2 * t + 1],
        synthetic: true,
        source: "bench",
      },
      {
        cycle_id: cycle.id,
        purpose: "hukou",
        town_code: townCode,
        grade: "",
        places: population.quotas.hukouPlaces[t],
        synthetic: true,
        source: "bench",
      },
    ]);
    await pointsDb(trx).insertInto("points_quotas").values(quotas).execute();
    const s = population.schools;
    const schools = Array.from({ length: s.count }, (_, k) => ({
      id: orderedUuid(0x30000000, k),
      cycle_id: cycle.id,
      town_code: towns[s.town[k]],
      name: `学校${k}`,
      grade: GRADE_NAMES[s.grade[k]],
      seats: s.seats[k],
      x: s.x[k],
      y: s.y[k],
      synthetic: true,
    }));
    await pointsDb(trx).insertInto("points_schools").values(schools).execute();
    return { cycleId: cycle.id, accountId: account.id };
  });
  const a = population.applicants;
  for (let start = 0; start < a.count; start += SETUP_CHUNK) {
    const rows = Array.from({ length: Math.min(SETUP_CHUNK, a.count - start) }, (_, i) => start + i);
    const column = <T>(value: (r: number) => T) => rows.map(value);
    const person = column((r) => orderedUuid(0x10000000, r));
    const enrolment = column((r) => orderedUuid(0x20000000, r));
    const town = column((r) => towns[a.town[r]]);
    await inTransaction(db, async (trx) => {
      await sql`insert into persons (id, name, id_number, gender, birth_date, town_code, hukou_type)
        select u.id, '测试' || u.n, 'BENCH' || lpad(u.n::text, 13, '0'), 'male', date '1985-01-01', u.town, 'migrant'
        from unnest(${person}::uuid[], ${town}::text[], ${rows}::integer[]) as u(id, town, n)`.execute(trx);
      await sql`insert into points_enrolments (id, person_id, town_code, residence_permit_number, work_started_on, enrolled_on, status)
        select u.id, u.person, u.town, 'RP' || u.n, date '2010-01-01', date '2014-09-01', 'enrolled'
        from unnest(${enrolment}::uuid[], ${person}::uuid[], ${town}::text[], ${rows}::integer[]) as u(id, person, town, n)`.execute(
        trx,
      );
      await sql`insert into points_applications (id, cycle_id, enrolment_id, person_id, town_code, purpose, grade, home_x, home_y, property_key, household_key,
          applied_at, applied_on, status, score_total, score_subscores, eligible, policy_id, placement_refused_on)
        select u.id, ${ids.cycleId}::uuid, u.enrolment, u.person, u.town, u.purpose, u.grade, u.x, u.y, u.property, u.household,
          u.at, (u.at at time zone 'Asia/Shanghai')::date, 'accepted', u.total,
          jsonb_build_object('personal_quality', u.quality, 'insurance', u.insurance, 'residence', u.residence), u.eligible, ${defaultPolicyId},
          case when u.refused then date '2015-05-06' end
        from unnest(${column((r) => orderedUuid(0, r))}::uuid[], ${enrolment}::uuid[], ${person}::uuid[], ${town}::text[],
          ${column((r) => PURPOSE_NAMES[a.purpose[r]])}::text[], ${column((r) => (a.purpose[r] === PURPOSE_CODES.school ? GRADE_NAMES[a.grade[r]] : null))}::text[],
          ${column((r) => a.homeX[r])}::float8[], ${column((r) => a.homeY[r])}::float8[], ${column((r) => (a.property[r] >= 0 ? `p${a.property[r]}` : null))}::text[],
          ${column((r) => `h${a.household[r]}`)}::text[], ${column((r) => new Date(a.appliedAt[r]).toISOString())}::timestamptz[], ${column((r) => a.total[r])}::integer[],
          ${column((r) => a.personalQuality[r])}::integer[], ${column((r) => a.insurance[r])}::integer[], ${column((r) => a.residence[r])}::integer[],
          ${column((r) => a.eligible[r] === 1)}::boolean[], ${column((r) => a.refused[r] === 1)}::boolean[])
          as u(id, enrolment, person, town, purpose, grade, x, y, property, household, at, total, quality, insurance, residence, eligible, refused)`.execute(
        trx,
      );
    });
    if ((start / SETUP_CHUNK) % 4 === 3) process.stderr.write(`  setup: ${start + rows.length} applicants inserted\n`);
  }
  await sql`analyze`.execute(db);
  return ids;
}

/** Admissions per purpose (hukou by round) and other outcomes, read back from the stored result rows. */
async function storedAdmitted(handle: DatabaseHandle, runId: string): Promise<Record<string, number>> {
  const rows = await pointsDb(handle.db)
    .selectFrom("points_run_results")
    .select(["purpose", "outcome", "round", (eb) => eb.fn.countAll<number>().as("n")])
    .where("run_id", "=", runId)
    .groupBy(["purpose", "outcome", "round"])
    .execute();
  const counts = { school: 0, hukou_round_1: 0, hukou_round_2: 0, housing: 0, forfeited: 0, refused_property_used: 0 };
  for (const row of rows) {
    const n = Number(row.n);
    if (row.outcome === "forfeited") counts.forfeited += n;
    if (row.outcome === "refused_property_used") counts.refused_property_used += n;
    if (row.outcome !== "admitted") continue;
    if (row.purpose === "hukou") counts[row.round === 2 ? "hukou_round_2" : "hukou_round_1"] += n;
    else counts[row.purpose as "school" | "housing"] += n;
  }
  return counts;
}

/** Creates the database, seeds it, times the ranking job once (plus `reruns` more to check the hash), and drops it. */
export async function databaseStage(
  serverUrl: string,
  population: Population,
  reruns: number,
): Promise<DatabaseFigures & { rerun_hashes_equal: boolean }> {
  const { handle, drop, name } = await createDatabase(serverUrl);
  try {
    process.stderr.write(
      `database ${name}: migrating and inserting ${population.applicants.count} applicants (untimed)\n`,
    );
    const started = performance.now();
    await migrate(handle.db);
    const { cycleId, accountId } = await seed(handle, population);
    const setupMs = performance.now() - started;
    process.stderr.write(`  setup done in ${Math.round(setupMs)} ms\n`);
    const actor = (await loadActor(handle.db, accountId))!;
    const job = async () => {
      const cpu = process.cpuUsage();
      const begun = performance.now();
      const stages: Record<string, number> = {};
      const result = await inTransactionWhenOk(handle.db, async (trx) =>
        runRanking(trx, { actor, requestId: "bench" }, (await findCycle(trx, cycleId))!, {
          onStage: (name, ms) => (stages[name] = Math.round(ms)),
        }),
      );
      const ms = performance.now() - begun;
      stages.commit = Math.round(ms - Object.values(stages).reduce((sum, value) => sum + value, 0));
      const used = process.cpuUsage(cpu);
      if (!result.ok)
        throw new Error(
          `ranking job refused: ${result.error.code} ${result.error.field ?? ""} ${result.error.message}`,
        );
      return { run: result.value, ms, cpuMs: (used.user + used.system) / 1000, stages };
    };
    const first = await job();
    process.stderr.write(
      `  job: ${Math.round(first.ms)} ms (cpu ${Math.round(first.cpuMs)} ms) ${JSON.stringify(first.stages)}, result ${first.run.result_hash.slice(0, 12)}…\n`,
    );
    let same = true;
    for (let i = 0; i < reruns; i++) {
      const again = await job();
      process.stderr.write(
        `  re-run: ${Math.round(again.ms)} ms ${JSON.stringify(again.stages)}, result ${again.run.result_hash.slice(0, 12)}…\n`,
      );
      same &&= again.run.result_hash === first.run.result_hash && again.run.input_hash === first.run.input_hash;
    }
    return {
      setup_ms: Math.round(setupMs),
      job_ms: Math.round(first.ms),
      job_stages_ms: first.stages,
      job_cpu_ms: Math.round(first.cpuMs),
      rows_written: 2 * first.run.application_count,
      result_hash: first.run.result_hash,
      input_hash: first.run.input_hash,
      stored_admitted: await storedAdmitted(handle, first.run.id),
      rerun_hashes_equal: same,
    };
  } finally {
    await drop();
  }
}
