/**
 * No public answer carries personal data: every anonymous GET route of the route table (with real records for its
 * path parameters) and every open-data file listed in the catalogue is scanned for ID-number and mobile-phone
 * patterns and for the full names in the registry — exports too: each published list as CSV, XLSX (every cell)
 * and PDF (its text through pdftotext). Also checks the open-data catalogue's shape and files.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsvRecords } from "../../src/core/csv";
import { loadDemo } from "../../src/demo/load";
import { buildApp } from "../../src/http/app";
import { modules } from "../../src/http/modules";
import { routeTable } from "../../src/http/route-table";
import { expectedIndicators } from "../../src/modules/insight/catalogue";
import { clearOpenDataCache } from "../../src/modules/insight/opendata";
import { publicPermission, type AnyRoute } from "../../src/platform/http/route";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

let database: TestDatabase;
let app: FastifyInstance;
let names: string[] = [];
let idNumbers: string[] = [];
let phones: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemo(database.db, { modules, persons: 400 });
  app = await buildApp({ db: database.db, webDist: "/nonexistent" });
  const persons = await sql<{
    name: string;
    id_number: string;
    phone: string | null;
  }>`select name, id_number, phone from persons`.execute(database.db);
  names = persons.rows.map((row) => row.name);
  idNumbers = persons.rows.map((row) => row.id_number);
  phones = persons.rows.flatMap((row) => (row.phone ? [row.phone] : []));
  clearOpenDataCache();
}, 240_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const idPattern = /(?<![0-9])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9])/;
const phonePattern = /(?<![0-9])1[3-9]\d{9}(?![0-9])/;
const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The personal data found in a public answer, as readable findings. */
function findings(where: string, text: string): string[] {
  const found: string[] = [];
  // Record ids are random UUIDs: a group of one may read as a phone number (…-a15236474240), so the patterns skip them.
  const withoutIds = text.replace(uuidPattern, "<uuid>");
  const id = idPattern.exec(withoutIds);
  if (id) found.push(`${where}: an ID number pattern ${id[0]}`);
  const phone = phonePattern.exec(withoutIds);
  if (phone) found.push(`${where}: a phone pattern ${phone[0]}`);
  for (const value of idNumbers) if (text.includes(value)) found.push(`${where}: registry ID number ${value}`);
  for (const value of phones) if (text.includes(value)) found.push(`${where}: registry phone ${value}`);
  // Three-character names anywhere; two-character names as a whole JSON string or CSV cell.
  for (const name of names) {
    if (name.length >= 3 ? text.includes(name) : new RegExp(`(^|[",\\r\\n])${name}($|[",\\r\\n])`).test(text))
      found.push(`${where}: registry name ${name}`);
  }
  return found.slice(0, 5);
}

/** Records for the path parameters of a public route. */
async function inputs(route: AnyRoute): Promise<Record<string, string>[]> {
  const parameters = [...route.url.matchAll(/:(\w+)/g)].map((match) => match[1]);
  if (parameters.length === 0) return [{}];
  if (route.target?.resource === "publicityList") {
    const lists = await sql<{ id: string }>`select id from publicity_lists order by id`.execute(database.db);
    return lists.rows.flatMap((row) => ["csv", "xlsx", "pdf"].map((format) => ({ id: row.id, format })));
  }
  if (parameters.includes("code")) {
    const towns = await sql<{ code: string }>`select code from towns order by code limit 3`.execute(database.db);
    const campaigns = await sql<{ code: string }>`select code from participation_campaigns order by code limit 3`
      .execute(database.db)
      .catch(() => ({ rows: [] as { code: string }[] }));
    return [...towns.rows, ...campaigns.rows].map((row) => ({ code: row.code }));
  }
  return [];
}

/** The text of an answer: JSON and CSV as they are, every cell of an XLSX, the text layer of a PDF (pdftotext). */
async function textOf(payload: Buffer, type: string): Promise<string> {
  if (type.includes("spreadsheetml")) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(payload as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text ?? cell.value ?? "")))),
    );
    return cells.join("\n");
  }
  if (type.includes("pdf")) {
    const directory = mkdtempSync(join(tmpdir(), "gz-public-"));
    writeFileSync(join(directory, "answer.pdf"), payload);
    return execFileSync("pdftotext", ["-enc", "UTF-8", join(directory, "answer.pdf"), "-"], { encoding: "utf8" });
  }
  return payload.toString("utf8");
}

