import dayjs from "dayjs";
import { describe, expect, it } from "vitest";
import { formatTime, shanghaiInstant } from "./formatTime";

describe("times in Asia/Shanghai whatever the browser's zone", () => {
  it("shows an instant as Zhongshan's wall clock, across midnight and the year end", () => {
    expect(formatTime("2026-12-06T23:02:35Z")).toBe("2026-12-07 07:02:35");
    expect(formatTime("2026-12-31T16:00:00.000Z")).toBe("2027-01-01 00:00:00");
    expect(formatTime("2026-03-01T09:30:00+08:00")).toBe("2026-03-01 09:30:00");
    expect(formatTime(null)).toBe("");
    expect(formatTime("not a time")).toBe("not a time");
  });

  it("is not moved by the browser's daylight-saving changes", () => {
    const zone = process.env.TZ;
    process.env.TZ = "America/New_York";
    try {
      // New York left summer time at 06:00 UTC on 2 November 2025; Zhongshan's clock did not move.
      expect(formatTime("2025-11-02T01:00:00.000Z")).toBe("2025-11-02 09:00:00");
      expect(formatTime("2025-11-02T04:00:00.000Z")).toBe("2025-11-02 12:00:00");
      expect(formatTime("2025-03-09T07:30:00Z")).toBe("2025-03-09 15:30:00");
    } finally {
      process.env.TZ = zone;
    }
  });

  it("reads a picked date and time as Zhongshan's wall clock", () => {
    const picked = dayjs("2026-12-08 09:00", "YYYY-MM-DD HH:mm");
    expect(shanghaiInstant(picked)).toBe("2026-12-08T09:00:00+08:00");
    expect(new Date(shanghaiInstant(picked)).toISOString()).toBe("2026-12-08T01:00:00.000Z");
    expect(formatTime(shanghaiInstant(picked))).toBe("2026-12-08 09:00:00");
  });
});
