import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { sql } from "kysely";
import { buildApp } from "../../src/http/app";
import { verifyAuditChain } from "../../src/platform/audit/audit.verify";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { countAudit, seedTestWorld, signIn, testIdNumber, type Session, type TestWorld } from "../helpers/fixtures";

let database: TestDatabase;
let app: FastifyInstance;
let world: TestWorld;
let clerk: Session;
let admin: Session;
let auditor: Session;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedTestWorld(database.db);
  app = await buildApp({ db: database.db, webDist: "/nonexistent" });
  clerk = await signIn(app, "clerk");
  admin = await signIn(app, "admin");
  auditor = await signIn(app, "auditor");
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

/** Runs a request and asserts it added exactly one audit entry with the given action. */
async function expectOneEntry(action: string, run: () => Promise<LightMyRequestResponse>) {
  const before = await countAudit(database.db);
  const response = await run();
  expect(response.statusCode, response.body).toBeLessThan(300);
  expect(await countAudit(database.db)).toBe(before + 1);
  const last = await database.db
    .selectFrom("audit_entries")
    .selectAll()
    .orderBy("position", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
  expect(last.action).toBe(action);
  return { response, entry: last };
}

describe("every write leaves exactly one audit entry", () => {
  it("covers the registry and account write routes", async () => {
    const { response: created, entry } = await expectOneEntry("person.create", () =>
      clerk.request("POST", "/api/v1/persons", {
        name: "周八",
        idNumber: testIdNumber(500),
        townCode: "shiqi",
        hukouType: "local",
      }),
    );
    expect(entry.actor_username).toBe("clerk");
    expect(entry.town_code).toBe("shiqi");
    expect(entry.request_id).toBe(created.headers["x-request-id"]);
    const personId = created.json().id as string;
    await expectOneEntry("person.update", () =>
      clerk.request("PATCH", `/api/v1/persons/${personId}`, { version: 1, phone: "13912345678" }),
    );
    const { response: household } = await expectOneEntry("household.create", () =>
      clerk.request("POST", "/api/v1/households", { townCode: "shiqi", address: "审计路1号" }),
    );
    const householdId = household.json().id as string;
    await expectOneEntry("household.member_add", () =>
      clerk.request("POST", `/api/v1/households/${householdId}/members`, { personId, relationship: "head" }),
    );
    await expectOneEntry("household.update", () =>
      clerk.request("PATCH", `/api/v1/households/${householdId}`, { version: 2, headPersonId: personId }),
    );
    await expectOneEntry("household.member_end", () =>
      clerk.request("DELETE", `/api/v1/households/${householdId}/members/${personId}`),
    );
    const { response: organisation } = await expectOneEntry("organisation.create", () =>
      clerk.request("POST", "/api/v1/organisations", {
        name: "审计协会",
        kind: "social_organisation",
        townCode: "shiqi",
      }),
    );
    await expectOneEntry("organisation.update", () =>
      clerk.request("PATCH", `/api/v1/organisations/${organisation.json().id}`, { version: 1, address: "新址" }),
    );
    const { response: account } = await expectOneEntry("account.create", () =>
      admin.request("POST", "/api/v1/accounts", {
        username: "new.clerk",
        displayName: "新办事员",
        password: "New-Clerk-2026",
        roles: [{ role: "clerk", townCode: "shiqi" }],
      }),
    );
    await expectOneEntry("account.update", () =>
      admin.request("PATCH", `/api/v1/accounts/${account.json().id}`, { version: 1, disabled: true }),
    );
  });

  it("logs a staff read of a full record, but not a search", async () => {
    await expectOneEntry("person.read", () => clerk.request("GET", `/api/v1/persons/${world.persons.shiqi}`));
    const before = await countAudit(database.db);
    await clerk.request("GET", `/api/v1/persons?q=${encodeURIComponent("张三")}`);
    expect(await countAudit(database.db)).toBe(before);
  });

  it("shows a record's history from its audit entries", async () => {
    const response = await clerk.request("GET", `/api/v1/persons/${world.persons.shiqi}/history`);
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((item: { action: string }) => item.action)).toContain("person.read");
  });
});

