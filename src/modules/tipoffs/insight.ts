/**
 * The tip-offs module's dashboard indicators (safety): tips received and verified per 镇区 and month, and the
 * average number of working days from the report to the department's decision (the official calendar).
 */
import { sql } from "kysely";
import { workingDaysBetween } from "../../core/calendar";
import type { Executor } from "../../db/transaction";
import type { Indicator } from "../../platform/insight/insight";

/** Counts per 镇区 of tips whose `dateColumn` falls in the year (and, for verified, whose state is verified). */
async function perTown(db: Executor, year: number, verified: boolean) {
  const rows = verified
    ? await sql<{ town_code: string; value: string }>`select town_code, count(*) as value from tipoffs
        where state = 'verified' and extract(year from decided_on) = ${year} group by town_code`.execute(db)
    : await sql<{ town_code: string; value: string }>`select town_code, count(*) as value from tipoffs
        where extract(year from submitted_on) = ${year} group by town_code`.execute(db);
  return rows.rows.map((row) => ({ townCode: row.town_code, value: Number(row.value) }));
}

async function monthly(db: Executor, year: number, townCode: string | undefined, verified: boolean) {
  const town = townCode ?? null;
  const rows = verified
    ? await sql<{ month: number; value: string }>`select extract(month from decided_on)::int as month,
          count(*) as value from tipoffs where state = 'verified' and extract(year from decided_on) = ${year}
          and (${town}::text is null or town_code = ${town}) group by 1 order by 1`.execute(db)
    : await sql<{ month: number; value: string }>`select extract(month from submitted_on)::int as month,
          count(*) as value from tipoffs where extract(year from submitted_on) = ${year}
          and (${town}::text is null or town_code = ${town}) group by 1 order by 1`.execute(db);
  return rows.rows.map((row) => ({ month: Number(row.month), value: Number(row.value) }));
}

/** The decided tips of a year: their 镇区 and the working days the decision took. */
async function decisionDays(db: Executor, year: number) {
  const rows = await sql<{ town_code: string; submitted_on: string; decided_on: string }>`select town_code,
      submitted_on::text as submitted_on, decided_on::text as decided_on from tipoffs
    where state in ('verified', 'not_verified') and decided_on is not null
      and extract(year from decided_on) = ${year}`.execute(db);
  return rows.rows.map((row) => ({
    townCode: row.town_code,
    days: Math.max(0, workingDaysBetween(row.submitted_on, row.decided_on)),
  }));
}

/** The average to one decimal, or null without any. */
function average(values: number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((10 * values.reduce((sum, value) => sum + value, 0)) / values.length) / 10;
}

export const tipoffsIndicators: Indicator[] = [
  {
    id: "tipoffs.received",
    goal: "safety",
    title: { zh: "收到举报线索", en: "Tip-offs received" },
    unit: "count",
    perTown: (db, { year }) => perTown(db, year, false),
    monthly: (db, { year, townCode }) => monthly(db, year, townCode, false),
  },
  {
    id: "tipoffs.verified",
    goal: "safety",
    title: { zh: "核实举报线索", en: "Tip-offs verified" },
    unit: "count",
    perTown: (db, { year }) => perTown(db, year, true),
    monthly: (db, { year, townCode }) => monthly(db, year, townCode, true),
  },
  {
    id: "tipoffs.days_to_verify",
    goal: "safety",
    title: { zh: "线索平均办结工作日", en: "Working days from report to decision" },
    unit: "days",
    perTown: async (db, { year }) => {
      const byTown = new Map<string, number[]>();
      for (const row of await decisionDays(db, year))
        byTown.set(row.townCode, [...(byTown.get(row.townCode) ?? []), row.days]);
      return [...byTown].map(([townCode, days]) => ({ townCode, value: average(days)! }));
    },
    cityValue: async (db, { year, townCode }) =>
      average(
        (await decisionDays(db, year)).filter((row) => !townCode || row.townCode === townCode).map((row) => row.days),
      ),
  },
];
