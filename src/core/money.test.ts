import { describe, expect, it } from "vitest";
import { fenToYuanString, formatYuan, multiplyFen, parseYuan, yuanToFen } from "./money";

describe("yuanToFen", () => {
  it("parses whole, one-decimal and two-decimal strings exactly", () => {
    expect(yuanToFen("976")).toBe(97600);
    expect(yuanToFen("976.5")).toBe(97650);
    expect(yuanToFen("976.05")).toBe(97605);
    expect(yuanToFen(" 0.01 ")).toBe(1);
    expect(yuanToFen("-3.05")).toBe(-305);
    expect(yuanToFen("+12")).toBe(1200);
    expect(yuanToFen("-0")).toBe(0);
    expect(Object.is(yuanToFen("-0.00"), 0)).toBe(true);
  });
  it("parses numbers without floating-point drift", () => {
    expect(yuanToFen(976)).toBe(97600);
    expect(yuanToFen(0.29)).toBe(29); // 0.29 * 100 === 28.999999999999996 in binary floating point
    expect(yuanToFen(1.15)).toBe(115);
    expect(yuanToFen(-3.05)).toBe(-305);
  });
  it("rejects bad input with a RangeError", () => {
    expect(() => yuanToFen("976.055")).toThrow(RangeError);
    expect(() => yuanToFen(NaN)).toThrow(/finite/);
    expect(() => yuanToFen(Infinity)).toThrow(/finite/);
    expect(() => yuanToFen(0.001)).toThrow(RangeError);
    expect(() => yuanToFen("abc")).toThrow(/not a yuan amount/);
    expect(() => yuanToFen("")).toThrow(RangeError);
    expect(() => yuanToFen("1,000")).toThrow(RangeError);
    expect(() => yuanToFen("1e3")).toThrow(RangeError);
    expect(() => yuanToFen(".5")).toThrow(RangeError);
    expect(() => yuanToFen("5.")).toThrow(RangeError);
    expect(() => yuanToFen("99999999999999999")).toThrow(/too large/);
  });
});

describe("parseYuan", () => {
  it("returns a Problem naming the field", () => {
    expect(parseYuan("1.234", "standard")).toEqual({
      ok: false,
      error: { code: "money.too_precise", message: expect.stringContaining("standard"), field: "standard" },
    });
    const bad = parseYuan("x");
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatchObject({ code: "money.invalid", field: "amount" });
    expect(parseYuan("12.3")).toEqual({ ok: true, value: 1230 });
  });
});

describe("fenToYuanString and formatYuan", () => {
  it("renders two decimals and signs", () => {
    expect(fenToYuanString(97600)).toBe("976.00");
    expect(fenToYuanString(-305)).toBe("-3.05");
    expect(fenToYuanString(5)).toBe("0.05");
    expect(fenToYuanString(0)).toBe("0.00");
    expect(fenToYuanString(-5)).toBe("-0.05");
  });
  it("formats with the yuan sign and thousands separators", () => {
    expect(formatYuan(97600)).toBe("¥976.00");
    expect(formatYuan(146400)).toBe("¥1,464.00");
    expect(formatYuan(123456789)).toBe("¥1,234,567.89");
    expect(formatYuan(-305)).toBe("-¥3.05");
    expect(formatYuan(0)).toBe("¥0.00");
  });
  it("refuses non-integer fen", () => {
    expect(() => fenToYuanString(1.5)).toThrow(RangeError);
    expect(() => formatYuan(NaN)).toThrow(RangeError);
  });
  it("round-trips through yuanToFen", () => {
    for (const fen of [0, 1, 99, 100, 97605, -305, 123456789]) expect(yuanToFen(fenToYuanString(fen))).toBe(fen);
  });
});

describe("multiplyFen", () => {
  it("rounds down or half up", () => {
    expect(multiplyFen(97600, { numerator: 3, denominator: 10 }, "down")).toBe(29280);
    expect(multiplyFen(1001, { numerator: 1, denominator: 2 }, "down")).toBe(500);
    expect(multiplyFen(1001, { numerator: 1, denominator: 2 }, "half_up")).toBe(501);
    expect(multiplyFen(1003, { numerator: 1, denominator: 3 }, "half_up")).toBe(334);
    expect(multiplyFen(1004, { numerator: 1, denominator: 3 }, "half_up")).toBe(335);
    expect(multiplyFen(1000, { numerator: 1, denominator: 3 }, "half_up")).toBe(333);
  });
  it("rounds negative amounts symmetrically", () => {
    expect(multiplyFen(-1001, { numerator: 1, denominator: 2 }, "half_up")).toBe(-501);
    expect(multiplyFen(-1001, { numerator: 1, denominator: 2 }, "down")).toBe(-500);
    expect(Object.is(multiplyFen(-1, { numerator: 1, denominator: 3 }, "down"), 0)).toBe(true);
  });
  it("rejects bad ratios", () => {
    expect(() => multiplyFen(100, { numerator: 1, denominator: 0 }, "down")).toThrow(RangeError);
    expect(() => multiplyFen(100, { numerator: -1, denominator: 2 }, "down")).toThrow(RangeError);
    expect(() => multiplyFen(100, { numerator: 0.5, denominator: 2 }, "down")).toThrow(RangeError);
    expect(() => multiplyFen(1.5, { numerator: 1, denominator: 2 }, "down")).toThrow(RangeError);
  });
});