describe("personal data in audit copies", () => {
  it("masks names, ID numbers, phones and addresses for admins; auditors see them in full; the chain still verifies", async () => {
    const idNumber = testIdNumber(777);
    const created = await clerk.request("POST", "/api/v1/persons", {
      name: "欧阳明华",
      idNumber,
      townCode: "shiqi",
      hukouType: "local",
      phone: "13712345678",
      address: "石岐区孙文中路88号",
    });
    expect(created.statusCode, created.body).toBe(201);
    const personId = created.json().id as string;
    expect((await admin.request("GET", `/api/v1/persons/${personId}`)).statusCode).toBe(403);

    const asAdmin = await admin.request("GET", `/api/v1/audit?entityType=person&entityId=${personId}`);
    expect(asAdmin.statusCode).toBe(200);
    const masked = asAdmin.json().items[0].after;
    expect(masked).toMatchObject({
      name: "欧**华",
      idNumber: `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`,
      phone: "137****5678",
      address: "石岐区***",
    });
    expect(masked.birthDate).toMatch(/^\d{4}-\*\*-\*\*$/);
    expect(asAdmin.body).not.toContain(idNumber);
    expect(asAdmin.body).not.toContain("13712345678");
    expect(asAdmin.body).not.toContain("孙文中路");

    const asAuditor = await auditor.request("GET", `/api/v1/audit?entityType=person&entityId=${personId}`);
    expect(asAuditor.json().items[0].after).toMatchObject({
      name: "欧阳明华",
      idNumber,
      phone: "13712345678",
      address: "石岐区孙文中路88号",
    });
    const stored = await database.db
      .selectFrom("audit_entries")
      .select("after")
      .where("entity_id", "=", personId)
      .executeTakeFirstOrThrow();
    expect(stored.after).toMatchObject({ idNumber, phone: "13712345678" });
    expect((await admin.request("GET", "/api/v1/audit/verify")).json()).toMatchObject({ ok: true, waiting: 0 });
  });
});

describe("the audit chain", () => {
  it("stays intact under concurrent writes, each answered once its entry is in the chain", async () => {
    const before = await countAudit(database.db);
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        clerk.request("POST", "/api/v1/persons", {
          name: "并发",
          idNumber: testIdNumber(600 + index),
          townCode: "shiqi",
          hukouType: "local",
        }),
      ),
    );
    expect(responses.map((response) => response.statusCode)).toEqual(Array(12).fill(201));
    expect(await countAudit(database.db)).toBe(before + 12);
    const result = await verifyAuditChain(database.db);
    expect(result).toMatchObject({ ok: true, problems: [], waiting: 0 });
  });

  it("refuses UPDATE and DELETE through the trigger", async () => {
    await expect(sql`update audit_entries set action = 'x' where position = 1`.execute(database.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_entries where position = 1`.execute(database.db)).rejects.toThrow(/append-only/);
  });

  it("verifies against a head hash recorded outside the database, with the keyed hashes checked", async () => {
    const head = (await auditor.request("GET", "/api/v1/audit/verify")).json().head as { hash: string };
    const recorded = await auditor.request("GET", `/api/v1/audit/verify?expectHead=${head.hash.toUpperCase()}`);
    expect(recorded.json()).toMatchObject({ ok: true, keyed: true, problems: [] });
    const unknown = await auditor.request("GET", `/api/v1/audit/verify?expectHead=${"a".repeat(64)}`);
    expect(unknown.json().ok).toBe(false);
    expect(unknown.json().problems[0].reason).toMatch(/recorded head hash a{64} is not in the chain/);
    expect((await auditor.request("GET", "/api/v1/audit/verify?expectHead=xyz")).statusCode).toBe(400);
    expect((await clerk.request("GET", `/api/v1/audit/verify?expectHead=${head.hash}`)).statusCode).toBe(403);
  });

  it("verifies intact, then reports an edited entry and a deleted entry with their positions", async () => {
    const intact = await auditor.request("GET", "/api/v1/audit/verify");
    expect(intact.json()).toMatchObject({ ok: true, problems: [] });
    const total = await countAudit(database.db);
    expect(intact.json().checked).toBe(total);

    // A superuser can bypass the trigger; verify catches what they changed.
    await sql`alter table audit_entries disable trigger audit_entries_append_only`.execute(database.db);
    await sql`update audit_entries set after = '{"name": "篡改"}'::jsonb where position = 3`.execute(database.db);
    await sql`delete from audit_entries where position = 5`.execute(database.db);
    await sql`alter table audit_entries enable trigger audit_entries_append_only`.execute(database.db);

    const result = await verifyAuditChain(database.db);
    expect(result.ok).toBe(false);
    expect(result.problems.find((problem) => problem.position === 3)?.reason).toMatch(/edited/);
    expect(result.problems.find((problem) => problem.position === 5)?.reason).toMatch(/deleted/);
    expect(result.problems.every((problem) => [3, 5, 6].includes(problem.position))).toBe(true);
    const viaApi = await admin.request("GET", "/api/v1/audit/verify");
    expect(viaApi.json().ok).toBe(false);
  });

  it("lists audit entries newest first with filters", async () => {
    const response = await auditor.request("GET", "/api/v1/audit?action=person.create&pageSize=5");
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { position: number; action: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.action === "person.create")).toBe(true);
    expect([...items].sort((a, b) => b.position - a.position)).toEqual(items);
  });
});
