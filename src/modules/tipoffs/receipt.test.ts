import { describe, expect, it } from "vitest";
import { isReceiptCodeShape, newReceiptCode, normaliseReceiptCode, receiptBits, receiptHash } from "./receipt";

describe("receipt codes", () => {
  it("carry at least 80 random bits, as 24 base-32 characters in groups of four", () => {
    expect(receiptBits).toBeGreaterThanOrEqual(80);
    const codes = new Set(Array.from({ length: 2000 }, () => newReceiptCode()));
    expect(codes.size).toBe(2000);
    for (const code of [...codes].slice(0, 50)) {
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}$/);
      expect(isReceiptCodeShape(code)).toBe(true);
    }
    // every character of the alphabet turns up: the code is not drawn from a narrower set
    const characters = new Set([...codes].join("").replaceAll("-", ""));
    expect(characters.size).toBe(32);
  });

  it("reads a code typed in lower case, with spaces, or with O and I/L for 0 and 1", () => {
    const code = "7KQ2-M9XD-0000-1111-ABCD-EFGH";
    expect(normaliseReceiptCode(" 7kq2 m9xd oooo iLl1 abcd efgh ")).toBe(normaliseReceiptCode(code));
    expect(receiptHash("7kq2m9xdOOOOilL1abcdefgh")).toBe(receiptHash(code));
    expect(receiptHash(code)).not.toBe(receiptHash("7KQ2-M9XD-0000-1111-ABCD-EFGJ"));
    expect(isReceiptCodeShape("short")).toBe(false);
    expect(isReceiptCodeShape("7KQ2-M9XD-0000-1111-ABCD-EFGU")).toBe(false);
  });
});
