/** The reference data shipped with the project (resources/zhongshan: 镇区, departments, published quotas), read as CSV. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { dataFileRecords } from "../core/csv";

/** Where the shipped reference data lives (found from this file, so it does not depend on the working directory). */
export const referenceFolder = fileURLToPath(new URL("../../resources/zhongshan", import.meta.url));

/** Reads a CSV file of reference data whose first row names the columns into one object per row. */
export function readReferenceCsv(file: string, folder = referenceFolder): Record<string, string>[] {
  const path = resolve(folder, file);
  return dataFileRecords(readFileSync(path, "utf8"), path);
}
