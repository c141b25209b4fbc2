import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { inTransaction, type Trx } from "../db/transaction";
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

/**
 * The reference data every database needs, demo or not: the 24 镇区 and the verifying departments (both loaders
 * skip what is already there). Run at every start and by commands that read them, so a deployment started without
 * the demo (GONGZHI_NO_DEMO=1) has its 镇区 from the first start.
 */
export async function ensureReferenceData(db: Kysely<Database>): Promise<void> {
  await inTransaction(db, async (trx) => {
    await loadTowns(trx);
    await loadDepartments(trx);
  });
}
