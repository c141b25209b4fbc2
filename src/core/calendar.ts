/**
 * The official working-day calendar of mainland China: Monday–Friday, minus the public holidays, plus the weekend
 * make-up working days (调休) announced each year by the State Council. The holidays are data, one file per year in
 * `calendar-data/`; a date in a year without data throws instead of silently assuming a plain week.
 */
import { addDays, assertIsoDate, dayOfWeek } from "./dates";
import { calendarData } from "./calendar-data/index";

/** One year of official arrangements, as stored in `calendar-data/<year>.json`. */
export interface CalendarYear {
  year: number;
  source: string;
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** Why a date is or is not a working day. */
export type DayKind =
  | { kind: "workday"; working: true }
  | { kind: "makeup_workday"; working: true; name: string }
  | { kind: "weekend"; working: false }
  | { kind: "holiday"; working: false; name: string };

const years = new Map<number, CalendarYear>(calendarData.map((entry) => [entry.year, entry]));

/** The years the calendar data covers, oldest first. */
export function calendarYears(): number[] {
  return [...years.keys()].sort((a, b) => a - b);
}

/** The official arrangement data of one year (holidays, make-up days and the notice it comes from). */
export function calendarYear(year: number): CalendarYear {
  const entry = years.get(year);
  if (!entry) {
    const covered = calendarYears();
    throw new RangeError(
      `the working-day calendar has no data for ${year} (covered: ${covered[0]}–${covered[covered.length - 1]}); ` +
        `add src/core/calendar-data/${year}.json from the State Council notice`,
    );
  }
  return entry;
}

/** Classifies a date as ordinary workday, make-up workday, weekend or public holiday. */
export function dayKind(date: string): DayKind {
  assertIsoDate(date);
  const entry = calendarYear(Number(date.slice(0, 4)));
  const holiday = entry.holidays[date];
  if (holiday !== undefined) return { kind: "holiday", working: false, name: holiday };
  const makeup = entry.workdays[date];
  if (makeup !== undefined) return { kind: "makeup_workday", working: true, name: makeup };
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6 ? { kind: "weekend", working: false } : { kind: "workday", working: true };
}

/** Whether government offices work on a date (deadlines count only these days). */
export function isWorkingDay(date: string): boolean {
  return dayKind(date).working;
}

/**
 * The date n working days after `date`, not counting `date` itself (n < 0: before; n = 0: `date` unchanged).
 * Used for statutory deadlines such as "within 5 working days".
 */
export function addWorkingDays(date: string, n: number): string {
  assertIsoDate(date);
  if (!Number.isSafeInteger(n)) throw new RangeError(`n must be an integer number of working days, got ${n}`);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let current = date;
  while (remaining > 0) {
    current = addDays(current, step);
    if (isWorkingDay(current)) remaining -= 1;
  }
  return current;
}

/**
 * Working days after a, up to and including b. Going backwards (b before a) it mirrors addWorkingDays: minus the
 * working days from b up to the day before a. So addWorkingDays(a, workingDaysBetween(a, b)) is b whenever b is a
 * working day, in either direction.
 */
export function workingDaysBetween(a: string, b: string): number {
  assertIsoDate(a, "a");
  assertIsoDate(b, "b");
  const step = b < a ? -1 : 1;
  let count = 0;
  for (let current = a; current !== b; ) {
    current = addDays(current, step);
    if (isWorkingDay(current)) count += 1; // forwards a+1 … b, backwards a-1 … b
  }
  return count === 0 ? 0 : step * count;
}
