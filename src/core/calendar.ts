/**
 * The working-day calendar of mainland China: Monday–Friday, minus the public holidays, plus the weekend make-up
 * working days (调休) announced each year by the State Council. The official arrangements are data, one file per
 * year in `calendar-data/`. A later year whose notice is not out yet is computed from the statutory holiday rules
 * (`calendar.provisional.ts`) and marked provisional: every answer that depends on such a year says so. A date
 * before the first official year throws.
 */
import { addDays, assertIsoDate, dayOfWeek, isIsoDate } from "./dates";
import { calendarData } from "./calendar-data/index";
import { provisionalHolidays } from "./calendar.provisional";

/** One year of arrangements, as stored in `calendar-data/<year>.json` (official) or computed (provisional). */
export interface CalendarYear {
  year: number;
  source: string;
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  /** True for a year computed from the statutory rules because the State Council's notice is not in the data yet. */
  provisional?: boolean;
}

/** The last year a provisional calendar is computed for (the lunar data and the holiday rules are not stretched further). */
export const lastProvisionalYear = 2100;

/** Why a date is or is not a working day (`provisional` when the year has no official notice yet). */
export type DayKind =
  | { kind: "workday"; working: true }
  | { kind: "makeup_workday"; working: true; name: string }
  | { kind: "weekend"; working: false }
  | { kind: "holiday"; working: false; name: string };

const bundled = (): [number, CalendarYear][] =>
  calendarData.map((entry) => [entry.year, { ...entry, provisional: false }]);
const official = new Map<number, CalendarYear>(bundled());
const provisional = new Map<number, CalendarYear>();

/** The years with an official arrangement in the data, oldest first. */
export function calendarYears(): number[] {
  return [...official.keys()].sort((a, b) => a - b);
}

/** The last year with an official arrangement; every later year is provisional. */
export function lastOfficialYear(): number {
  const years = calendarYears();
  return years[years.length - 1];
}

/** Whether a year's working days are computed from the statutory rules rather than an official notice. */
export function isProvisionalYear(year: number): boolean {
  return !official.has(year) && year > lastOfficialYear();
}

/**
 * The arrangement of one year: the official data (holidays, make-up days and the notice it comes from), or for a
 * later year without a notice, the provisional year computed from the statutory rules.
 */
export function calendarYear(year: number): CalendarYear {
  const entry = official.get(year) ?? provisional.get(year);
  if (entry) return entry;
  const years = calendarYears();
  if (!Number.isInteger(year) || year < years[0] || year > lastProvisionalYear) {
    throw new RangeError(
      `the working-day calendar has no data for ${year} (official: ${years[0]}–${lastOfficialYear()}, ` +
        `provisional up to ${lastProvisionalYear})`,
    );
  }
  const computed: CalendarYear = {
    year,
    source: `暂定：按《全国年节及纪念日放假办法》（2024年修订）推算，国务院办公厅${year}年放假安排通知发布前有效 (provisional: computed from the statutory holiday rules until the State Council notice for ${year})`,
    holidays: provisionalHolidays(year),
    workdays: {},
    provisional: true,
  };
  provisional.set(year, computed);
  return computed;
}

/**
 * Adds or replaces the official arrangement of a year (from a State Council notice, see `gongzhi calendar import`).
 * Later lookups use it; deadlines already stored are not moved (`deadlineChanges` lists what it would change).
 */
export function setOfficialYear(entry: CalendarYear): void {
  official.set(entry.year, { ...entry, provisional: false });
  provisional.clear();
  workingCache.clear();
}

/** Forgets years added with `setOfficialYear`, back to the bundled data (for tests). */
export function resetOfficialYears(): void {
  official.clear();
  for (const [year, entry] of bundled()) official.set(year, entry);
  provisional.clear();
  workingCache.clear();
}

/** Whether a date (e.g. a deadline) lies in a provisional year, so it may move when the official notice comes. */
export function isProvisionalDate(date: string): boolean {
  assertIsoDate(date);
  return isProvisionalYear(Number(date.slice(0, 4)));
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

const workingCache = new Map<string, boolean>();

/** Whether government offices work on a date (deadlines count only these days). */
export function isWorkingDay(date: string): boolean {
  let working = workingCache.get(date);
  if (working === undefined) {
    working = dayKind(date).working;
    workingCache.set(date, working);
  }
  return working;
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
  for (let current = a; current !== b;) {
    current = addDays(current, step);
    if (isWorkingDay(current)) count += 1; // forwards a+1 … b, backwards a-1 … b
  }
  return count === 0 ? 0 : step * count;
}

/** A date counted in working days, with whether it depends on a provisional year. */
export interface WorkingDayDate {
  date: string;
  /** True when the count crossed a year without an official notice: the date may move when the notice comes. */
  provisional: boolean;
}

/** `addWorkingDays` with the provisional mark: for deadlines shown to staff and residents. */
export function addWorkingDaysMarked(date: string, n: number): WorkingDayDate {
  const result = addWorkingDays(date, n);
  return { date: result, provisional: isProvisionalDate(date) || isProvisionalDate(result) };
}

/**
 * Checks one year of official arrangements (a State Council notice in the `calendar-data/<year>.json` shape):
 * real dates of that year, make-up working days on weekends, no day both a holiday and a make-up day, a source.
 * Returns the problems, empty when the year can be used.
 */
export function calendarYearProblems(value: unknown): string[] {
  if (typeof value !== "object" || value === null)
    return ["the notice must be a JSON object { year, source, holidays, workdays }"];
  const entry = value as Partial<Record<keyof CalendarYear, unknown>>;
  const problems: string[] = [];
  const year = entry.year;
  if (typeof year !== "number" || !Number.isInteger(year) || year < 2004 || year > lastProvisionalYear)
    problems.push(`year must be a whole year from 2004 to ${lastProvisionalYear}`);
  if (typeof entry.source !== "string" || entry.source.trim().length < 4)
    problems.push("source must name the notice (e.g. 国务院办公厅关于2027年部分节假日安排的通知)");
  const days = (field: "holidays" | "workdays"): Record<string, unknown> => {
    const record = entry[field];
    if (typeof record !== "object" || record === null || Array.isArray(record)) {
      problems.push(`${field} must be an object of date → name`);
      return {};
    }
    return record as Record<string, unknown>;
  };
  const holidays = days("holidays");
  const workdays = days("workdays");
  for (const [field, record] of [
    ["holidays", holidays],
    ["workdays", workdays],
  ] as const) {
    for (const [date, name] of Object.entries(record)) {
      if (!isIsoDate(date)) problems.push(`${field}: ${date} is not a real date written YYYY-MM-DD`);
      else if (typeof year === "number" && !date.startsWith(`${year}-`))
        problems.push(`${field}: ${date} is not in ${year}`);
      if (typeof name !== "string" || name.trim() === "") problems.push(`${field}: ${date} needs a name`);
    }
  }
  for (const date of Object.keys(workdays)) {
    if (holidays[date] !== undefined) problems.push(`${date} is both a holiday and a make-up working day`);
    if (isIsoDate(date) && dayOfWeek(date) !== 0 && dayOfWeek(date) !== 6)
      problems.push(`workdays: ${date} is not a weekend day (make-up working days fall on weekends)`);
  }
  if (Object.keys(holidays).length === 0) problems.push("holidays must list the year's public holidays");
  return problems;
}
