/**
 * Demo data of the points module: the current yearly cycle (open from September to April), the real 2015 school
 * quotas from resources/zhongshan/school-quotas-2015.csv, and hukou places, rental units and schools that our
 * sources do not give — derived and labelled synthetic.
 */
import { dateParts } from "../../core/dates";
import type { Trx } from "../../db/transaction";
import type { SeedOptions } from "../../platform/module";
import { readReferenceCsv, referenceFolder } from "../../platform/reference-data";
import { pointsDb } from "./points.tables";
import { defaultPolicyId } from "./points.scoring";
import { clock } from "../../core/clock";
import { findCycle, type CycleRecord } from "./repository";
import { seedPointsYear } from "./points.seed.year";

/** The 2015 city-wide hukou places (quota notice 2015), split by each 镇区's share of the school quota. */
export const hukouPlaces2015 = 4400;
/** Public rental units offered (the 2016 figure), used as a synthetic demo number. */
export const demoHousingUnits = 500;

/** Splits a whole number in proportion to weights by largest remainders, so the parts add up exactly (all zero when no weight). */
export function splitByWeight(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (sum === 0 ? 0 : (total * weight) / sum));
  const parts = exact.map(Math.floor);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  const remaining = sum === 0 ? 0 : total - parts.reduce((a, b) => a + b, 0);
  for (let index = 0; index < remaining; index += 1) parts[order[index].index] += 1;
  return parts;
}

/** The year of the cycle open or last opened on a date (a cycle opens in September). */
export function cycleYearOn(date: string): number {
  const { year, month } = dateParts(date);
  return month >= 9 ? year : year - 1;
}

/**
 * Seeds the demo cycles — the one open (or last opened) today and the year before — with quotas and synthetic
 * schools, then the points year of the registry's migrants (points.seed.year.ts); skips when today's cycle exists.
 */
export async function seedPoints(trx: Trx, options: SeedOptions = {}, folder = referenceFolder): Promise<void> {
  const db = pointsDb(trx);
  const today = clock.today();
  const year = cycleYearOn(today);
  if (await db.selectFrom("points_cycles").select("id").where("year", "=", year).executeTakeFirst()) return;
  const previous = await createDemoCycle(trx, year - 1, folder);
  const current = await createDemoCycle(trx, year, folder);
  await seedPointsYear(trx, current, previous, today, options);
  options.onProgress?.(1, 1, "points");
}

/** One demo cycle of a year (September to April) with the 2015 quotas, synthetic hukou places and schools. */
async function createDemoCycle(trx: Trx, year: number, folder: string): Promise<CycleRecord> {
  const db = pointsDb(trx);
  const cycle = await db
    .insertInto("points_cycles")
    .values({
      year,
      title: `${year}年度流动人员积分制申请`,
      policy_id: defaultPolicyId,
      opens_on: `${year}-09-01`,
      closes_on: `${year + 1}-04-30`,
      quotas_due_on: `${year + 1}-03-31`,
      housing_units: demoHousingUnits,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const rows = readReferenceCsv("school-quotas-2015.csv", folder);
  const quotas = rows.flatMap((row) => [
    {
      cycle_id: cycle.id,
      purpose: "school",
      town_code: row.town_code,
      grade: "primary_1",
      places: Number(row.primary_grade1),
      synthetic: false,
      source: "2015年公布的入学指标 (school-quotas-2015.csv)",
    },
    {
      cycle_id: cycle.id,
      purpose: "school",
      town_code: row.town_code,
      grade: "junior_1",
      places: Number(row.junior_grade1),
      synthetic: false,
      source: "2015年公布的入学指标 (school-quotas-2015.csv)",
    },
  ]);
  const hukou = splitByWeight(
    hukouPlaces2015,
    rows.map((row) => Number(row.primary_grade1) + Number(row.junior_grade1)),
  );
  rows.forEach((row, index) =>
    quotas.push({
      cycle_id: cycle.id,
      purpose: "hukou",
      town_code: row.town_code,
      grade: "",
      places: hukou[index],
      synthetic: true,
      source: "合成：2015年全市4400个入户指标按入学指标比例分配",
    }),
  );
  await db.insertInto("points_quotas").values(quotas).execute();
  // The demo schools stand around the centre of their 镇区's located communities (a 6-wide grid 12 km apart for
  // a 镇区 without), so that an application naming a community is placed in a school near it.
  const centres = await trx
    .selectFrom("communities")
    .select(["town_code", (eb) => eb.fn.avg<number>("x").as("x"), (eb) => eb.fn.avg<number>("y").as("y")])
    .where("x", "is not", null)
    .groupBy("town_code")
    .execute();
  const centreOf = new Map(centres.map((row) => [row.town_code, { x: Number(row.x), y: Number(row.y) }]));
  const schools = rows.flatMap((row, townIndex) => {
    const centre = centreOf.get(row.town_code) ?? {
      x: (townIndex % 6) * 12_000,
      y: Math.floor(townIndex / 6) * 12_000,
    };
    return (["primary_1", "junior_1"] as const).flatMap((grade) => {
      const places = Number(grade === "primary_1" ? row.primary_grade1 : row.junior_grade1);
      return [0, 1, 2].map((number) => ({
        cycle_id: cycle.id,
        town_code: row.town_code,
        name: `${row.town_as_published}${grade === "primary_1" ? "第" + "一二三"[number] + "小学" : "第" + "一二三"[number] + "中学"}（演示）`,
        grade,
        seats: Math.ceil(places / 3) + 5,
        x: Math.round(centre.x + (number - 1) * 1500),
        y: Math.round(centre.y + (number % 2) * 1200 - 600),
        synthetic: true,
      }));
    });
  });
  await db.insertInto("points_schools").values(schools).execute();
  return (await findCycle(trx, cycle.id))!;
}
