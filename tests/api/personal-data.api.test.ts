/**
 * PIPL (issue 14, "Access"): a resident downloads everything held about them as JSON and as a PDF in Chinese,
 * each download in the audit log; the copy names the staff reads of their record (the access log) and holds no
 * secret; nobody else's data is in it. Staff reads of full records declare their access-log entry.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routeTable } from "../../src/http/route-table";
import { createTestApp, type TestApp } from "../helpers/app";
import { countAudit, signIn, testIdNumber } from "../helpers/fixtures";

let testApp: TestApp;
let app: FastifyInstance;

beforeAll(async () => {
  testApp = await createTestApp();
  ({ app } = testApp);
});
afterAll(async () => {
  await testApp?.close();
});

describe("a resident's copy of their data", () => {
  it("downloads everything held about them as JSON, with the staff reads of their record, and no secrets", async () => {
    const clerk = await signIn(app, "clerk");
    expect((await clerk.request("GET", `/api/v1/persons/${testApp.world.persons.shiqi}`)).statusCode).toBe(200);
    const resident = await signIn(app, "resident");
    const before = await countAudit(testApp.database.db, "person.personal_data.exported");
    const response = await resident.request("POST", "/api/v1/me/personal-data/json", {});
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-disposition"]).toMatch(
      /attachment; filename="personal-data-\d{4}-\d{2}-\d{2}\.json"/,
    );
    expect(response.headers["cache-control"]).toBe("no-store");
    const copy = response.json();
    expect(copy.personId).toBe(testApp.world.persons.shiqi);
    expect(copy.person).toMatchObject({ name: "张三明", id_number: testIdNumber(901), phone: "13800138000" });
    expect(copy.accounts.map((account: { username: string }) => account.username)).toEqual(["resident"]);
    expect(copy.records.map((table: { table: string }) => table.table)).toContain("account_roles");
    expect(copy.auditTrail.map((entry: { action: string }) => entry.action)).toContain("person.read");
    expect(copy.auditTrail.find((entry: { action: string }) => entry.action === "person.read").actor_username).toBe(
      "clerk",
    );
    // Secrets stay out; nobody else's record is in it.
    expect(response.body).not.toMatch(/password_hash|token_hash|csrf_token|\$argon2/);
    expect(response.body).not.toContain("李四");
    expect(response.body).not.toContain("13900139000");
    expect(await countAudit(testApp.database.db, "person.personal_data.exported")).toBe(before + 1);
  });

  it("downloads the same as a PDF in Chinese", async () => {
    const resident = await signIn(app, "resident");
    const response = await resident.request("POST", "/api/v1/me/personal-data/pdf", {});
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const directory = mkdtempSync(join(tmpdir(), "gz-personal-"));
    writeFileSync(join(directory, "copy.pdf"), pdf);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", join(directory, "copy.pdf"), "-"], { encoding: "utf8" });
    expect(text).toContain("个人信息副本");
    expect(text).toContain("本人信息");
    expect(text).toContain("张三明");
    expect(text).toContain(testIdNumber(901));
    expect(text).toContain("处理记录");
  });

  it("is refused to staff (their own copy is a resident's right) and to an account without a person", async () => {
    const clerk = await signIn(app, "clerk");
    expect((await clerk.request("POST", "/api/v1/me/personal-data/json", {})).statusCode).toBe(403);
    expect((await app.inject({ method: "POST", url: "/api/v1/me/personal-data/json", payload: {} })).statusCode).toBe(
      401,
    );
  });
});

describe("the access log of staff reads of full records", () => {
  it("records a staff read of a points case file, and not a search", async () => {
    const clerk = await signIn(app, "clerkxiaolan");
    const enrolled = await clerk.request("POST", "/api/v1/points/enrolments", {
      personId: testApp.world.persons.xiaolan,
      residencePermitNumber: "GD4420123456",
      workStartedOn: "2010-01-01",
    });
    expect(enrolled.statusCode, enrolled.body).toBe(201);
    const before = await countAudit(testApp.database.db, "enrolment.read");
    expect((await clerk.request("GET", `/api/v1/points/enrolments/${enrolled.json().id}`)).statusCode).toBe(200);
    expect(await countAudit(testApp.database.db, "enrolment.read")).toBe(before + 1);
    const entry = await testApp.database.db
      .selectFrom("audit_entries")
      .select(["actor_username", "entity_id", "town_code"])
      .where("action", "=", "enrolment.read")
      .orderBy("position", "desc")
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({ actor_username: "clerkxiaolan", entity_id: enrolled.json().id, town_code: "xiaolan" });
    // A refused read (another 镇区's clerk: the one 404) leaves no entry.
    const other = await signIn(app, "clerk");
    expect((await other.request("GET", `/api/v1/points/enrolments/${enrolled.json().id}`)).statusCode).toBe(404);
    expect(await countAudit(testApp.database.db, "enrolment.read")).toBe(before + 1);
  });

  it("is declared on every staff read of a full personal record in the route table", () => {
    // Reads that log themselves in their handler (registry records, files, a tip-off reporter's identity).
    const loggedByHandler = new Set(["GET /persons/:id", "GET /households/:id", "GET /files/:id/content"]);
    const fullRecords = new Set(["case", "enrolment", "application", "tipoff", "objection"]);
    const reads = routeTable()
      .map((entry) => entry.route)
      .filter(
        (route) =>
          route.method === "GET" &&
          route.target &&
          (fullRecords.has(route.target.resource) || loggedByHandler.has(`${route.method} ${route.url}`)),
      );
    const unlogged = reads.filter(
      (route) =>
        !route.accessLog && !loggedByHandler.has(`${route.method} ${route.url}`) && !route.url.includes("/photos/"),
    );
    expect(reads.length).toBeGreaterThanOrEqual(9);
    expect(unlogged.map((route) => `${route.method} ${route.url}`)).toEqual([]);
  });
});
