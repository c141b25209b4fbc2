/**
 * The allocation benchmark's synthetic city: applicants generated straight into the engine's columns from a
 * seeded PRNG (deterministic), spread over the 24 镇区 by resident population, with quotas scaled from the
 * real 2015 school table. Everything except the towns and the 2015 school quotas is SYNTHETIC.
 */
import { readFileSync } from "node:fs";
import {
  GRADE_CODES,
  PURPOSE_CODES,
  type ApplicantColumns,
  type QuotaColumns,
  type SchoolColumns,
} from "../../src/modules/points/allocation";
import { mulberry32 } from "../../src/core/random";
import { emptyApplicantColumns } from "../../src/modules/points/allocation/allocation.input";

export const SEED = 20150301;
/** 2016 city totals (domain notes): 5,060 hukou places and 500 public rental units, split synthetically. */
export const HUKOU_PLACES_2016 = 5060;
export const HOUSING_UNITS_2016 = 500;

export interface Town {
  code: string;
  central: boolean;
  /** Resident population used as the applicant weight (synthetic split where the census merges 镇区). */
  weight: number;
  primaryQuota2015: number;
  juniorQuota2015: number;
}

export interface Population {
  towns: Town[];
  applicants: ApplicantColumns;
  quotas: QuotaColumns;
  schools: SchoolColumns;
  /** School quotas are the 2015 table times this factor (about a third of eligible children admitted). */
  schoolFactor: number;
}

function readCsv(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(new URL(path, import.meta.url), "utf8")
    .trim()
    .split("\n");
  const names = header.split(",");
  return lines.map((line) => {
    const cells = line.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, "").replace(/^"|"$/g, ""));
    return Object.fromEntries(names.map((name, i) => [name, cells[i] ?? ""]));
  });
}

/** The 24 镇区 with 2021 population weights; merged census figures are split by 2015 school quota (synthetic). */
export function loadTowns(): Town[] {
  const quotas = new Map(readCsv("../../resources/zhongshan/school-quotas-2015.csv").map((r) => [r.town_code, r]));
  const rows = readCsv("../../resources/zhongshan/towns.csv");
  const quotaTotal = (code: string) =>
    Number(quotas.get(code)!.primary_grade1) + Number(quotas.get(code)!.junior_grade1);
  // Census groups that merge 镇区 (towns.csv notes): resident total shared by the group's school quotas.
  const merged: Record<string, { members: string[]; residents: number }> = {
    huoju: { members: ["huoju", "minzhong"], residents: 393622 },
    minzhong: { members: ["huoju", "minzhong"], residents: 393622 },
    xiaolan: { members: ["xiaolan", "dongsheng"], residents: 790454 },
    dongsheng: { members: ["xiaolan", "dongsheng"], residents: 790454 },
    nanlang: { members: ["nanlang"], residents: 114049 },
  };
  return rows.map((r) => {
    const group = merged[r.code];
    const weight = group
      ? (group.residents * quotaTotal(r.code)) / group.members.reduce((s, m) => s + quotaTotal(m), 0)
      : Number(r.resident_2021);
    return {
      code: r.code,
      central: r.central_district === "1",
      weight,
      primaryQuota2015: Number(quotas.get(r.code)!.primary_grade1),
      juniorQuota2015: Number(quotas.get(r.code)!.junior_grade1),
    };
  });
}

/** The shared seeded generator (mulberry32). */
export const prng = mulberry32;

/** Splits a total over weights by largest remainder, so the parts sum exactly to the total. */
export function splitByWeight(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((s, p) => s + p, 0);
  const byRemainder = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    parts[i]++;
  }
  return parts;
}

const pick = (r: number, values: readonly number[], cumulative: readonly number[]) => {
  for (let i = 0; i < cumulative.length; i++) if (r < cumulative[i]) return values[i];
  return values[values.length - 1];
};

// Sub-score shapes in hundredths (multiples of 0.1 points), from the 2014 scorecard's item values.
const EDUCATION = [0, 2000, 3000, 6000, 8000];
const EDUCATION_CUMULATIVE = [0.05, 0.45, 0.8, 0.93, 1];
const QUALIFICATION = [0, 2000, 4000, 7000, 9000, 11000];
const QUALIFICATION_CUMULATIVE = [0.55, 0.75, 0.9, 0.97, 0.99, 1];
const WINDOW_START = Date.parse("2014-09-01T00:00:00+08:00");
const WINDOW_END = Date.parse("2015-04-30T17:30:00+08:00");