describe("public answers hold no personal data", () => {
  it("scans every anonymous GET route and every open-data file", async () => {
    const problems: string[] = [];
    let scanned = 0;
    const routes = [
      ...routeTable().map((entry) => ({ route: entry.route, prefix: "/api/v1" })),
      ...modules.flatMap((module) => (module.rootRoutes ?? []).map((route) => ({ route, prefix: "" }))),
    ].filter(({ route }) => route.permission === publicPermission && route.method === "GET");
    expect(routes.length).toBeGreaterThan(5);
    // The scanner itself finds what it looks for.
    expect(findings("self-test", `{"name":"${names[0]}","id":"${idNumbers[0]}"}`)).toHaveLength(3);
    for (const { route, prefix } of routes) {
      if (route.url.includes(":file")) continue; // the open-data files are scanned from the catalogue below
      for (const params of await inputs(route)) {
        const url = prefix + route.url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name]));
        const response = await app.inject({ method: "GET", url });
        if (response.statusCode !== 200) continue;
        scanned += 1;
        problems.push(...findings(url, await textOf(response.rawPayload, String(response.headers["content-type"]))));
      }
    }
    const catalog = await app.inject({ method: "GET", url: "/open-data/catalog.json" });
    expect(catalog.statusCode).toBe(200);
    const { datasets } = catalog.json() as {
      datasets: { id: string; csv: string; json: string; dictionary: string }[];
    };
    expect(datasets.map((dataset) => dataset.id)).toEqual(
      expect.arrayContaining([
        "points-published-lists",
        "assistance-approved-lists",
        "approval-items",
        "suggestions",
        "consultations",
        "participation-campaigns",
        "services-qualified-vendors",
        "services-awards",
        "fund-results",
        "town-statistics",
      ]),
    );
    for (const dataset of datasets)
      for (const url of [dataset.csv, dataset.json, dataset.dictionary]) {
        const response = await app.inject({ method: "GET", url });
        expect(response.statusCode, url).toBe(200);
        scanned += 1;
        problems.push(...findings(url, response.body));
      }
    expect(scanned).toBeGreaterThan(10);
    expect(problems, problems.join("\n")).toEqual([]);
  }, 600_000); // every anonymous route and export: minutes on a loaded machine
});

