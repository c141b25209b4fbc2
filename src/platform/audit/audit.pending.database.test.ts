import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeWaitingEntry } from "../../../tests/helpers/audit";
import { createTestDatabase, type TestDatabase } from "../../../tests/helpers/database";
import { inTransaction } from "../../db/transaction";
import { appendAudit, type AppendedAudit } from "./audit.log";
import { sealWaitingAudit } from "./audit.pending";
import { verifyAuditChain } from "./audit.verify";

// Runs on PGlite by default and on PostgreSQL with DATABASE_URL; the concurrent cases need PostgreSQL's pool (PGlite
// has one connection, so its transactions never overlap and always find the head free).
const onServer = Boolean(process.env.DATABASE_URL?.trim());
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const record = (entityId: string) => ({
  actorId: null,
  actorUsername: "test",
  action: "test.write",
  entityType: "test",
  entityId,
  after: { entityId, name: "𠀀 waiting" },
});

const storeWaiting = (entityId: string, at: Date, mac?: string) => storeWaitingEntry(database.db, entityId, at, mac);

const waitingCount = async () =>
  Number(
    (
      await database.db
        .selectFrom("audit_pending")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("entries waiting for the audit chain", () => {
  it.runIf(onServer)(
    "a write that finds the head held stores its entry as waiting, and it is chained before the write returns",
    async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let holderTook!: () => void;
      const taken = new Promise<void>((resolve) => (holderTook = resolve));
      // A: takes the head and keeps its transaction open.
      const holder = inTransaction(database.db, async (trx) => {
        const entry = await appendAudit(trx, record("holder"));
        holderTook();
        await held;
        return entry;
      });
      await taken;
      // B: finds the head held, does not wait for it, commits; its answer waits for the sealing after A's commit.
      let appended: AppendedAudit | null = null;
      const writer = inTransaction(database.db, async (trx) => {
        appended = await appendAudit(trx, record("writer"));
        return appended;
      });
      await expect.poll(async () => waitingCount(), { timeout: 5_000 }).toBe(1);
      expect(appended).toMatchObject({ waiting: true, entityId: "writer" });
      let writerDone = false;
      void writer.then(() => (writerDone = true));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(writerDone).toBe(false);

      release();
      const first = await holder;
      await writer;
      expect(first.waiting).toBe(false);
      expect(await waitingCount()).toBe(0);
      const chain = await database.db
        .selectFrom("audit_entries")
        .select(["position", "entity_id"])
        .where("action", "=", "test.write")
        .orderBy("position")
        .execute();
      expect(chain.map((row) => row.entity_id)).toEqual(["holder", "writer"]);
      expect(Number(chain[1].position)).toBe(Number(chain[0].position) + 1);
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, waiting: 0 });
    },
  );

  it.runIf(onServer)("sixty concurrent writes all end in one intact chain, none left waiting", async () => {
    const before = (await verifyAuditChain(database.db)).checked;
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, index) =>
        inTransaction(database.db, (trx) => appendAudit(trx, record(`crowd-${index}`))),
      ),
    );
    const verified = await verifyAuditChain(database.db);
    expect(verified).toMatchObject({ ok: true, waiting: 0, checked: before + 60 });
    expect(new Set(results.map((result) => result.id)).size).toBe(60);
  });

  it("a write beside other open transactions of the process waits for the chain instead of holding its head; alone, it chains at once", async () => {
    let begun!: () => void;
    const started = new Promise<void>((resolve) => (begun = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const shared = inTransaction(database.db, async (trx) => {
      begun();
      await gate;
      return appendAudit(trx, record("shared"));
    });
    await started;
    // Another transaction of the process, open (or, on PGlite, waiting for the one connection) beside it.
    const other = inTransaction(database.db, async (trx) => sql`select 1`.execute(trx));
    release();
    const entry = await shared;
    expect(entry.waiting).toBe(true);
    // Chained before inTransaction returned: nothing is left waiting.
    expect(await waitingCount()).toBe(0);
    await other;
    const alone = await inTransaction(database.db, (trx) => appendAudit(trx, record("alone")));
    expect(alone.waiting).toBe(false);
    const chained = await database.db
      .selectFrom("audit_entries")
      .select("entity_id")
      .where("entity_id", "in", ["shared", "alone"])
      .orderBy("position")
      .execute();
    expect(chained.map((row) => row.entity_id)).toEqual(["shared", "alone"]);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it("a waiting entry is chained by the next sealing; one without the audit key's hash never is, and verify says so", async () => {
    const good = await storeWaiting("left-by-a-crash", new Date());
    const forged = await storeWaiting("slipped-in", new Date(), "0".repeat(64));
    const pending = await verifyAuditChain(database.db);
    expect(pending.waiting).toBe(2);
    expect(pending.problems).toEqual([
      { position: 0, id: forged, reason: expect.stringMatching(/no valid keyed hash/) as unknown as string },
    ]);

    expect(await sealWaitingAudit(database.db)).toBe(1);
    const chained = await database.db.selectFrom("audit_entries").select("id").where("id", "=", good).execute();
    expect(chained).toHaveLength(1);
    const after = await verifyAuditChain(database.db);
    expect(after.waiting).toBe(1);
    expect(after.problems.map((problem) => problem.id)).toEqual([forged]);
    await database.db.deleteFrom("audit_pending").where("id", "=", forged).execute();
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it("verify reports an entry that has waited over a minute (its sealing never ran)", async () => {
    const stale = await storeWaiting("stale", new Date(Date.now() - 120_000));
    const result = await verifyAuditChain(database.db);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      {
        position: 0,
        id: stale,
        reason: expect.stringMatching(/waited for the chain since .*gongzhi audit seal/) as unknown as string,
      },
    ]);
    expect(await sealWaitingAudit(database.db)).toBe(1);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it("a waiting entry is never changed in place", async () => {
    const id = await storeWaiting("fixed", new Date());
    await expect(
      database.db.updateTable("audit_pending").set({ entity_id: "changed" }).where("id", "=", id).execute(),
    ).rejects.toThrow(/not changed/);
    await sealWaitingAudit(database.db);
  });
});
