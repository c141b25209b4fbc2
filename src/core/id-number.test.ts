import { describe, expect, it } from "vitest";
import { generateIdNumber, idNumberCheckCharacter, PROVINCE_CODES, validateIdNumber } from "./id-number";

const TODAY = "2026-11-27";

function errorCode(input: string, today = TODAY): string | undefined {
  const result = validateIdNumber(input, today);
  expect(result.ok).toBe(false);
  if (result.ok) return undefined;
  expect(result.error.field).toBe("idNumber");
  expect(result.error.message.length).toBeGreaterThan(5);
  return result.error.code;
}

describe("validateIdNumber", () => {
  it("accepts the GB 11643-1999 examples, including one ending in X", () => {
    expect(validateIdNumber("11010519491231002X", TODAY)).toEqual({
      ok: true,
      value: { idNumber: "11010519491231002X", birthDate: "1949-12-31", gender: "female", regionCode: "110105" },
    });
    expect(validateIdNumber("440524188001010014", TODAY)).toMatchObject({
      ok: false,
      error: { code: "id_number.birth_date_too_early" },
    });
  });
  it("normalises lowercase x and surrounding spaces", () => {
    const result = validateIdNumber(" 11010519491231002x ", TODAY);
    expect(result).toMatchObject({ ok: true, value: { idNumber: "11010519491231002X" } });
  });
  it("reads gender from the 17th digit", () => {
    const male = generateIdNumber("442000", "1985-07-01", 13);
    const female = generateIdNumber("442000", "1985-07-01", 24);
    expect(validateIdNumber(male, TODAY)).toMatchObject({
      ok: true,
      value: { gender: "male", birthDate: "1985-07-01", regionCode: "442000" },
    });
    expect(validateIdNumber(female, TODAY)).toMatchObject({ ok: true, value: { gender: "female" } });
  });
  it("gives a clear reason per failure", () => {
    expect(errorCode("")).toBe("id_number.required");
    expect(errorCode("1101051949123100")).toBe("id_number.length");
    expect(errorCode("11010519491231002XX")).toBe("id_number.length");
    expect(errorCode("1101051949123100AX")).toBe("id_number.characters");
    expect(errorCode("X10105194912310021")).toBe("id_number.characters");
    expect(errorCode("11010519491231002Y")).toBe("id_number.characters");
    expect(errorCode("110105194912310021")).toBe("id_number.check_digit");
    expect(errorCode("99010519491231002X".slice(0, 17) + idNumberCheckCharacter("99010519491231002"))).toBe(
      "id_number.region",
    );
    expect(errorCode("160105194912310020".slice(0, 17) + idNumberCheckCharacter("16010519491231002"))).toBe(
      "id_number.region",
    );
    const feb30 = "44200019900230001";
    expect(errorCode(feb30 + idNumberCheckCharacter(feb30))).toBe("id_number.birth_date");
    const feb29common = "44200020230229001";
    expect(errorCode(feb29common + idNumberCheckCharacter(feb29common))).toBe("id_number.birth_date");
    const old = "44200018991231001";
    expect(errorCode(old + idNumberCheckCharacter(old))).toBe("id_number.birth_date_too_early");
    expect(errorCode(generateIdNumber("442000", "2026-11-28", 1))).toBe("id_number.birth_date_future");
  });
  it("accepts a birth date of today and a leap day", () => {
    expect(validateIdNumber(generateIdNumber("442000", TODAY, 1), TODAY).ok).toBe(true);
    expect(validateIdNumber(generateIdNumber("442000", "2000-02-29", 1), TODAY).ok).toBe(true);
  });
  it("defaults today to the Shanghai date", () => {
    expect(validateIdNumber("11010519491231002X").ok).toBe(true);
    expect(validateIdNumber(generateIdNumber("442000", "2999-01-01", 1)).ok).toBe(false);
  });
});

describe("province codes and check characters", () => {
  it("lists the 34 province-level codes", () => {
    expect(Object.keys(PROVINCE_CODES)).toHaveLength(34);
    expect(PROVINCE_CODES["44"]).toBe("广东省");
    expect(PROVINCE_CODES["20"]).toBeUndefined();
  });
  it("computes ISO 7064 MOD 11-2", () => {
    expect(idNumberCheckCharacter("11010519491231002")).toBe("X");
    expect(idNumberCheckCharacter("44052418800101001")).toBe("4");
    expect(() => idNumberCheckCharacter("1234")).toThrow(RangeError);
  });
  it("detects every single-digit substitution", () => {
    const valid = "11010519491231002X";
    for (let position = 0; position < 17; position += 1) {
      const digit = Number(valid[position]);
      const changed = valid.slice(0, position) + String((digit + 1) % 10) + valid.slice(position + 1);
      expect(validateIdNumber(changed, TODAY).ok).toBe(false);
    }
  });
});

describe("generateIdNumber", () => {
  it("builds numbers that validate", () => {
    expect(generateIdNumber("110105", "1949-12-31", 2)).toBe("11010519491231002X");
    const id = generateIdNumber("442000", "1990-01-01", 999);
    expect(id).toHaveLength(18);
    expect(validateIdNumber(id, TODAY)).toMatchObject({ ok: true, value: { birthDate: "1990-01-01", gender: "male" } });
  });
  it("rejects bad input", () => {
    expect(() => generateIdNumber("99000", "1990-01-01", 1)).toThrow(/regionCode/);
    expect(() => generateIdNumber("990000", "1990-01-01", 1)).toThrow(/regionCode/);
    expect(() => generateIdNumber("442000", "1990-02-30", 1)).toThrow(/birthDate/);
    expect(() => generateIdNumber("442000", "1899-12-31", 1)).toThrow(/birthDate/);
    expect(() => generateIdNumber("442000", "1990-01-01", 1000)).toThrow(/sequence/);
    expect(() => generateIdNumber("442000", "1990-01-01", -1)).toThrow(/sequence/);
  });
});
