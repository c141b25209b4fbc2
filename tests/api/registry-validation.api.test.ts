import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/http/app";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { countAudit, seedTestWorld, signIn, testIdNumber, type Session, type TestWorld } from "../helpers/fixtures";

let database: TestDatabase;
let app: FastifyInstance;
let world: TestWorld;
let clerk: Session;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedTestWorld(database.db);
  app = await buildApp({ db: database.db, webDist: "/nonexistent" });
  clerk = await signIn(app, "clerk");
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const person = (overrides: Record<string, unknown> = {}) => ({
  name: "陈七",
  idNumber: testIdNumber(300),
  townCode: "shiqi",
  hukouType: "migrant",
  ...overrides,
});

async function fieldsOf(response: { statusCode: number; json: () => any }, status = 400): Promise<string[]> {
  expect(response.statusCode).toBe(status);
  return Object.keys(response.json().error.fields);
}

describe("validation names the field", () => {
  it("refuses a bad ID number check digit", async () => {
    const idNumber = testIdNumber(301);
    const wrong = idNumber.slice(0, 17) + (idNumber[17] === "1" ? "2" : "1");
    const response = await clerk.request("POST", "/api/v1/persons", person({ idNumber: wrong }));
    expect(await fieldsOf(response)).toEqual(["idNumber"]);
    expect(response.json().error.code).toBe("id_number.check_digit");
  });

  it("refuses a bad phone", async () => {
    const response = await clerk.request(
      "POST",
      "/api/v1/persons",
      person({ idNumber: testIdNumber(302), phone: "12345" }),
    );
    expect(await fieldsOf(response)).toEqual(["phone"]);
  });

  it("refuses an unknown 镇区", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/persons",
      headers: { cookie: (await signIn(app, "programmeadmin")).cookie, "x-csrf-token": "x" },
      payload: person(),
    });
    expect(response.statusCode).toBe(403); // CSRF first
    const admin = await signIn(app, "programmeadmin");
    const refused = await admin.request(
      "POST",
      "/api/v1/persons",
      person({ idNumber: testIdNumber(303), townCode: "atlantis" }),
    );
    expect(await fieldsOf(refused)).toEqual(["townCode"]);
    expect(refused.json().error.code).toBe("unknown_town");
  });

  it("refuses a community of another 镇区", async () => {
    const admin = await signIn(app, "programmeadmin");
    const response = await admin.request(
      "POST",
      "/api/v1/persons",
      person({ idNumber: testIdNumber(304), communityId: world.communities.xiaolan }),
    );
    expect(await fieldsOf(response)).toEqual(["communityId"]);
  });

  it("refuses an unknown field by name", async () => {
    const response = await clerk.request(
      "POST",
      "/api/v1/persons",
      person({ idNumber: testIdNumber(305), nickname: "小七" }),
    );
    expect(await fieldsOf(response)).toEqual(["nickname"]);
    expect(response.json().error.code).toBe("validation_failed");
  });

  it("refuses a missing required field by name", async () => {
    const { hukouType: _hukouType, ...withoutHukou } = person({ idNumber: testIdNumber(306) });
    const response = await clerk.request("POST", "/api/v1/persons", withoutHukou);
    expect(await fieldsOf(response)).toEqual(["hukouType"]);
  });

  it("refuses unknown query parameters and a malformed id by name", async () => {
    const query = await clerk.request("GET", "/api/v1/persons?q=张三&sort=name");
    expect(await fieldsOf(query)).toEqual(["sort"]);
    const id = await clerk.request("PATCH", "/api/v1/persons/not-a-uuid", { version: 1 });
    expect(await fieldsOf(id)).toEqual(["id"]);
  });

  it("answers 415 for a body that is not JSON", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/persons",
      headers: { cookie: clerk.cookie, "x-csrf-token": clerk.csrfToken, "content-type": "text/csv" },
      payload: "name,idNumber",
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe("unsupported_media_type");
  });

  it("refuses a malformed credit code and finds an organisation by its code", async () => {
    const bad = await clerk.request("POST", "/api/v1/organisations", {
      name: "某协会",
      kind: "social_organisation",
      townCode: "shiqi",
      creditCode: "123",
    });
    expect(await fieldsOf(bad)).toEqual(["creditCode"]);
    const created = await clerk.request("POST", "/api/v1/organisations", {
      name: "某协会",
      kind: "social_organisation",
      townCode: "shiqi",
      creditCode: "52442000MJL00009XA",
      contactPhone: "0760-88888888",
    });
    expect(created.statusCode).toBe(201);
    const found = await clerk.request("GET", "/api/v1/organisations?q=52442000MJL00009XA");
    expect(found.json().items.map((item: { id: string }) => item.id)).toEqual([created.json().id]);
  });

  it("refuses a search shorter than 2 characters", async () => {
    const response = await clerk.request("GET", "/api/v1/persons?q=a");
    expect(await fieldsOf(response)).toEqual(["q"]);
    const none = await clerk.request("GET", "/api/v1/persons");
    expect(await fieldsOf(none)).toEqual(["q"]);
  });

  it("refuses a blank or one-letter search padded with spaces instead of listing the whole scope", async () => {
    for (const q of ["  ", "%20%20%20%20", "%20a%20"]) {
      for (const path of ["persons", "households", "organisations"]) {
        const response = await clerk.request("GET", `/api/v1/${path}?q=${q}`);
        expect(response.statusCode, `${path}?q=${q}`).toBe(400);
        expect(response.json().error.fields.q).toMatch(/格式不正确|至少/);
      }
    }
    expect((await clerk.request("GET", "/api/v1/persons?q=%20%E5%BC%A0%E4%B8%89%20")).statusCode).toBe(200);
  });

  it("answers 413 for a body over 1 MiB", async () => {
    const response = await clerk.request("POST", "/api/v1/persons", person({ address: "x".repeat(1024 * 1024 + 10) }));
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe("body_too_large");
  });

  it("answers 400 malformed_json for broken JSON", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/persons",
      headers: { cookie: clerk.cookie, "x-csrf-token": clerk.csrfToken, "content-type": "application/json" },
      payload: '{"name": "陈七", ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("malformed_json");
  });

  it("answers 409 for a duplicate ID number", async () => {
    const first = await clerk.request("POST", "/api/v1/persons", person({ idNumber: testIdNumber(307) }));
    expect(first.statusCode).toBe(201);
    const second = await clerk.request("POST", "/api/v1/persons", person({ idNumber: testIdNumber(307) }));
    expect(await fieldsOf(second, 409)).toEqual(["idNumber"]);
  });
});

