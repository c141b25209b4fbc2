import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { resetClock, setClock } from "../../src/core/clock";
import { inTransaction } from "../../src/db/transaction";
import { buildApp } from "../../src/http/app";
import { appendAudit } from "../../src/platform/audit/audit.log";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { seedTestWorld, signIn } from "../helpers/fixtures";

let database: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  setClock("2026-12-04");
  database = await createTestDatabase();
  await seedTestWorld(database.db);
  app = await buildApp({ db: database.db, webDist: "/nonexistent" });
});
afterAll(async () => {
  resetClock();
  await app?.close();
  await database?.close();
});

describe("GET /calendar/years", () => {
  it("tells anyone which years are official and which provisional", async () => {
    const response = await app.inject({ method: "GET", url: "/api/v1/calendar/years" });
    expect(response.statusCode).toBe(200);
    const body = response.json() as {
      lastOfficialYear: number;
      items: { year: number; provisional: boolean; source: string }[];
    };
    expect(body.lastOfficialYear).toBe(2026);
    expect(body.items.find((item) => item.year === 2026)).toMatchObject({ provisional: false });
    expect(body.items.find((item) => item.year === 2027)).toMatchObject({ provisional: true });
    expect(body.items.find((item) => item.year === 2027)?.source).toContain("暂定");
    expect(body.items.map((item) => item.year)).toEqual([2025, 2026, 2027, 2028]);
  });
});

describe("GET /calendar/deadline-changes", () => {
  it("lists the deadlines the last imported notice changed, to staff only, within a clerk's 镇区", async () => {
    const change = (townCode: string, reference: string) => ({
      module: "assistance",
      kind: "assistance.decision",
      label: "审批期限 (decision due)",
      entityType: "assistance_case",
      entityId: `00000000-0000-0000-0000-00000000000${townCode === "shiqi" ? 1 : 2}`,
      reference,
      townCode,
      dueOn: "2027-01-12",
      recomputedOn: "2027-01-13",
    });
    await inTransaction(database.db, (trx) =>
      appendAudit(trx, {
        actorId: null,
        actorUsername: "system",
        action: "calendar.import",
        entityType: "calendar_year",
        entityId: "2027",
        after: {
          source: "国务院办公厅关于2027年部分节假日安排的通知",
          changes: [change("shiqi", "DB-1"), change("xiaolan", "DB-2")],
        },
      }),
    );
    expect((await app.inject({ method: "GET", url: "/api/v1/calendar/deadline-changes" })).statusCode).toBe(401);
    expect((await (await signIn(app, "resident")).request("GET", "/api/v1/calendar/deadline-changes")).statusCode).toBe(
      403,
    );
    const admin = await (await signIn(app, "programmeadmin")).request("GET", "/api/v1/calendar/deadline-changes");
    expect(admin.statusCode).toBe(200);
    expect((admin.json() as { items: { reference: string }[] }).items.map((item) => item.reference)).toEqual([
      "DB-1",
      "DB-2",
    ]);
    const clerk = await (await signIn(app, "clerk")).request("GET", "/api/v1/calendar/deadline-changes");
    expect(
      (clerk.json() as { items: { reference: string; year: string; dueOn: string; recomputedOn: string }[] }).items,
    ).toEqual([
      expect.objectContaining({ reference: "DB-1", year: "2027", dueOn: "2027-01-12", recomputedOn: "2027-01-13" }),
    ]);
  });
});
