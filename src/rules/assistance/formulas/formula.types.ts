/**
 * Shared shapes of the assistance formulas: the context a formula reads (only dated parameters and the
 * validated request) and the explanation steps it writes, labelled in Chinese and English.
 */
import { multiplyFen, type Ratio, type Rounding } from "../../../core/money";
import type { Problem, Result } from "../../../core/result";
import type { ParameterReading, ParameterTree } from "../../parameters";
import type { AssistanceRequest } from "../request.validation";

/** One step of an explanation: what was looked up or decided, its value and, when from policy data, its reference. */
export interface ExplanationStep {
  key: string;
  zh: string;
  en: string;
  value: string | number | boolean | null;
  reference?: string;
}

/** What every formula receives: the parameters, the validated request, the date parameters are read on, the steps. */
export interface FormulaContext {
  parameters: ParameterTree;
  request: AssistanceRequest;
  /** First day of the request month. */
  date: string;
  steps: ExplanationStep[];
}

/** Amounts of one household for one month, in fen. */
export interface HouseholdAmounts {
  eligible: boolean;
  dibaoFen: number;
  supplementFen: number;
  priceSubsidyFen: number;
  totalFen: number;
}

/** A household formula as registered by date. */
export type HouseholdFormula = (context: FormulaContext) => Result<HouseholdAmounts, Problem>;

/** Records a step that came from a parameter, carrying the parameter's reference. */
export function stepFromReading(
  context: FormulaContext,
  key: string,
  zh: string,
  en: string,
  reading: ParameterReading,
  value: ExplanationStep["value"],
): void {
  context.steps.push({ key, zh, en, value, reference: `${reading.path} (from ${reading.from}): ${reading.reference}` });
}

/** ratio × an amount in fen, rounded to whole yuan by `rounding`, returned in fen (⌊976 × 0.4⌋ = 390 yuan). */
export function wholeYuanOf(fen: number, ratio: Ratio, rounding: Rounding): number {
  return multiplyFen(fen, { numerator: ratio.numerator, denominator: ratio.denominator * 100 }, rounding) * 100;
}
