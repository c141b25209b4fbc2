/**
 * Open data: every public dataset the installed modules declare, and the aggregate statistics per 镇区 built from
 * their indicators (counts of people under 5 shown as "<5"), as CSV (UTF-8 with BOM, formula-escaped) and JSON at
 * stable URLs with a data dictionary each, listed in `/open-data/catalog.json`. Answers are cached for a few minutes.
 */
import { clock } from "../../core/clock";
import { toCsv } from "../../core/csv";
import type { Executor } from "../../db/transaction";
import { suppressed, type OpenDataCell, type OpenDataset } from "../../platform/insight/insight";
import type { ModuleManifest } from "../../platform/module";
import { expectedIndicators } from "./catalogue";
import { declaredIndicators } from "./dashboard";

/** The base of the stable URLs. */
export const openDataBase = "/open-data";

/** The statistics per 镇区 and year from the installed modules' indicators (the current and the previous year). */
export function townStatisticsDataset(modules: readonly ModuleManifest[]): OpenDataset {
  return {
    id: "town-statistics",
    title: { zh: "各镇区统计指标", en: "Statistics per town" },
    description: {
      zh: "城市五大目标指标按镇区和年度汇总；不足5人的格显示为“<5”",
      en: 'The five goals\' indicators per town and year; cells under 5 people are shown as "<5"',
    },
    columns: [
      { name: "year", type: "integer", description: { zh: "年度", en: "year" } },
      {
        name: "goal",
        type: "string",
        description: {
          zh: "目标：livelihood 民生、safety 平安、fairness 公平、vitality 活力、rule_of_law 法治",
          en: "goal",
        },
      },
      { name: "indicator", type: "string", description: { zh: "指标代码", en: "indicator id" } },
      { name: "indicator_title", type: "string", description: { zh: "指标名称", en: "indicator title (zh)" } },
      {
        name: "unit",
        type: "string",
        description: {
          zh: "单位：people 人、households 户、count 件、fen 分（人民币）、days 工作日、percent 万分比",
          en: "unit: people, households, count, fen (CNY cents), days, percent in hundredths of a percent",
        },
      },
      { name: "town_code", type: "string", description: { zh: "镇区代码", en: "town code" } },
      {
        name: "value",
        type: "string",
        description: { zh: "数值（不足5人显示为“<5”）", en: 'value ("<5" for 1–4 people)' },
      },
    ],
    rows: async (db) => {
      const declared = declaredIndicators(modules);
      const thisYear = Number(clock.today().slice(0, 4));
      const rows: Record<string, OpenDataCell>[] = [];
      for (const year of [thisYear - 1, thisYear])
        for (const expected of expectedIndicators) {
          const indicator = declared.get(expected.id);
          if (!indicator) continue;
          for (const row of await indicator.perTown(db, { year })) {
            if (!row.townCode) continue;
            rows.push({
              year,
              goal: indicator.goal,
              indicator: indicator.id,
              indicator_title: indicator.title.zh,
              unit: indicator.unit,
              town_code: row.townCode,
              value: String(suppressed(row.value, indicator.unit)),
            });
          }
        }
      return rows;
    },
    updated: async () => clock.now().toISOString(),
  };
}

/** Every dataset: the modules' own, then the statistics. */
export function openDatasets(modules: readonly ModuleManifest[]): OpenDataset[] {
  return [...modules.flatMap((module) => module.openData ?? []), townStatisticsDataset(modules)];
}

/** One dataset's files as served. */
export interface DatasetFiles {
  rows: Record<string, OpenDataCell>[];
  csv: string;
  updated: string | null;
}

const cacheMs = 5 * 60_000;
const cache = new Map<string, { at: number; files: DatasetFiles }>();

/** A dataset's rows, CSV and update time, from the cache when younger than five minutes. */
export async function datasetFiles(db: Executor, dataset: OpenDataset): Promise<DatasetFiles> {
  const now = clock.now().getTime();
  const cached = cache.get(dataset.id);
  if (cached && now - cached.at < cacheMs) return cached.files;
  const rows = await dataset.rows(db);
  const header = dataset.columns.map((column) => column.name);
  const csv = toCsv([header, ...rows.map((row) => header.map((name) => row[name] ?? null))], { bom: true });
  const files = { rows, csv, updated: await dataset.updated(db) };
  cache.set(dataset.id, { at: now, files });
  return files;
}

/** Forgets the cached files (tests, and after a change that must show at once). */
export function clearOpenDataCache(): void {
  cache.clear();
}

/** The catalogue entry of a dataset, with its stable URLs. */
export function catalogEntry(dataset: OpenDataset, updated: string | null) {
  return {
    id: dataset.id,
    title: dataset.title.zh,
    titleEn: dataset.title.en,
    description: dataset.description.zh,
    descriptionEn: dataset.description.en,
    csv: `${openDataBase}/${dataset.id}.csv`,
    json: `${openDataBase}/${dataset.id}.json`,
    dictionary: `${openDataBase}/${dataset.id}.dictionary.json`,
    updated,
    /** The data dictionary inline as well, so a catalogue reader need not fetch each one. */
    columns: dataset.columns,
  };
}
