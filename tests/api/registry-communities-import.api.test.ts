/**
 * The communities import from the web app (`POST /communities/imports`, what `gongzhi communities import` does):
 * a good CSV is written with one audit entry; one bad row refuses the whole file by default, naming the row with a
 * reason in Chinese and writing nothing; `mode: "good_rows"` imports the rest and lists the bad row; a GBK CSV and
 * an XLSX are read; the template downloads; only the programme admin may (a 镇区's clerk and others get 403).
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app";
import { countAudit, signIn, type Session } from "../helpers/fixtures";

let test: TestApp;
let admin: Session;

beforeAll(async () => {
  test = await createTestApp();
  admin = await signIn(test.app, "programmeadmin");
});

afterAll(async () => {
  await test?.close();
});

const url = "/api/v1/communities/imports";
const base64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString("base64");
const csvBody = (text: string, extra: Record<string, unknown> = {}) => ({
  fileName: "communities.csv",
  csvBase64: base64(text),
  ...extra,
});
const community = (townCode: string, name: string) =>
  test.database.db
    .selectFrom("communities")
    .select(["town_code", "name", "x", "y"])
    .where("town_code", "=", townCode)
    .where("name", "=", name)
    .executeTakeFirst();
const communityCount = async () =>
  Number(
    (
      await test.database.db
        .selectFrom("communities")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );
const importAudits = () => countAudit(test.database.db, "registry.communities.import");

// Row 3 names a 镇区 that does not exist; rows 2 and 4 are good.
const withBadRow = [
  "town_code,name,x,y",
  "shiqi,导入社区丙,1200,-300",
  "nowhere,无名社区,10,10",
  "xiaolan,导入社区丁,,",
].join("\r\n");

describe("communities import from the web app", () => {
  it("imports a good CSV, adding new communities and correcting a known one, with one audit entry", async () => {
    const audits = await importAudits();
    const response = await admin.request(
      "POST",
      url,
      csvBody("town_code,name,x,y\nshiqi,导入社区甲,4800,200\nshiqi,测试社区甲,100,-40\n"),
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      fileName: "communities.csv",
      rows: 2,
      created: 1,
      updated: 1,
      located: 2,
      refused: [],
    });
    expect(await community("shiqi", "导入社区甲")).toEqual({ town_code: "shiqi", name: "导入社区甲", x: 4800, y: 200 });
    expect(await community("shiqi", "测试社区甲")).toMatchObject({ x: 100, y: -40 });
    expect(await importAudits()).toBe(audits + 1);
    const entry = await test.database.db
      .selectFrom("audit_entries")
      .select(["actor_username", "entity_id", "after"])
      .where("action", "=", "registry.communities.import")
      .orderBy("position", "desc")
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      actor_username: "programmeadmin",
      entity_id: "communities.csv",
      after: { rows: 2, created: 1, updated: 1, refused: 0 },
    });
  });

  it("refuses a file with one bad row as a whole by default, naming the row in Chinese, and writes nothing", async () => {
    const [count, audits] = [await communityCount(), await importAudits()];
    const response = await admin.request("POST", url, csvBody(withBadRow), { "accept-language": "zh-CN" });
    expect(response.statusCode, response.body).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe("import_rows_invalid");
    expect(error.fields).toEqual({ "rows.3.town_code": "没有镇区“nowhere”" });
    expect(error.message).toContain("1 行有误，整个文件未导入");
    expect(await communityCount()).toBe(count);
    expect(await community("shiqi", "导入社区丙")).toBeUndefined();
    expect(await importAudits()).toBe(audits);

    // Without a language asked for, the reason reads in both, Chinese first.
    const both = await admin.request("POST", url, csvBody(withBadRow));
    expect(both.json().error.fields["rows.3.town_code"]).toBe("没有镇区“nowhere” (unknown town)");
  });

  it("imports the good rows when asked, reporting the bad one with its row number", async () => {
    const audits = await importAudits();
    const response = await admin.request("POST", url, csvBody(withBadRow, { mode: "good_rows" }));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ rows: 2, created: 2, updated: 0, located: 1 });
    expect(response.json().refused).toEqual([
      { row: 3, column: "town_code", message: "没有镇区“nowhere” (unknown town)" },
    ]);
    expect(await community("shiqi", "导入社区丙")).toMatchObject({ x: 1200, y: -300 });
    expect(await community("xiaolan", "导入社区丁")).toMatchObject({ x: null, y: null });
    expect(await importAudits()).toBe(audits + 1);
  });

  it("lists the bad rows even in good_rows mode when no row is good", async () => {
    const response = await admin.request(
      "POST",
      url,
      csvBody("town_code,name,x,y\nnowhere,甲,1,1\nshiqi,乙,5,\n", { mode: "good_rows" }),
    );
    expect(response.statusCode, response.body).toBe(400);
    expect(Object.keys(response.json().error.fields)).toEqual(["rows.2.town_code", "rows.3.x"]);
  });

  it("reads a GBK CSV with Chinese headers (as Excel on a Chinese Windows saves it)", async () => {
    // 镇区代码,社区名称,x,y / shiqi,石岐新村,300,400 — the Chinese in GBK.
    const bytes = Buffer.concat([
      Buffer.from("d5f2c7f8b4fac2eb2cc9e7c7f8c3fbb3c62c782c79", "hex"),
      Buffer.from("\r\nshiqi,"),
      Buffer.from("caafe1aad0c2b4e5", "hex"),
      Buffer.from(",300,400\r\n"),
    ]);
    const response = await admin.request("POST", url, { fileName: "gbk.csv", csvBase64: base64(bytes) });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ rows: 1, created: 1 });
    expect(await community("shiqi", "石岐新村")).toMatchObject({ x: 300, y: 400 });
  });

  it("reads an XLSX, and the template it offers has the header and the codes of the 镇区", async () => {
    const template = await admin.request("GET", "/api/v1/communities/import-template.xlsx");
    expect(template.statusCode).toBe(200);
    expect(template.headers["content-type"]).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.getRow(1).values).toEqual([undefined, "town_code", "name", "x", "y"]);
    expect(book.worksheets[0]!.rowCount).toBe(1);
    const codes = book.worksheets[1]!.getColumn(1).values;
    expect(codes).toEqual(expect.arrayContaining(["shiqi", "xiaolan"]));

    book.worksheets[0]!.addRow(["xiaolan", "表格社区", 5100, 250]);
    const response = await admin.request("POST", url, {
      fileName: "communities.xlsx",
      xlsxBase64: base64(Buffer.from(await book.xlsx.writeBuffer())),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(await community("xiaolan", "表格社区")).toMatchObject({ x: 5100, y: 250 });
  });

  it("asks for exactly one file", async () => {
    const neither = await admin.request("POST", url, { fileName: "x.csv" });
    expect(neither.statusCode).toBe(400);
    expect(neither.json().error.code).toBe("validation_failed");
    const both = await admin.request("POST", url, { fileName: "x.csv", csvBase64: "YQ==", xlsxBase64: "YQ==" });
    expect(both.statusCode).toBe(400);
  });

  it("refuses callers without the permission: a 镇区's clerk, the auditor, a resident (403) and anonymous (401)", async () => {
    const [count, audits] = [await communityCount(), await importAudits()];
    const body = csvBody("town_code,name,x,y\nshiqi,越权社区,1,1\n");
    for (const username of ["clerk", "clerkxiaolan", "auditor", "resident", "admin"]) {
      const session = await signIn(test.app, username);
      const response = await session.request("POST", url, body);
      expect(response.statusCode, username).toBe(403);
      expect(response.json().error.code).toBe("forbidden");
      const template = await session.request("GET", "/api/v1/communities/import-template.xlsx");
      expect(template.statusCode, username).toBe(403);
    }
    const anonymous = await test.app.inject({ method: "POST", url, payload: body });
    expect(anonymous.statusCode).toBe(401);
    expect(await communityCount()).toBe(count);
    expect(await importAudits()).toBe(audits);
  });
});