/** Generates n applicants (45% school, 40% hukou, 15% housing) with quotas and schools; deterministic for (n, seed). */
export function generatePopulation(n: number, seed = SEED): Population {
  const towns = loadTowns();
  const T = towns.length;
  const random = prng(seed);
  const weightSum = towns.reduce((s, t) => s + t.weight, 0);
  let acc = 0;
  const townCumulative = towns.map((t) => (acc += t.weight / weightSum));
  const townIndices = towns.map((_, i) => i);
  const a = emptyApplicantColumns(n);
  let schoolEligible = 0;
  let property = 0;
  for (let r = 0; r < n; r++) {
    const p = random();
    const purpose = p < 0.45 ? PURPOSE_CODES.school : p < 0.85 ? PURPOSE_CODES.hukou : PURPOSE_CODES.housing;
    const t = pick(random(), townIndices, townCumulative);
    const town = towns[t];
    a.purpose[r] = purpose;
    a.town[r] = t;
    const primaryShare = town.primaryQuota2015 / (town.primaryQuota2015 + town.juniorQuota2015);
    a.grade[r] =
      purpose === PURPOSE_CODES.school && random() >= primaryShare ? GRADE_CODES.junior_1 : GRADE_CODES.primary_1;
    const personalQuality =
      pick(random(), EDUCATION, EDUCATION_CUMULATIVE) + pick(random(), QUALIFICATION, QUALIFICATION_CUMULATIVE);
    const insuranceYears = Math.floor(random() * random() * 60);
    const insurance = Math.min(7500, 150 * insuranceYears) + Math.min(2500, 50 * insuranceYears);
    const owns = random() < 0.2;
    const residence = (owns ? 10000 : 0) + 500 * Math.min(10, Math.floor(random() * 12));
    const bonus = 10 * Math.floor(random() * random() * 1200);
    const base = personalQuality + insurance + residence + bonus;
    a.total[r] = town.central ? base : (base * 13) / 10;
    a.personalQuality[r] = personalQuality;
    a.insurance[r] = insurance;
    a.residence[r] = residence;
    a.appliedAt[r] = WINDOW_START + 1000 * Math.floor((random() * (WINDOW_END - WINDOW_START)) / 1000);
    const threshold = purpose === PURPOSE_CODES.hukou ? 6000 : 3000;
    a.eligible[r] = a.total[r] >= threshold && random() < 0.95 ? 1 : 0;
    if (purpose === PURPOSE_CODES.school && a.eligible[r]) schoolEligible++;
    // Couples: 10% of applications share a household with the previous one (same couple).
    a.household[r] = r > 0 && random() < 0.1 ? a.household[r - 1] : r;
    if (owns) {
      // 2% of owners name the property of the previous application (a shared or disputed property).
      a.property[r] = r > 0 && a.property[r - 1] >= 0 && random() < 0.02 ? a.property[r - 1] : property++;
    }
    a.refused[r] = random() < 0.005 ? 1 : 0;
    const angle = random() * 2 * Math.PI;
    const radius = 5000 * Math.sqrt(random());
    a.homeX[r] = townCentre(t).x + radius * Math.cos(angle);
    a.homeY[r] = townCentre(t).y + radius * Math.sin(angle);
  }
  a.propertyCount = property;
  const quota2015 = towns.reduce((s, t) => s + t.primaryQuota2015 + t.juniorQuota2015, 0);
  const schoolFactor = schoolEligible / 3 / quota2015;
  const quotas: QuotaColumns = {
    townCount: T,
    schoolPlaces: new Int32Array(2 * T),
    hukouPlaces: Int32Array.from(
      splitByWeight(
        HUKOU_PLACES_2016,
        towns.map((t) => t.primaryQuota2015 + t.juniorQuota2015),
      ),
    ),
    housingUnits: HOUSING_UNITS_2016,
  };
  towns.forEach((town, t) => {
    quotas.schoolPlaces[2 * t] = Math.round(town.primaryQuota2015 * schoolFactor);
    quotas.schoolPlaces[2 * t + 1] = Math.round(town.juniorQuota2015 * schoolFactor);
  });
  return { towns, applicants: a, quotas, schools: generateSchools(quotas, random), schoolFactor };
}

/** Synthetic 镇区 centres on a 6 × 4 grid, 15 km apart (metres). */
export function townCentre(t: number): { x: number; y: number } {
  return { x: (t % 6) * 15000, y: Math.floor(t / 6) * 15000 };
}

/** 3–8 schools per 镇区 and grade within 4 km of the centre, seats summing to 110% of the quota. */
function generateSchools(quotas: QuotaColumns, random: () => number): SchoolColumns {
  const town: number[] = [];
  const grade: number[] = [];
  const seats: number[] = [];
  const x: number[] = [];
  const y: number[] = [];
  for (let t = 0; t < quotas.townCount; t++) {
    for (let g = 0; g < 2; g++) {
      const count = 3 + Math.floor(random() * 6);
      const split = splitByWeight(
        Math.ceil(quotas.schoolPlaces[2 * t + g] * 1.1),
        Array.from({ length: count }, () => 1 + random()),
      );
      for (let k = 0; k < count; k++) {
        town.push(t);
        grade.push(g);
        seats.push(split[k]);
        x.push(townCentre(t).x + (random() - 0.5) * 8000);
        y.push(townCentre(t).y + (random() - 0.5) * 8000);
      }
    }
  }
  return {
    count: town.length,
    town: Uint16Array.from(town),
    grade: Uint8Array.from(grade),
    seats: Int32Array.from(seats),
    x: Float64Array.from(x),
    y: Float64Array.from(y),
  };
}
