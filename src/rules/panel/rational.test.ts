import { describe, expect, it } from "vitest";
import { hundredthsToString, parseDecimal, rational, roundHalfUpToHundredths } from "./rational";

describe("exact rationals", () => {
  it("reads JSON numbers through their shortest decimal form", () => {
    expect(parseDecimal(80.025)).toEqual(rational(80025n, 1000n));
    expect(parseDecimal(1e-7)).toEqual(rational(1n, 10000000n));
    expect(parseDecimal(1.5e3)).toEqual(rational(1500n));
    expect(parseDecimal(Number.NaN)).toBeUndefined();
    expect(parseDecimal("abc")).toBeUndefined();
  });

  it("rounds half up to hundredths, halves away from zero", () => {
    expect(roundHalfUpToHundredths(rational(80025n, 1000n))).toBe(8003n);
    expect(roundHalfUpToHundredths(rational(800249n, 10000n))).toBe(8002n);
    expect(roundHalfUpToHundredths(rational(1n, 3n))).toBe(33n);
    expect(roundHalfUpToHundredths(rational(2n, 3n))).toBe(67n);
    expect(roundHalfUpToHundredths(rational(-5n, 1000n))).toBe(-1n);
    expect(hundredthsToString(8003n)).toBe("80.03");
    expect(hundredthsToString(5n)).toBe("0.05");
    expect(hundredthsToString(-105n)).toBe("-1.05");
  });
});
