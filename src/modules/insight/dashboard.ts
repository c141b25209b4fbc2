/**
 * The city dashboard: the expected indicators under the five goals, each filled by the installed module that
 * declares it (SQL over that module's live data, read through the manifest), per 镇区 and year, with the monthly
 * trend where the module gives one. The public view suppresses counts of people under 5 ("<5"); the staff view is
 * limited to the caller's 镇区 when their role is scoped.
 */
import type { Executor } from "../../db/transaction";
import {
  suppressed,
  type Bilingual,
  type Goal,
  type Indicator,
  type IndicatorUnit,
} from "../../platform/insight/insight";
import type { ModuleManifest } from "../../platform/module";
import { expectedIndicators } from "./catalogue";

/** Why an indicator has no figures. */
export type IndicatorStatus = "available" | "module_not_installed" | "not_provided";

/** One indicator as the dashboard shows it. */
export interface DashboardIndicator {
  id: string;
  goal: Goal;
  module: string;
  title: Bilingual;
  unit: IndicatorUnit;
  status: IndicatorStatus;
  city: number | string | null;
  towns: { townCode: string; value: number | string }[];
  monthly: { month: number; value: number }[] | null;
}

/** The filters and the view. */
export interface DashboardQuery {
  year: number;
  /** Only this 镇区 (drill-down). */
  townCode?: string;
  /** The 镇区 the caller may see (null: the city). */
  towns: string[] | null;
  publicView: boolean;
}

/** Every indicator the installed modules declare, by id, plus the derived ones. */
export function declaredIndicators(modules: readonly ModuleManifest[]): Map<string, Indicator> {
  const declared = new Map<string, Indicator>();
  for (const module of modules) for (const indicator of module.indicators ?? []) declared.set(indicator.id, indicator);
  const spend = declared.get("assistance.spend");
  if (spend) declared.set("insight.spend_per_resident", spendPerResident(spend));
  return declared;
}

/** 低保 spending per resident (fen), from the assistance module's spending and the towns' resident population. */
function spendPerResident(spend: Indicator): Indicator {
  const residents = async (db: Executor) =>
    new Map(
      (await db.selectFrom("towns").select(["code", "resident_2021"]).execute()).map((row) => [
        row.code,
        row.resident_2021 ?? 0,
      ]),
    );
  return {
    id: "insight.spend_per_resident",
    goal: "fairness",
    title: { zh: "人均低保支出（按常住人口）", en: "低保 spending per resident" },
    unit: "fen",
    perTown: async (db, filter) => {
      const population = await residents(db);
      return (await spend.perTown(db, filter))
        .filter((row) => row.townCode && (population.get(row.townCode) ?? 0) > 0)
        .map((row) => ({ townCode: row.townCode, value: Math.round(row.value / population.get(row.townCode!)!) }));
    },
    cityValue: async (db, filter) => {
      const population = await residents(db);
      const rows = (await spend.perTown(db, filter)).filter(
        (row) => !filter.townCode || row.townCode === filter.townCode,
      );
      const people = filter.townCode
        ? (population.get(filter.townCode) ?? 0)
        : [...population.values()].reduce((sum, value) => sum + value, 0);
      const total = rows.reduce((sum, row) => sum + row.value, 0);
      return people > 0 ? Math.round(total / people) : null;
    },
  };
}

/** The dashboard's indicators for a year (and 镇区), in catalogue order. */
export async function computeDashboard(
  db: Executor,
  modules: readonly ModuleManifest[],
  query: DashboardQuery,
): Promise<DashboardIndicator[]> {
  const installed = new Set(modules.map((module) => module.name));
  const declared = declaredIndicators(modules);
  const visible = (townCode: string | null): townCode is string =>
    townCode !== null &&
    (query.towns === null || query.towns.includes(townCode)) &&
    (!query.townCode || townCode === query.townCode);
  const show = (value: number, unit: IndicatorUnit) => (query.publicView ? suppressed(value, unit) : value);
  const results: DashboardIndicator[] = [];
  for (const expected of expectedIndicators) {
    const indicator = declared.get(expected.id);
    const base = {
      id: expected.id,
      goal: expected.goal,
      module: expected.module,
      title: expected.title,
      unit: expected.unit,
    };
    if (!indicator) {
      results.push({
        ...base,
        status: installed.has(expected.module) ? "not_provided" : "module_not_installed",
        city: null,
        towns: [],
        monthly: null,
      });
      continue;
    }
    const perTown = (await indicator.perTown(db, { year: query.year })).filter((row) => visible(row.townCode));
    const scopedTown = query.townCode ?? (query.towns?.length === 1 ? query.towns[0] : undefined);
    let city: number | null;
    if (indicator.cityValue && (query.towns === null || scopedTown))
      city = await indicator.cityValue(db, { year: query.year, townCode: scopedTown });
    else if (indicator.cityValue) city = null;
    else city = perTown.reduce((sum, row) => sum + row.value, 0);
    const monthly =
      indicator.monthly && (query.towns === null || scopedTown)
        ? await indicator.monthly(db, { year: query.year, townCode: scopedTown })
        : null;
    results.push({
      ...base,
      title: indicator.title,
      status: "available",
      city: city === null ? null : show(city, indicator.unit),
      towns: perTown
        .sort((a, b) => (a.townCode! < b.townCode! ? -1 : 1))
        .map((row) => ({ townCode: row.townCode!, value: show(row.value, indicator.unit) })),
      monthly,
    });
  }
  return results;
}
