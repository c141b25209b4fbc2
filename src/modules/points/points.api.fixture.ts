/** Helpers for the points API tests: migrants in the registry and counter work through the HTTP API. */
import type { Kysely } from "kysely";
import { generateIdNumber } from "../../core/id-number";
import type { Database } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { createAccount } from "../../platform/accounts/accounts.commands";
import type { Role } from "../../platform/roles";

/** The answer of a fixture request. */
interface Reply {
  statusCode: number;
  json: () => any;
  body: string;
}

/** A signed-in client as tests/helpers/fixtures builds it. */
export interface Client {
  request: (method: string, url: string, body?: unknown, headers?: Record<string, string>) => Promise<Reply>;
}

/** Registers a migrant (non-Zhongshan hukou) in a 镇区 and returns the person id and ID number. */
export async function createMigrant(
  db: Kysely<Database>,
  input: { name: string; town: string; birthDate: string; gender?: "male" | "female"; sequence: number },
) {
  const sequence = input.gender === "female" ? input.sequence * 2 : input.sequence * 2 + 1;
  const idNumber = generateIdNumber("430102", input.birthDate, sequence % 1000);
  const row = await db
    .insertInto("persons")
    .values({
      name: input.name,
      id_number: idNumber,
      gender: input.gender ?? "male",
      birth_date: input.birthDate,
      phone: null,
      town_code: input.town,
      community_id: null,
      hukou_type: "migrant",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { personId: row.id, idNumber };
}

/** Creates an account with one role grant (optionally linked to a person). */
export async function createRoleAccount(
  db: Kysely<Database>,
  username: string,
  password: string,
  grant: { role: Role; townCode?: string; departmentCode?: string },
  personId: string | null = null,
) {
  return inTransaction(db, async (trx) => {
    const created = await createAccount(
      trx,
      { actor: null, requestId: null },
      { username, displayName: username, password, roles: [grant], personId },
    );
    if (!created.ok) throw new Error(created.error.message);
    return created.value.id;
  });
}

/** Fails the test with the response body when the status is not the expected one. */
export function expectStatus(reply: Reply, status: number): Reply {
  if (reply.statusCode !== status) throw new Error(`expected ${status}, got ${reply.statusCode}: ${reply.body}`);
  return reply;
}

/** Enrols a person at the counter, enters (confirms) their facts and applies; returns the ids. */
export async function counterApplication(
  clerk: Client,
  input: { personId: string; cycleId: string; facts: Record<string, unknown>; application: Record<string, unknown> },
): Promise<{ enrolmentId: string; applicationId: string; total: number }> {
  const enrolment = expectStatus(
    await clerk.request("POST", "/api/v1/points/enrolments", {
      personId: input.personId,
      residencePermitNumber: "GD4420123456",
      workStartedOn: "2010-03-01",
    }),
    201,
  ).json();
  for (const [fact, value] of Object.entries(input.facts)) {
    expectStatus(await clerk.request("PUT", `/api/v1/points/enrolments/${enrolment.id}/facts/${fact}`, { value }), 200);
  }
  const application = expectStatus(
    await clerk.request("POST", "/api/v1/points/applications", {
      enrolmentId: enrolment.id,
      cycleId: input.cycleId,
      ...input.application,
    }),
    201,
  ).json();
  return { enrolmentId: enrolment.id, applicationId: application.id, total: application.total };
}
