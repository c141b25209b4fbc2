/**
 * Freezing and comparing ranking runs: a sha256 over a canonical serialisation (so a published list can be
 * verified later) and the list of applications whose rank or outcome changed between two runs (after an
 * objection succeeds and the list is re-run).
 */
import { createHash } from "node:crypto";
import { compareCodeUnits } from "./allocation.input";
import type { AllocationResult, ApplicationResult } from "./allocation.types";

const APPLICATION_FIELDS = [
  "applicationId",
  "purpose",
  "townCode",
  "grade",
  "rank",
  "rankScope",
  "outcome",
  "round",
  "cityRank",
  "schoolId",
  "distance",
  "tieBreak",
  "cityTieBreak",
] as const;

const SUMMARY_FIELDS = [
  "purpose",
  "townCode",
  "grade",
  "quota",
  "seats",
  "secondRoundCap",
  "applications",
  "eligible",
  "admitted",
  "admittedSecondRound",
  "forfeited",
  "propertyRefused",
  "cutoffTotal",
] as const;

/** One line per record, fixed field order, absent fields as empty: independent of object key order. */
function line(record: object, fields: readonly string[]): string {
  const values = fields.map((f) => {
    const v = (record as Record<string, unknown>)[f];
    return v === undefined ? null : v;
  });
  return JSON.stringify(values);
}

/** The canonical text of a result: applications by applicationId, then summaries, then the second round. */
export function canonicalText(result: AllocationResult): string {
  const applications = [...result.applications].sort((a, b) => compareCodeUnits(a.applicationId, b.applicationId));
  const parts = ["gongzhi-points-allocation/1"];
  for (const a of applications) parts.push(line(a, APPLICATION_FIELDS));
  parts.push("summaries");
  for (const s of result.summaries) parts.push(line(s, SUMMARY_FIELDS));
  const r = result.hukouSecondRound;
  parts.push(line(r, ["places", "candidates", "admitted", "cutoffTotal"]));
  return parts.join("\n");
}

/** sha256 (hex) of the canonical serialisation, so a frozen ranking run can be verified byte for byte. */
export function resultHash(result: AllocationResult): string {
  return createHash("sha256").update(canonicalText(result), "utf8").digest("hex");
}

export type ChangedField = "rank" | "rankScope" | "outcome" | "round" | "cityRank" | "schoolId" | "tieBreak";

export interface ApplicationChange {
  applicationId: string;
  /** Absent when the application is new in `after`. */
  before?: ApplicationResult;
  /** Absent when the application was dropped from `after`. */
  after?: ApplicationResult;
  changed: ChangedField[];
}

const COMPARED: ChangedField[] = ["rank", "rankScope", "outcome", "round", "cityRank", "schoolId", "tieBreak"];

/** Applications whose rank, outcome, round or placement differ between two runs, ordered by applicationId. */
export function diffResults(before: AllocationResult, after: AllocationResult): ApplicationChange[] {
  const old = new Map(before.applications.map((a) => [a.applicationId, a]));
  const changes: ApplicationChange[] = [];
  const seen = new Set<string>();
  for (const a of after.applications) {
    seen.add(a.applicationId);
    const b = old.get(a.applicationId);
    if (b === undefined) {
      changes.push({ applicationId: a.applicationId, after: a, changed: [...COMPARED] });
      continue;
    }
    const changed = COMPARED.filter((f) => (b[f] ?? null) !== (a[f] ?? null));
    if (changed.length > 0) changes.push({ applicationId: a.applicationId, before: b, after: a, changed });
  }
  for (const b of before.applications) {
    if (!seen.has(b.applicationId)) changes.push({ applicationId: b.applicationId, before: b, changed: [...COMPARED] });
  }
  return changes.sort((x, y) => compareCodeUnits(x.applicationId, y.applicationId));
}
