// How the audit log names assistance records: a case by its number (DB2026-000004), a referral by whom it concerns.
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

const referralSubjects: RecordNamer = async (executor, ids) => {
  const rows = await assistanceDb(executor)
    .selectFrom("assistance_referrals")
    .select(["id", "subject_name"])
    .where("id", "in", [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, `转介：${row.subject_name}`]));
};

/** The assistance module's record names for audit sentences. */
export const assistanceRecordNames = { assistance_case: caseNumbers, assistance_referral: referralSubjects };
