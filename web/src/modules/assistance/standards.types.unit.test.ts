import { describe, expect, it, vi } from "vitest";
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
  it("format a picked day or month", () => {
    expect(isoDate(dayjs("2027-01-01"))).toBe("2027-01-01");
    expect(isoMonth(dayjs("2026-12-15"))).toBe("2026-12");
  });

  it("fall back to the platform's today (Asia/Shanghai) and next month, across a year end and a short month", () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date("2026-12-31T15:30:00Z")); // 31 December 2026, 23:30 in Zhongshan
      expect(isoDate(undefined)).toBe("2026-12-31");
      expect(isoMonth(undefined)).toBe("2027-01");
      vi.setSystemTime(new Date("2026-12-31T16:30:00Z")); // still 31 December in UTC, already 2027 in Zhongshan
      expect(isoDate(undefined)).toBe("2027-01-01");
      vi.setSystemTime(new Date("2027-01-31T00:00:00Z")); // 31 January: next month is February, not March
      expect(isoDate(null)).toBe("2027-01-31");
      expect(isoMonth(null)).toBe("2027-02");
    } finally {
      vi.useRealTimers();
    }
  });
});
