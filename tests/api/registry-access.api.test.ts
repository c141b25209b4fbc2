import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/http/app";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { seedTestWorld, signIn, testIdNumber, type Session, type TestWorld } from "../helpers/fixtures";

// The role × action table of the registry and account routes, through the HTTP API.
// Each cell is the expected status; "clerk" is the clerk of 石岐区 (shiqi).
type Caller = "clerk" | "verifier" | "programmeAdmin" | "auditor" | "admin" | "resident" | "anonymous";
const callers: Caller[] = ["clerk", "verifier", "programmeAdmin", "auditor", "admin", "resident", "anonymous"];

let database: TestDatabase;
let app: FastifyInstance;
let world: TestWorld;
const sessions = {} as Record<Exclude<Caller, "anonymous">, Session>;
let sequence = 100;
const households = { shiqi: "", xiaolan: "" };
let organisationId = "";

async function accountVersion(username: string): Promise<number> {
  const response = await sessions.admin.request("GET", `/api/v1/accounts?q=${username}`);
  return response.json().items.find((item: { username: string }) => item.username === username).version as number;
}

async function newPersonId(town: "shiqi" | "xiaolan"): Promise<string> {
  const response = await sessions.programmeAdmin.request("POST", "/api/v1/persons", {
    name: "成员",
    idNumber: testIdNumber((sequence += 1)),
    townCode: town,
    hukouType: "local",
  });
  return response.json().id as string;
}

interface Row {
  name: string;
  method: string;
  url: () => string;
  body?: () => Promise<unknown> | unknown;
  expected: Record<Caller, number>;
}

async function currentVersion(path: string): Promise<number> {
  const response = await sessions.programmeAdmin.request("GET", path);
  return response.json().version as number;
}

