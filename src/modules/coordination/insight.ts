/** The coordination module's dashboard indicators: joint tasks done within their working-day deadlines. */
import { sql } from "kysely";
import type { Indicator } from "../../platform/insight/insight";

export const coordinationIndicators: Indicator[] = [
  {
    id: "coordination.tasks_on_time",
    goal: "rule_of_law",
    title: { zh: "联办任务按期办结率", en: "Joint tasks done within their deadline" },
    unit: "percent",
    perTown: async (db, { year }) =>
      (
        await sql<{ town_code: string | null; value: string }>`select c.town_code,
            round(10000.0 * count(*) filter (where t.done_on <= t.due_on) / count(*)) as value
          from coordination_tasks t left join coordination_cases c on c.id = t.case_id
          where t.done_on is not null and extract(year from t.done_on) = ${year} group by c.town_code`.execute(db)
      ).rows.map((row) => ({ townCode: row.town_code, value: Number(row.value) })),
    cityValue: async (db, { year, townCode }) => {
      const result = await sql<{ value: string | null }>`select
          round(10000.0 * count(*) filter (where t.done_on <= t.due_on) / nullif(count(*), 0)) as value
        from coordination_tasks t left join coordination_cases c on c.id = t.case_id
        where t.done_on is not null and extract(year from t.done_on) = ${year}
        and (${townCode ?? null}::text is null or c.town_code = ${townCode ?? null})`.execute(db);
      const value = result.rows[0]?.value;
      return value === null || value === undefined ? null : Number(value);
    },
  },
];
