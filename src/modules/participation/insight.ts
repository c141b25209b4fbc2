/**
 * The participation module's dashboard indicators (vitality), from the hours ledger: people who served in the year
 * (net hours above zero) and the hours served, per 镇区 of the volunteer's registry record and per month.
 */
import { sql } from "kysely";
import type { Indicator } from "../../platform/insight/insight";

export const participationIndicators: Indicator[] = [
  {
    id: "participation.volunteers",
    goal: "vitality",
    title: { zh: "参与志愿服务人数（年内有服务时数）", en: "Volunteers who served in the year" },
    unit: "people",
    perTown: async (db, { year }) =>
      (
        await sql<{ town_code: string; value: string }>`select p.town_code, count(*) as value from (
            select person_id from volunteer_ledger where extract(year from served_on) = ${year}
            group by person_id having sum(hundredths) > 0) served
          join persons p on p.id = served.person_id group by p.town_code`.execute(db)
      ).rows.map((row) => ({ townCode: row.town_code, value: Number(row.value) })),
  },
  {
    id: "participation.volunteer_hours",
    goal: "vitality",
    title: { zh: "志愿服务时数", en: "Volunteer hours" },
    unit: "count",
    perTown: async (db, { year }) =>
      (
        await sql<{ town_code: string; value: string }>`select p.town_code, sum(l.hundredths) as value
          from volunteer_ledger l join persons p on p.id = l.person_id
          where extract(year from l.served_on) = ${year} group by p.town_code`.execute(db)
      ).rows.map((row) => ({ townCode: row.town_code, value: Number(row.value) / 100 })),
    monthly: async (db, { year, townCode }) =>
      (
        await sql<{ month: number; value: string }>`select extract(month from l.served_on)::int as month,
            sum(l.hundredths) as value from volunteer_ledger l join persons p on p.id = l.person_id
          where extract(year from l.served_on) = ${year}
            and (${townCode ?? null}::text is null or p.town_code = ${townCode ?? null})
          group by 1 order by 1`.execute(db)
      ).rows.map((row) => ({ month: Number(row.month), value: Number(row.value) / 100 })),
  },
];
