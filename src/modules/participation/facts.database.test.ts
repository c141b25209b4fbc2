import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { today } from "../../core/clock";
import { addDays } from "../../core/dates";
import { loadDemo } from "../../demo/load";
import { createTestDatabase, type TestDatabase } from "../../../tests/helpers/database";
import { countingFacts, countingFactsOfEnrolments } from "../points/commands/scores";
import { pointsModule } from "../points/manifest";
import { ledgerFactsOf, ledgerFactValues, LEDGER_FACTS_CHUNK, windowStart } from "./facts";
import { participationModule } from "./manifest";
import { participationDb } from "./tables";

let database: TestDatabase;
let volunteers: string[];
const categories = ["general", "anti_drug", "online_civility", "safety_publicity"] as const;

/** A small deterministic generator, so a failure can be reproduced. */
function sequence(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemo(database.db, { modules: [pointsModule, participationModule], persons: 400 });
  const db = participationDb(database.db);
  const activity = await db.selectFrom("volunteer_activities").select("id").limit(1).executeTakeFirstOrThrow();
  const imported = await db.selectFrom("volunteer_imports").select("id").limit(1).executeTakeFirstOrThrow();
  const account = await db.selectFrom("accounts").select("id").limit(1).executeTakeFirstOrThrow();
  // Every enrolled person and as many others get entries around both ends of the window: the day five years
  // before (outside), the day after it (inside), today (inside), tomorrow (outside), partly and fully reversed
  // entries, and reversals whose original fell out of the window.
  const enrolled = (await sql<{ person_id: string }>`select person_id from points_enrolments`.execute(database.db))
    .rows;
  const others = (
    await sql<{ id: string }>`select id from persons where id not in (select person_id from points_enrolments)
      order by id limit ${Math.max(enrolled.length, 20)}`.execute(database.db)
  ).rows;
  volunteers = [...enrolled.map((row) => row.person_id), ...others.map((row) => row.id)];
  const day = today();
  const start = windowStart(day);
  const days = [
    addDays(start, -1),
    start,
    addDays(start, 1),
    addDays(start, 400),
    addDays(day, -3),
    day,
    addDays(day, 1),
  ];
  const random = sequence(11);
  for (const personId of volunteers) {
    const entries = 1 + random(6);
    for (let index = 0; index < entries; index += 1) {
      const fromActivity = random(3) > 0;
      const servedOn = days[random(days.length)];
      const hundredths = 1 + random(1500);
      const inserted = await sql<{ id: string }>`insert into volunteer_ledger (person_id, town_code, activity_id,
          import_id, category, place, served_on, hundredths, confirmed_by)
        values (${personId}, (select town_code from persons where id = ${personId}), ${fromActivity ? activity.id : null}, ${fromActivity ? null : imported.id},
          ${categories[random(4)]}, ${fromActivity ? "zhongshan" : "guangdong_other"}, ${servedOn}, ${hundredths},
          ${account.id}) returning id`.execute(database.db);
      const reversal = random(4);
      if (reversal === 0) continue;
      const reversedOn = reversal === 3 ? days[random(days.length)] : servedOn;
      const amount = reversal === 1 ? hundredths : 1 + random(hundredths);
      await sql`insert into volunteer_ledger (person_id, town_code, activity_id, import_id, category, place,
          served_on, hundredths, confirmed_by, reason, reverses_entry_id)
        select person_id, town_code, activity_id, import_id, category, place, ${reversedOn}, ${-amount}, confirmed_by,
          'test correction', id
        from volunteer_ledger where id = ${inserted.rows[0].id}`.execute(database.db);
    }
  }
});

afterAll(async () => {
  await database?.close();
});

describe("the set-based refresh of the ledger facts", () => {
  it("gives every person the values of the per-person facts, and nothing for persons without hours", async () => {
    const everyone = (await sql<{ id: string }>`select id from persons order by id`.execute(database.db)).rows.map(
      (row) => row.id,
    );
    const day = today();
    const values = await ledgerFactValues(database.db, everyone, day);
    let withHours = 0;
    for (const personId of everyone) {
      const facts = await ledgerFactsOf(database.db, personId, day);
      if (facts) withHours += 1;
      expect([personId, values.get(personId) ?? null]).toEqual([
        personId,
        facts ? Object.fromEntries(facts.map((fact) => [fact.fact, fact.value])) : null,
      ]);
    }
    expect(values.size).toBe(withHours);
    expect(withHours).toBeGreaterThan(volunteers.length / 2);
  });

  it("reads persons past one chunk and repeated persons the same", async () => {
    const day = today();
    const padded = [...volunteers, ...volunteers];
    while (padded.length <= LEDGER_FACTS_CHUNK) padded.push(...volunteers);
    const once = await ledgerFactValues(database.db, volunteers, day);
    const repeated = await ledgerFactValues(database.db, padded, day);
    expect([...repeated.entries()].sort()).toEqual([...once.entries()].sort());
    expect((await ledgerFactValues(database.db, [], day)).size).toBe(0);
  });

  it("gives the points applicants the counting facts of the per-enrolment path", async () => {
    const enrolments = (await sql<{ id: string }>`select id from points_enrolments order by id`.execute(database.db))
      .rows;
    expect(enrolments.length).toBeGreaterThan(0);
    const batch = await countingFactsOfEnrolments(
      database.db,
      enrolments.map((row) => row.id),
    );
    let fromLedger = 0;
    for (const { id } of enrolments) {
      const single = await countingFacts(database.db, id);
      if ("volunteer_hours_5y" in single) fromLedger += 1;
      // The same keys in the same order, with the same values.
      expect(JSON.stringify(batch.get(id))).toBe(JSON.stringify(single));
    }
    expect(fromLedger).toBeGreaterThan(0);
  });
});
