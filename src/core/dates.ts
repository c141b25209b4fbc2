/**
 * Calendar dates as ISO `YYYY-MM-DD` strings. Arithmetic is done on UTC midnights, so no local time zone leaks in;
 * "today" is always the date in Asia/Shanghai.
 */

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a year is a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether a value is a real calendar date written `YYYY-MM-DD` (rejects 2023-02-29, 2024-13-01). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Throws a RangeError naming the argument when a value is not an ISO date; dates are checked at every entry point. */
export function assertIsoDate(value: unknown, name = "date"): asserts value is string {
  if (!isIsoDate(value)) throw new RangeError(`${name} must be a real date written YYYY-MM-DD, got "${String(value)}"`);
}

/** Splits an ISO date into numeric year, month and day. */
export function dateParts(date: string): { year: number; month: number; day: number } {
  assertIsoDate(date);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

// Days since 1970-01-01 in the proleptic Gregorian calendar, by integer arithmetic (H. Hinnant's days_from_civil):
// working-day counts over whole decades call these millions of times, so they avoid Date objects.
function toEpochDay(date: string): number {
  const { year, month, day } = dateParts(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function fromEpochDay(epochDay: number): string {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 1 || year > 9999) throw new RangeError(`date out of range (year ${year})`);
  return formatParts(year, month, day);
}

function formatParts(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Asia/Shanghai's calendar, for instants before its offset became a fixed UTC+8 (summer time ended in 1991). */
const shanghaiCalendar = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** From this instant on Asia/Shanghai is UTC+8 all year (tz database): the date is the UTC date 8 hours later. */
const fixedOffsetFrom = Date.UTC(1992, 0, 1);
const eightHoursMs = 8 * 3_600_000;
/** Where the arithmetic stops (a four-digit year): later instants go through the tz database as well. */
const maxFixedOffsetMs = Date.UTC(9999, 11, 31) - eightHoursMs;

/** The calendar date of an instant in Asia/Shanghai, e.g. 2024-09-30T16:30Z → "2024-10-01". */
export function toShanghaiDate(instant: Date): string {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime()))
    throw new RangeError("instant must be a valid Date");
  const time = instant.getTime();
  // Read on every request (today's date): arithmetic where the offset is fixed, the tz database before.
  if (time >= fixedOffsetFrom && time < maxFixedOffsetMs)
    return new Date(time + eightHoursMs).toISOString().slice(0, 10);
  const parts = shanghaiCalendar.formatToParts(instant);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return formatParts(part("year"), part("month"), part("day"));
}

/** Today's date in Asia/Shanghai (reads the clock; pass `now` in tests). */
export function todayInShanghai(now: Date = new Date()): string {
  return toShanghaiDate(now);
}

/** Compares two ISO dates: negative if a is earlier, 0 if equal, positive if later (usable with Array.sort). */
export function compareDates(a: string, b: string): number {
  assertIsoDate(a, "a");
  assertIsoDate(b, "b");
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The date n calendar days after (n < 0: before) a date. */
export function addDays(date: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
  return fromEpochDay(toEpochDay(date) + n);
}

/** The date n months after a date, clamped to the month's last day (2024-01-31 + 1 month → 2024-02-29). */
export function addMonths(date: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
  const { year, month, day } = dateParts(date);
  const monthIndex = year * 12 + (month - 1) + n;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = (monthIndex % 12) + 1;
  if (newYear < 1 || newYear > 9999) throw new RangeError(`date out of range (year ${newYear})`);
  return formatParts(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/** Calendar days from a to b (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  assertIsoDate(a, "a");
  assertIsoDate(b, "b");
  return toEpochDay(b) - toEpochDay(a);
}

/** Day of the week of a date, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return (((toEpochDay(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/**
 * Age in full years (周岁) on a date. Someone born on 29 February turns a year older on 1 March in common years.
 */
export function ageInFullYears(birth: string, on: string): number {
  assertIsoDate(birth, "birth");
  assertIsoDate(on, "on");
  if (on < birth) throw new RangeError(`on (${on}) is before birth (${birth})`);
  const born = dateParts(birth);
  const today = dateParts(on);
  let age = today.year - born.year;
  // Compare month/day; a 29 Feb birthday in a common year is reached only on 1 March.
  let birthdayMonth = born.month;
  let birthdayDay = born.day;
  if (born.month === 2 && born.day === 29 && !isLeapYear(today.year)) {
    birthdayMonth = 3;
    birthdayDay = 1;
  }
  if (today.month < birthdayMonth || (today.month === birthdayMonth && today.day < birthdayDay)) age -= 1;
  return age;
}
