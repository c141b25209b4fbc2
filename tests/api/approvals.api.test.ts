/**
 * The approvals catalogue through the API: the XLSX import with a report naming each refused row's number, column
 * and reason; the history of an item's changes (never back in time); the public list with search; the reform per
 * round and per department; the catalogue as open data.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetClock, setClock } from "../../src/core/clock";
import { clearOpenDataCache } from "../../src/modules/insight/opendata";
import { importColumns } from "../../src/modules/approvals/import";
import { createTestApp, type TestApp } from "../helpers/app";
import { signIn, type Session } from "../helpers/fixtures";

let test: TestApp;
let admin: Session;
let clerk: Session;

beforeAll(async () => {
  setClock("2026-05-20");
  test = await createTestApp();
  admin = await signIn(test.app, "programmeadmin");
  clerk = await signIn(test.app, "clerk");
});

afterAll(async () => {
  resetClock();
  await test?.close();
});

const header = Object.values(importColumns);

/** An XLSX (base64) with the import's header and these rows. */
async function workbook(rows: (string | number | null)[][], columns: string[] = header): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("事项");
  sheet.addRow(columns);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer()).toString("base64");
}

const row = (overrides: Partial<Record<keyof typeof importColumns, string | number | null>>) => {
  const base: Record<keyof typeof importColumns, string | number | null> = {
    code: "T-0001",
    name: "公共场所卫生许可",
    department: "市教育和体育局",
    legalBasis: "《公共场所卫生管理条例》第八条",
    statutoryDays: 20,
    promisedDays: 10,
    status: "保留",
    changedOn: "2015-06-30",
    document: "中府〔2015〕1号",
    round: "第一轮",
    note: "",
  };
  const merged = { ...base, ...overrides };
  return (Object.keys(importColumns) as (keyof typeof importColumns)[]).map((key) => merged[key]);
};

// Good rows imported, bad rows reported (the default, all or nothing, is tested in imports.api.test.ts).
const importFile = async (session: Session, rows: (string | number | null)[][], columns?: string[]) =>
  session.request("POST", "/api/v1/approvals/imports", {
    fileName: "catalogue.xlsx",
    xlsxBase64: await workbook(rows, columns),
    mode: "good_rows",
  });

describe("the approvals catalogue", () => {
  it("imports good rows and reports each bad row by number, column and reason", async () => {
    const response = await importFile(admin, [
      row({}),
      row({ code: "T-0002", name: "建设工程消防验收", department: "fire_services", status: "下放镇区" }),
      row({ code: "", name: "无编码事项" }),
      row({ code: "T-0003", department: "市宇宙局" }),
      row({ code: "T-0004", statutoryDays: 10, promisedDays: 15 }),
      row({ code: "T-0005", status: "暂停" }),
      row({ code: "T-0006", changedOn: "2026-06-01" }),
      row({ code: "T-0001", name: "重复" }),
      row({ code: "T-0007", changedOn: "30/06/2015", statutoryDays: "二十" }),
    ]);
    expect(response.statusCode).toBe(201);
    const report = response.json();
    expect(report).toMatchObject({ rowsTotal: 9, rowsCreated: 2, rowsUpdated: 0, rowsRefused: 7 });
    const at = (rowNumber: number) =>
      report.problems
        .filter((problem: { row: number }) => problem.row === rowNumber)
        .map((p: { column: string }) => p.column);
    expect(at(4)).toEqual(["事项编码"]);
    expect(at(5)).toEqual(["实施部门"]);
    expect(at(6)).toEqual(["承诺时限（工作日）"]);
    expect(at(7)).toEqual(["状态"]);
    expect(at(8)).toEqual(["变更日期"]);
    expect(at(9)).toEqual(["事项编码"]);
    expect(at(10)).toEqual(["法定时限（工作日）", "变更日期"]);
    expect(report.problems.find((problem: { row: number }) => problem.row === 5).message).toContain("市宇宙局");
  });

  it("refuses a sheet without the required columns, and a clerk", async () => {
    const missing = await importFile(admin, [["T-9"]], ["事项编码"]);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe("missing_columns");
    expect(missing.json().error.message).toContain("实施部门");
    expect((await importFile(clerk, [row({})])).statusCode).toBe(403);
  });

  it("keeps the history of an item's changes and never goes back before the last one", async () => {
    const later = await importFile(admin, [
      row({ status: "取消", changedOn: "2016-03-31", document: "中府〔2016〕2号", round: "第二轮" }),
    ]);
    expect(later.json()).toMatchObject({ rowsUpdated: 1, rowsRefused: 0 });
    const earlier = await importFile(admin, [row({ status: "保留", changedOn: "2014-01-01" })]);
    expect(earlier.json().rowsRefused).toBe(1);
    expect(earlier.json().problems[0].message).toContain("2016-03-31");

    const page = await test.app.inject({ method: "GET", url: "/api/v1/public/approvals/items/T-0001" });
    expect(page.statusCode).toBe(200);
    expect(page.json().item).toMatchObject({
      status: "cancelled",
      statusOn: "2016-03-31",
      departmentCode: "education",
    });
    expect(
      page.json().history.map((step: { status: string; document: string }) => [step.status, step.document]),
    ).toEqual([
      ["kept", "中府〔2015〕1号"],
      ["cancelled", "中府〔2016〕2号"],
    ]);
    expect((await test.app.inject({ method: "GET", url: "/api/v1/public/approvals/items/NOPE" })).statusCode).toBe(404);
  });

  it("lists the catalogue publicly with search and filters", async () => {
    const all = await test.app.inject({ method: "GET", url: "/api/v1/public/approvals/items" });
    expect(all.json().total).toBe(2);
    expect(all.headers["cache-control"]).toContain("max-age");
    const search = await test.app.inject({
      method: "GET",
      url: `/api/v1/public/approvals/items?q=${encodeURIComponent("消防")}`,
    });
    expect(search.json().items.map((item: { code: string }) => item.code)).toEqual(["T-0002"]);
    const delegated = await test.app.inject({ method: "GET", url: "/api/v1/public/approvals/items?status=delegated" });
    expect(delegated.json().items).toHaveLength(1);
    const byDepartment = await test.app.inject({
      method: "GET",
      url: "/api/v1/public/approvals/items?departmentCode=education",
    });
    expect(byDepartment.json().items.map((item: { code: string }) => item.code)).toEqual(["T-0001"]);
  });

  it("tells the reform per round and per department", async () => {
    const reform = (await test.app.inject({ method: "GET", url: "/api/v1/public/approvals/reform" })).json();
    expect(reform.totals).toEqual({ kept: 0, cancelled: 1, delegated: 1, all: 2 });
    expect(reform.rounds).toEqual([
      {
        round: "第一轮",
        firstOn: "2015-06-30",
        lastOn: "2015-06-30",
        kept: 1,
        cancelled: 0,
        delegated: 1,
        keptAfter: 1,
      },
      {
        round: "第二轮",
        firstOn: "2016-03-31",
        lastOn: "2016-03-31",
        kept: 0,
        cancelled: 1,
        delegated: 0,
        keptAfter: 0,
      },
    ]);
    expect(reform.departments).toEqual(
      expect.arrayContaining([
        { departmentCode: "education", departmentName: "市教育和体育局", kept: 0, cancelled: 1, delegated: 0 },
      ]),
    );
  });

  it("publishes the catalogue as open data", async () => {
    clearOpenDataCache();
    const csv = await test.app.inject({ method: "GET", url: "/open-data/approval-items.csv" });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    expect(csv.body).toContain("T-0002,建设工程消防验收,fire_services");
  });
});
