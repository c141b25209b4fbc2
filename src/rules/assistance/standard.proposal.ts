/**
 * Natural growth of the dibao standard (自然增长机制): a proposal for a policy officer to approve, never applied
 * by itself. proposed = max(previous, round(ratio × previous year's per-capita consumption / 12)).
 */
import { multiplyFen, parseYuan } from "../../core/money";
import { err, ok, type Problem, type Result } from "../../core/result";
import { ratioAt, roundingAt, type ParameterTree } from "../parameters";

/** A proposed standard in fen, the figure the rule computed, and the references used. */
export interface StandardProposal {
  proposedFen: number;
  computedFen: number;
  reference: string;
}

/** Proposes the next standard from the previous one (fen) and per-capita consumption (yuan per year), ratio read from parameters. */
export function proposeStandard(
  previousStandardFen: number,
  perCapitaConsumptionYuanPerYear: number | string,
  context: { parameters: ParameterTree; date: string },
): Result<StandardProposal, Problem> {
  if (!Number.isSafeInteger(previousStandardFen) || previousStandardFen < 0) {
    return err({
      code: "invalid_previous",
      message: "previous standard must be a non-negative amount in fen",
      field: "previous",
    });
  }
  const consumption = parseYuan(perCapitaConsumptionYuanPerYear, "consumption");
  if (!consumption.ok) return err({ ...consumption.error, field: "consumption" });
  if (consumption.value < 0)
    return err({ code: "invalid_consumption", message: "consumption must not be negative", field: "consumption" });
  const ratio = ratioAt(context.parameters, "natural_growth.ratio", context.date);
  if (!ratio.ok) return ratio;
  const rounding = roundingAt(context.parameters, "natural_growth.rounding", context.date);
  if (!rounding.ok) return rounding;
  // consumption (fen per year) × ratio / 12 months / 100 fen = whole yuan per month, rounded by the parameter.
  const { numerator, denominator } = ratio.value.value;
  const computedYuan = multiplyFen(
    consumption.value,
    { numerator, denominator: denominator * 1200 },
    rounding.value.value,
  );
  const computedFen = computedYuan * 100;
  return ok({
    proposedFen: Math.max(previousStandardFen, computedFen),
    computedFen,
    reference: `natural_growth.ratio (from ${ratio.value.from}): ${ratio.value.reference}`,
  });
}
