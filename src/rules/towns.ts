/**
 * The 镇区 of Zhongshan, read once from `resources/zhongshan/towns.csv`: the request's `town` must be one of
 * them, and `central_district` (火炬开发区、石岐区、东区、西区、南区) decides the town bonus.
 */
import { readFileSync } from "node:fs";

export interface Town {
  code: string;
  name: string;
  centralDistrict: boolean;
}

let cached: Map<string, Town> | undefined;

/** The towns by code (read from the project's resources on first use). */
export function towns(): Map<string, Town> {
  if (cached) return cached;
  const text = readFileSync(new URL("../../resources/zhongshan/towns.csv", import.meta.url), "utf8");
  const [header, ...rows] = text.trim().split(/\r?\n/);
  const columns = header.split(",");
  const codeAt = columns.indexOf("code");
  const nameAt = columns.indexOf("name");
  const centralAt = columns.indexOf("central_district");
  cached = new Map();
  for (const row of rows) {
    const cells = row.split(",");
    cached.set(cells[codeAt], { code: cells[codeAt], name: cells[nameAt], centralDistrict: cells[centralAt] === "1" });
  }
  return cached;
}
