import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/http/app";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { seedTestWorld, signIn, type Session } from "../helpers/fixtures";
import { caseBody, daysAgo, makeHousehold } from "./assistance.fixtures";

// Evidence files through the platform's files service, attached to an application and an investigation;
// who may read the payroll and who may run it.
let database: TestDatabase;
let app: FastifyInstance;
let clerk: Session;
let clerkXiaolan: Session;
let auditor: Session;
let admin: Session;

async function upload(session: Session, name: string, bytes: Buffer, townCode = "shiqi") {
  const boundary = `----assistance${Date.now()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${name}"\r\ncontent-type: application/pdf\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const response = await app.inject({
    method: "POST",
    url: `/api/v1/files?townCode=${townCode}`,
    payload,
    headers: {
      "content-type": `multipart/form-data; boundary=${boundary}`,
      cookie: session.cookie,
      "x-csrf-token": session.csrfToken,
    },
  });
  return response;
}

beforeAll(async () => {
  process.env.GONGZHI_FILES = mkdtempSync(join(tmpdir(), "gongzhi-assistance-files-"));
  database = await createTestDatabase();
  await seedTestWorld(database.db);
  app = await buildApp({ db: database.db });
  clerk = await signIn(app, "clerk");
  clerkXiaolan = await signIn(app, "clerkxiaolan");
  auditor = await signIn(app, "auditor");
  admin = await signIn(app, "programmeadmin");
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe("assistance evidence and payroll access", () => {
  it("attaches uploaded evidence to the application and the investigation, refusing files of others", async () => {
    const uploaded = await upload(clerk, "收入证明.pdf", Buffer.from("%PDF-1.4\n% income certificate\n"));
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const fileId = uploaded.json().id as string;
    const { householdId, personIds } = await makeHousehold(clerk, "shiqi", [{ name: "何一" }]);
    const created = await clerk.request("POST", "/api/v1/assistance/cases", {
      ...caseBody(householdId, personIds, [0], { submittedOn: daysAgo(5) }),
      fileIds: [fileId],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().timeline[0].fileIds).toEqual([fileId]);
    const foreign = await upload(clerkXiaolan, "他人文件.pdf", Buffer.from("%PDF-1.4\n% other\n"), "xiaolan");
    expect(foreign.statusCode, foreign.body).toBe(201);
    const refused = await clerk.request("POST", `/api/v1/assistance/cases/${created.json().id}/investigation`, {
      homeVisit: { by: "王社工", on: daysAgo(1), findings: "入户" },
      neighbourVisits: [],
      dataChecks: [],
      fileIds: [foreign.json().id],
    });
    expect(refused.json().error).toMatchObject({ code: "unknown_file", fields: { "fileIds.0": expect.any(String) } });
    const investigated = await clerk.request("POST", `/api/v1/assistance/cases/${created.json().id}/investigation`, {
      homeVisit: { by: "王社工", on: daysAgo(1), findings: "入户" },
      neighbourVisits: [],
      dataChecks: [],
      fileIds: [fileId],
    });
    expect(investigated.json().timeline.at(-1)).toMatchObject({ kind: "investigated", fileIds: [fileId] });
  });

  it("lets auditors read the payroll and its lines but not run it; clerks neither", async () => {
    const month = daysAgo(0).slice(0, 7);
    expect((await auditor.request("POST", "/api/v1/assistance/payrolls", { month })).statusCode).toBe(403);
    expect((await clerk.request("GET", `/api/v1/assistance/payrolls/${month}`)).statusCode).toBe(403);
    const run = await admin.request("POST", "/api/v1/assistance/payrolls", { month });
    expect(run.statusCode).toBe(201);
    expect((await auditor.request("GET", `/api/v1/assistance/payrolls/${month}`)).json()).toMatchObject({
      month,
      households: 0,
    });
    const lines = await auditor.request("GET", `/api/v1/assistance/payrolls/${month}/lines?townCode=shiqi`);
    expect(lines.json()).toMatchObject({ items: [], total: 0 });
    expect((await admin.request("POST", "/api/v1/assistance/payrolls", { month: "2026-13" })).statusCode).toBe(400);
  });
});
