import chineseDays from "chinese-days";
import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  addWorkingDaysMarked,
  calendarYear,
  dayKind,
  isProvisionalDate,
  isProvisionalYear,
  isWorkingDay,
  lastOfficialYear,
  resetOfficialYears,
  setOfficialYear,
  workingDaysBetween,
} from "./calendar";
import { provisionalHolidays, statutoryHolidays } from "./calendar.provisional";
import { addDays, dayOfWeek } from "./dates";

/** The statutory holidays computed independently, with another lunar library (chinese-days). */
function independentStatutory(year: number): Record<string, string[]> {
  const lunar = (monthDay: string) => chineseDays.getSolarDateFromLunar(`${year}-${monthDay}`).date;
  const newYear = lunar("01-01");
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    元旦: [`${year}-01-01`],
    春节: [-1, 0, 1, 2].map((offset) => addDays(newYear, offset)),
    清明: [chineseDays.getSolarTermDate(year, 4, "pure_brightness")],
    劳动节: [`${year}-05-01`, `${year}-05-02`],
    端午: [lunar("05-05")],
    中秋: [lunar("08-15")],
    国庆节: [1, 2, 3].map((day) => `${year}-10-${pad(day)}`),
  };
}

describe("a year without an official notice", () => {
  it("is computed and marked provisional after the last official year, not before", () => {
    expect(lastOfficialYear()).toBe(2026);
    expect(isProvisionalYear(2026)).toBe(false);
    expect(isProvisionalYear(2027)).toBe(true);
    expect(calendarYear(2027)).toMatchObject({ year: 2027, provisional: true, workdays: {} });
    expect(calendarYear(2026).provisional).toBe(false);
    expect(isProvisionalDate("2026-12-31")).toBe(false);
    expect(isProvisionalDate("2027-01-01")).toBe(true);
  });

  it("has the statutory holidays of 2027 on the known dates", () => {
    // Lunar New Year 2027 is Saturday 6 February, so New Year's Eve is Friday 5 February.
    expect(dayKind("2027-02-05")).toEqual({ kind: "holiday", working: false, name: "春节" });
    expect(dayKind("2027-02-06")).toMatchObject({ kind: "holiday", name: "春节" });
    // Saturday 6 and Sunday 7 February are given back on the next free weekdays (Art. 6): 9 and 10 February.
    expect(dayKind("2027-02-08")).toMatchObject({ kind: "holiday", name: "春节" });
    expect(dayKind("2027-02-09")).toMatchObject({ kind: "holiday", name: "春节" });
    expect(dayKind("2027-02-10")).toMatchObject({ kind: "holiday", name: "春节" });
    expect(isWorkingDay("2027-02-11")).toBe(true);
    expect(dayKind("2027-04-05")).toMatchObject({ kind: "holiday", name: "清明" });
    expect(dayKind("2027-06-09")).toMatchObject({ kind: "holiday", name: "端午" });
    expect(dayKind("2027-09-15")).toMatchObject({ kind: "holiday", name: "中秋" });
    expect(dayKind("2027-10-01")).toMatchObject({ kind: "holiday", name: "国庆节" });
    // No make-up working weekends are guessed.
    expect(dayKind("2027-02-13")).toEqual({ kind: "weekend", working: false });
  });

  it("gives back a holiday on a weekend or on another holiday (2028: New Year's Day on Saturday, Mid-Autumn on 3 October)", () => {
    expect(dayOfWeek("2028-01-01")).toBe(6);
    expect(dayKind("2028-01-03")).toMatchObject({ kind: "holiday", name: "元旦" });
    const holidays = provisionalHolidays(2028);
    expect(holidays["2028-10-03"]).toBe("中秋");
    expect(
      Object.entries(holidays)
        .filter(([date, name]) => date >= "2028-10-01" && date <= "2028-10-31" && name === "国庆节")
        .map(([date]) => date),
    ).toEqual(["2028-10-01", "2028-10-02", "2028-10-04", "2028-10-05"]);
  });

  it("matches the statutory holidays computed with another lunar library, 2027–2035", () => {
    for (let year = 2027; year <= 2035; year += 1) {
      const ours = Object.fromEntries(statutoryHolidays(year).map((holiday) => [holiday.name, holiday.dates]));
      expect(ours, String(year)).toEqual(independentStatutory(year));
      const computed = provisionalHolidays(year);
      for (const dates of Object.values(ours)) for (const date of dates) expect(computed[date], date).toBeDefined();
      // 13 statutory days, each either on a weekday or given back on one: 13 weekday holidays in the year.
      const weekdayHolidays = Object.keys(computed).filter((date) => dayOfWeek(date) !== 0 && dayOfWeek(date) !== 6);
      expect(weekdayHolidays.length, String(year)).toBe(13);
    }
  });
});

describe("every day from 2026 to 2035", () => {
  it("gives a working-day answer, and 30 working days later is a working day, provisional from 2027", () => {
    for (let date = "2026-01-01"; date <= "2035-12-31"; date = addDays(date, 1)) {
      expect(typeof isWorkingDay(date)).toBe("boolean");
      const due = addWorkingDaysMarked(date, 30);
      expect(isWorkingDay(due.date)).toBe(true);
      expect(workingDaysBetween(date, due.date)).toBe(30);
      expect(due.provisional).toBe(due.date >= "2027-01-01");
    }
  });
});

describe("a deadline crossing from an official into a provisional year", () => {
  it("is marked provisional; one inside an official year is not", () => {
    expect(addWorkingDaysMarked("2026-12-04", 30)).toEqual({
      date: addWorkingDays("2026-12-04", 30),
      provisional: true,
    });
    expect(addWorkingDaysMarked("2026-12-04", 30).date.startsWith("2027-01")).toBe(true);
    expect(addWorkingDaysMarked("2026-11-02", 5)).toEqual({ date: "2026-11-09", provisional: false });
  });

  it("moves when the official year is added, and stops being provisional", () => {
    const before = addWorkingDaysMarked("2026-12-25", 30);
    try {
      // A notice that makes 2027-01-04 a holiday moves every deadline counted across it by one working day.
      setOfficialYear({
        year: 2027,
        source: "国务院办公厅关于2027年部分节假日安排的通知（测试）",
        holidays: { ...provisionalHolidays(2027), "2027-01-04": "元旦" },
        workdays: {},
      });
      const after = addWorkingDaysMarked("2026-12-25", 30);
      expect(after.provisional).toBe(false);
      expect(after.date > before.date).toBe(true);
      expect(isProvisionalYear(2028)).toBe(true);
    } finally {
      resetOfficialYears();
    }
  });
});
