import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app";
import { signIn, testIdNumber, type Session } from "../helpers/fixtures";

// Responses are serialised with their TypeBox schemas: every field the web app reads must survive, nulls stay
// null (not "" or 0), and /api/docs/json shows the shapes.
let testApp: TestApp;
let admin: Session;
let programmeAdmin: Session;

beforeAll(async () => {
  testApp = await createTestApp();
  admin = await signIn(testApp.app, "admin");
  programmeAdmin = await signIn(testApp.app, "programmeadmin");
});
afterAll(async () => {
  await testApp?.close();
});

const keys = (value: object) => Object.keys(value).sort();
const personKeys = [
  "address",
  "birthDate",
  "communityId",
  "createdAt",
  "gender",
  "householdId",
  "hukouType",
  "id",
  "idNumber",
  "name",
  "phone",
  "townCode",
  "updatedAt",
  "version",
];
const householdKeys = [
  "address",
  "communityId",
  "createdAt",
  "headPersonId",
  "id",
  "members",
  "townCode",
  "updatedAt",
  "version",
];
const organisationKeys = [
  "address",
  "contactPhone",
  "createdAt",
  "creditCode",
  "id",
  "kind",
  "name",
  "townCode",
  "updatedAt",
  "version",
];
const accountKeys = ["createdAt", "disabled", "displayName", "id", "personId", "roles", "username", "version"];

describe("response shapes", () => {
  it("keeps every field of persons, with null phone and household as null", async () => {
    const created = await programmeAdmin.request("POST", "/api/v1/persons", {
      name: "王小二",
      idNumber: testIdNumber(510),
      townCode: "shiqi",
      hukouType: "local",
    });
    expect(created.statusCode).toBe(201);
    expect(keys(created.json())).toEqual(personKeys);
    expect(created.json()).toMatchObject({
      phone: null,
      householdId: null,
      communityId: null,
      version: 1,
      gender: expect.any(String),
    });
    const read = await programmeAdmin.request("GET", `/api/v1/persons/${created.json().id}`);
    expect(keys(read.json())).toEqual(personKeys);
    const search = await programmeAdmin.request("GET", `/api/v1/persons?q=${testIdNumber(510)}`);
    expect(keys(search.json())).toEqual(["items", "page", "pageSize", "total"]);
    expect(keys(search.json().items[0])).toEqual(
      personKeys.filter((key) => !["address", "createdAt", "updatedAt"].includes(key)),
    );
    const history = await programmeAdmin.request("GET", `/api/v1/persons/${created.json().id}/history`);
    const entry = history.json().items.find((item: { action: string }) => item.action === "person.create");
    expect(keys(entry)).toEqual([
      "action",
      "actorUsername",
      "after",
      "at",
      "before",
      "changedFields",
      "changes",
      "position",
      "summary",
    ]);
    expect(entry.after.name).toBe("王小二");
    expect(entry.before).toBeNull();
    expect(typeof entry.position).toBe("number");
  });

  it("keeps households with members, household search summaries and organisations", async () => {
    const household = await programmeAdmin.request("POST", "/api/v1/households", {
      townCode: "shiqi",
      address: "石岐区 1 号",
      headPersonId: testApp.world.persons.shiqi,
    });
    expect(household.statusCode).toBe(201);
    expect(keys(household.json())).toEqual(householdKeys);
    expect(keys(household.json().members[0])).toEqual(["idNumber", "name", "personId", "relationship", "since"]);
    const found = await programmeAdmin.request("GET", "/api/v1/households?q=石岐区 1 号");
    expect(keys(found.json().items[0])).toEqual([
      "address",
      "communityId",
      "headIdNumber",
      "headName",
      "id",
      "memberCount",
      "townCode",
    ]);
    expect(found.json().items[0].memberCount).toBe(1);
    const organisation = await programmeAdmin.request("POST", "/api/v1/organisations", {
      name: "社工协会",
      kind: "social_organisation",
      townCode: "shiqi",
    });
    expect(keys(organisation.json())).toEqual(organisationKeys);
    expect(organisation.json()).toMatchObject({ creditCode: null, contactPhone: null });
  });

  it("keeps reference data, the resident's profile, sessions and accounts", async () => {
    const towns = (await admin.request("GET", "/api/v1/towns")).json();
    expect(towns).toHaveLength(24);
    expect(keys(towns[0])).toEqual(["centralDistrict", "code", "kind", "name", "pinyin"]);
    expect(keys((await admin.request("GET", "/api/v1/departments")).json()[0])).toEqual([
      "clause",
      "code",
      "name",
      "owns",
    ]);
    expect(keys((await admin.request("GET", "/api/v1/towns/shiqi/communities")).json()[0])).toEqual([
      "id",
      "located",
      "name",
      "synthetic",
      "townCode",
    ]);

    const resident = await signIn(testApp.app, "resident");
    const profile = (await resident.request("GET", "/api/v1/me/profile")).json();
    expect(keys(profile.person)).toEqual(personKeys);
    expect(profile.person.idNumber).not.toContain("*");

    const me = (await admin.request("GET", "/api/v1/auth/me")).json();
    expect(keys(me)).toEqual(["abilities", "csrfToken", "user"]);
    expect(keys(me.user)).toEqual(["displayName", "id", "personId", "roles", "username"]);
    expect(me.user.roles).toEqual([{ role: "admin", townCode: null, departmentCode: null }]);
    expect(me.abilities["accounts.manage"]).toBe(true);

    const accounts = (await admin.request("GET", "/api/v1/accounts?pageSize=50")).json();
    expect(keys(accounts.items[0])).toEqual(accountKeys);
    expect(accounts.items.find((item: { username: string }) => item.username === "resident").personId).toBe(
      testApp.world.persons.shiqi,
    );
    // The account-level lock is gone (migration 0080): the throttle is per username and address.
    expect(accounts.items.find((item: { username: string }) => item.username === "admin")).not.toHaveProperty(
      "lockedUntil",
    );
  });

  it("keeps error bodies whole, including fields and lockedUntil", async () => {
    const invalid = await programmeAdmin.request("POST", "/api/v1/persons", {
      name: "x",
      idNumber: "1",
      townCode: "shiqi",
      hukouType: "local",
      extra: 1,
    });
    expect(invalid.statusCode).toBe(400);
    expect(keys(invalid.json().error)).toEqual(["code", "fields", "message"]);
    expect(invalid.json().error.fields).toHaveProperty("extra");
  });

  it("describes the response shapes in the OpenAPI document", async () => {
    const document = (await testApp.app.inject({ method: "GET", url: "/api/docs/json" })).json();
    const personSchema = document.paths["/api/v1/persons/{id}"].get.responses["200"].content["application/json"].schema;
    expect(Object.keys(personSchema.properties)).toEqual(expect.arrayContaining(personKeys));
    const login = document.paths["/api/v1/auth/login"].post.responses;
    expect(Object.keys(login["200"].content["application/json"].schema.properties)).toEqual([
      "user",
      "abilities",
      "csrfToken",
    ]);
    expect(login["4XX"] ?? login["4xx"]).toBeDefined();
    expect(
      document.paths["/api/v1/accounts"].get.responses["200"].content["application/json"].schema.properties.items.items
        .properties,
    ).toHaveProperty("disabled");
    expect(
      document.paths["/api/v1/households/{id}"].get.responses["200"].content["application/json"].schema.properties
        .members,
    ).toBeDefined();
  });
});
