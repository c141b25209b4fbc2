/** The suggestions module's dashboard figure: ideas adopted (adopted, partly adopted or implemented) in a year. */
import { sql } from "kysely";
import type { Indicator } from "../../platform/insight/insight";

export const suggestionIndicators: Indicator[] = [
  {
    id: "suggestions.adopted",
    goal: "vitality",
    title: { zh: "采纳金点子", en: "Suggestions adopted" },
    unit: "count",
    perTown: async (db, { year }) =>
      (
        await sql<{ town_code: string; value: string }>`select town_code, count(*) as value from suggestions
          where state in ('adopted', 'partly_adopted', 'implemented') and extract(year from answered_on) = ${year}
          group by town_code`.execute(db)
      ).rows.map((row) => ({ townCode: row.town_code, value: Number(row.value) })),
    monthly: async (db, { year, townCode }) =>
      (
        await sql<{ month: number; value: string }>`select extract(month from answered_on)::int as month,
            count(*) as value from suggestions
          where state in ('adopted', 'partly_adopted', 'implemented') and extract(year from answered_on) = ${year}
            and (${townCode ?? null}::text is null or town_code = ${townCode ?? null})
          group by 1 order by 1`.execute(db)
      ).rows.map((row) => ({ month: Number(row.month), value: Number(row.value) })),
  },
];
