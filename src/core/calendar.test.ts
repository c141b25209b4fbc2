import { describe, expect, it } from "vitest";
import { addWorkingDays, calendarYear, calendarYears, dayKind, isWorkingDay, workingDaysBetween } from "./calendar";
import { addDays, dayOfWeek, isIsoDate } from "./dates";

describe("calendar data", () => {
  it("covers 2004–2026 without gaps", () => {
    const years = calendarYears();
    expect(years[0]).toBe(2004);
    expect(years[years.length - 1]).toBeGreaterThanOrEqual(2026);
    years.forEach((year, index) => expect(year).toBe(2004 + index));
  });
  it("holds only real dates of its own year, never both holiday and make-up day", () => {
    for (const year of calendarYears()) {
      const entry = calendarYear(year);
      expect(entry.year).toBe(year);
      expect(entry.source).toContain(`${year}年部分节假日安排的通知`);
      for (const date of [...Object.keys(entry.holidays), ...Object.keys(entry.workdays)]) {
        expect(isIsoDate(date)).toBe(true);
        expect(date.startsWith(`${year}-`)).toBe(true);
      }
      for (const date of Object.keys(entry.workdays)) {
        expect(entry.holidays[date]).toBeUndefined();
        expect([0, 6]).toContain(dayOfWeek(date)); // make-up working days fall on weekends
      }
    }
  });
  it("throws naming the year for dates before the data or past the provisional range", () => {
    expect(() => isWorkingDay("2003-05-06")).toThrow(/no data for 2003/);
    expect(() => isWorkingDay("2101-01-05")).toThrow(/no data for 2101/);
    expect(() => isWorkingDay("2024-02-30")).toThrow(/YYYY-MM-DD/);
  });
});

describe("National Day 2024 (Oct 1–7 off; Sun Sep 29 and Sat Oct 12 worked)", () => {
  it("classifies the days", () => {
    expect(dayKind("2024-09-29")).toEqual({ kind: "makeup_workday", working: true, name: "国庆节调休" });
    expect(dayKind("2024-10-01")).toEqual({ kind: "holiday", working: false, name: "国庆节" });
    expect(dayKind("2024-10-07")).toMatchObject({ kind: "holiday", working: false });
    expect(dayKind("2024-10-12")).toMatchObject({ kind: "makeup_workday", working: true });
    expect(dayKind("2024-10-13")).toEqual({ kind: "weekend", working: false });
    expect(dayKind("2024-09-28")).toEqual({ kind: "weekend", working: false });
    expect(dayKind("2024-10-08")).toEqual({ kind: "workday", working: true });
  });
  it("adds working days across the holiday", () => {
    expect(addWorkingDays("2024-09-27", 1)).toBe("2024-09-29");
    expect(addWorkingDays("2024-09-27", 2)).toBe("2024-09-30");
    expect(addWorkingDays("2024-09-27", 3)).toBe("2024-10-08");
    expect(addWorkingDays("2024-09-30", 1)).toBe("2024-10-08");
    expect(addWorkingDays("2024-10-08", 3)).toBe("2024-10-11");
    expect(addWorkingDays("2024-10-08", 4)).toBe("2024-10-12");
    expect(addWorkingDays("2024-10-08", 5)).toBe("2024-10-14");
    expect(addWorkingDays("2024-10-08", -1)).toBe("2024-09-30");
    expect(addWorkingDays("2024-10-08", -3)).toBe("2024-09-27");
    expect(addWorkingDays("2024-10-03", 0)).toBe("2024-10-03");
  });
  it("counts working days between dates", () => {
    expect(workingDaysBetween("2024-09-27", "2024-10-08")).toBe(3);
    expect(workingDaysBetween("2024-09-30", "2024-10-07")).toBe(0);
    expect(workingDaysBetween("2024-09-27", "2024-10-13")).toBe(7);
    expect(workingDaysBetween("2024-10-08", "2024-09-27")).toBe(-3);
    expect(workingDaysBetween("2024-10-08", "2024-10-08")).toBe(0);
    expect(workingDaysBetween("2024-10-07", "2024-09-30")).toBe(-1); // back from a holiday: only 30 Sep counts
    expect(workingDaysBetween("2024-10-08", "2024-10-07")).toBe(0);
  });
});

describe("Spring Festival 2025 (Jan 28–Feb 4 off; Sun Jan 26 and Sat Feb 8 worked)", () => {
  it("classifies and counts", () => {
    expect(isWorkingDay("2025-01-26")).toBe(true);
    expect(isWorkingDay("2025-01-27")).toBe(true);
    for (let date = "2025-01-28"; date <= "2025-02-04"; date = addDays(date, 1)) expect(isWorkingDay(date)).toBe(false);
    expect(isWorkingDay("2025-02-05")).toBe(true);
    expect(isWorkingDay("2025-02-08")).toBe(true);
    expect(isWorkingDay("2025-02-09")).toBe(false);
    expect(addWorkingDays("2025-01-24", 2)).toBe("2025-01-27");
    expect(addWorkingDays("2025-01-27", 1)).toBe("2025-02-05");
    expect(workingDaysBetween("2025-01-24", "2025-02-10")).toBe(7);
  });
});

describe("2026", () => {
  it("matches the notice", () => {
    const entry = calendarYear(2026);
    expect(entry.source).toContain("2026年部分节假日安排");
    expect(Object.keys(entry.workdays)).toEqual([
      "2026-01-04",
      "2026-02-14",
      "2026-02-28",
      "2026-05-09",
      "2026-09-20",
      "2026-10-10",
    ]);
    expect(Object.keys(entry.holidays)).toHaveLength(33);
    expect(dayKind("2026-02-23")).toEqual({ kind: "holiday", working: false, name: "春节" });
    expect(addWorkingDays("2026-02-13", 1)).toBe("2026-02-14");
    expect(addWorkingDays("2026-02-14", 1)).toBe("2026-02-24");
  });
});

describe("a plain week and year boundaries", () => {
  it("skips ordinary weekends", () => {
    expect(isWorkingDay("2024-03-11")).toBe(true);
    expect(isWorkingDay("2024-03-16")).toBe(false);
    expect(addWorkingDays("2024-03-13", 2)).toBe("2024-03-15");
    expect(addWorkingDays("2024-03-13", 3)).toBe("2024-03-18");
    expect(addWorkingDays("2024-03-18", -1)).toBe("2024-03-15");
    expect(workingDaysBetween("2024-03-10", "2024-03-17")).toBe(5);
    expect(addWorkingDays("2024-03-11", 10)).toBe("2024-03-25");
  });
  it("crosses New Year", () => {
    expect(addWorkingDays("2024-12-31", 1)).toBe("2025-01-02");
    expect(workingDaysBetween("2024-12-30", "2025-01-02")).toBe(2);
  });
  it("rejects bad n and bad dates", () => {
    expect(() => addWorkingDays("2024-03-11", 1.5)).toThrow(/integer/);
    expect(() => workingDaysBetween("2024-3-1", "2024-03-11")).toThrow(/a must be/);
  });
  it("is the inverse of workingDaysBetween on working days, in both directions", () => {
    for (let date = "2024-09-01"; date <= "2024-10-31"; date = addDays(date, 1)) {
      if (!isWorkingDay(date)) continue;
      expect(addWorkingDays("2024-09-02", workingDaysBetween("2024-09-02", date))).toBe(date);
      expect(addWorkingDays("2024-10-31", workingDaysBetween("2024-10-31", date))).toBe(date);
      expect(addWorkingDays("2024-10-05", workingDaysBetween("2024-10-05", date))).toBe(date);
    }
  });
});
