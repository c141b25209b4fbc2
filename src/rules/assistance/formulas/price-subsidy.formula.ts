/**
 * 价格临时补贴: the price-linkage temporary subsidy. One formula for every version of the mechanism: the
 * versions differ only in dated parameters (thresholds, consecutive months to start and to stop, coverage).
 */
import { fenToYuanString, multiplyFen } from "../../../core/money";
import { ok, type Problem, type Result } from "../../../core/result";
import { codesAt, integerAt, moneyAt, parameterAt, percentAt, roundingAt, type ParameterTree } from "../../parameters";
import { monthStart, previousMonth, type CpiFigures } from "../request.validation";
import { stepFromReading, type FormulaContext } from "./formula.types";

/** Renders hundredths of a percent as "3.50%". */
export function formatPercent(hundredths: number): string {
  const sign = hundredths < 0 ? "-" : "";
  const absolute = Math.abs(hundredths);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, "0")}%`;
}

/** How one month's indices compare with the thresholds in force that month. */
export interface MonthTrigger {
  triggered: boolean;
  /** The highest rise among the indices at or above their threshold, in hundredths of a percent. */
  triggeringRise?: number;
}

/** Tests one month's figures against the thresholds in force in that month (no figures or no thresholds: not triggered). */
export function monthTrigger(parameters: ParameterTree, month: string, figures: CpiFigures | undefined): MonthTrigger {
  if (!figures) return { triggered: false };
  const date = monthStart(month);
  const cpiThreshold = percentAt(parameters, "price_linkage.cpi_threshold_percent", date);
  const foodThreshold = percentAt(parameters, "price_linkage.food_threshold_percent", date);
  const rises: number[] = [];
  if (cpiThreshold.ok && figures.cpiHundredths !== undefined && figures.cpiHundredths >= cpiThreshold.value.value)
    rises.push(figures.cpiHundredths);
  if (foodThreshold.ok && figures.foodHundredths !== undefined && figures.foodHundredths >= foodThreshold.value.value)
    rises.push(figures.foodHundredths);
  return rises.length === 0 ? { triggered: false } : { triggered: true, triggeringRise: Math.max(...rises) };
}

/**
 * Whether the subsidy runs in `month`: it starts after `triggerMonths` consecutive triggered months and stops
 * after `stopAfterMonths` consecutive untriggered ones. Months missing from the history count as untriggered.
 */
export function subsidyActive(
  parameters: ParameterTree,
  month: string,
  current: CpiFigures | undefined,
  history: ReadonlyMap<string, CpiFigures>,
  triggerMonths: number,
  stopAfterMonths: number,
): { active: boolean; consecutiveTriggered: number } {
  const months: string[] = [month];
  const earliest = [...history.keys()].sort()[0];
  if (earliest !== undefined) {
    for (let cursor = previousMonth(month); cursor >= earliest; cursor = previousMonth(cursor)) months.unshift(cursor);
  }
  let active = false;
  let triggeredRun = 0;
  let quietRun = 0;
  for (const each of months) {
    const figures = each === month ? current : history.get(each);
    if (monthTrigger(parameters, each, figures).triggered) {
      triggeredRun += 1;
      quietRun = 0;
    } else {
      quietRun += 1;
      triggeredRun = 0;
    }
    if (!active && triggeredRun >= triggerMonths) active = true;
    else if (active && quietRun >= stopAfterMonths) active = false;
  }
  return { active, consecutiveTriggered: triggeredRun };
}

/** The household's price subsidy in fen: per covered person standard × rise (rounded, at least the minimum) × members. */
export function computePriceSubsidy(
  context: FormulaContext,
  standardFen: number,
  eligible: boolean,
): Result<number, Problem> {
  const { parameters, date, request, steps } = context;
  const none = (reason: string, reasonZh: string): Result<number, Problem> => {
    steps.push({
      key: "price_subsidy",
      zh: `价格临时补贴（元）：${reasonZh}`,
      en: `Price subsidy (yuan): ${reason}`,
      value: fenToYuanString(0),
    });
    return ok(0);
  };
  const version = parameterAt(parameters, "price_linkage.version", date);
  if (!version.ok) return none("no price-linkage mechanism in force", "未有价格联动机制");
  stepFromReading(
    context,
    "price_linkage_version",
    "价格联动机制版本",
    "Price-linkage version",
    version.value,
    String(version.value.value),
  );
  const coverage = codesAt(parameters, "price_linkage.coverage", date);
  if (!coverage.ok) return coverage;
  if (!eligible || !coverage.value.value.includes("dibao")) return none("household not covered", "家庭不在保障范围");
  if (!request.cpi || (request.cpi.cpiHundredths === undefined && request.cpi.foodHundredths === undefined)) {
    return none("no price index entered for the month", "当月未录入价格指数");
  }
  const cpiThreshold = percentAt(parameters, "price_linkage.cpi_threshold_percent", date);
  if (!cpiThreshold.ok) return cpiThreshold;
  const foodThreshold = percentAt(parameters, "price_linkage.food_threshold_percent", date);
  if (!foodThreshold.ok) return foodThreshold;
  const triggerMonths = integerAt(parameters, "price_linkage.trigger_months", date);
  if (!triggerMonths.ok) return triggerMonths;
  const stopAfter = integerAt(parameters, "price_linkage.stop_after_months", date);
  if (!stopAfter.ok) return stopAfter;
  const { cpiHundredths, foodHundredths } = request.cpi;
  steps.push({
    key: "cpi",
    zh: "居民消费价格指数同比涨幅",
    en: "CPI year-on-year",
    value: cpiHundredths === undefined ? null : formatPercent(cpiHundredths),
  });
  steps.push({
    key: "food_cpi",
    zh: "食品价格指数同比涨幅",
    en: "Food CPI year-on-year",
    value: foodHundredths === undefined ? null : formatPercent(foodHundredths),
  });
  stepFromReading(
    context,
    "cpi_threshold",
    "CPI 启动条件（≥）",
    "CPI threshold (≥)",
    cpiThreshold.value,
    formatPercent(cpiThreshold.value.value),
  );
  stepFromReading(
    context,
    "food_threshold",
    "食品价格启动条件（≥）",
    "Food CPI threshold (≥)",
    foodThreshold.value,
    formatPercent(foodThreshold.value.value),
  );
  stepFromReading(
    context,
    "trigger_months",
    "连续达到条件月数",
    "Consecutive months needed to start",
    triggerMonths.value,
    triggerMonths.value.value,
  );
  stepFromReading(
    context,
    "stop_after_months",
    "连续未达条件即停止的月数",
    "Consecutive months without that stop it",
    stopAfter.value,
    stopAfter.value.value,
  );

  const trigger = monthTrigger(parameters, request.month, request.cpi);
  const state = subsidyActive(
    parameters,
    request.month,
    request.cpi,
    request.cpiHistory,
    triggerMonths.value.value,
    stopAfter.value.value,
  );
  steps.push({ key: "trigger", zh: "当月达到启动条件", en: "Triggered this month", value: trigger.triggered });
  steps.push({
    key: "consecutive_triggered",
    zh: "连续达到条件月数（含当月）",
    en: "Consecutive triggered months (including this one)",
    value: state.consecutiveTriggered,
  });
  steps.push({ key: "subsidy_active", zh: "当月发放价格临时补贴", en: "Subsidy runs this month", value: state.active });
  if (!state.active) return none("not triggered", "未达到启动条件");

  // The triggering index's rise; in a month that continues a running subsidy without triggering, the higher positive rise.
  const rise = trigger.triggeringRise ?? Math.max(cpiHundredths ?? 0, foodHundredths ?? 0);
  if (rise <= 0) return none("no price rise", "价格未上涨");
  steps.push({
    key: "rise",
    zh: "采用的涨幅（两项均达到时取较高者）",
    en: "Rise used (the higher when both trigger)",
    value: formatPercent(rise),
  });
  const rounding = roundingAt(parameters, "price_linkage.rounding", date);
  if (!rounding.ok) return rounding;
  const minimum = moneyAt(parameters, "price_linkage.minimum_subsidy", date);
  if (!minimum.ok) return minimum;
  // standard (fen) × rise (hundredths of a percent) / 10^6 = yuan, rounded to whole yuan.
  const computedFen = multiplyFen(standardFen, { numerator: rise, denominator: 1_000_000 }, rounding.value.value) * 100;
  stepFromReading(
    context,
    "subsidy_computed",
    "标准 × 涨幅，取整到元",
    "Standard × rise, rounded to whole yuan",
    rounding.value,
    fenToYuanString(computedFen),
  );
  const perPersonFen = Math.max(computedFen, minimum.value.value);
  stepFromReading(
    context,
    "subsidy_per_person",
    "每人补贴（不低于最低额）",
    "Per person (at least the minimum)",
    minimum.value,
    fenToYuanString(perPersonFen),
  );
  const totalFen = perPersonFen * request.members.length;
  steps.push({
    key: "price_subsidy",
    zh: `价格临时补贴合计（${request.members.length} 人，元）`,
    en: `Price subsidy total (${request.members.length} persons, yuan)`,
    value: fenToYuanString(totalFen),
  });
  return ok(totalFen);
}