const rows: Row[] = [
  {
    name: "GET /towns",
    method: "GET",
    url: () => "/api/v1/towns",
    expected: {
      clerk: 200,
      verifier: 200,
      programmeAdmin: 200,
      auditor: 200,
      admin: 200,
      resident: 200,
      anonymous: 200,
    },
  },
  {
    name: "GET /departments",
    method: "GET",
    url: () => "/api/v1/departments",
    expected: {
      clerk: 200,
      verifier: 200,
      programmeAdmin: 200,
      auditor: 200,
      admin: 200,
      resident: 200,
      anonymous: 200,
    },
  },
  {
    name: "search persons",
    method: "GET",
    url: () => `/api/v1/persons?q=${encodeURIComponent("张三")}`,
    expected: {
      clerk: 200,
      verifier: 200,
      programmeAdmin: 200,
      auditor: 200,
      admin: 403,
      resident: 403,
      anonymous: 401,
    },
  },
  {
    name: "read a person of 石岐区",
    method: "GET",
    url: () => `/api/v1/persons/${world.persons.shiqi}`,
    expected: {
      clerk: 200,
      verifier: 200,
      programmeAdmin: 200,
      auditor: 200,
      admin: 403,
      resident: 403,
      anonymous: 401,
    },
  },
  {
    name: "read a person of 小榄镇",
    method: "GET",
    url: () => `/api/v1/persons/${world.persons.xiaolan}`,
    expected: {
      clerk: 404,
      verifier: 200,
      programmeAdmin: 200,
      auditor: 200,
      admin: 403,
      resident: 403,
      anonymous: 401,
    },
  },
  {
    name: "history of a person of 小榄镇",
    method: "GET",
    url: () => `/api/v1/persons/${world.persons.xiaolan}/history`,
    expected: {
      clerk: 404,
      verifier: 200,
      programmeAdmin: 200,
      auditor: 200,
      admin: 403,
      resident: 403,
      anonymous: 401,
    },
  },
  {
    name: "register a person in 石岐区",
    method: "POST",
    url: () => "/api/v1/persons",
    body: () => ({ name: "王五", idNumber: testIdNumber((sequence += 1)), townCode: "shiqi", hukouType: "local" }),
    expected: {
      clerk: 201,
      verifier: 403,
      programmeAdmin: 201,
      auditor: 403,
      admin: 403,
      resident: 403,
      anonymous: 401,
    },
  },
  {
    name: "edit a person of 石岐区",
    method: "PATCH",
    url: () => `/api/v1/persons/${world.persons.shiqi}`,
    body: async () => ({
      version: await currentVersion(`/api/v1/persons/${world.persons.shiqi}`),
      address: `地址${(sequence += 1)}`,
    }),
    expected: {
      clerk: 200,
      verifier: 403,
      programmeAdmin: 200,
      auditor: 403,
      admin: 403,
      resident: 403,
      anonymous: 401,
    },
  },
  {
    name: "edit a person of 小榄镇",
    method: "PATCH",
    url: () => `/api/v1/persons/${world.persons.xiaolan}`,
    body: async () => ({
      version: await currentVersion(`/api/v1/persons/${world.persons.xiaolan}`),
      address: `地址${(sequence += 1)}`,
    }),
    expected: {
      clerk: 404,
      verifier: 403,
      programmeAdmin: 200,
      auditor: 403,
      admin: 403,
      resident: 403,
      anonymous: 401,
    },
  },
  {
    name: "read a household of 石岐区",
    method: "GET",
    url: () => `/api/v1/households/${households.shiqi}`,
    expected: {
      clerk: 200,
      verifier: 200,
      programmeAdmin: 200,
      auditor: 200,
      admin: 403,
      resident: 403,
      anonymous: 401,
    },
  },
  {
    name: "read a household of 小榄镇",
    method: "GET",
    url: () => `/api/v1/households/${households.xiaolan}`,
    expected: {
      clerk: 404,
      verifier: 200,
      programmeAdmin: 200,
      auditor: 200,
      admin: 403,
      resident: 403,
      anonymous: 401,
    },
  },
  {
    name: "edit a household of 小榄镇",
    method: "PATCH",
    url: () => `/api/v1/households/${households.xiaolan}`,
    body: async () => ({
      version: await currentVersion(`/api/v1/households/${households.xiaolan}`),
      address: `小榄路${(sequence += 1)}号`,
    }),
    expected: {
      clerk: 404,
      verifier: 403,
      programmeAdmin: 200,
      auditor: 403,
      admin: 403,
      resident: 403,
      anonymous: 401,
    },
  },
  {
    name: "history of a household of 小榄镇",
    method: "GET",
    url: () => `/api/v1/households/${households.xiaolan}/history`,
    expected: {
      clerk: 404,
      verifier: 200,
      programmeAdmin: 200,
      auditor: 200,
      admin: 403,
      resident: 403,
      anonymous: 401,
    },
  },
  {
    name: "add a member to a household of 石岐区",
    method: "POST",
    url: () => `/api/v1/households/${households.shiqi}/members`,
    body: async () => ({ personId: await newPersonId("shiqi"), relationship: "other" }),
    expected: {
      clerk: 201,
      verifier: 403,
      programmeAdmin: 201,
      auditor: 403,
      admin: 403,
      resident: 403,
      anonymous: 401,
    },
  },
  {
    name: "add a member to a household of 小榄镇",
    method: "POST",
    url: () => `/api/v1/households/${households.xiaolan}/members`,
    body: async () => ({ personId: await newPersonId("xiaolan"), relationship: "other" }),
    expected: {
      clerk: 404,
      verifier: 403,
      programmeAdmin: 201,
      auditor: 403,
      admin: 403,
      resident: 403,
      anonymous: 401,
    },
  },
  {
    name: "search households",
    method: "GET",
    url: () => `/api/v1/households?q=${encodeURIComponent("测试")}`,
    expected: {
      clerk: 200,
      verifier: 200,
      programmeAdmin: 200,
      auditor: 200,
      admin: 403,
      resident: 403,
      anonymous: 401,
    },
  },
  {
    name: "register a household in 石岐区",
    method: "POST",
    url: () => "/api/v1/households",
    body: () => ({ townCode: "shiqi", address: `测试路${(sequence += 1)}号` }),
    expected: {
      clerk: 201,
      verifier: 403,
      programmeAdmin: 201,
      auditor: 403,
      admin: 403,
      resident: 403,
      anonymous: 401,
    },
  },
  {
    name: "search organisations",
    method: "GET",
    url: () => `/api/v1/organisations?q=${encodeURIComponent("协会")}`,
    expected: {
      clerk: 200,
      verifier: 403,
      programmeAdmin: 200,
      auditor: 200,
      admin: 403,
      resident: 403,
      anonymous: 401,
    },
  },
  {
    name: "register an organisation in 石岐区",
    method: "POST",
    url: () => "/api/v1/organisations",
    body: () => ({ name: `测试协会${(sequence += 1)}`, kind: "social_organisation", townCode: "shiqi" }),
    expected: {
      clerk: 201,
      verifier: 403,
      programmeAdmin: 201,
      auditor: 403,
      admin: 403,
      resident: 403,
      anonymous: 401,
    },
  },
  {
    name: "read an organisation of 石岐区",
    method: "GET",
    url: () => `/api/v1/organisations/${organisationId}`,
    expected: {
      clerk: 200,
      verifier: 403,
      programmeAdmin: 200,
      auditor: 200,
      admin: 403,
      resident: 403,
      anonymous: 401,
    },
  },
  {
    name: "edit an organisation of 石岐区",
    method: "PATCH",
    url: () => `/api/v1/organisations/${organisationId}`,
    body: async () => ({
      version: await currentVersion(`/api/v1/organisations/${organisationId}`),
      address: `新址${(sequence += 1)}`,
    }),
    expected: {
      clerk: 200,
      verifier: 403,
      programmeAdmin: 200,
      auditor: 403,
      admin: 403,
      resident: 403,
      anonymous: 401,
    },
  },
  {
    name: "my profile",
    method: "GET",
    url: () => "/api/v1/me/profile",
    expected: {
      clerk: 403,
      verifier: 403,
      programmeAdmin: 403,
      auditor: 403,
      admin: 403,
      resident: 200,
      anonymous: 401,
    },
  },
  {
    name: "list accounts",
    method: "GET",
    url: () => "/api/v1/accounts",
    expected: {
      clerk: 403,
      verifier: 403,
      programmeAdmin: 403,
      auditor: 200,
      admin: 200,
      resident: 403,
      anonymous: 401,
    },
  },
  {
    name: "create an account",
    method: "POST",
    url: () => "/api/v1/accounts",
    body: () => ({
      username: `user${(sequence += 1)}`,
      displayName: "新用户",
      password: "Another-Pass-1",
      roles: [{ role: "clerk", townCode: "shiqi" }],
    }),
    expected: {
      clerk: 403,
      verifier: 403,
      programmeAdmin: 403,
      auditor: 403,
      admin: 201,
      resident: 403,
      anonymous: 401,
    },
  },
  {
    name: "edit an account",
    method: "PATCH",
    url: () => `/api/v1/accounts/${world.accounts.policyOfficer}`,
    body: async () => ({ version: await accountVersion("policyofficer"), displayName: `政策专员${(sequence += 1)}` }),
    expected: {
      clerk: 403,
      verifier: 403,
      programmeAdmin: 403,
      auditor: 403,
      admin: 200,
      resident: 403,
      anonymous: 401,
    },
  },
  {
    name: "look up a person by exact ID number (to link an account)",
    method: "GET",
    url: () => `/api/v1/accounts/person-lookup?idNumber=${testIdNumber(901)}`,
    expected: {
      clerk: 403,
      verifier: 403,
      programmeAdmin: 403,
      auditor: 403,
      admin: 200,
      resident: 403,
      anonymous: 401,
    },
  },
  {
    name: "read the audit log",
    method: "GET",
    url: () => "/api/v1/audit",
    expected: {
      clerk: 403,
      verifier: 403,
      programmeAdmin: 403,
      auditor: 200,
      admin: 200,
      resident: 403,
      anonymous: 401,
    },
  },
  {
    name: "verify the audit chain",
    method: "GET",
    url: () => "/api/v1/audit/verify",
    expected: {
      clerk: 403,
      verifier: 403,
      programmeAdmin: 403,
      auditor: 200,
      admin: 200,
      resident: 403,
      anonymous: 401,
    },
  },
];

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedTestWorld(database.db);
  app = await buildApp({ db: database.db, webDist: "/nonexistent" });
  for (const caller of callers) {
    if (caller !== "anonymous") sessions[caller] = await signIn(app, caller.toLowerCase());
  }
  for (const town of ["shiqi", "xiaolan"] as const) {
    const created = await sessions.programmeAdmin.request("POST", "/api/v1/households", {
      townCode: town,
      address: `${town} 1号`,
    });
    households[town] = created.json().id;
  }
  const organisation = await sessions.programmeAdmin.request("POST", "/api/v1/organisations", {
    name: "测试服务社",
    kind: "social_organisation",
    townCode: "shiqi",
  });
  organisationId = organisation.json().id;
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe("registry and account routes: role × action", () => {
  for (const row of rows) {
    for (const caller of callers) {
      it(`${row.name} as ${caller} → ${row.expected[caller]}`, async () => {
        const body = row.body ? await row.body() : undefined;
        const response =
          caller === "anonymous"
            ? await app.inject({
                method: row.method as "GET",
                url: row.url(),
                ...(body === undefined ? {} : { payload: body as object }),
              })
            : await sessions[caller].request(row.method, row.url(), body);
        expect(response.statusCode, response.body).toBe(row.expected[caller]);
        if (response.statusCode >= 400) expect(response.json().error.code).toBeTypeOf("string");
      });
    }
  }

  it("answers another 镇区's record exactly like a missing one", async () => {
    const other = await sessions.clerk.request("GET", `/api/v1/persons/${world.persons.xiaolan}`);
    const missing = await sessions.clerk.request("GET", "/api/v1/persons/00000000-0000-4000-8000-000000000000");
    expect(other.statusCode).toBe(404);
    expect(other.json()).toEqual(missing.json());
  });

  it("limits a clerk's search to their own 镇区", async () => {
    const shiqi = await sessions.clerk.request("GET", `/api/v1/persons?q=${encodeURIComponent("张三明")}`);
    const xiaolan = await sessions.clerk.request("GET", `/api/v1/persons?q=${encodeURIComponent("李四")}`);
    expect(shiqi.json().total).toBe(1);
    expect(xiaolan.json().total).toBe(0);
    const admin = await sessions.programmeAdmin.request("GET", `/api/v1/persons?q=${encodeURIComponent("李四")}`);
    expect(admin.json().total).toBe(1);
  });

  it("refuses a clerk registering someone in another 镇区, naming the field", async () => {
    const response = await sessions.clerk.request("POST", "/api/v1/persons", {
      name: "赵六",
      idNumber: testIdNumber(777),
      townCode: "xiaolan",
      hukouType: "local",
    });
    expect(response.statusCode).toBe(403);
    expect(Object.keys(response.json().error.fields)).toEqual(["townCode"]);
  });

  it("shows a verifier masked ID numbers and a clerk of the 镇区 the full one", async () => {
    const verifier = await sessions.verifier.request("GET", `/api/v1/persons/${world.persons.shiqi}`);
    const clerk = await sessions.clerk.request("GET", `/api/v1/persons/${world.persons.shiqi}`);
    expect(verifier.json().idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(clerk.json().idNumber).toMatch(/^\d{17}[\dX]$/);
  });

  it("masks ID numbers and phones in search results", async () => {
    const response = await sessions.clerk.request("GET", `/api/v1/persons?q=${encodeURIComponent("张三明")}`);
    const [hit] = response.json().items;
    expect(hit.idNumber).toContain("*");
    expect(hit.phone).toBe("138****8000");
  });

  it("finds a person by exact ID number, by phone and by the last 4 of the ID number", async () => {
    const full = await sessions.clerk.request("GET", `/api/v1/persons/${world.persons.shiqi}`);
    const idNumber = full.json().idNumber as string;
    for (const q of [idNumber, "13800138000", idNumber.slice(-4)]) {
      const response = await sessions.clerk.request("GET", `/api/v1/persons?q=${q}`);
      expect(
        response.json().items.map((item: { id: string }) => item.id),
        q,
      ).toContain(world.persons.shiqi);
    }
  });
});
