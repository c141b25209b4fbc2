import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app";
import { countAudit, signIn, type Session } from "../helpers/fixtures";

// Runs on PGlite by default and on PostgreSQL with DATABASE_URL (a fresh database per file).
let testApp: TestApp;
let clerk: Session;

beforeAll(async () => {
  testApp = await createTestApp();
  clerk = await signIn(testApp.app, "clerk");
});
afterAll(async () => {
  await testApp?.close();
});

const organisation = (name: string) => ({
  name,
  kind: "social_organisation",
  townCode: "shiqi",
  address: "石岐街道一号",
});

async function organisationsNamed(name: string): Promise<number> {
  const row = await testApp.database.db
    .selectFrom("organisations")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("name", "=", name)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

describe("Idempotency-Key under concurrency", () => {
  it("runs the command once for two concurrent POSTs with the same key and caller", async () => {
    for (let round = 0; round < 5; round += 1) {
      const name = `并发协会${round}`;
      const auditBefore = await countAudit(testApp.database.db, "organisation.create");
      const headers = { "idempotency-key": `concurrent-${round}` };
      const responses = await Promise.all([
        clerk.request("POST", "/api/v1/organisations", organisation(name), headers),
        clerk.request("POST", "/api/v1/organisations", organisation(name), headers),
      ]);
      const created = responses.filter(
        (response) => response.statusCode === 201 && response.headers["idempotent-replayed"] === undefined,
      );
      expect(created).toHaveLength(1);
      const other = responses.find((response) => response !== created[0])!;
      if (other.statusCode === 409) {
        expect(other.json().error.code).toBe("idempotency_in_progress");
        expect(other.json().error.fields).toHaveProperty("Idempotency-Key");
      } else {
        expect(other.statusCode).toBe(201);
        expect(other.headers["idempotent-replayed"]).toBe("true");
        expect(other.json()).toEqual(created[0].json());
      }
      expect(await organisationsNamed(name)).toBe(1);
      expect(await countAudit(testApp.database.db, "organisation.create")).toBe(auditBefore + 1);

      const later = await clerk.request("POST", "/api/v1/organisations", organisation(name), headers);
      expect(later.statusCode).toBe(201);
      expect(later.headers["idempotent-replayed"]).toBe("true");
      expect(later.json().id).toBe(created[0].json().id);
    }
  });

  it("keeps keys per caller: another account with the same key runs its own command", async () => {
    const admin = await signIn(testApp.app, "programmeadmin");
    const headers = { "idempotency-key": "shared-key" };
    const [mine, theirs] = await Promise.all([
      clerk.request("POST", "/api/v1/organisations", organisation("甲协会"), headers),
      admin.request("POST", "/api/v1/organisations", organisation("乙协会"), headers),
    ]);
    expect([mine.statusCode, theirs.statusCode]).toEqual([201, 201]);
    expect(mine.json().id).not.toBe(theirs.json().id);
  });

  it("takes over a reservation left by a request that never answered (older than 5 minutes)", async () => {
    await testApp.database.db
      .insertInto("idempotency_keys")
      .values({
        account_id: testApp.world.accounts.clerk,
        key: "stale",
        method: "POST",
        path: "/api/v1/organisations",
        status_code: null,
        body: null,
        created_at: new Date(Date.now() - 10 * 60_000),
      })
      .execute();
    const response = await clerk.request("POST", "/api/v1/organisations", organisation("过期预留协会"), {
      "idempotency-key": "stale",
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers["idempotent-replayed"]).toBeUndefined();
  });
});
