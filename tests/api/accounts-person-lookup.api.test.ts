import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app";
import { countAudit, signIn, testIdNumber, testPassword, type Session } from "../helpers/fixtures";

let testApp: TestApp;
let admin: Session;

beforeAll(async () => {
  testApp = await createTestApp();
  admin = await signIn(testApp.app, "admin");
});
afterAll(async () => {
  await testApp?.close();
});

const lookup = (session: Session, idNumber: string) =>
  session.request("GET", `/api/v1/accounts/person-lookup?idNumber=${encodeURIComponent(idNumber)}`);

describe("GET /accounts/person-lookup", () => {
  it("gives an admin the masked name and person id for an exact ID number, and logs the read on the person", async () => {
    const before = await countAudit(testApp.database.db, "person.lookup");
    const response = await lookup(admin, ` ${testIdNumber(901).toLowerCase()} `);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      personId: testApp.world.persons.shiqi,
      maskedName: "张*明",
      linkedAccounts: ["resident"],
    });
    expect(await countAudit(testApp.database.db, "person.lookup")).toBe(before + 1);
    const entry = await testApp.database.db
      .selectFrom("audit_entries")
      .selectAll()
      .where("action", "=", "person.lookup")
      .orderBy("position", "desc")
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      actor_username: "admin",
      entity_type: "person",
      entity_id: testApp.world.persons.shiqi,
      town_code: "shiqi",
    });
  });

  it("answers 400 naming idNumber for a malformed number, 404 for an unknown one, and never searches fragments", async () => {
    const malformed = await lookup(admin, "张三");
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.fields).toHaveProperty("idNumber");
    const lastFour = await lookup(admin, testIdNumber(901).slice(-4));
    expect(lastFour.statusCode).toBe(400);
    const unknown = await lookup(admin, testIdNumber(777));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe("not_found");
    const missing = await admin.request("GET", "/api/v1/accounts/person-lookup");
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toHaveProperty("idNumber");
  });

  it("refuses every other role (403) and anonymous callers (401), and tells the web app through abilities", async () => {
    for (const username of ["clerk", "auditor", "programmeadmin", "verifier", "resident"]) {
      const session = await signIn(testApp.app, username);
      expect((await lookup(session, testIdNumber(901))).statusCode, username).toBe(403);
      expect(
        (await session.request("GET", "/api/v1/auth/me")).json().abilities["accounts.personLookup"],
        username,
      ).toBe(false);
    }
    expect(
      (await testApp.app.inject({ method: "GET", url: `/api/v1/accounts/person-lookup?idNumber=${testIdNumber(901)}` }))
        .statusCode,
    ).toBe(401);
    expect((await admin.request("GET", "/api/v1/auth/me")).json().abilities["accounts.personLookup"]).toBe(true);
  });

  it("links a resident account to the person found and keeps it linked, so the resident sees their profile", async () => {
    const found = (await lookup(admin, testIdNumber(902, "430102"))).json();
    const account = {
      username: "resident.li",
      displayName: "李四",
      password: testPassword,
      roles: [{ role: "resident" }],
    };
    const unlinked = await admin.request("POST", "/api/v1/accounts", account);
    expect(unlinked.statusCode).toBe(400);
    expect(unlinked.json().error.fields).toHaveProperty("personId");
    const created = await admin.request("POST", "/api/v1/accounts", { ...account, personId: found.personId });
    expect(created.statusCode).toBe(201);
    expect(created.json().personId).toBe(found.personId);
    const dropped = await admin.request("PATCH", `/api/v1/accounts/${created.json().id}`, {
      version: created.json().version,
      personId: null,
    });
    expect(dropped.statusCode).toBe(400);
    expect(dropped.json().error.code).toBe("person_required");
    const renamed = await admin.request("PATCH", `/api/v1/accounts/${created.json().id}`, {
      version: created.json().version,
      displayName: "李四（居民）",
    });
    expect(renamed.statusCode).toBe(200);
    const linked = renamed;
    expect(linked.json().personId).toBe(found.personId);
    const resident = await signIn(testApp.app, "resident.li");
    const profile = await resident.request("GET", "/api/v1/me/profile");
    expect(profile.statusCode).toBe(200);
    expect(profile.json().person.id).toBe(found.personId);

    const unknown = await admin.request("PATCH", `/api/v1/accounts/${created.json().id}`, {
      version: linked.json().version,
      personId: "00000000-0000-4000-8000-000000000000",
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toHaveProperty("personId");
  });
});
