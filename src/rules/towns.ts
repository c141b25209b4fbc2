/**
 * The 镇区 of Zhongshan, read once from `resources/zhongshan/towns.csv`: the request's `town` must be one of
 * them, and `central_district` (火炬开发区、石岐区、东区、西区、南区) decides the town bonus.
 */
import { readFileSync } from "node:fs";
import { dataFileRecords } from "../core/csv";

export interface Town {
  code: string;
  name: string;
  centralDistrict: boolean;
}

let cached: Map<string, Town> | undefined;

/** The towns by code (read from the project's resources on first use). */
export function towns(): Map<string, Town> {
  if (cached) return cached;
  const file = new URL("../../resources/zhongshan/towns.csv", import.meta.url);
  cached = new Map();
  for (const row of dataFileRecords(readFileSync(file, "utf8"), file.pathname)) {
    cached.set(row.code, { code: row.code, name: row.name, centralDistrict: row.central_district === "1" });
  }
  return cached;
}
