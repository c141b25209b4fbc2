/**
 * A provisional working-day calendar for a year the State Council has not yet published an arrangement for.
 *
 * It follows the national holiday rules (全国年节及纪念日放假办法) as amended by State Council Decree No. 798 of
 * 2024, in force from 2025: New Year's Day 1 day (1 January); Spring Festival 4 days (lunar New Year's Eve and the
 * 1st–3rd of the first lunar month); Qingming 1 day (the day of the Qingming solar term); Labour Day 2 days (1–2
 * May); Dragon Boat Festival 1 day (5th of the 5th lunar month); Mid-Autumn Festival 1 day (15th of the 8th lunar
 * month); National Day 3 days (1–3 October). Article 6 of the rules gives a holiday that falls on a Saturday or a
 * Sunday back on a working day (补假): we take the next ordinary weekday; a holiday day that coincides with another
 * holiday is given back the same way. The State Council's make-up working weekends (调休) are announced yearly and
 * are not guessed: a provisional year has none.
 *
 * Lunar dates and the solar term come from the lunar-typescript library, not from hand-made tables.
 */
import { Lunar, Solar } from "lunar-typescript";
import { addDays, dayOfWeek } from "./dates";

/** One statutory holiday of a year: its Chinese name (as in the official data files) and its dates. */
interface StatutoryHoliday {
  name: string;
  dates: string[];
}

const iso = (solar: Solar): string => solar.toYmd();

/** The statutory holidays of a Gregorian year, without give-back days. */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  const lunar = (month: number, day: number) => iso(Lunar.fromYmd(year, month, day).getSolar());
  const springFestival = lunar(1, 1);
  const qingming = Lunar.fromYmd(year, 3, 1).getJieQiTable()["清明"];
  if (!qingming || qingming.getYear() !== year) throw new RangeError(`no Qingming solar term found for ${year}`);
  const pad = (n: number) => String(n).padStart(2, "0");
  const day = (month: number, d: number) => `${year}-${pad(month)}-${pad(d)}`;
  return [
    { name: "元旦", dates: [day(1, 1)] },
    {
      name: "春节",
      dates: [addDays(springFestival, -1), springFestival, addDays(springFestival, 1), addDays(springFestival, 2)],
    },
    { name: "清明", dates: [iso(qingming)] },
    { name: "劳动节", dates: [day(5, 1), day(5, 2)] },
    { name: "端午", dates: [lunar(5, 5)] },
    { name: "中秋", dates: [lunar(8, 15)] },
    { name: "国庆节", dates: [day(10, 1), day(10, 2), day(10, 3)] },
  ];
}

const isWeekend = (date: string) => dayOfWeek(date) === 0 || dayOfWeek(date) === 6;

/**
 * The holidays of a provisional year, date → name, give-back days included. A give-back day carries the name of
 * the holiday it gives back. Days that land in the next year are dropped (the next year is computed on its own).
 */
export function provisionalHolidays(year: number): Record<string, string> {
  const holidays = new Map<string, string>();
  const owed: { name: string; from: string }[] = [];
  for (const holiday of statutoryHolidays(year)) {
    for (const date of holiday.dates) {
      if (isWeekend(date) || holidays.has(date)) owed.push({ name: holiday.name, from: date });
      if (!holidays.has(date)) holidays.set(date, holiday.name);
    }
  }
  for (const { name, from } of owed.sort((a, b) => (a.from < b.from ? -1 : 1))) {
    let candidate = addDays(from, 1);
    while (isWeekend(candidate) || holidays.has(candidate)) candidate = addDays(candidate, 1);
    if (candidate.startsWith(`${year}-`)) holidays.set(candidate, name);
  }
  return Object.fromEntries([...holidays.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}
