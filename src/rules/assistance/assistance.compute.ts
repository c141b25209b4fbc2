/**
 * Computes one household's assistance for one month under the formula and parameters in force, with an
 * explanation; and turns raw batch input into the CLI's output entries (yuan exact to the fen).
 */
import { fenToYuanString } from "../../core/money";
import { err, ok, type Problem, type Result } from "../../core/result";
import type { ParameterTree } from "../parameters";
import type { ExplanationStep, HouseholdAmounts } from "./formulas/formula.types";
import { formulaInForce } from "./formulas/registry";
import { monthStart, parseAssistanceRequest, type AssistanceRequest } from "./request.validation";

/** Amounts plus the steps that produced them. */
export interface AssistanceExplanation extends HouseholdAmounts {
  formula: string;
  steps: ExplanationStep[];
}

/** Explains one validated request: every step (standard and its reference, members, income, gap, supplements, trigger test). */
export function explainAssistance(
  request: AssistanceRequest,
  parameters: ParameterTree,
): Result<AssistanceExplanation, Problem> {
  const date = monthStart(request.month);
  const formula = formulaInForce(date);
  if (!formula)
    return err({
      code: "no_standard",
      message: `no assistance formula is in force in ${request.month}`,
      field: "month",
    });
  const steps: ExplanationStep[] = [
    {
      key: "formula",
      zh: "适用公式",
      en: "Formula in force",
      value: `${formula.name} (from ${formula.from})`,
      reference: formula.reference,
    },
  ];
  const amounts = formula.compute({ parameters, request, date, steps });
  if (!amounts.ok) return amounts;
  steps.push({ key: "total", zh: "合计（元）", en: "Total (yuan)", value: fenToYuanString(amounts.value.totalFen) });
  return ok({ ...amounts.value, formula: formula.name, steps });
}

/** Computes one validated request's amounts in fen. */
export function computeAssistance(
  request: AssistanceRequest,
  parameters: ParameterTree,
): Result<HouseholdAmounts, Problem> {
  const explained = explainAssistance(request, parameters);
  if (!explained.ok) return explained;
  const { eligible, dibaoFen, supplementFen, priceSubsidyFen, totalFen } = explained.value;
  return ok({ eligible, dibaoFen, supplementFen, priceSubsidyFen, totalFen });
}

/** One output entry of `assistance compute`: amounts in yuan, or the request's error. */
export type AssistanceOutput =
  | {
      id: unknown;
      eligible: boolean;
      dibao_yuan: number;
      supplement_yuan: number;
      price_subsidy_yuan: number;
      total_yuan: number;
      steps?: ExplanationStep[];
    }
  | { id: unknown; error: Problem };

/** Fen as a JSON number of yuan exact to the fen (123456 → 1234.56), via the exact decimal string. */
export function fenToYuanNumber(fen: number): number {
  return Number(fenToYuanString(fen));
}

/** Validates and computes one raw request; an invalid request becomes an error entry naming the field. */
export function computeRawRequest(raw: unknown, parameters: ParameterTree, explain = false): AssistanceOutput {
  const id = typeof raw === "object" && raw !== null && "id" in raw ? ((raw as { id: unknown }).id ?? null) : null;
  const request = parseAssistanceRequest(raw);
  if (!request.ok) return { id, error: request.error };
  const explained = explainAssistance(request.value, parameters);
  if (!explained.ok) return { id, error: explained.error };
  const amounts = explained.value;
  return {
    id,
    eligible: amounts.eligible,
    dibao_yuan: fenToYuanNumber(amounts.dibaoFen),
    supplement_yuan: fenToYuanNumber(amounts.supplementFen),
    price_subsidy_yuan: fenToYuanNumber(amounts.priceSubsidyFen),
    total_yuan: fenToYuanNumber(amounts.totalFen),
    ...(explain ? { steps: amounts.steps } : {}),
  };
}

/** Computes a batch in input order; each request stands alone. */
export function computeBatch(raw: readonly unknown[], parameters: ParameterTree, explain = false): AssistanceOutput[] {
  return raw.map((entry) => computeRawRequest(entry, parameters, explain));
}
