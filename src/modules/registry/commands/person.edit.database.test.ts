import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../tests/helpers/database";
import { seedTestWorld, type TestWorld } from "../../../../tests/helpers/fixtures";
import { inTransactionWhenOk } from "../../../db/transaction";
import { loadActor } from "../../../platform/accounts/accounts.repository";
import type { Actor } from "../../../platform/roles";
import { findPerson } from "../repository";
import { editPerson } from "./person.edit";

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

async function edit(input: Parameters<typeof editPerson>[3]) {
  return inTransactionWhenOk(database.db, async (trx) => {
    const current = (await findPerson(trx, world.persons.shiqi))!;
    return editPerson(trx, { actor, requestId: null }, current, { ...input, version: current.version });
  });
}

describe("editPerson", () => {
  it("keeps the community when the same 镇区 is sent again", async () => {
    const result = await edit({ version: 0, townCode: "shiqi", address: "同镇区" });
    expect(result.ok && result.value.communityId).toBe(world.communities.shiqi);
  });

  it("clears the community when moving to another 镇区 without naming one", async () => {
    const result = await edit({ version: 0, townCode: "xiaolan" });
    expect(result.ok && result.value.townCode).toBe("xiaolan");
    expect(result.ok && result.value.communityId).toBeNull();
  });

  it("re-derives gender and birth date from a new ID number and refuses an invalid one by field", async () => {
    const refused = await edit({ version: 0, idNumber: "123" });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.field).toBe("idNumber");
    const changed = await edit({ version: 0, idNumber: "11010519491231002X" });
    expect(changed.ok && changed.value.birthDate).toBe("1949-12-31");
    expect(changed.ok && changed.value.gender).toBe("female");
  });
});
