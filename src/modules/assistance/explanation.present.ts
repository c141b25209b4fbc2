/**
 * The rules engine's explanation of a case's amounts, for people: member ids become the members' names, category
 * and formula codes their labels, and each policy reference gets its Chinese wording, all from the code
 * dictionary (src/platform/labels/codes.json). The engine's steps stay as they are (golden tests read them).
 */
import { findLabel, labelOf, type Label } from "../../platform/labels/labels";
import type { ExplanationStep } from "../../rules/assistance/formulas/formula.types";

/** A step as the API answers it: `shown` is the value in words when it is a code; `referenceZh` the Chinese reference. */
export interface PresentedStep extends ExplanationStep {
  shown?: Label;
  referenceZh?: string;
}

const memberStep = /^supplement_member_(.+)$/;
const fromPrefix = /^[a-z_.]+ \(from (\d{4}-\d{2}-\d{2})\): (.*)$/s;

/** A policy reference in Chinese: "dibao.standard (from 2021-01-01): <text>" → "<中文>（2021-01-01 起）". */
export function referenceInChinese(reference: string): string {
  const dated = fromPrefix.exec(reference);
  const text = dated ? dated[2] : reference;
  const zh = findLabel("assistanceReference", text)?.zh ?? text;
  return dated ? `${zh}（${dated[1]} 起）` : zh;
}

/** The steps of an explanation in words; `names` maps member person ids to the names the caller may see. */
export function presentSteps(
  steps: readonly ExplanationStep[],
  names: ReadonlyMap<string, string | null>,
  categories: ReadonlyMap<string, readonly string[]>,
): PresentedStep[] {
  return steps.map((step) => {
    const presented: PresentedStep = { ...step };
    if (step.reference) presented.referenceZh = referenceInChinese(step.reference);
    const member = memberStep.exec(step.key);
    if (member) {
      const name = names.get(member[1]) ?? "";
      const kinds = categories.get(member[1]) ?? [];
      presented.key = `supplement_member_${[...names.keys()].indexOf(member[1]) + 1}`;
      presented.zh = `成员 ${name} 分类救助金（${kinds.map((kind) => labelOf("assistanceCategory", kind)).join("、")}，每人一份）`;
      presented.en = `Supplement for ${name} (${kinds.map((kind) => labelOf("assistanceCategory", kind, "en")).join(", ")}; one per member)`;
    }
    if (step.key === "formula" && typeof step.value === "string") {
      const [name, rest] = step.value.split(" (from ");
      const label = findLabel("assistanceFormula", name);
      const since = rest?.replace(/\)$/, "");
      if (label)
        presented.shown = {
          zh: since ? `${label.zh}（${since} 起）` : label.zh,
          en: since ? `${label.en} (from ${since})` : label.en,
        };
    }
    if (step.key === "price_linkage_version" && typeof step.value === "string") {
      const label = findLabel("priceLinkageVersion", step.value);
      if (label) presented.shown = label;
    }
    return presented;
  });
}
