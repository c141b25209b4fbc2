/**
 * Back-pay after a late decision: a standard can be decided after its effective date (the 2018 standard of
 * 976 was paid from March with back-pay to January), so months already paid are recomputed under the
 * parameters now in force and the difference is due.
 */
import { err, ok, type Problem, type Result } from "../../core/result";
import type { ParameterTree } from "../parameters";
import { computeAssistance } from "./assistance.compute";
import type { AssistanceRequest } from "./request.validation";

/** A month already paid, with the amount paid then (fen). */
export interface PaidMonth {
  request: AssistanceRequest;
  paidFen: number;
}

/** The recomputed amount of one paid month and what is still due (negative: overpaid). */
export interface BackPayLine {
  month: string;
  paidFen: number;
  dueFen: number;
  differenceFen: number;
}

/** Recomputes each paid month under `parameters` and returns the difference per month and in total (fen). */
export function computeBackPay(
  paid: readonly PaidMonth[],
  parameters: ParameterTree,
): Result<{ lines: BackPayLine[]; totalFen: number }, Problem> {
  const lines: BackPayLine[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of paid.entries()) {
    if (!Number.isSafeInteger(entry.paidFen) || entry.paidFen < 0) {
      return err({
        code: "invalid_paid",
        message: `paid[${index}] must be a non-negative amount in fen`,
        field: `paid[${index}]`,
      });
    }
    if (seen.has(entry.request.month))
      return err({
        code: "duplicate_month",
        message: `month ${entry.request.month} appears twice`,
        field: `paid[${index}]`,
      });
    seen.add(entry.request.month);
    const due = computeAssistance(entry.request, parameters);
    if (!due.ok) return err({ ...due.error, field: `paid[${index}].${due.error.field ?? ""}` });
    lines.push({
      month: entry.request.month,
      paidFen: entry.paidFen,
      dueFen: due.value.totalFen,
      differenceFen: due.value.totalFen - entry.paidFen,
    });
  }
  lines.sort((a, b) => (a.month < b.month ? -1 : 1));
  return ok({ lines, totalFen: lines.reduce((sum, line) => sum + line.differenceFen, 0) });
}
