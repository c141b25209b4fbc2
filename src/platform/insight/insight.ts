/**
 * What a module declares for transparency and insight, read by the insight module through the manifests and never
 * through module tables:
 * - `openData`: public datasets (open data files: CSV with BOM and JSON, with a data dictionary). Rows hold no
 *   personal data: at most a masked name, never an ID number, a phone or an address below the community.
 * - `indicators`: figures for the city dashboard under the five goals, per 镇区 and year, computed by SQL over the
 *   module's live data.
 */
import type { Executor } from "../../db/transaction";

/** A text in Chinese and English. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** One column of an open dataset, for its data dictionary. */
export interface OpenDataColumn {
  name: string;
  type: "string" | "integer" | "number" | "date";
  description: Bilingual;
}

/** A cell of an open dataset. */
export type OpenDataCell = string | number | null;

/** One public dataset a module publishes. */
export interface OpenDataset {
  /** Stable id, used in the URLs: `/open-data/<id>.csv`, `.json`, `/open-data/<id>.dictionary.json`. */
  id: string;
  title: Bilingual;
  description: Bilingual;
  columns: OpenDataColumn[];
  /** The rows, keyed by column name. */
  rows: (db: Executor) => Promise<Record<string, OpenDataCell>[]>;
  /** When the data last changed (ISO date-time), or null when there is none yet. */
  updated: (db: Executor) => Promise<string | null>;
}

/** The five goals of the city (民生 平安 公平 活力 法治). */
export const goals = ["livelihood", "safety", "fairness", "vitality", "rule_of_law"] as const;
export type Goal = (typeof goals)[number];

/**
 * What an indicator counts: `people` and `households` are suppressed below 5 in public views ("<5"); `fen` is
 * money in integer fen; `days` an average number of working days; `percent` a share in hundredths of a percent.
 */
export type IndicatorUnit = "people" | "households" | "count" | "fen" | "days" | "percent";

/** One value of an indicator for a 镇区 (null town: not attributable to a 镇区). */
export interface IndicatorValue {
  townCode: string | null;
  value: number;
}

/** One figure of the dashboard that a module computes over its live data. */
export interface Indicator {
  /** Stable id, `<module>.<name>`; the dashboard's catalogue names the ids it expects. */
  id: string;
  goal: Goal;
  title: Bilingual;
  unit: IndicatorUnit;
  /** The value per 镇区 in a year (the city value is their sum, or `cityValue` when a sum is wrong, e.g. averages). */
  perTown: (db: Executor, filter: { year: number }) => Promise<IndicatorValue[]>;
  /** The city-wide value when it is not the sum of the towns' (averages, shares). */
  cityValue?: (db: Executor, filter: { year: number; townCode?: string }) => Promise<number | null>;
  /** The value per month of a year (1–12), city-wide or for one 镇区: the trend chart. */
  monthly?: (db: Executor, filter: { year: number; townCode?: string }) => Promise<{ month: number; value: number }[]>;
}

/** The smallest count of people shown in public: smaller cells are shown as "<5". */
export const suppressionThreshold = 5;

/** A count of people as the public sees it: the number, or "<5" for 1–4 (0 stays 0: nobody to identify). */
export function suppressed(value: number, unit: IndicatorUnit): number | string {
  if ((unit === "people" || unit === "households") && value > 0 && value < suppressionThreshold) return "<5";
  return value;
}

/**
 * The latest of some moments as an ISO date-time (a dataset's `updated`), or null without any: timestamps as they
 * are, dates (YYYY-MM-DD) at the start of that day in Shanghai.
 */
export function latestTime(values: readonly (Date | string | null | undefined)[]): string | null {
  const times = values
    .filter((value): value is Date | string => value !== null && value !== undefined)
    .map(
      (value) =>
        new Date(typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+08:00` : value),
    )
    .map((value) => value.getTime())
    .filter((time) => !Number.isNaN(time));
  return times.length === 0 ? null : new Date(Math.max(...times)).toISOString();
}
