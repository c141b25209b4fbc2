/**
 * The points module's open data (published ranking lists, masked) and dashboard indicators over its live tables:
 * applications, school places and hukou transfers granted in the year's latest published run, the share of the
 * migrants' children applying for a school place who were placed in a public school (and did not refuse it), and
 * department checks done within their 5 working days.
 */
import { sql } from "kysely";
import type { Executor } from "../../db/transaction";
import type { Indicator, OpenDataset } from "../../platform/insight/insight";
import { publicityDataset } from "../../platform/publicity/publicity.opendata";

export const pointsOpenData: OpenDataset[] = [
  publicityDataset({
    id: "points-published-lists",
    kindPrefix: "points.",
    title: { zh: "积分排名公示名单（已打码）", en: "Points ranking lists (masked)" },
    description: {
      zh: "积分入学、入户等排名公示名单：打码姓名、名次、积分和结果",
      en: "Published points rankings (school places, hukou, housing): masked name, rank, points and result",
    },
  }),
];

type Row = { town_code: string | null; value: number | string };
const rows = (result: { rows: Row[] }) =>
  result.rows.map((row) => ({ townCode: row.town_code, value: Number(row.value) }));

/** Admitted results of the year's latest published (or final) run, per town. */
const granted =
  (purpose: "school" | "hukou"): Indicator["perTown"] =>
  async (db, { year }) =>
    rows(
      await sql<Row>`select r.town_code, count(*) as value from points_run_results r
      where r.outcome = 'admitted' and r.purpose = ${purpose} and r.run_id = (
        select runs.id from points_runs runs join points_cycles c on c.id = runs.cycle_id
        where c.year = ${year} and runs.status in ('published', 'final') order by runs.sequence desc limit 1)
      group by r.town_code`.execute(db),
    );

/**
 * The school applications of the year's latest published (or final) run, per 镇区: how many children applied and how
 * many hold an accepted place. Every applicant is a migrant's child (only migrants enrol in the scheme, Reg. Art. 2)
 * and every place the points scheme allocates is a seat in a public school (积分入学 distributes the public
 * schools' places set aside for migrants' children); an admitted child whose parent refused the placement does not
 * count as placed. Ineligible and waiting applications count in the denominator: they applied and got no place.
 */
async function schoolPlacement(db: Executor, year: number, townCode?: string) {
  const town = townCode ?? null;
  const result = await sql<{ town_code: string; applied: string; placed: string }>`select r.town_code,
      count(*) as applied,
      count(*) filter (where r.outcome = 'admitted' and a.placement_refused_on is null) as placed
    from points_run_results r join points_applications a on a.id = r.application_id
    where r.purpose = 'school' and (${town}::text is null or r.town_code = ${town}) and r.run_id = (
      select runs.id from points_runs runs join points_cycles c on c.id = runs.cycle_id
      where c.year = ${year} and runs.status in ('published', 'final') order by runs.sequence desc limit 1)
    group by r.town_code`.execute(db);
  return result.rows.map((row) => ({
    townCode: row.town_code,
    applied: Number(row.applied),
    placed: Number(row.placed),
  }));
}

/** A share in hundredths of a percent, rounded half up. */
const share = (part: number, whole: number) => Math.round((10000 * part) / whole);

export const pointsIndicators: Indicator[] = [
  {
    id: "points.applications",
    goal: "livelihood",
    title: { zh: "积分申请人数", en: "Points applications" },
    unit: "people",
    perTown: async (db, { year }) =>
      rows(
        await sql<Row>`select a.town_code, count(*) as value from points_applications a
          join points_cycles c on c.id = a.cycle_id where c.year = ${year} group by a.town_code`.execute(db),
      ),
  },
  {
    id: "points.school_places",
    goal: "livelihood",
    title: { zh: "积分入学安排学位", en: "School places granted through points" },
    unit: "people",
    perTown: granted("school"),
  },
  {
    id: "points.migrant_children_public_share",
    goal: "fairness",
    title: {
      zh: "积分入学申请随迁子女获公办学位比例",
      en: "Migrants' children applying through points who were placed in a public school",
    },
    unit: "percent",
    perTown: async (db, { year }) =>
      (await schoolPlacement(db, year)).map((row) => ({
        townCode: row.townCode,
        value: share(row.placed, row.applied),
      })),
    cityValue: async (db, { year, townCode }) => {
      const rows = await schoolPlacement(db, year, townCode);
      const applied = rows.reduce((sum, row) => sum + row.applied, 0);
      return applied === 0
        ? null
        : share(
            rows.reduce((sum, row) => sum + row.placed, 0),
            applied,
          );
    },
  },
  {
    id: "points.hukou_granted",
    goal: "livelihood",
    title: { zh: "积分入户人数", en: "Hukou transfers granted through points" },
    unit: "people",
    perTown: granted("hukou"),
  },
  {
    id: "points.checks_on_time",
    goal: "rule_of_law",
    title: { zh: "部门核查按期完成率", en: "Department checks done within 5 working days" },
    unit: "percent",
    perTown: async (db, { year }) =>
      rows(
        await sql<Row>`select town_code, round(10000.0 * count(*) filter (where decided_on <= check_due) / count(*))
          as value from points_facts where check_due is not null and decided_on is not null
          and extract(year from decided_on) = ${year} group by town_code`.execute(db),
      ),
    cityValue: async (db, { year, townCode }) => {
      const result = await sql<{ value: string | null }>`select
          round(10000.0 * count(*) filter (where decided_on <= check_due) / nullif(count(*), 0)) as value
        from points_facts where check_due is not null and decided_on is not null
        and extract(year from decided_on) = ${year}
        and (${townCode ?? null}::text is null or town_code = ${townCode ?? null})`.execute(db);
      const value = result.rows[0]?.value;
      return value === null || value === undefined ? null : Number(value);
    },
  },
];
