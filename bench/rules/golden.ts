/**
 * Checks computed outputs against the benchmark's golden sample (persons 0–999, float32 values recorded from
 * OpenFisca): numbers within 0.01, booleans exactly. Returns the largest absolute difference.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { OutputColumns } from "./floor";
import { BOOLEAN_OUTPUTS, OUTPUTS } from "./population";

export interface GoldenCheck {
  ok: boolean;
  maxAbsError: number;
  rows: number;
  mismatches: string[];
}

/** Compares the first 1,000 persons' outputs (hundredths / 0-1) with the golden CSV (fewer when n is smaller). */
export function checkGolden(
  out: OutputColumns,
  csvPath = join(import.meta.dirname, "data", "golden-sample.csv"),
): GoldenCheck {
  const [header, ...lines] = readFileSync(csvPath, "utf8").trim().split("\n");
  const columns = header.split(",");
  let maxAbsError = 0;
  const mismatches: string[] = [];
  let rows = 0;
  for (const line of lines) {
    const cells = line.split(",");
    const person = Number(cells[0]);
    if (person >= out.dibao.length) continue;
    rows += 1;
    for (const name of OUTPUTS) {
      const want = Number(cells[columns.indexOf(name)]);
      const column = out[name];
      if (BOOLEAN_OUTPUTS.has(name)) {
        if (column[person] !== want) mismatches.push(`person ${person} ${name}: ${column[person]} ≠ ${want}`);
        continue;
      }
      const error = Math.abs(column[person] / 100 - want);
      if (error > maxAbsError) maxAbsError = error;
      if (error >= 0.01) mismatches.push(`person ${person} ${name}: ${column[person] / 100} ≠ ${want}`);
    }
  }
  return { ok: mismatches.length === 0 && rows > 0, maxAbsError, rows, mismatches: mismatches.slice(0, 20) };
}
