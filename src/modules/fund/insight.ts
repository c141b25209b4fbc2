/** The fund's dashboard indicator (vitality): projects granted money in the year's calls (the fund is city-wide). */
import { sql } from "kysely";
import type { Indicator } from "../../platform/insight/insight";

export const fundIndicators: Indicator[] = [
  {
    id: "fund.projects",
    goal: "vitality",
    title: { zh: "创新资金资助项目", en: "Innovation fund projects funded" },
    unit: "count",
    // Applicants are towns, departments and organisations, not residents of a 镇区: no figure per 镇区.
    perTown: async () => [],
    cityValue: async (db, { year }) => {
      const row = await sql<{ count: string }>`select count(*) as count from fund_applications a
        join fund_calls c on c.id = a.call_id where c.year = ${year} and a.granted_fen > 0`.execute(db);
      return Number(row.rows[0]?.count ?? 0);
    },
  },
];
