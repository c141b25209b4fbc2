import { describe, expect, it } from "vitest";
import { isMobileNumber, validatePhone } from "./phone";

function code(input: string): string | undefined {
  const result = validatePhone(input);
  if (result.ok) return undefined;
  expect(result.error.field).toBe("phone");
  return result.error.code;
}

describe("validatePhone", () => {
  it("accepts and normalises mobile numbers", () => {
    expect(validatePhone("13812345678")).toEqual({ ok: true, value: "13812345678" });
    expect(validatePhone("138 1234 5678")).toEqual({ ok: true, value: "13812345678" });
    expect(validatePhone("138-1234-5678")).toEqual({ ok: true, value: "13812345678" });
    expect(validatePhone("+86 138 1234 5678")).toEqual({ ok: true, value: "13812345678" });
    expect(validatePhone("8619912345678")).toEqual({ ok: true, value: "19912345678" });
  });
  it("accepts and normalises landlines", () => {
    expect(validatePhone("0760-88888888")).toEqual({ ok: true, value: "0760-88888888" });
    expect(validatePhone("076088888888")).toEqual({ ok: true, value: "0760-88888888" });
    expect(validatePhone("(0760) 8888 8888")).toEqual({ ok: true, value: "0760-88888888" });
    expect(validatePhone("020-83456789")).toEqual({ ok: true, value: "020-83456789" });
    expect(validatePhone("01062345678")).toEqual({ ok: true, value: "010-62345678" });
    expect(validatePhone("0913-2345678")).toEqual({ ok: true, value: "0913-2345678" });
  });
  it("refuses bad numbers with a reason", () => {
    expect(code("")).toBe("phone.required");
    expect(code("   ")).toBe("phone.required");
    expect(code("1381234567a")).toBe("phone.characters");
    expect(code("+1 415 555 0100")).toBe("phone.country");
    expect(code("12812345678")).toBe("phone.mobile");
    expect(code("1381234567")).toBe("phone.mobile");
    expect(code("138123456789")).toBe("phone.mobile");
    expect(code("0760-123")).toBe("phone.landline");
    expect(code("0760-08888888")).toBe("phone.landline");
    expect(code("020-12345678")).toBe("phone.landline"); // local numbers start with 2–9
    expect(code("0760-888888888")).toBe("phone.landline");
    expect(code("88888888")).toBe("phone.format");
    expect(validatePhone("x", "contactPhone")).toMatchObject({ ok: false, error: { field: "contactPhone" } });
  });
  it("tells mobiles from landlines", () => {
    expect(isMobileNumber("13812345678")).toBe(true);
    expect(isMobileNumber("0760-88888888")).toBe(false);
  });
});
