import { describe, expect, it } from "vitest";
import dayjs from "dayjs";
import { isoDate, isoMonth } from "./dates";
import { fenToYuan } from "./standards.types";

describe("fenToYuan", () => {
  it("writes fen as yuan with two decimals by integer arithmetic, keeping the sign", () => {
    expect(fenToYuan(186900)).toBe("1869.00");
    expect(fenToYuan(5)).toBe("0.05");
    expect(fenToYuan(-25250)).toBe("-252.50");
    expect(fenToYuan(0)).toBe("0.00");
    expect(fenToYuan(100000000001)).toBe("1000000000.01");
  });
});

describe("isoDate and isoMonth", () => {
  it("format a picked day or month, and fall back to today / next month when nothing was picked", () => {
    expect(isoDate(dayjs("2027-01-01"))).toBe("2027-01-01");
    expect(isoMonth(dayjs("2026-12-15"))).toBe("2026-12");
    expect(isoDate(undefined)).toBe(dayjs().format("YYYY-MM-DD"));
    expect(isoMonth(undefined)).toBe(dayjs().add(1, "month").format("YYYY-MM"));
  });
});