describe("households", () => {
  it("refuses a second household for the same person, naming the field", async () => {
    const created = await clerk.request("POST", "/api/v1/persons", person({ idNumber: testIdNumber(320) }));
    const personId = created.json().id as string;
    const first = await clerk.request("POST", "/api/v1/households", {
      townCode: "shiqi",
      address: "一号",
      headPersonId: personId,
    });
    expect(first.statusCode).toBe(201);
    expect(first.json().members).toHaveLength(1);
    const second = await clerk.request("POST", "/api/v1/households", { townCode: "shiqi", address: "二号" });
    const add = await clerk.request("POST", `/api/v1/households/${second.json().id}/members`, {
      personId,
      relationship: "child",
    });
    expect(await fieldsOf(add, 409)).toEqual(["personId"]);
    expect(add.json().error.code).toBe("already_in_household");
  });

  it("enforces one current household in the database too (partial unique index)", async () => {
    const created = await clerk.request("POST", "/api/v1/persons", person({ idNumber: testIdNumber(321) }));
    const personId = created.json().id as string;
    const households = await database.db
      .selectFrom("households")
      .select(["id"])
      .where("town_code", "=", "shiqi")
      .limit(2)
      .execute();
    const insert = (householdId: string) =>
      database.db
        .insertInto("household_members")
        .values({
          household_id: householdId,
          person_id: personId,
          town_code: "shiqi",
          relationship: "other",
          since: "2026-01-01",
        })
        .execute();
    await insert(households[0].id);
    await expect(insert(households[1].id)).rejects.toThrow(/household_members_one_current/);
  });

  it("moves a person: end the membership, then join another household", async () => {
    const created = await clerk.request("POST", "/api/v1/persons", person({ idNumber: testIdNumber(322) }));
    const personId = created.json().id as string;
    const a = await clerk.request("POST", "/api/v1/households", {
      townCode: "shiqi",
      address: "甲",
      headPersonId: personId,
    });
    const b = await clerk.request("POST", "/api/v1/households", { townCode: "shiqi", address: "乙" });
    const ended = await clerk.request("DELETE", `/api/v1/households/${a.json().id}/members/${personId}`);
    expect(ended.statusCode).toBe(200);
    expect(ended.json().members).toHaveLength(0);
    expect(ended.json().headPersonId).toBeNull();
    const joined = await clerk.request("POST", `/api/v1/households/${b.json().id}/members`, {
      personId,
      relationship: "head",
    });
    expect(joined.statusCode).toBe(201);
    const read = await clerk.request("GET", `/api/v1/persons/${personId}`);
    expect(read.json().householdId).toBe(b.json().id);
  });

  it("leaves neither record nor audit entry when a write fails midway", async () => {
    const created = await clerk.request("POST", "/api/v1/persons", person({ idNumber: testIdNumber(323) }));
    const personId = created.json().id as string;
    await clerk.request("POST", "/api/v1/households", { townCode: "shiqi", address: "丙", headPersonId: personId });
    const householdsBefore = await database.db
      .selectFrom("households")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const auditBefore = await countAudit(database.db);
    // The household row is inserted before the head is found to belong elsewhere: the transaction must roll back.
    const refused = await clerk.request("POST", "/api/v1/households", {
      townCode: "shiqi",
      address: "丁",
      headPersonId: personId,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("already_in_household");
    expect(refused.json().error.fields).toHaveProperty("headPersonId");
    const householdsAfter = await database.db
      .selectFrom("households")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(householdsAfter.n)).toBe(Number(householdsBefore.n));
    expect(await countAudit(database.db)).toBe(auditBefore);
  });
});

describe("optimistic concurrency and idempotency", () => {
  it("answers 409 version_conflict when somebody saved first", async () => {
    const read = await clerk.request("GET", `/api/v1/persons/${world.persons.shiqi}`);
    const version = read.json().version as number;
    const first = await clerk.request("PATCH", `/api/v1/persons/${world.persons.shiqi}`, {
      version,
      address: "新地址一",
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(version + 1);
    const second = await clerk.request("PATCH", `/api/v1/persons/${world.persons.shiqi}`, {
      version,
      address: "新地址二",
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe("version_conflict");
  });

  it("replays the first response for a repeated Idempotency-Key and creates the record once", async () => {
    const body = person({ idNumber: testIdNumber(340) });
    const auditBefore = await countAudit(database.db, "person.create");
    const first = await clerk.request("POST", "/api/v1/persons", body, { "idempotency-key": "key-340" });
    const second = await clerk.request("POST", "/api/v1/persons", body, { "idempotency-key": "key-340" });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(second.headers["idempotent-replayed"]).toBe("true");
    expect(await countAudit(database.db, "person.create")).toBe(auditBefore + 1);
    const reused = await clerk.request(
      "POST",
      "/api/v1/households",
      { townCode: "shiqi", address: "戊" },
      { "idempotency-key": "key-340" },
    );
    expect(reused.statusCode).toBe(422);
  });
});

describe("malformed input is a 4xx, never a 500", () => {
  it("refuses a NUL character in any text field, in the query and in the login username, naming the field", async () => {
    const person = await clerk.request("POST", "/api/v1/persons", {
      name: "张\u0000三",
      idNumber: testIdNumber(881),
      townCode: "shiqi",
      hukouType: "local",
    });
    expect(person.statusCode).toBe(400);
    expect(person.json().error.fields).toHaveProperty("name");
    const search = await clerk.request("GET", "/api/v1/persons?q=%E5%BC%A0%00");
    expect(search.statusCode).toBe(400);
    expect(search.json().error.fields).toHaveProperty("q");
    const login = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "clerk\u0000", password: "whatever-123" },
    });
    expect(login.statusCode).toBe(400);
    expect(login.json().error.fields).toHaveProperty("username");
    const nested = await clerk.request("POST", "/api/v1/households", { townCode: "shiqi", address: "路\u0000" });
    expect(nested.json().error.fields).toHaveProperty("address");
  });
});
