/**
 * 分类救助金: one supplement per qualifying member of an eligible household, however many categories apply.
 */
import { fenToYuanString } from "../../../core/money";
import { err, ok, type Problem, type Result } from "../../../core/result";
import { codesAt, moneyAt } from "../../parameters";
import { stepFromReading, type FormulaContext } from "./formula.types";

/** Refuses a category the policy does not list (checked even for ineligible households: it is bad input). */
export function checkCategories(context: FormulaContext): Result<readonly string[], Problem> {
  const members = context.request.members;
  if (members.every((member) => member.categories.length === 0)) return ok([]);
  const known = codesAt(context.parameters, "classified_supplement.categories", context.date);
  if (!known.ok) return known;
  for (const [index, member] of members.entries()) {
    for (const [position, category] of member.categories.entries()) {
      if (!known.value.value.includes(category)) {
        return err({
          code: "unknown_category",
          message: `unknown category "${category}" (known: ${known.value.value.join(", ")})`,
          field: `household.members[${index}].categories[${position}]`,
        });
      }
    }
  }
  return ok(known.value.value);
}

/** Total supplement of the household in fen: the amount in force × the number of members with any category. */
export function computeSupplement(context: FormulaContext, eligible: boolean): Result<number, Problem> {
  const qualifying = context.request.members.filter((member) => member.categories.length > 0);
  if (!eligible || qualifying.length === 0) {
    context.steps.push({
      key: "supplement",
      zh: "分类救助金合计（元）",
      en: "Classified supplement total (yuan)",
      value: fenToYuanString(0),
    });
    return ok(0);
  }
  const amount = moneyAt(context.parameters, "classified_supplement.amount", context.date);
  if (!amount.ok) return amount;
  stepFromReading(
    context,
    "supplement_amount",
    "分类救助金（元/人·月）",
    "Classified supplement per qualifying member (yuan)",
    amount.value,
    fenToYuanString(amount.value.value),
  );
  for (const member of qualifying) {
    context.steps.push({
      key: `supplement_member_${member.id}`,
      zh: `成员 ${member.id} 分类救助金（${member.categories.join("、")}，每人一份）`,
      en: `Member ${member.id} supplement (${member.categories.join(", ")}; one per member)`,
      value: fenToYuanString(amount.value.value),
    });
  }
  const totalFen = amount.value.value * qualifying.length;
  context.steps.push({
    key: "supplement",
    zh: "分类救助金合计（元）",
    en: "Classified supplement total (yuan)",
    value: fenToYuanString(totalFen),
  });
  return ok(totalFen);
}
