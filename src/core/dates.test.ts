import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  ageInFullYears,
  compareDates,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  isIsoDate,
  isLeapYear,
  toShanghaiDate,
  todayInShanghai,
} from "./dates";

describe("isIsoDate", () => {
  it("accepts real dates including leap days", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2000-02-29")).toBe(true);
    expect(isIsoDate("2024-12-31")).toBe(true);
    expect(isIsoDate("1900-01-01")).toBe(true);
  });
  it("rejects impossible or badly written dates", () => {
    for (const bad of [
      "2023-02-29",
      "1900-02-29",
      "2024-13-01",
      "2024-00-10",
      "2024-04-31",
      "2024-1-5",
      "20240105",
      "2024-01-05T00:00",
      " 2024-01-05",
      "0000-01-01",
      "",
      null,
      20240105,
    ]) {
      expect(isIsoDate(bad)).toBe(false);
    }
  });
  it("knows leap years and month lengths", () => {
    expect([1900, 2000, 2023, 2024].map(isLeapYear)).toEqual([false, true, false, true]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2024, 4)).toBe(30);
    expect(daysInMonth(2024, 12)).toBe(31);
  });
});

describe("Shanghai dates", () => {
  it("converts instants to the Shanghai calendar date", () => {
    expect(toShanghaiDate(new Date("2024-09-30T16:00:00Z"))).toBe("2024-10-01");
    expect(toShanghaiDate(new Date("2024-09-30T15:59:59Z"))).toBe("2024-09-30");
    expect(toShanghaiDate(new Date("2024-12-31T20:00:00Z"))).toBe("2025-01-01");
    expect(todayInShanghai(new Date("2024-02-28T16:00:00Z"))).toBe("2024-02-29");
    expect(isIsoDate(todayInShanghai())).toBe(true);
  });
  it("rejects invalid Date objects", () => {
    expect(() => toShanghaiDate(new Date("nope"))).toThrow(RangeError);
  });

  it("dates instants by the tz database: the same date every hour from 1985 to 2040, summer time of 1986–1991 included", () => {
    const calendar = new Intl.DateTimeFormat("en-CA", {
      timeZone: "Asia/Shanghai",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    const mismatches: string[] = [];
    for (let time = Date.UTC(1985, 0, 1); time < Date.UTC(2040, 0, 1); time += 3_600_000 + 60_000) {
      const instant = new Date(time);
      if (toShanghaiDate(instant) !== calendar.format(instant)) mismatches.push(instant.toISOString());
    }
    expect(mismatches).toEqual([]);
    expect(toShanghaiDate(new Date("1988-06-30T15:30:00Z"))).toBe("1988-07-01"); // summer time: UTC+9
  });
});

describe("arithmetic", () => {
  it("adds days across months, years and leap days", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
    expect(addDays("2024-10-01", 0)).toBe("2024-10-01");
    expect(addDays("2024-01-01", 366)).toBe("2025-01-01");
    expect(() => addDays("2024-01-01", 1.5)).toThrow(RangeError);
    expect(() => addDays("2024-02-30", 1)).toThrow(/YYYY-MM-DD/);
  });
  it("adds months clamping to the last day", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2023-01-31", 1)).toBe("2023-02-28");
    expect(addMonths("2024-11-15", 2)).toBe("2025-01-15");
    expect(addMonths("2024-03-31", -1)).toBe("2024-02-29");
    expect(addMonths("2024-01-15", -13)).toBe("2022-12-15");
    expect(addMonths("2024-02-29", 12)).toBe("2025-02-28");
  });
  it("counts and compares days", () => {
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2025-01-01", "2024-12-25")).toBe(-7);
    expect(daysBetween("2024-03-30", "2024-03-31")).toBe(1);
    expect(compareDates("2024-01-02", "2024-01-10")).toBeLessThan(0);
    expect(compareDates("2024-01-10", "2024-01-02")).toBeGreaterThan(0);
    expect(compareDates("2024-01-10", "2024-01-10")).toBe(0);
    expect(() => compareDates("2024-1-1", "2024-01-01")).toThrow(/a must be/);
    expect(["2024-03-01", "2023-12-31", "2024-01-15"].sort(compareDates)).toEqual([
      "2023-12-31",
      "2024-01-15",
      "2024-03-01",
    ]);
  });
  it("knows weekdays", () => {
    expect(dayOfWeek("2024-10-01")).toBe(2); // Tuesday
    expect(dayOfWeek("2024-09-29")).toBe(0); // Sunday
    expect(dayOfWeek("1969-12-31")).toBe(3);
  });
});

describe("ageInFullYears", () => {
  it("counts full years (周岁)", () => {
    expect(ageInFullYears("1990-06-15", "2024-06-14")).toBe(33);
    expect(ageInFullYears("1990-06-15", "2024-06-15")).toBe(34);
    expect(ageInFullYears("2024-01-01", "2024-12-31")).toBe(0);
  });
  it("moves a 29 February birthday to 1 March in common years", () => {
    expect(ageInFullYears("2004-02-29", "2022-02-28")).toBe(17);
    expect(ageInFullYears("2004-02-29", "2022-03-01")).toBe(18);
    expect(ageInFullYears("2004-02-29", "2024-02-28")).toBe(19);
    expect(ageInFullYears("2004-02-29", "2024-02-29")).toBe(20);
  });
  it("rejects dates before birth and invalid dates", () => {
    expect(() => ageInFullYears("2024-01-02", "2024-01-01")).toThrow(RangeError);
    expect(() => ageInFullYears("2023-02-29", "2024-01-01")).toThrow(/birth/);
  });
});
