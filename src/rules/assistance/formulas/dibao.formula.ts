/**
 * Dibao eligibility and amount (State Council Decree 649, ch. 2: household income below standard × members, and the
 * asset test; payment = the gap). Every figure comes from dated parameters.
 */
import { fenToYuanString } from "../../../core/money";
import { err, ok, type Problem, type Result } from "../../../core/result";
import { integerAt, moneyAt } from "../../parameters";
import { stepFromReading, type FormulaContext } from "./formula.types";

/** Result of the dibao test for one household and month. */
export interface DibaoOutcome {
  eligible: boolean;
  standardFen: number;
  dibaoFen: number;
}

/** Reads the dibao standard in force; before the first standard the request cannot be computed (`no_standard`). */
export function standardInForce(context: FormulaContext): Result<number, Problem> {
  const standard = moneyAt(context.parameters, "dibao.standard", context.date);
  if (!standard.ok) {
    return err({
      code: "no_standard",
      message: `no dibao standard is in force in ${context.request.month}: ${standard.error.message}`,
      field: "month",
    });
  }
  stepFromReading(
    context,
    "standard",
    "低保标准（元/人·月）",
    "Dibao standard (yuan per person per month)",
    standard.value,
    fenToYuanString(standard.value.value),
  );
  return ok(standard.value.value);
}

/** Eligibility (income strictly below standard × members, assets within the limit) and the monthly gap, in fen. */
export function computeDibao(context: FormulaContext, standardFen: number): Result<DibaoOutcome, Problem> {
  const { members, assetsFen } = context.request;
  const count = members.length;
  const incomeFen = members.reduce((sum, member) => sum + member.incomeFen, 0);
  const thresholdFen = standardFen * count;
  const steps = context.steps;
  steps.push({ key: "members", zh: "共同生活家庭成员人数", en: "Household members", value: count });
  steps.push({
    key: "household_income",
    zh: "家庭月收入（元）",
    en: "Household monthly income (yuan)",
    value: fenToYuanString(incomeFen),
  });
  steps.push({
    key: "income_threshold",
    zh: "低保标准 × 人数（元）",
    en: "Standard × members (yuan)",
    value: fenToYuanString(thresholdFen),
  });
  const incomeBelow = incomeFen < thresholdFen;
  steps.push({
    key: "income_test",
    zh: "家庭收入低于标准 × 人数",
    en: "Household income strictly below standard × members",
    value: incomeBelow,
  });

  const months = integerAt(context.parameters, "dibao.asset_limit_months", context.date);
  if (!months.ok) return months;
  const assetLimitFen = months.value.value * standardFen * count;
  stepFromReading(
    context,
    "asset_limit",
    "家庭财产上限（元）",
    "Asset limit (yuan)",
    months.value,
    fenToYuanString(assetLimitFen),
  );
  steps.push({
    key: "assets",
    zh: "家庭存款及有价证券（元）",
    en: "Household deposits and securities (yuan)",
    value: fenToYuanString(assetsFen),
  });
  const assetsWithin = assetsFen <= assetLimitFen;
  steps.push({ key: "asset_test", zh: "财产不超过上限", en: "Assets within the limit", value: assetsWithin });

  const eligible = incomeBelow && assetsWithin;
  const dibaoFen = eligible ? thresholdFen - incomeFen : 0;
  steps.push({ key: "eligible", zh: "符合低保条件", en: "Eligible for dibao", value: eligible });
  steps.push({
    key: "dibao",
    zh: "低保金 = 标准 × 人数 − 家庭收入（元）",
    en: "Dibao = standard × members − income (yuan)",
    value: fenToYuanString(dibaoFen),
  });
  return ok({ eligible, standardFen, dibaoFen });
}
