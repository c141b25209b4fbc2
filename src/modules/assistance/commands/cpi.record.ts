/**
 * The price department enters a month's CPI and food-CPI year-on-year figures (who and when are recorded).
 * The system tests the trigger under the price-linkage version in force that month and prepares the temporary
 * subsidy for every covered person of the cases paid that month, due within 20 working days of the release.
 */
import { err, ok, type Problem, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { monthTrigger, subsidyActive } from "../../../rules/assistance/formulas/price-subsidy.formula";
import { integerAt, parseScaledDecimal } from "../../../rules/parameters";
import { parametersInForce } from "../parameters";
import { computeCase, cpiFor } from "../payroll.compute";
import { loadCpi, loadPayableCases } from "../payroll.repository";
import type { CpiBody } from "../schemas";
import { assistanceDb } from "../tables";
import { priceSubsidyDue } from "../workflow";
import { audit } from "../../../platform/commands/context";
import { type CommandContext } from "./context";
import { clock } from "../../../core/clock";

/** What the entry found: the trigger, the subsidy prepared and its due date. */
export interface CpiOutcome {
  month: string;
  triggered: boolean;
  active: boolean;
  dueOn: string | null;
  coveredHouseholds: number;
  coveredPersons: number;
  subsidyFen: number;
}

function percent(value: string | number | null, field: string): Result<number | null, Problem> {
  if (value === null) return ok(null);
  const hundredths = parseScaledDecimal(value, 2);
  if (hundredths === undefined || Math.abs(hundredths) > 10_000) {
    return err({
      code: "invalid_percent",
      message: `${field} 须为百分数，最多两位小数，如 3.6 (a percent with at most 2 decimals)`,
      field,
    });
  }
  return ok(hundredths);
}

/** Records (or corrects) a month's figures and prepares the price subsidy when the month triggers it. */
export async function recordCpi(
  trx: Trx,
  context: CommandContext,
  month: string,
  input: CpiBody,
): Promise<Result<CpiOutcome, Problem>> {
  const cpi = percent(input.cpiPercent, "cpiPercent");
  if (!cpi.ok) return cpi;
  const food = percent(input.foodPercent, "foodPercent");
  if (!food.ok) return food;
  if (cpi.value === null && food.value === null)
    return err({ code: "missing_index", message: "至少填写一项指数 (enter at least one index)", field: "cpiPercent" });
  if (input.releasedOn > clock.today())
    return err({ code: "date_in_future", message: "releasedOn 不能晚于今天", field: "releasedOn" });
  if (input.releasedOn < `${month}-01`)
    return err({
      code: "date_too_early",
      message: "发布日期不能早于所属月份 (released before the month began)",
      field: "releasedOn",
    });
  const db = assistanceDb(trx);
  const existing = await db
    .selectFrom("assistance_cpi")
    .selectAll()
    .where("month", "=", month)
    .forUpdate()
    .executeTakeFirst();
  const parameters = await parametersInForce(trx);
  const figures = { cpiHundredths: cpi.value ?? undefined, foodHundredths: food.value ?? undefined };
  const all = await loadCpi(trx);
  all.set(month, figures);
  const { history } = cpiFor(month, all);
  const date = `${month}-01`;
  const trigger = monthTrigger(parameters, month, figures);
  const triggerMonths = integerAt(parameters, "price_linkage.trigger_months", date);
  const stopAfter = integerAt(parameters, "price_linkage.stop_after_months", date);
  const active =
    triggerMonths.ok &&
    stopAfter.ok &&
    subsidyActive(parameters, month, figures, history, triggerMonths.value.value, stopAfter.value.value).active;
  let coveredHouseholds = 0;
  let coveredPersons = 0;
  let subsidyFen = 0;
  if (active) {
    const cpiForMonth = cpiFor(month, all);
    for (const payable of await loadPayableCases(trx, month)) {
      const amounts = computeCase(payable, month, parameters, cpiForMonth);
      if (!amounts.ok || amounts.value.priceSubsidyFen === 0) continue;
      coveredHouseholds += 1;
      coveredPersons += payable.members.length;
      subsidyFen += amounts.value.priceSubsidyFen;
    }
  }
  const outcome: CpiOutcome = {
    month,
    triggered: trigger.triggered,
    active,
    dueOn: active ? priceSubsidyDue(input.releasedOn) : null,
    coveredHouseholds,
    coveredPersons,
    subsidyFen,
  };
  const values = {
    cpi_hundredths: cpi.value,
    food_hundredths: food.value,
    released_on: input.releasedOn,
    synthetic: input.synthetic ?? false,
    recorded_by: context.actor?.id ?? null,
    recorded_by_username: context.actor?.username ?? context.username ?? "system",
    recorded_at: new Date(),
    triggered: active,
    subsidy_due_on: outcome.dueOn,
    covered_households: coveredHouseholds,
    covered_persons: coveredPersons,
    subsidy_fen: subsidyFen,
  };
  if (existing)
    await db
      .updateTable("assistance_cpi")
      .set({ ...values, version: existing.version + 1 })
      .where("month", "=", month)
      .execute();
  else
    await db
      .insertInto("assistance_cpi")
      .values({ month, ...values })
      .execute();
  await audit(trx, context, {
    action: existing ? "assistance.cpi.correct" : "assistance.cpi.record",
    entityType: "assistance_cpi",
    entityId: month,
    townCode: null,
    before: existing ? { cpiHundredths: existing.cpi_hundredths, foodHundredths: existing.food_hundredths } : undefined,
    after: { cpiHundredths: cpi.value, foodHundredths: food.value, releasedOn: input.releasedOn, ...outcome },
  });
  return ok(outcome);
}
