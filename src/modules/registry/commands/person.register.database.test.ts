import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../tests/helpers/database";
import { seedTestWorld, testIdNumber, type TestWorld } from "../../../../tests/helpers/fixtures";
import { inTransactionWhenOk } from "../../../db/transaction";
import { loadActor } from "../../../platform/accounts/accounts.repository";
import type { Actor } from "../../../platform/roles";
import { findPerson } from "../repository";
import type { PersonCreateBody } from "../schemas";
import { registerPerson } from "./person.register";

let database: TestDatabase;
let world: TestWorld;
let actor: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedTestWorld(database.db);
  actor = (await loadActor(database.db, world.accounts.programmeAdmin))!;
});
afterAll(async () => {
  await database?.close();
});

const register = (input: Partial<PersonCreateBody> & { idNumber: string }) =>
  inTransactionWhenOk(database.db, (trx) =>
    registerPerson(
      trx,
      { actor, requestId: null },
      { name: "登记测试", townCode: "shiqi", hukouType: "local", ...input },
    ),
  );

async function auditedCreates(personId: string): Promise<number> {
  const rows = await database.db
    .selectFrom("audit_entries")
    .select("id")
    .where("action", "=", "person.create")
    .where("entity_id", "=", personId)
    .execute();
  return rows.length;
}

describe("registerPerson", () => {
  it("answers with the stored person, read back the same, and audits it once", async () => {
    const result = await register({ idNumber: testIdNumber(9101), address: " 孙文中路1号 ", phone: "13800138000" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const stored = await findPerson(database.db, result.value.id);
    expect(result.value).toEqual(stored);
    expect(result.value).toMatchObject({ address: "孙文中路1号", householdId: null, version: 1, townCode: "shiqi" });
    expect(await auditedCreates(result.value.id)).toBe(1);
  });

  it("refuses an ID number already registered, next to the field, and writes nothing", async () => {
    const idNumber = testIdNumber(9102);
    expect((await register({ idNumber })).ok).toBe(true);
    const again = await register({ idNumber, name: "重复" });
    expect(again).toMatchObject({ ok: false, error: { code: "duplicate_id_number", field: "idNumber" } });
    const rows = await database.db.selectFrom("persons").select("name").where("id_number", "=", idNumber).execute();
    expect(rows).toEqual([{ name: "登记测试" }]);
  });

  it("lets exactly one of several concurrent registrations of the same number through", async () => {
    const idNumber = testIdNumber(9103);
    const results = await Promise.all([1, 2, 3, 4].map((n) => register({ idNumber, name: `并发${n}` })));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.error.code === "duplicate_id_number")).toHaveLength(3);
    const rows = await database.db.selectFrom("persons").select("id").where("id_number", "=", idNumber).execute();
    expect(rows).toHaveLength(1);
    expect(await auditedCreates(rows[0].id)).toBe(1);
  });

  it("refuses an unknown 镇区 and a community of another 镇区", async () => {
    expect(await register({ idNumber: testIdNumber(9104), townCode: "atlantis" })).toMatchObject({
      ok: false,
      error: { code: "unknown_town", field: "townCode" },
    });
    expect(
      await register({ idNumber: testIdNumber(9105), townCode: "xiaolan", communityId: world.communities.shiqi }),
    ).toMatchObject({
      ok: false,
      error: { code: "community_not_in_town", field: "communityId" },
    });
  });
});
