/**
 * The assistance module's open data (approved lists, masked) and dashboard indicators, computed by SQL over its
 * live tables: households receiving 低保, persons covered and money paid per 镇区, decisions taken on time.
 */
import { sql } from "kysely";
import type { Indicator, OpenDataset } from "../../platform/insight/insight";
import { publicityDataset } from "../../platform/publicity/publicity.opendata";

export const assistanceOpenData: OpenDataset[] = [
  publicityDataset({
    id: "assistance-approved-lists",
    kindPrefix: "assistance.approved",
    title: { zh: "最低生活保障对象公示名单（已打码）", en: "Approved minimum-living-allowance lists (masked)" },
    description: {
      zh: "各镇区审批通过的低保对象公示名单：打码姓名、保障人数和金额",
      en: "Approved 低保 households per town as publicised: masked name, persons covered, monthly amount",
    },
  }),
];

type Row = { town_code: string | null; value: number | string };
const rows = (result: { rows: Row[] }) =>
  result.rows.map((row) => ({ townCode: row.town_code, value: Number(row.value) }));

export const assistanceIndicators: Indicator[] = [
  {
    id: "assistance.households",
    goal: "livelihood",
    title: { zh: "低保在保户数（年末或当前）", en: "Households receiving 低保 (current)" },
    unit: "households",
    perTown: async (db) =>
      rows(
        await sql<Row>`select town_code, count(*) as value from assistance_cases where state = 'active'
          group by town_code`.execute(db),
      ),
  },
  {
    id: "assistance.persons",
    goal: "livelihood",
    title: { zh: "低保保障人数（当年最后一个发放月）", en: "Persons covered (last payroll month of the year)" },
    unit: "people",
    perTown: async (db, { year }) =>
      rows(
        await sql<Row>`select town_code, persons as value from assistance_payroll_totals
          where month = (select max(month) from assistance_payroll_totals where month like ${`${year}-%`})`.execute(db),
      ),
  },
  {
    id: "assistance.spend",
    goal: "livelihood",
    title: { zh: "低保发放金额（全年）", en: "低保 paid in the year" },
    unit: "fen",
    perTown: async (db, { year }) =>
      rows(
        await sql<Row>`select town_code, sum(total_fen) as value from assistance_payroll_totals
          where month like ${`${year}-%`} group by town_code`.execute(db),
      ),
    monthly: async (db, { year, townCode }) =>
      (
        await sql<{ month: string; value: string }>`select month, sum(total_fen) as value
          from assistance_payroll_totals where month like ${`${year}-%`}
          and (${townCode ?? null}::text is null or town_code = ${townCode ?? null}) group by month order by month`.execute(
          db,
        )
      ).rows.map((row) => ({ month: Number(row.month.slice(5, 7)), value: Number(row.value) })),
  },
  {
    id: "assistance.decisions_on_time",
    goal: "rule_of_law",
    title: { zh: "低保审批按期完成率", en: "低保 decisions taken within the deadline" },
    unit: "percent",
    perTown: async (db, { year }) =>
      rows(
        await sql<Row>`select town_code,
            round(10000.0 * count(*) filter (where decided_on <= decision_due_on) / count(*)) as value
          from assistance_cases where decided_on is not null and decision_due_on is not null
          and extract(year from decided_on) = ${year} group by town_code`.execute(db),
      ),
    cityValue: async (db, { year, townCode }) => {
      const result = await sql<{ value: string | null }>`select
          round(10000.0 * count(*) filter (where decided_on <= decision_due_on) / nullif(count(*), 0)) as value
        from assistance_cases where decided_on is not null and decision_due_on is not null
        and extract(year from decided_on) = ${year}
        and (${townCode ?? null}::text is null or town_code = ${townCode ?? null})`.execute(db);
      const value = result.rows[0]?.value;
      return value === null || value === undefined ? null : Number(value);
    },
  },
];
