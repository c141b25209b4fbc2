import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../core/csv";
import { bankCsv, bankXlsx, type BankRow } from "./payroll.export";

// A name or account typed by a clerk reaches the bank file; one that starts with =, +, - or @ must not run as a
// formula when the file is opened in Excel. Amounts are exact decimal strings and must reach the bank unchanged.
const rows: BankRow[] = [
  {
    number: "DB-2026-0001",
    townCode: "shiqi",
    townName: "石岐区",
    bankAccount: "6222020000000001",
    payeeName: '=HYPERLINK("http://evil","点此")',
    amountFen: 135050,
  },
  {
    number: "DB-2026-0002",
    townCode: "shiqi",
    townName: "石岐区",
    bankAccount: "-2+3+cmd|' /C calc'!A0",
    payeeName: "@王五",
    amountFen: -35050,
  },
  {
    number: "DB-2026-0003",
    townCode: "xiaolan",
    townName: "小榄镇",
    bankAccount: "6222020000000003",
    payeeName: "李四, 长者",
    amountFen: 100,
  },
];
const totalFen = 135050 - 35050 + 100;

describe("the bank file", () => {
  it("CSV: escapes formula-looking text cells and keeps amounts exact", () => {
    const text = bankCsv("2026-03", rows, totalFen);
    expect(text.startsWith("\uFEFF账号,户名,金额（元）,案件编号,镇区\r\n")).toBe(true);
    const parsed = parseCsv(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.slice(1)).toEqual([
      ["6222020000000001", '\'=HYPERLINK("http://evil","点此")', "1350.50", "DB-2026-0001", "石岐区"],
      ["'-2+3+cmd|' /C calc'!A0", "'@王五", "-350.50", "DB-2026-0002", "石岐区"],
      ["6222020000000003", "李四, 长者", "1.00", "DB-2026-0003", "小榄镇"],
      ["合计", "3 户", "1001.00", "2026-03", ""],
    ]);
  });

  it("XLSX: the same cells, amounts as exact text", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bankXlsx("2026-03", rows, totalFen)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const values = (index: number) => (sheet.getRow(index).values as unknown[]).slice(1);
    expect(values(2)).toEqual([
      "6222020000000001",
      '\'=HYPERLINK("http://evil","点此")',
      "1350.50",
      "DB-2026-0001",
      "石岐区",
    ]);
    expect(values(3)).toEqual(["'-2+3+cmd|' /C calc'!A0", "'@王五", "-350.50", "DB-2026-0002", "石岐区"]);
    expect(sheet.getRow(5).getCell(3).value).toBe("1001.00");
    for (let index = 1; index <= sheet.rowCount; index += 1) {
      sheet.getRow(index).eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
    }
  });

  it("refuses rows that do not add up to the total", () => {
    expect(() => bankCsv("2026-03", rows, totalFen + 1)).toThrow(/rows sum to 100100 fen, total says 100101/);
  });
});
