import type { Trx } from "../db/transaction";
import { readReferenceCsv, referenceFolder } from "../platform/reference-data";

/** Loads the 24 镇区 from resources/zhongshan/towns.csv (skips those already present). */
export async function loadTowns(trx: Trx, folder = referenceFolder): Promise<number> {
  const rows = readReferenceCsv("towns.csv", folder);
  const number = (text: string) => (text.trim() === "" ? null : Number(text));
  await trx
    .insertInto("towns")
    .values(
      rows.map((row) => ({
        code: row.code,
        name: row.name,
        pinyin: row.pinyin,
        kind: row.kind,
        central_district: row.central_district === "1",
        resident_2021: number(row.resident_2021),
        hukou_2021: number(row.hukou_2021),
      })),
    )
    .onConflict((conflict) => conflict.column("code").doNothing())
    .execute();
  return rows.length;
}

/** Loads the verifying departments of Impl. rules Art. 15 from resources/zhongshan/departments.csv. */
export async function loadDepartments(trx: Trx, folder = referenceFolder): Promise<number> {
  const rows = readReferenceCsv("departments.csv", folder);
  await trx
    .insertInto("departments")
    .values(
      rows.map((row) => ({
        code: row.code,
        name: row.name,
        clause: row.clause,
        owns: row.owns
          .split(";")
          .map((fact) => fact.trim())
          .filter(Boolean),
      })),
    )
    .onConflict((conflict) => conflict.column("code").doNothing())
    .execute();
  return rows.length;
}