describe("open data files", () => {
  it("serves CSV as UTF-8 with BOM and the same rows as JSON, with a dictionary naming every column", async () => {
    const approved = await app.inject({ method: "GET", url: "/open-data/assistance-approved-lists.csv" });
    expect(approved.headers["content-type"]).toContain("text/csv");
    expect(approved.headers["cache-control"]).toContain("max-age");
    expect(approved.body.startsWith("\uFEFF")).toBe(true);
    const records = parseCsvRecords(approved.body.slice(1));
    expect(records.ok).toBe(true);
    if (!records.ok) return;
    const json = (await app.inject({ method: "GET", url: "/open-data/assistance-approved-lists.json" })).json() as {
      rows: Record<string, unknown>[];
    };
    expect(records.value.length).toBe(json.rows.length);
    expect(json.rows.length).toBeGreaterThan(0);
    expect(String(json.rows[0].masked_name)).toContain("*");
    const dictionary = (
      await app.inject({ method: "GET", url: "/open-data/assistance-approved-lists.dictionary.json" })
    ).json() as { columns: { name: string }[] };
    expect(dictionary.columns.map((column) => column.name)).toEqual(Object.keys(records.value[0]));
    const statistics = (await app.inject({ method: "GET", url: "/open-data/town-statistics.json" })).json() as {
      rows: { unit: string; value: string }[];
    };
    for (const row of statistics.rows.filter((item) => item.unit === "people" || item.unit === "households"))
      expect(row.value === "0" || row.value === "<5" || Number(row.value) >= 5, JSON.stringify(row)).toBe(true);
    expect((await app.inject({ method: "GET", url: "/open-data/nope.csv" })).statusCode).toBe(404);
    expect((await app.inject({ method: "GET", url: "/open-data/..%2Fetc.csv" })).statusCode).toBe(400);
  });

  it("shows the public dashboard with suppressed small cells and honest gaps for modules not installed", async () => {
    const response = await app.inject({ method: "GET", url: "/api/v1/public/insight/indicators" });
    expect(response.statusCode).toBe(200);
    const body = response.json() as {
      indicators: { id: string; status: string; unit: string; city: unknown; towns: { value: unknown }[] }[];
    };
    const households = body.indicators.find((indicator) => indicator.id === "assistance.households")!;
    expect(households.status).toBe("available");
    for (const town of households.towns) expect(town.value === "<5" || Number(town.value) >= 5).toBe(true);
    // A figure whose module is missing, or does not declare it, says so and shows no number.
    const installed = new Set(modules.map((module) => module.name));
    const catalogue = new Map(expectedIndicators.map((indicator) => [indicator.id, indicator.module]));
    for (const indicator of body.indicators.filter((item) => item.status !== "available")) {
      const module = catalogue.get(indicator.id)!;
      expect(indicator.status, indicator.id).toBe(installed.has(module) ? "not_provided" : "module_not_installed");
      expect(indicator).toMatchObject({ city: null, towns: [] });
    }
    // Once every catalogued module is installed, no figure may claim its module is missing.
    const missingModules = [...new Set(catalogue.values())].filter((module) => !installed.has(module));
    expect(body.indicators.some((indicator) => indicator.status === "module_not_installed")).toBe(
      missingModules.length > 0,
    );
  });

  it("narrows the public dashboard to one 镇区, as JSON and as an XLSX of the same figures, and refuses an unknown 镇区", async () => {
    type Body = {
      townCode: string | null;
      year: number;
      indicators: {
        id: string;
        title: { zh: string };
        unit: string;
        status: string;
        city: unknown;
        towns: { townCode: string; value: unknown }[];
      }[];
    };
    const city = (await app.inject({ method: "GET", url: "/api/v1/public/insight/indicators" })).json() as Body;
    // A 镇区 with 5 or more persons on 低保 but fewer than 5 households (the demo has several).
    const byId = (body: Body, id: string) => body.indicators.find((indicator) => indicator.id === id)!;
    const households = new Map(byId(city, "assistance.households").towns.map((row) => [row.townCode, row.value]));
    const town = byId(city, "assistance.persons").towns.find(
      (row) => typeof row.value === "number" && row.value >= 5 && households.get(row.townCode) === "<5",
    )!;
    expect(town, "a 镇区 with 5+ persons and 1–4 households on 低保").toBeDefined();

    const response = await app.inject({
      method: "GET",
      url: `/api/v1/public/insight/indicators?townCode=${town.townCode}`,
    });
    expect(response.statusCode).toBe(200);
    const narrowed = response.json() as Body;
    expect(narrowed.townCode).toBe(town.townCode);
    for (const indicator of narrowed.indicators) {
      expect(
        indicator.towns.every((row) => row.townCode === town.townCode),
        indicator.id,
      ).toBe(true);
      if (indicator.unit === "people" || indicator.unit === "households")
        for (const value of [indicator.city, ...indicator.towns.map((row) => row.value)])
          expect(
            value === null || value === 0 || value === "<5" || Number(value) >= 5,
            `${indicator.id}: ${value}`,
          ).toBe(true);
    }
    // Narrowed to the 镇区, its figure is the whole answer, and small counts stay suppressed.
    expect(byId(narrowed, "assistance.persons")).toMatchObject({ city: town.value, towns: [town] });
    expect(byId(narrowed, "assistance.households")).toMatchObject({
      city: "<5",
      towns: [{ townCode: town.townCode, value: "<5" }],
    });

    const file = await app.inject({
      method: "GET",
      url: `/api/v1/public/insight/indicators.xlsx?townCode=${town.townCode}`,
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toContain("spreadsheetml");
    expect(String(file.headers["content-disposition"])).toContain(`indicators-${city.year}-${town.townCode}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const townName = (
      await sql<{ name: string }>`select name from towns where code = ${town.townCode}`.execute(database.db)
    ).rows[0].name;
    expect(header).toEqual(["目标", "指标", "单位", "状态", "全市/合计", townName]);
    const rows = new Map<string, unknown[]>();
    sheet.eachRow((row, number) => {
      if (number > 1) rows.set(String(row.getCell(2).value), (row.values as unknown[]).slice(1));
    });
    for (const indicator of narrowed.indicators.filter((item) => item.status === "available")) {
      const row = rows.get(indicator.title.zh)!;
      expect(row, indicator.id).toBeDefined();
      expect(row[4] ?? null, indicator.id).toEqual(indicator.city);
      expect(row[5] ?? null, indicator.id).toEqual(indicator.towns[0]?.value ?? null);
    }
    expect(findings("public XLSX", await textOf(file.rawPayload, String(file.headers["content-type"])))).toEqual([]);

    for (const url of [
      "/api/v1/public/insight/indicators?townCode=atlantis",
      "/api/v1/public/insight/indicators.xlsx?townCode=atlantis",
    ]) {
      const refused = await app.inject({ method: "GET", url });
      expect(refused.statusCode, url).toBe(400);
      expect(refused.json().error).toMatchObject({
        code: "unknown_town",
        fields: { townCode: expect.stringContaining("未知镇区") },
      });
    }
  });
});
