import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Kysely } from "kysely";
import { generateIdNumber } from "../../src/core/id-number";
import type { Database } from "../../src/db/schema";
import { inTransaction } from "../../src/db/transaction";
import { loadDepartments, loadTowns } from "../../src/demo/reference";
import { createAccount } from "../../src/platform/accounts/accounts.commands";
import type { Role } from "../../src/platform/roles";

/** The password of every test account. */
export const testPassword = "Test-Password-2026";

/** The accounts a test world has, by short name. */
export const testAccounts = {
  clerk: { role: "clerk", townCode: "shiqi" },
  clerkXiaolan: { role: "clerk", townCode: "xiaolan" },
  verifier: { role: "verifier", departmentCode: "education" },
  programmeAdmin: { role: "programme_admin" },
  policyOfficer: { role: "policy_officer" },
  auditor: { role: "auditor" },
  admin: { role: "admin" },
  resident: { role: "resident" },
} as const satisfies Record<string, { role: Role; townCode?: string; departmentCode?: string }>;

/** A test world: towns, departments, two communities per test town, one person per town, one account per role. */
export interface TestWorld {
  communities: { shiqi: string; xiaolan: string };
  persons: { shiqi: string; xiaolan: string };
  accounts: Record<keyof typeof testAccounts, string>;
}

/** A valid ID number unique within a test run (sequence and birth date varied). */
export function testIdNumber(sequence: number, region = "442000"): string {
  const day = String((sequence % 28) + 1).padStart(2, "0");
  return generateIdNumber(region, `1990-03-${day}`, sequence % 1000);
}

/** Seeds the test world in one transaction. */
export async function seedTestWorld(db: Kysely<Database>): Promise<TestWorld> {
  return inTransaction(db, async (trx) => {
    await loadTowns(trx);
    await loadDepartments(trx);
    const communities = await trx
      .insertInto("communities")
      .values([
        { town_code: "shiqi", name: "测试社区甲", synthetic: true },
        { town_code: "xiaolan", name: "测试社区乙", synthetic: true },
      ])
      .returning(["id", "town_code"])
      .execute();
    const community = (town: string) => communities.find((row) => row.town_code === town)!.id;
    const persons = await trx
      .insertInto("persons")
      .values([
        {
          name: "张三明",
          id_number: testIdNumber(901),
          gender: "male",
          birth_date: "1990-03-06",
          phone: "13800138000",
          town_code: "shiqi",
          community_id: community("shiqi"),
          hukou_type: "local",
        },
        {
          name: "李四",
          id_number: testIdNumber(902, "430102"),
          gender: "female",
          birth_date: "1990-03-07",
          phone: "13900139000",
          town_code: "xiaolan",
          community_id: community("xiaolan"),
          hukou_type: "migrant",
        },
      ])
      .returning(["id", "town_code"])
      .execute();
    const person = (town: string) => persons.find((row) => row.town_code === town)!.id;
    const accounts = {} as Record<keyof typeof testAccounts, string>;
    for (const [name, grant] of Object.entries(testAccounts) as [
      keyof typeof testAccounts,
      (typeof testAccounts)[keyof typeof testAccounts],
    ][]) {
      const created = await createAccount(
        trx,
        { actor: null, requestId: null },
        {
          username: name.toLowerCase(),
          displayName: name,
          password: testPassword,
          roles: [grant],
          personId: name === "resident" ? person("shiqi") : null,
        },
      );
      if (!created.ok) throw new Error(`seeding ${name}: ${created.error.message}`);
      accounts[name] = created.value.id;
    }
    return {
      communities: { shiqi: community("shiqi"), xiaolan: community("xiaolan") },
      persons: { shiqi: person("shiqi"), xiaolan: person("xiaolan") },
      accounts,
    };
  });
}

/** A signed-in test client: sends the session cookie and CSRF token on every request. */
export interface Session {
  cookie: string;
  csrfToken: string;
  request: (
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<LightMyRequestResponse>;
}

/** Signs in through the API and returns a client for that account. */
export async function signIn(app: FastifyInstance, username: string, password = testPassword): Promise<Session> {
  const response = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((item) => item.name === "gz_session")!;
  const csrfToken = response.json().csrfToken as string;
  const cookieHeader = `gz_session=${cookie.value}`;
  return {
    cookie: cookieHeader,
    csrfToken,
    request: (method, url, body, headers = {}) =>
      app.inject({
        method: method as "GET",
        url,
        headers: { cookie: cookieHeader, "x-csrf-token": csrfToken, ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}

/** Counts audit entries, optionally of one action. */
export async function countAudit(db: Kysely<Database>, action?: string): Promise<number> {
  let query = db.selectFrom("audit_entries").select((eb) => eb.fn.countAll<number>().as("count"));
  if (action) query = query.where("action", "=", action);
  return Number((await query.executeTakeFirstOrThrow()).count);
}
