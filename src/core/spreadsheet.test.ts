import { describe, expect, it } from "vitest";
import { escapeFormula, spreadsheetCell, spreadsheetRow } from "./spreadsheet";

describe("escapeFormula (OWASP CSV injection rule)", () => {
  it("prefixes a single quote to text that starts a formula", () => {
    expect(escapeFormula('=HYPERLINK("http://x","点我")')).toBe('\'=HYPERLINK("http://x","点我")');
    expect(escapeFormula("+1+cmd|' /C calc'!A0")).toBe("'+1+cmd|' /C calc'!A0");
    expect(escapeFormula("-2+3")).toBe("'-2+3");
    expect(escapeFormula("@SUM(A1:A9)")).toBe("'@SUM(A1:A9)");
    expect(escapeFormula("\t=1")).toBe("'\t=1");
    expect(escapeFormula("\r=1")).toBe("'\r=1");
  });

  it("leaves ordinary text, and a plain decimal number whatever its sign", () => {
    expect(escapeFormula("张三")).toBe("张三");
    expect(escapeFormula("a=b")).toBe("a=b");
    expect(escapeFormula("")).toBe("");
    expect(escapeFormula("-350.50")).toBe("-350.50");
    expect(escapeFormula("+86")).toBe("+86");
    expect(escapeFormula("1379150")).toBe("1379150");
    expect(escapeFormula("-350.50.1")).toBe("'-350.50.1");
    expect(escapeFormula("-1e3")).toBe("'-1e3");
  });

  it("touches only text cells of a row", () => {
    expect(spreadsheetCell(-350.5)).toBe(-350.5);
    expect(spreadsheetCell(null)).toBeNull();
    expect(spreadsheetRow(["=1", 2, null, "-350.50", "@x"])).toEqual(["'=1", 2, null, "-350.50", "'@x"]);
  });
});
