import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/client";
import zh from "./i18n.zh-CN.json";
import en from "./i18n.en.json";
import { badRowCount, fileField, importColumns, reasonIn, refusedRows } from "./communitiesImport";

describe("reasonIn", () => {
  it("keeps the Chinese of a bilingual reason, or the English when the user chose English", () => {
    const message = "没有镇区“nowhere” (unknown town)";
    expect(reasonIn(message, "zh-CN")).toBe("没有镇区“nowhere”");
    expect(reasonIn(message, "en")).toBe("unknown town");
    expect(reasonIn("坐标须为不超过 1000000 米的数字 (a number of metres within ±1000000)", "en")).toBe(
      "a number of metres within ±1000000",
    );
  });

  it("finds the English parenthesis even when the Chinese or the English holds parentheses", () => {
    expect(reasonIn("没有镇区“a (b)” (unknown town (code))", "zh-CN")).toBe("没有镇区“a (b)”");
    expect(reasonIn("没有镇区“a (b)” (unknown town (code))", "en")).toBe("unknown town (code)");
  });

  it("leaves a reason already in one language as it is", () => {
    expect(reasonIn("没有镇区“nowhere”", "en")).toBe("没有镇区“nowhere”");
    expect(reasonIn("unknown town", "zh-CN")).toBe("unknown town");
    expect(reasonIn("x 和 y (坐标)", "en")).toBe("x 和 y (坐标)");
  });
});

describe("refusedRows", () => {
  const refusal = new ApiError(
    400,
    "import_rows_invalid",
    "2 行有误，整个文件未导入",
    {
      "rows.12.x": "x 和 y 须同时填写或同时留空",
      "rows.3.town_code": "没有镇区“nowhere”",
      "rows.3.name": "社区名称须为1至100个字",
    },
    {},
  );

  it("lists each bad row of a refused file by its number, with the column and the reason", () => {
    const rows = refusedRows(refusal);
    expect(rows).toEqual([
      { row: 3, column: "town_code", message: "没有镇区“nowhere”" },
      { row: 3, column: "name", message: "社区名称须为1至100个字" },
      { row: 12, column: "x", message: "x 和 y 须同时填写或同时留空" },
    ]);
    expect(badRowCount(rows)).toBe(2);
  });

  it("is empty for any other error", () => {
    expect(refusedRows(new ApiError(400, "missing_columns", "缺少列：x", { file: "缺少列：x" }, {}))).toEqual([]);
    expect(refusedRows(new Error("network"))).toEqual([]);
    expect(refusedRows(null)).toEqual([]);
  });
});

describe("the page's strings", () => {
  it("sends an XLSX as xlsxBase64 and anything else as CSV", () => {
    expect(fileField("社区.XLSX", "AA==")).toEqual({ xlsxBase64: "AA==" });
    expect(fileField("communities.csv", "AA==")).toEqual({ csvBase64: "AA==" });
  });

  it("has every label in both languages, and a label for each column of the file", () => {
    const keys = (value: unknown, prefix = ""): string[] =>
      typeof value === "object" && value !== null
        ? Object.entries(value).flatMap(([key, inner]) => keys(inner, `${prefix}${key}.`))
        : [prefix.slice(0, -1)];
    expect(keys(en)).toEqual(keys(zh));
    for (const column of importColumns) expect(zh.communitiesImport.columns[column]).toBeTruthy();
  });
});
