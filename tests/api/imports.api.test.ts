/**
 * Imports under bad input (issue 14): CSV in UTF-8 with and without a byte-order mark and in GBK, text already
 * garbled by a wrong decoding, missing columns, bad rows — a report of every bad row with its number and reason
 * in Chinese, and all good rows or nothing as the user chooses (all or nothing by default). Per format: the
 * points quota import (CSV text, CSV bytes, XLSX), the participation ledger (XLSX) and the approvals catalogue
 * (XLSX), all through src/platform/imports.
 */
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetClock, setClock } from "../../src/core/clock";
import { importColumns } from "../../src/modules/approvals/import";
import { csvTable, decodeText } from "../../src/platform/imports";
import { createTestApp, type TestApp } from "../helpers/app";
import { signIn, type Session } from "../helpers/fixtures";

let test: TestApp;
let admin: Session;
let cycleId: string;

beforeAll(async () => {
  setClock("2026-05-20");
  test = await createTestApp();
  admin = await signIn(test.app, "programmeadmin");
  const cycle = await admin.request("POST", "/api/v1/points/cycles", {
    year: 2014,
    opensOn: "2014-09-01",
    closesOn: "2015-04-30",
    quotasDueOn: "2015-03-31",
  });
  expect(cycle.statusCode, cycle.body).toBe(201);
  cycleId = cycle.json().id;
});

afterAll(async () => {
  resetClock();
  await test?.close();
});

const count = async (table: string) =>
  Number(
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(test.database.db)).rows[0].n,
  );
const quotas = (body: Record<string, unknown>) =>
  admin.request("POST", `/api/v1/points/cycles/${cycleId}/quotas`, body);
const base64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString("base64");

// "石岐" in GBK is ca af e1 aa; "备注" is b1 b8 d7 a2.
const gbk = (hex: string) => Buffer.from(hex.replaceAll(" ", ""), "hex");

describe("reading text files", () => {
  it("tells UTF-8 with a BOM, UTF-8 and GBK apart by their bytes", () => {
    expect(decodeText(Buffer.from("\ufeff石岐", "utf8"))).toEqual({
      ok: true,
      value: { text: "石岐", encoding: "utf-8-bom" },
    });
    expect(decodeText(Buffer.from("石岐", "utf8"))).toEqual({ ok: true, value: { text: "石岐", encoding: "utf-8" } });
    expect(decodeText(gbk("ca af e1 aa"))).toEqual({ ok: true, value: { text: "石岐", encoding: "gbk" } });
    const utf16 = decodeText(Buffer.from([0xff, 0xfe, 0x73, 0x77]));
    expect(utf16.ok || utf16.error.code).toBe("unsupported_encoding");
  });

  it("keeps blank lines as rows so row numbers match the spreadsheet", () => {
    const read = csvTable({ csv: 'a,b\n\n1,2\r\n3,"x\ny"\n' });
    expect(read.ok && read.value.table).toEqual([["a", "b"], [], ["1", "2"], ["3", "x\ny"]]);
  });
});

