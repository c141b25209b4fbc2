/**
 * Organisers of an organisation (programme admins): the list, the search of organiser accounts to assign, the
 * assignment and the removal, each removal audited; a removed organiser no longer publishes for the organisation.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../src/core/dates";
import { clock } from "../../src/core/clock";
import { inTransaction } from "../../src/db/transaction";
import { demoPassword } from "../../src/demo/accounts";
import { loadDemo } from "../../src/demo/load";
import { buildApp } from "../../src/http/app";
import { modules } from "../../src/http/modules";
import { createAccount } from "../../src/platform/accounts/accounts.commands";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { signIn, type Session } from "../helpers/fixtures";

let database: TestDatabase;
let app: FastifyInstance;
let admin: Session;
let organiser: Session;
let organiserThree: Session;
let organisationId: string;
let organiserThreeId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemo(database.db, { modules, persons: 400 });
  organiserThreeId = await inTransaction(database.db, async (trx) => {
    const created = await createAccount(
      trx,
      { actor: null, requestId: null },
      {
        username: "organiser.three",
        displayName: "志愿组织者三",
        password: demoPassword,
        roles: [{ role: "organiser" }],
      },
    );
    if (!created.ok) throw new Error(created.error.message);
    return created.value.id;
  });
  app = await buildApp({ db: database.db, webDist: "/nonexistent", loginRateLimitPerMinute: 1000 });
  admin = await signIn(app, "programme.admin", demoPassword);
  organiser = await signIn(app, "organiser", demoPassword);
  organiserThree = await signIn(app, "organiser.three", demoPassword);
  organisationId = (await organiser.request("GET", "/api/v1/participation/organiser/activities")).json()
    .organisations[0].id;
}, 180_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const organisersUrl = () => `/api/v1/participation/organisations/${organisationId}/organisers`;

async function usernames(): Promise<string[]> {
  const answer = await admin.request("GET", organisersUrl());
  expect(answer.statusCode, answer.body).toBe(200);
  return (answer.json().items as { username: string }[]).map((item) => item.username);
}

function newActivity(session: Session) {
  const startsAt = new Date(`${addDays(clock.today(), 5)}T09:00:00+08:00`);
  return session.request("POST", "/api/v1/participation/activities", {
    organisationId,
    title: "组织者测试活动",
    category: "general",
    place: "石岐区测试广场",
    townCode: "shiqi",
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
    capacity: 3,
  });
}

describe("organisers of an organisation", () => {
  it("searches only accounts holding the organiser role, by username or display name", async () => {
    const all = (await admin.request("GET", "/api/v1/participation/organiser-accounts")).json();
    const names = all.items.map((item: { username: string }) => item.username);
    expect(names).toEqual(expect.arrayContaining(["organiser", "organiser.three"]));
    expect(names).not.toContain("resident");
    expect(names).not.toContain("programme.admin");
    const byDisplayName = (await admin.request("GET", "/api/v1/participation/organiser-accounts?q=组织者三")).json();
    expect(byDisplayName.items).toEqual([
      { id: organiserThreeId, username: "organiser.three", displayName: "志愿组织者三", disabled: false },
    ]);
    // A LIKE wildcard is searched for as itself.
    const wildcard = (await admin.request("GET", "/api/v1/participation/organiser-accounts?q=%25")).json();
    expect(wildcard.items).toEqual([]);
    const byOrganiser = await organiser.request("GET", "/api/v1/participation/organiser-accounts");
    expect(byOrganiser.statusCode).toBe(403);
  });

  it("assigns an organiser, who then publishes for the organisation, and removes it with an audit entry", async () => {
    expect(await usernames()).toEqual(["organiser"]);
    expect((await newActivity(organiserThree)).statusCode).not.toBe(201);
    const added = await admin.request("POST", organisersUrl(), { username: "organiser.three" });
    expect(added.statusCode, added.body).toBe(201);
    const list = (await admin.request("GET", organisersUrl())).json();
    expect(list.items).toContainEqual({
      accountId: organiserThreeId,
      username: "organiser.three",
      displayName: "志愿组织者三",
      disabled: false,
      since: clock.today(),
    });
    expect((await newActivity(organiserThree)).statusCode).toBe(201);

    const byOrganiser = await organiser.request("DELETE", `${organisersUrl()}/${organiserThreeId}`);
    expect(byOrganiser.statusCode).toBe(403);
    const removed = await admin.request("DELETE", `${organisersUrl()}/${organiserThreeId}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toEqual({ organisationId, accountId: organiserThreeId, username: "organiser.three" });
    expect(await usernames()).toEqual(["organiser"]);
    const entry = await database.db
      .selectFrom("audit_entries")
      .selectAll()
      .where("action", "=", "participation.organiser.remove")
      .where("entity_id", "=", organisationId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(entry)).toContain("organiser.three");
    expect(
      (await organiserThree.request("GET", "/api/v1/participation/organiser/activities")).json().organisations,
    ).toEqual([]);
    expect((await newActivity(organiserThree)).statusCode).not.toBe(201);

    // Removing again, or an account that never was one: the one "not found", and no audit entry.
    const again = await admin.request("DELETE", `${organisersUrl()}/${organiserThreeId}`);
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe("not_found");
    const entries = await database.db
      .selectFrom("audit_entries")
      .select("id")
      .where("action", "=", "participation.organiser.remove")
      .execute();
    expect(entries).toHaveLength(1);
  });
});
