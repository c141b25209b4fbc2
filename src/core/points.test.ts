import { describe, expect, it } from "vitest";
import { formatPoints, multiplyPointsByPercent, parsePoints, parsePointsResult, pointsToNumber } from "./points";

describe("parsePoints", () => {
  it("parses strings and numbers into exact hundredths", () => {
    expect(parsePoints("333.45")).toBe(33345);
    expect(parsePoints("12")).toBe(1200);
    expect(parsePoints("0.1")).toBe(10);
    expect(parsePoints("-3.5")).toBe(-350);
    expect(parsePoints(0.3)).toBe(30);
    expect(parsePoints(333.45)).toBe(33345);
    expect(parsePoints(-0)).toBe(0);
  });
  it("rejects bad input", () => {
    expect(() => parsePoints("1.234")).toThrow(/more than 2 decimals/);
    expect(() => parsePoints(NaN)).toThrow(RangeError);
    expect(() => parsePoints(-Infinity)).toThrow(RangeError);
    expect(() => parsePoints("ten")).toThrow(/not a number of points/);
    expect(() => parsePoints("")).toThrow(RangeError);
    expect(() => parsePoints(1e-7)).toThrow(RangeError);
  });
  it("returns a Problem naming the field", () => {
    const result = parsePointsResult("1.005", "education");
    expect(result).toEqual({
      ok: false,
      error: { code: "points.too_precise", message: expect.stringContaining("education"), field: "education" },
    });
  });
});

describe("formatPoints and pointsToNumber", () => {
  it("formats with two decimals", () => {
    expect(formatPoints(33345)).toBe("333.45");
    expect(formatPoints(-350)).toBe("-3.50");
    expect(formatPoints(5)).toBe("0.05");
    expect(formatPoints(0)).toBe("0.00");
  });
  it("converts to numbers", () => {
    expect(pointsToNumber(33345)).toBe(333.45);
    expect(pointsToNumber(-5)).toBe(-0.05);
    expect(() => pointsToNumber(0.5)).toThrow(RangeError);
  });
});

describe("multiplyPointsByPercent", () => {
  it("is exact for multiples of 0.1", () => {
    expect(multiplyPointsByPercent(parsePoints("0.1"), 130)).toBe(13); // 0.1 × 1.3 = 0.13 (floats give 0.13000000000000003)
    expect(multiplyPointsByPercent(parsePoints("256.7"), 130)).toBe(33371);
    expect(multiplyPointsByPercent(parsePoints("100"), 100)).toBe(10000);
    expect(multiplyPointsByPercent(parsePoints("100"), 0)).toBe(0);
  });
  it("rounds half up (away from zero)", () => {
    expect(multiplyPointsByPercent(5, 50)).toBe(3); // 0.025 → 0.03
    expect(multiplyPointsByPercent(3, 50)).toBe(2); // 0.015 → 0.02
    expect(multiplyPointsByPercent(1, 49)).toBe(0);
    expect(multiplyPointsByPercent(-5, 50)).toBe(-3);
  });
  it("rejects bad percentages", () => {
    expect(() => multiplyPointsByPercent(100, 1.5)).toThrow(RangeError);
    expect(() => multiplyPointsByPercent(100, -10)).toThrow(RangeError);
    expect(() => multiplyPointsByPercent(0.5, 100)).toThrow(RangeError);
  });
});