describe("points quotas: CSV and XLSX", () => {
  const header = "town_code,purpose,grade,places,备注";
  const good = ["shiqi,school,primary_1,120,", "xiaolan,school,junior_1,80,", "shiqi,hukou,,30,"];

  it("imports a CSV sent as text, as UTF-8 bytes with and without a BOM, and as GBK bytes", async () => {
    const text = [header, ...good].join("\r\n");
    for (const body of [
      { csv: text },
      { csvBase64: base64(`\ufeff${text}`) },
      { csvBase64: base64(text) },
      {
        csvBase64: base64(
          Buffer.concat([
            Buffer.from("town_code,purpose,grade,places,"),
            gbk("b1 b8 d7 a2"),
            Buffer.from(`\n${good.join("\n")}`),
          ]),
        ),
      },
    ]) {
      const response = await quotas(body);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({ imported: 3, refused: [] });
    }
  });

  it("decodes GBK correctly: a Chinese town name is read as written (and refused as an unknown code)", async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${header}\n`),
      gbk("ca af e1 aa"),
      Buffer.from(",school,primary_1,5,\n"),
    ]);
    const response = await quotas({ csvBase64: base64(bytes) });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields["rows.2.town_code"]).toBe('未知镇区 "石岐" (unknown town)');
  });

  it("refuses text a wrong decoding has already garbled, saying what to do", async () => {
    const response = await quotas({ csv: `${header}\n\ufffd\ufffd,school,primary_1,5,\n` });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: "wrong_encoding", message: expect.stringContaining("GBK") });
  });

  it("names every missing column", async () => {
    const response = await quotas({ csv: "town_code,grade\nshiqi,primary_1\n" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: "missing_columns",
      message: expect.stringContaining("purpose、places"),
    });
  });

  const bad = [
    header,
    good[0],
    "nowhere,school,primary_1,5,", // row 3: unknown town
    "xiaolan,school,junior_1,2147483648,", // row 4: past 2³¹
    "",
    "xiaolan,school,primary_1,-3,", // row 6: negative
    "shiqi,school,primary_1,7,", // row 7: duplicate of row 2
    "guzhen,school,primary_3,7,", // row 8: bad grade
  ].join("\n");

  it("by default imports nothing and reports every bad row with its number and reason", async () => {
    const before = await (await admin.request("GET", `/api/v1/points/cycles/${cycleId}/quotas`)).body;
    const response = await quotas({ csv: bad });
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe("import_rows_invalid");
    expect(Object.keys(error.fields)).toEqual([
      "rows.3.town_code",
      "rows.4.places",
      "rows.6.places",
      "rows.7.town_code",
      "rows.8.grade",
    ]);
    expect(error.fields["rows.7.town_code"]).toContain("与第 2 行重复");
    expect(error.message).toContain("5 行有误，整个文件未导入");
    expect((await admin.request("GET", `/api/v1/points/cycles/${cycleId}/quotas`)).body).toBe(before);
  });

  it("imports the good rows when asked, reporting the rest", async () => {
    const response = await quotas({ csv: bad, mode: "good_rows" });
    expect(response.statusCode, response.body).toBe(200);
    const answer = response.json();
    expect(answer.imported).toBe(1);
    expect(answer.refused.map((problem: { row: number; column: string }) => [problem.row, problem.column])).toEqual([
      [3, "town_code"],
      [4, "places"],
      [6, "places"],
      [7, "town_code"],
      [8, "grade"],
    ]);
  });

  it("reads XLSX rows with their numbers, and refuses a file of only bad rows even in good_rows mode", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("指标");
    sheet.addRow(["town_code", "purpose", "grade", "places"]);
    sheet.addRow(["shiqi", "school", "primary_1", "many"]);
    const xlsxBase64 = base64(Buffer.from(await book.xlsx.writeBuffer()));
    const response = await quotas({ xlsxBase64, mode: "good_rows" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({
      "rows.2.places": 'places 须为非负整数，而不是 "many" (must be a whole number)',
    });
  });
});

describe("participation ledger and approvals catalogue: XLSX", () => {
  async function xlsx(rows: (string | number)[][]): Promise<string> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("导入");
    for (const row of rows) sheet.addRow(row);
    return base64(Buffer.from(await book.xlsx.writeBuffer()));
  }

  it("ledger: a file with a bad row stores nothing by default and names the row; missing columns are named", async () => {
    const person = await test.database.db.selectFrom("persons").select(["name", "id_number"]).executeTakeFirstOrThrow();
    const rows = [
      ["记录编号", "身份证号码", "姓名", "服务日期", "服务时长", "服务类别", "服务地区"],
      ["T-1", person.id_number, person.name, "2026-04-01", "2", "一般志愿服务", "广州市"],
      ["T-2", person.id_number, person.name, "2026-04-02", "2.345", "一般志愿服务", "广州市"],
    ];
    const [ledger, imports] = [await count("volunteer_ledger"), await count("volunteer_imports")];
    const refused = await admin.request("POST", "/api/v1/participation/ledger/imports", {
      fileName: "省平台.xlsx",
      xlsxBase64: await xlsx(rows),
    });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().error.code).toBe("import_rows_invalid");
    expect(Object.keys(refused.json().error.fields)).toEqual(["rows.3.服务时长"]);
    expect([await count("volunteer_ledger"), await count("volunteer_imports")]).toEqual([ledger, imports]);

    const partial = await admin.request("POST", "/api/v1/participation/ledger/imports", {
      fileName: "省平台.xlsx",
      xlsxBase64: await xlsx(rows),
      mode: "good_rows",
    });
    expect(partial.statusCode, partial.body).toBe(201);
    expect(partial.json()).toMatchObject({ rowsAccepted: 1, rowsRefused: 1 });
    expect(await count("volunteer_ledger")).toBe(ledger + 1);

    const missing = await admin.request("POST", "/api/v1/participation/ledger/imports", {
      fileName: "x.xlsx",
      xlsxBase64: await xlsx([
        ["记录编号", "姓名"],
        ["T-9", "某人"],
      ]),
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({
      code: "missing_columns",
      message: expect.stringContaining("身份证号码"),
    });
  });

  it("approvals: a file with a bad row stores nothing by default; good_rows imports the rest", async () => {
    const header = Object.values(importColumns);
    const good = [
      "T-0001",
      "公共场所卫生许可",
      "市教育和体育局",
      "《条例》第八条",
      20,
      10,
      "保留",
      "2015-06-30",
      "中府〔2015〕1号",
      "第一轮",
      "",
    ];
    const bad = [
      "T-0002",
      "某许可",
      "市教育和体育局",
      "《条例》",
      20,
      10,
      "消失",
      "2015-06-30",
      "中府〔2015〕2号",
      "第一轮",
      "",
    ];
    const items = await count("approval_items");
    const refused = await admin.request("POST", "/api/v1/approvals/imports", {
      fileName: "catalogue.xlsx",
      xlsxBase64: await xlsx([header, good, bad]),
    });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(Object.keys(refused.json().error.fields)).toEqual(["rows.3.状态"]);
    expect(await count("approval_items")).toBe(items);
    const partial = await admin.request("POST", "/api/v1/approvals/imports", {
      fileName: "catalogue.xlsx",
      xlsxBase64: await xlsx([header, good, bad]),
      mode: "good_rows",
    });
    expect(partial.statusCode, partial.body).toBe(201);
    expect(partial.json()).toMatchObject({ rowsCreated: 1, rowsRefused: 1 });
    expect(await count("approval_items")).toBe(items + 1);
  });
});
