// How the dashboard shows a figure: yuan for fen, a percent for hundredths of a percent, "<5" as it comes.
import type { ApiResponse } from "../../api/schema";

export type Dashboard = ApiResponse<"/insight/indicators">;
export type DashboardIndicator = Dashboard["indicators"][number];

/** A figure in the reader's language: money in yuan with two decimals, shares as percents, counts grouped. */
export function formatFigure(value: number | string | null | undefined, unit: string, language: string): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  const locale = language === "en" ? "en-GB" : "zh-CN";
  if (unit === "fen")
    return (value / 100).toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (unit === "percent") return `${(value / 100).toFixed(2)}%`;
  if (unit === "days") return value.toLocaleString(locale, { maximumFractionDigits: 1 });
  return value.toLocaleString(locale);
}

/** The number a chart plots (yuan for fen, percent for hundredths); null for a suppressed "<5" cell. */
export function chartValue(value: number | string | null | undefined, unit: string): number | null {
  if (typeof value !== "number") return null;
  if (unit === "fen" || unit === "percent") return value / 100;
  return value;
}

/** Whether the towns' figures add up to the city's (counts and money), so a share per town makes sense. */
export function summable(unit: string): boolean {
  return unit !== "percent" && unit !== "days";
}
