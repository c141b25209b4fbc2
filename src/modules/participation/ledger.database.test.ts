import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../../demo/load";
import { verifyAuditChain } from "../../platform/audit/audit.verify";
import { createTestDatabase, type TestDatabase } from "../../../tests/helpers/database";
import { participationModule } from "./manifest";
import { participationDb } from "./tables";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemo(database.db, { modules: [participationModule], persons: 400 });
});

afterAll(async () => {
  await database?.close();
});

describe("the volunteer ledger in the database", () => {
  it("refuses UPDATE and DELETE of an entry (append-only, enforced by a trigger)", async () => {
    const entry = await participationDb(database.db)
      .selectFrom("volunteer_ledger")
      .select(["id", "hundredths"])
      .where("reverses_entry_id", "is", null)
      .limit(1)
      .executeTakeFirstOrThrow();
    await expect(
      sql`update volunteer_ledger set hundredths = hundredths + 100 where id = ${entry.id}`.execute(database.db),
    ).rejects.toThrow(/append-only \(UPDATE refused\)/);
    await expect(sql`delete from volunteer_ledger where id = ${entry.id}`.execute(database.db)).rejects.toThrow(
      /append-only \(DELETE refused\)/,
    );
    await expect(sql`truncate volunteer_ledger cascade`.execute(database.db)).rejects.toThrow(/append-only/);
    const after = await participationDb(database.db)
      .selectFrom("volunteer_ledger")
      .select("hundredths")
      .where("id", "=", entry.id)
      .executeTakeFirstOrThrow();
    expect(after.hundredths).toBe(entry.hundredths);
  });

  it("refuses a reversal without a reason or with the wrong sign at the database too", async () => {
    const entry = await participationDb(database.db)
      .selectFrom("volunteer_ledger")
      .selectAll()
      .where("reverses_entry_id", "is", null)
      .limit(1)
      .executeTakeFirstOrThrow();
    const insert = (hundredths: number, reason: string) =>
      sql`insert into volunteer_ledger (person_id, town_code, activity_id, import_id, category, place, served_on, hundredths, confirmed_by, reason, reverses_entry_id)
          values (${entry.person_id}, ${entry.town_code}, ${entry.activity_id}, ${entry.import_id}, ${entry.category}, ${entry.place}, ${entry.served_on}, ${hundredths}, ${entry.confirmed_by}, ${reason}, ${entry.id})`.execute(
        database.db,
      );
    await expect(insert(-50, " ")).rejects.toThrow(/volunteer_ledger_reversal_reason/);
    await expect(insert(50, "wrong sign")).rejects.toThrow(/volunteer_ledger_sign/);
  });

  it("seeds confirmed hours, a correction, an import, a waiting list and keeps the audit chain whole", async () => {
    const db = participationDb(database.db);
    const reversals = await db
      .selectFrom("volunteer_ledger")
      .selectAll()
      .where("reverses_entry_id", "is not", null)
      .execute();
    expect(reversals).toHaveLength(1);
    expect(reversals[0].hundredths).toBe(-50);
    const imported = await db
      .selectFrom("volunteer_ledger")
      .selectAll()
      .where("place", "=", "guangdong_other")
      .execute();
    expect(imported.map((row) => row.hundredths).sort((a, b) => a - b)).toEqual([600, 2050]);
    const waiting = await db.selectFrom("volunteer_signups").select("id").where("status", "=", "waiting").execute();
    expect(waiting.length).toBeGreaterThanOrEqual(1);
    const organisers = await db.selectFrom("volunteer_organisers").selectAll().execute();
    expect(organisers).toHaveLength(1);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });
});
