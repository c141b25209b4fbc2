// What people read instead of codes: audit entries as sentences with labelled fields (money in yuan, people by
// name, no ids), record histories the same way, the audit filter's record types labelled, and downloads named
// for people (RFC 5987 filename*).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/http/app";
import { assistanceModule } from "../../src/modules/assistance/manifest";
import { registryModule } from "../../src/modules/registry/manifest";
import { publicityModule } from "../../src/platform/publicity/publicity.routes";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { seedTestWorld, signIn, type Session } from "../helpers/fixtures";
import { caseBody, daysAgo, makeHousehold, throughTown } from "./assistance.fixtures";

let database: TestDatabase;
let app: FastifyInstance;
let clerk: Session;
let programmeAdmin: Session;
let auditor: Session;
let admin: Session;

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\b[0-9a-f]{8}…/;
const snakeCode = /\b[a-z]+_[a-z_]+\b/;

interface Label {
  zh: string;
  en: string;
}
interface Described {
  action: string;
  entityType: string;
  summary: Label;
  changes: { field: string; label: Label; before: Label | null; after: Label | null }[];
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedTestWorld(database.db);
  app = await buildApp({ db: database.db, modules: [registryModule, publicityModule, assistanceModule] });
  clerk = await signIn(app, "clerk");
  programmeAdmin = await signIn(app, "programmeadmin");
  auditor = await signIn(app, "auditor");
  admin = await signIn(app, "admin");
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe("the audit log in words", () => {
  let caseNumber = "";
  let totalYuan = "";
  let listId = "";
  let caseId = "";

  beforeAll(async () => {
    const { householdId, personIds } = await makeHousehold(clerk, "shiqi", [
      { name: "欧阳明华" },
      { name: "欧阳小明", relationship: "child" },
    ]);
    const created = await clerk.request(
      "POST",
      "/api/v1/assistance/cases",
      caseBody(householdId, personIds, [300, 0], { submittedOn: daysAgo(40), categories: [[], ["serious_illness"]] }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const ready = await throughTown(clerk, created.json().id, {
      investigated: 38,
      appraised: 36,
      opinion: 33,
      publicity: 30,
    });
    listId = ready.publicityListId;
    caseId = ready.id;
    const approved = await programmeAdmin.request("POST", `/api/v1/assistance/cases/${ready.id}/decision`, {
      version: ready.version,
      decision: "approved",
      decidedOn: daysAgo(0),
    });
    expect(approved.statusCode, approved.body).toBe(200);
    caseNumber = approved.json().number;
    totalYuan = approved.json().eligibility.totalYuan;
  });

  it("says who approved which case, when, and the monthly amount in yuan", async () => {
    const response = await auditor.request(
      "GET",
      "/api/v1/audit?entityType=assistance_case&action=assistance.case.approved",
    );
    expect(response.statusCode).toBe(200);
    const [entry] = response.json().items as Described[];
    const grouped = Number(totalYuan).toLocaleString("en-US", { minimumFractionDigits: 2 });
    expect(entry.summary.zh).toMatch(
      new RegExp(
        `^\\S+ 于 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} 批准了 低保案件 ${caseNumber}，月保障金额 ${grouped} 元$`,
      ),
    );
    expect(entry.summary.en).toContain(`approved dibao case ${caseNumber}, Monthly amount ${grouped} yuan on `);
    const amount = entry.changes.find((change) => change.field === "totalFen");
    expect(amount?.label.zh).toBe("月保障金额（元）");
    expect(amount?.after?.zh).toBe(grouped);
  });

  it("words every entry of the case without codes, ids, fen or JSON", async () => {
    const response = await auditor.request("GET", "/api/v1/audit?entityType=assistance_case&pageSize=50");
    const entries = response.json().items as Described[];
    expect(entries.length).toBeGreaterThanOrEqual(6);
    for (const entry of entries) {
      const text = [
        entry.summary.zh,
        ...entry.changes.flatMap((change) => [change.label.zh, change.before?.zh, change.after?.zh]),
      ]
        .filter(Boolean)
        .join(" ");
      expect(text, entry.action).not.toMatch(snakeCode);
      expect(text, entry.action).not.toMatch(uuid);
      expect(text, entry.action).not.toMatch(/[{}[\]"]/);
      expect(entry.summary.zh, entry.action).toContain(caseNumber);
    }
    const submitted = entries.find((entry) => entry.action === "assistance.case.submitted")!;
    expect(submitted.summary.zh).toContain(`受理了 低保案件 ${caseNumber}`);
    expect(submitted.changes.find((change) => change.field === "channel")?.after?.zh).toBe("窗口受理");
  });

  it("names people, masked for an admin, and relationships in a household's history", async () => {
    const members = await auditor.request("GET", "/api/v1/audit?entityType=household&action=household.member_add");
    const [added] = members.json().items as (Described & { entityId: string })[];
    const person = added.changes.find((change) => change.field === "personId");
    expect(person?.after?.zh).toBe("欧阳小明");
    expect(added.changes.find((change) => change.field === "relationship")?.after).toEqual({
      zh: "子女",
      en: "Child",
    });
    expect(added.summary.zh).toContain("（户主 欧阳明华）");

    const masked = await admin.request("GET", "/api/v1/audit?entityType=household&action=household.member_add");
    const [seenByAdmin] = masked.json().items as Described[];
    expect(JSON.stringify([seenByAdmin.summary, seenByAdmin.changes])).not.toContain("欧阳小明");
    expect(seenByAdmin.changes.find((change) => change.field === "personId")?.after?.zh).toBe("欧**明");

    const history = await clerk.request("GET", `/api/v1/households/${added.entityId}/history`);
    expect(history.statusCode).toBe(200);
    const shown = history.json().items as Described[];
    const text = JSON.stringify(shown.map((entry) => [entry.summary.zh, entry.changes]));
    expect(text).toContain("子女");
    expect(text).not.toMatch(uuid);
    expect(text).not.toMatch(/"head"|"child"/);
  });

  it("explains the amount in Chinese: members by name, codes and references in words", async () => {
    const response = await clerk.request("GET", `/api/v1/assistance/cases/${caseId}`);
    expect(response.statusCode).toBe(200);
    const steps = response.json().eligibility.steps as {
      key: string;
      zh: string;
      value: unknown;
      shown?: Label;
      referenceZh?: string;
      reference?: string;
    }[];
    const shownZh = steps.map((step) =>
      [step.zh, step.shown?.zh ?? String(step.value), step.referenceZh ?? ""].join(" "),
    );
    const text = shownZh.join("\n");
    expect(text).not.toMatch(snakeCode);
    expect(text).not.toMatch(uuid);
    expect(text).not.toContain("Configurable default");
    expect(text).toContain("成员 欧阳小明 分类救助金（长期重病，每人一份）");
    expect(steps.find((step) => step.key === "formula")?.shown?.zh).toMatch(
      /^家庭收入与低保标准的差额按月补足（\d{4}-\d{2}-\d{2} 起）$/,
    );
    for (const step of steps.filter((candidate) => candidate.reference))
      expect(step.referenceZh, step.key).toMatch(/\p{Script=Han}/u);
  });

  it("lists every record type found in the log, each with its labels", async () => {
    const response = await auditor.request("GET", "/api/v1/audit/entity-types");
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { code: string; label: Label }[];
    const found = await database.db.selectFrom("audit_entries").select("entity_type").distinct().execute();
    expect(items.map((item) => item.code).sort()).toEqual(found.map((row) => row.entity_type).sort());
    expect(items).toContainEqual({ code: "assistance_case", label: { zh: "低保案件", en: "dibao case" } });
    for (const item of items) expect(item.label.zh, item.code).not.toBe(item.code);
  });

  it("names the publicity PDF for people, with filename* in UTF-8", async () => {
    const header = await app.inject({ method: "GET", url: `/api/v1/public/publicity/lists/${listId}` });
    const title = header.json().title as string;
    const pdf = await app.inject({ method: "GET", url: `/api/v1/public/publicity/lists/${listId}/export/pdf` });
    expect(pdf.statusCode).toBe(200);
    const disposition = String(pdf.headers["content-disposition"]);
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+\.pdf"; filename\*=UTF-8''/);
    const encoded = disposition.split("filename*=UTF-8''")[1];
    expect(decodeURIComponent(encoded)).toBe(`${title}-第1版.pdf`);
    expect(disposition).not.toMatch(uuid);
  });
});
