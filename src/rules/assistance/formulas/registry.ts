/**
 * Household formulas keyed by the date they take effect. A new legal rule that cannot be expressed by new
 * parameter values gets a new entry here with its start date; older months keep the formula then in force.
 */
import { ok, type Problem, type Result } from "../../../core/result";
import { computeDibao, standardInForce } from "./dibao.formula";
import type { FormulaContext, HouseholdAmounts, HouseholdFormula } from "./formula.types";
import { computePriceSubsidy } from "./price-subsidy.formula";
import { checkCategories, computeSupplement } from "./supplement.formula";

/** One registered formula: in force from `from` until the next entry's date. */
export interface DatedFormula {
  from: string;
  name: string;
  reference: string;
  compute: HouseholdFormula;
}

/** Dibao gap + one classified supplement per qualifying member + price subsidy per covered person. */
function householdGapFormula(context: FormulaContext): Result<HouseholdAmounts, Problem> {
  const standard = standardInForce(context);
  if (!standard.ok) return standard;
  const categories = checkCategories(context);
  if (!categories.ok) return categories;
  const dibao = computeDibao(context, standard.value);
  if (!dibao.ok) return dibao;
  const supplement = computeSupplement(context, dibao.value.eligible);
  if (!supplement.ok) return supplement;
  const price = computePriceSubsidy(context, standard.value, dibao.value.eligible);
  if (!price.ok) return price;
  const totalFen = dibao.value.dibaoFen + supplement.value + price.value;
  return ok({
    eligible: dibao.value.eligible,
    dibaoFen: dibao.value.dibaoFen,
    supplementFen: supplement.value,
    priceSubsidyFen: price.value,
    totalFen,
  });
}

/**
 * The registry. The gap rule starts with the earliest dated parameter of the policy (the 2011 price-linkage
 * mechanism); whether a month can be computed then depends on a dibao standard being in force.
 */
export const HOUSEHOLD_FORMULAS: readonly DatedFormula[] = [
  {
    from: "2011-01-01",
    name: "household_gap",
    reference:
      "State Council Decree 649 Art. 9 and ch. 2 (income below the standard; the gap paid monthly); classified supplement and price-linkage notices",
    compute: householdGapFormula,
  },
];

/** The formula in force on `date` (the latest whose `from` is on or before it), or undefined before the first. */
export function formulaInForce(
  date: string,
  registry: readonly DatedFormula[] = HOUSEHOLD_FORMULAS,
): DatedFormula | undefined {
  let found: DatedFormula | undefined;
  for (const formula of registry) {
    if (formula.from <= date && (found === undefined || formula.from >= found.from)) found = formula;
  }
  return found;
}
