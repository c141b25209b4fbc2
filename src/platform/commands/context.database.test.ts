import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../tests/helpers/database";
import { inTransaction } from "../../db/transaction";
import type { Actor } from "../roles";
import { audit, isUniqueViolation } from "./context";

// Runs on PGlite by default and on PostgreSQL with DATABASE_URL.
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const clerk: Actor = {
  id: "00000000-0000-4000-8000-000000000001",
  username: "clerk.a",
  displayName: "Clerk",
  personId: null,
  grants: [],
};

async function lastEntry() {
  return database.db
    .selectFrom("audit_entries")
    .selectAll()
    .orderBy("position", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
}

describe("audit", () => {
  it("records the actor and the request id in the command's transaction", async () => {
    await inTransaction(database.db, (trx) =>
      audit(
        trx,
        { actor: clerk, requestId: "req-1" },
        { action: "test.change", entityType: "test", entityId: "t1", townCode: "shiqi", after: { a: 1 } },
      ),
    );
    const entry = await lastEntry();
    expect(entry).toMatchObject({
      actor_id: clerk.id,
      actor_username: "clerk.a",
      request_id: "req-1",
      action: "test.change",
      entity_id: "t1",
      town_code: "shiqi",
    });
  });

  it('records the named system user when there is no actor, and "system" when none is named', async () => {
    await inTransaction(database.db, (trx) =>
      audit(
        trx,
        { actor: null, username: "payroll-job", requestId: null },
        { action: "test.job", entityType: "test", entityId: "t2", townCode: null },
      ),
    );
    expect(await lastEntry()).toMatchObject({ actor_id: null, actor_username: "payroll-job", action: "test.job" });
    await inTransaction(database.db, (trx) =>
      audit(
        trx,
        { actor: null, requestId: null },
        { action: "test.cli", entityType: "test", entityId: "t3", townCode: null },
      ),
    );
    expect(await lastEntry()).toMatchObject({ actor_id: null, actor_username: "system", action: "test.cli" });
  });

  it("leaves no entry when the transaction rolls back", async () => {
    const before = await lastEntry();
    await expect(
      inTransaction(database.db, async (trx) => {
        await audit(
          trx,
          { actor: clerk, requestId: null },
          { action: "test.rolled_back", entityType: "test", entityId: "t4", townCode: null },
        );
        throw new Error("refused midway");
      }),
    ).rejects.toThrow("refused midway");
    expect((await lastEntry()).position).toBe(before.position);
  });
});

describe("isUniqueViolation", () => {
  it("recognises the database's unique violation by constraint name, and nothing else", async () => {
    const town = { code: "uv_test", name: "唯一测试", pinyin: "weiyi", kind: "town", central_district: false };
    await database.db.insertInto("towns").values(town).execute();
    const error = await database.db
      .insertInto("towns")
      .values(town)
      .execute()
      .then(
        () => undefined,
        (caught: unknown) => caught,
      );
    expect(error).toBeDefined();
    expect(isUniqueViolation(error, "towns_pkey")).toBe(true);
    expect(isUniqueViolation(error, "some_other_key", "towns_pkey")).toBe(true);
    expect(isUniqueViolation(error, "towns_name_key")).toBe(false);
    expect(isUniqueViolation(new Error("towns_pkey"), "towns_pkey")).toBe(false);
    expect(isUniqueViolation(undefined, "towns_pkey")).toBe(false);
  });
});
