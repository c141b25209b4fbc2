/**
 * Payments derived from the dibao standard by a ratio: 特困 basic support and the low-income band.
 */
import { err, ok, type Problem, type Result } from "../../../core/result";
import { moneyAt, ratioAt, roundingAt, type ParameterTree } from "../../parameters";
import { wholeYuanOf } from "./formula.types";

function derivedFromStandard(
  parameters: ParameterTree,
  date: string,
  ratioPath: string,
  roundingPath: string,
): Result<number, Problem> {
  const standard = moneyAt(parameters, "dibao.standard", date);
  if (!standard.ok) return err({ code: "no_standard", message: standard.error.message, field: "date" });
  const ratio = ratioAt(parameters, ratioPath, date);
  if (!ratio.ok) return ratio;
  const rounding = roundingAt(parameters, roundingPath, date);
  if (!rounding.ok) return rounding;
  return ok(wholeYuanOf(standard.value.value, ratio.value.value, rounding.value.value));
}

/** Monthly 特困 basic support per person in fen on `date` (1.6 × standard, whole yuan, per parameters). */
export function extremePovertySupport(parameters: ParameterTree, date: string): Result<number, Problem> {
  return derivedFromStandard(parameters, date, "extreme_poverty.support_ratio", "extreme_poverty.rounding");
}

/** Upper limit of the low-income band per person per month in fen on `date` (1.5 × standard, whole yuan). */
export function lowIncomeLimit(parameters: ParameterTree, date: string): Result<number, Problem> {
  return derivedFromStandard(parameters, date, "low_income.band_ratio", "low_income.rounding");
}

/** True when per-capita income is at or above the standard and at most the low-income limit (compared in totals, no rounding). */
export function isLowIncome(
  parameters: ParameterTree,
  date: string,
  householdIncomeFen: number,
  members: number,
): Result<boolean, Problem> {
  const standard = moneyAt(parameters, "dibao.standard", date);
  if (!standard.ok) return err({ code: "no_standard", message: standard.error.message, field: "date" });
  const limit = lowIncomeLimit(parameters, date);
  if (!limit.ok) return limit;
  return ok(householdIncomeFen >= standard.value.value * members && householdIncomeFen <= limit.value * members);
}

/** The classified supplement as the rule gives it (ratio × standard, rounded), to check the published amounts. */
export function supplementByRule(parameters: ParameterTree, date: string): Result<number, Problem> {
  return derivedFromStandard(parameters, date, "classified_supplement.ratio", "classified_supplement.rounding");
}
