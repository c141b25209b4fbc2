import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { createTestDatabase, type TestDatabase } from "../../../tests/helpers/database";
import { inTransaction } from "../../db/transaction";
import { appendAudit } from "./audit.log";
import { verifyAuditChain } from "./audit.verify";

// Runs on PGlite by default and on PostgreSQL with DATABASE_URL.
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function append(count: number): Promise<string[]> {
  const hashes: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const entry = await inTransaction(database.db, (trx) =>
      appendAudit(trx, {
        actorId: null,
        actorUsername: "test",
        action: "test.write",
        entityType: "test",
        entityId: String(index),
        after: { index },
      }),
    );
    if (entry.waiting) throw new Error("one writer at a time: the head is free");
    hashes.push(entry.hash);
  }
  return hashes;
}

/** What a superuser can do: switch the append-only triggers off, run the statements, switch them on again. */
async function asSuperuser(statements: string[]): Promise<void> {
  await sql`alter table audit_entries disable trigger user`.execute(database.db);
  await sql`alter table audit_head disable trigger user`.execute(database.db);
  for (const statement of statements) await sql.raw(statement).execute(database.db);
  await sql`alter table audit_entries enable trigger user`.execute(database.db);
  await sql`alter table audit_head enable trigger user`.execute(database.db);
}

describe("the audit head", () => {
  it("moves with each append, in the same transaction, and a rolled-back append leaves it alone", async () => {
    const hashes = await append(6);
    const intact = await verifyAuditChain(database.db);
    expect(intact).toMatchObject({ ok: true, checked: 6, problems: [], head: { position: 6, hash: hashes[5] } });

    await expect(
      inTransaction(database.db, async (trx) => {
        await appendAudit(trx, {
          actorId: null,
          actorUsername: "test",
          action: "test.write",
          entityType: "test",
          entityId: "x",
        });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect((await verifyAuditChain(database.db)).head).toEqual({ position: 6, hash: hashes[5] });
  });

  it("refuses moving the head back or deleting it (without superuser powers)", async () => {
    await expect(sql`update audit_head set position = 1`.execute(database.db)).rejects.toThrow(/only moves forward/);
    await expect(sql`delete from audit_head`.execute(database.db)).rejects.toThrow(/only moves forward/);
  });

  it("reports deleted newest entries as a truncated tail, and keeps the gap on the next append", async () => {
    const recorded = (await verifyAuditChain(database.db)).head!;
    await asSuperuser(["delete from audit_entries where position >= 5"]);
    const truncated = await verifyAuditChain(database.db);
    expect(truncated.ok).toBe(false);
    expect(truncated.checked).toBe(4);
    expect(truncated.problems).toEqual([
      {
        position: 5,
        id: null,
        reason: expect.stringMatching(/missing at position 5–6 .*truncated tail.*6 entries.*/) as unknown as string,
      },
    ]);
    expect(truncated.problems[0].reason).toContain(recorded.hash);

    await append(1);
    const after = await verifyAuditChain(database.db);
    expect(after.head?.position).toBe(7);
    expect(after.problems.map((problem) => problem.position)).toContain(5);
    expect(after.problems[0].reason).toMatch(/deleted/);
  });

  it("with --expect-head, catches a superuser who rewrote both the table and the head", async () => {
    const fresh = await createTestDatabase();
    try {
      const entries: string[] = [];
      for (let index = 0; index < 4; index += 1) {
        const entry = await inTransaction(fresh.db, (trx) =>
          appendAudit(trx, {
            actorId: null,
            actorUsername: "test",
            action: "test.write",
            entityType: "test",
            entityId: String(index),
          }),
        );
        if (entry.waiting) throw new Error("one writer at a time: the head is free");
        entries.push(entry.hash);
      }
      expect((await verifyAuditChain(fresh.db, { expectHead: entries[3] })).ok).toBe(true);
      expect((await verifyAuditChain(fresh.db, { expectHead: entries[1] })).ok).toBe(true);

      await sql`alter table audit_entries disable trigger user`.execute(fresh.db);
      await sql`alter table audit_head disable trigger user`.execute(fresh.db);
      await sql`delete from audit_entries where position = 4`.execute(fresh.db);
      await sql.raw(`update audit_head set position = 3, hash = '${entries[2]}'`).execute(fresh.db);

      const unaware = await verifyAuditChain(fresh.db);
      expect(unaware.ok).toBe(true);
      const withRecord = await verifyAuditChain(fresh.db, { expectHead: entries[3] });
      expect(withRecord.ok).toBe(false);
      expect(withRecord.problems[0]).toMatchObject({ position: 4, id: null });
      expect(withRecord.problems[0].reason).toMatch(/recorded head hash .* is not in the chain/);
    } finally {
      await fresh.close();
    }
  });

  it("reports a rewritten newest entry whose hash no longer matches the head", async () => {
    const fresh = await createTestDatabase();
    try {
      await inTransaction(fresh.db, (trx) =>
        appendAudit(trx, {
          actorId: null,
          actorUsername: "a",
          action: "test.write",
          entityType: "test",
          entityId: "1",
        }),
      );
      await sql`alter table audit_head disable trigger user`.execute(fresh.db);
      await sql`update audit_head set hash = ${"f".repeat(64)}`.execute(fresh.db);
      const result = await verifyAuditChain(fresh.db);
      expect(result.ok).toBe(false);
      expect(result.problems[0].reason).toMatch(/does not match the audit head/);
    } finally {
      await fresh.close();
    }
  });
});
