import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/http/app";
import { assistanceModule } from "../../src/modules/assistance/manifest";
import { registryModule } from "../../src/modules/registry/manifest";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { seedTestWorld, signIn, type Session, type TestWorld } from "../helpers/fixtures";
import { caseBody, makeHousehold } from "./assistance.fixtures";

let database: TestDatabase;
let app: FastifyInstance;
let world: TestWorld;
let clerk: Session;
let resident: Session;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await seedTestWorld(database.db);
  app = await buildApp({ db: database.db, modules: [registryModule, assistanceModule] });
  clerk = await signIn(app, "clerk");
  resident = await signIn(app, "resident");
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe("assistance cases: the amount's explanation", () => {
  it("shows the resident the rules engine's steps (zh/en) behind the amounts of their own case", async () => {
    const own = await makeHousehold(clerk, "shiqi", [{ name: "解释户主" }]);
    const added = await clerk.request("POST", `/api/v1/households/${own.householdId}/members`, {
      personId: world.persons.shiqi,
      relationship: "spouse",
    });
    expect(added.statusCode).toBe(201);
    const online = await resident.request(
      "POST",
      "/api/v1/assistance/cases",
      caseBody(own.householdId, [own.personIds[0], world.persons.shiqi], [300, 0]),
    );
    expect(online.statusCode, online.body).toBe(201);
    const mine = await resident.request("GET", `/api/v1/assistance/cases/${online.json().id}`);
    const eligibility = mine.json().eligibility as {
      totalYuan: string;
      steps: { key: string; zh: string; en: string; value: unknown }[];
    };
    const total = eligibility.steps.find((step) => step.key === "total");
    expect(total).toMatchObject({ zh: "合计（元）", en: "Total (yuan)", value: eligibility.totalYuan });
    expect(eligibility.steps.every((step) => step.zh.length > 0 && step.en.length > 0)).toBe(true);
    expect(eligibility.steps.find((step) => step.key === "household_income")?.value).toBe("300.00");
  });
});
