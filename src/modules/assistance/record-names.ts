// How the audit log names assistance records: a case by its number (DB2026-000004).
import type { RecordNamer } from "../../platform/audit/audit.describe";
import { assistanceDb } from "./tables";

const caseNumbers: RecordNamer = async (executor, ids) => {
  const rows = await assistanceDb(executor)
    .selectFrom("assistance_cases")
    .select(["id", "number"])
    .where("id", "in", [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, row.number]));
};

/** The assistance module's record names for audit sentences. */
export const assistanceRecordNames = { assistance_case: caseNumbers };
