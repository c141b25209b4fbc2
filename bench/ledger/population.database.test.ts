import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/database";
import { ledgerFactsOf } from "../../src/modules/participation/facts";
import { percentile, sampleVolunteers, timeApplicantPopulation, timeHoursPages, timeRefresh } from "./measure";
import { seedLedger, type LedgerPopulation } from "./population";

let database: TestDatabase;
let population: LedgerPopulation;

beforeAll(async () => {
  database = await createTestDatabase();
  population = await seedLedger(database.db, { volunteers: 600, entries: 6_000, applicants: 120 });
});

afterAll(async () => {
  await database?.close();
});

describe("the ledger benchmark at a small size", () => {
  it("generates the asked sizes, with reversals, imports, sign-ups and an active tenth of the volunteers", async () => {
    expect(population.persons).toBe(600);
    expect(population.applicants).toBe(120);
    expect(population.activities).toBe(216);
    expect(population.entries - population.reversals).toBe(6_000);
    expect(population.reversals).toBeGreaterThan(10);
    expect(population.signups).toBeGreaterThan(0);
    // The ledger's indexes, dropped for the load, are all back.
    const indexes = await sql<{ indexname: string }>`select indexname from pg_indexes
      where tablename = 'volunteer_ledger' order by indexname`.execute(database.db);
    expect(indexes.rows.map((row) => row.indexname)).toEqual([
      "volunteer_ledger_activity",
      "volunteer_ledger_campaign",
      "volunteer_ledger_external_ref",
      "volunteer_ledger_person",
      "volunteer_ledger_pkey",
      "volunteer_ledger_reverses",
    ]);
    const shape = await sql<{ imported: string; outside: string; active_share: string }>`select
        count(*) filter (where place = 'guangdong_other' and reverses_entry_id is null) as imported,
        count(*) filter (where served_on <= ${population.today}::date - interval '5 years') as outside,
        (select count(*) from (select person_id from volunteer_ledger group by person_id
          order by count(*) desc limit 60) top) as active_share
      from volunteer_ledger`.execute(database.db);
    expect(Number(shape.rows[0].imported)).toBe(600);
    // About one entry in six lies before the five-year window.
    expect(Number(shape.rows[0].outside)).toBeGreaterThan(500);
    expect(Number(shape.rows[0].outside)).toBeLessThan(1_600);
    const busiest = await sql<{ n: string }>`select count(*) as n from volunteer_ledger
      where person_id in (select person_id from volunteer_ledger group by person_id order by count(*) desc limit 60)`.execute(
      database.db,
    );
    // Half the entries go to the active tenth.
    expect(Number(busiest.rows[0].n)).toBeGreaterThan(3_000);
  });

  it("refreshes every applicant's facts to the values of the per-person path", async () => {
    const refresh = await timeRefresh(database.db, population.cycleId, population.today);
    expect(refresh.applicants).toBe(120);
    expect(refresh.withHours).toBeGreaterThan(0);
    const applicants = await sql<{ person_id: string }>`select person_id from points_applications
      where cycle_id = ${population.cycleId}`.execute(database.db);
    for (const { person_id: personId } of applicants.rows) {
      const facts = await ledgerFactsOf(database.db, personId, population.today);
      expect(refresh.values.get(personId) ?? null).toEqual(
        facts ? Object.fromEntries(facts.map((fact) => [fact.fact, fact.value])) : null,
      );
    }
    const simulation = await timeApplicantPopulation(database.db, population.cycleId);
    expect(simulation.applicants).toBe(120);
  });

  it("times the hours page of volunteers spread over the population", async () => {
    const sample = await sampleVolunteers(database.db, 50);
    expect(new Set(sample).size).toBe(50);
    const pages = await timeHoursPages(database.db, sample);
    expect(pages.samples).toBe(50);
    expect(pages.meanEntries).toBeGreaterThan(2);
    expect(pages.p50).toBeLessThanOrEqual(pages.p99);
    expect(pages.p99).toBeLessThanOrEqual(pages.max);
  });

  it("takes percentiles by nearest rank", () => {
    const sorted = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 99)).toBe(0);
  });
});
