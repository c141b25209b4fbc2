// Names for the values of the scorecard's facts (policies/zhongshan/points/2014/scorecard.yaml lists the codes;
// the names follow 中府〔2014〕106号 附件 and the self-check's wording), so nobody types or reads a value code.
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { FactDefinition } from "./types";

type Names = Record<string, { zh: string; en: string }>;

/** The name of each value of the enum facts, by fact. */
export const factValueNames: Record<string, Names> = {
  education: {
    none: { zh: "无", en: "None" },
    junior_secondary: { zh: "初中", en: "Junior secondary" },
    senior_secondary: { zh: "高中/中专", en: "Senior secondary or vocational school" },
    college: { zh: "大专", en: "College (3-year)" },
    bachelor_or_above: { zh: "本科及以上", en: "Bachelor's degree or above" },
  },
  qualification: {
    none: { zh: "无", en: "None" },
    level_5: { zh: "初级工（五级）", en: "Level 5 (junior worker)" },
    level_4: { zh: "中级工（四级）", en: "Level 4 (intermediate worker)" },
    level_3: { zh: "高级工/初级职称", en: "Level 3 (senior worker, junior title)" },
    level_2: { zh: "技师/中级职称", en: "Level 2 (technician, intermediate title)" },
    level_1: { zh: "高级技师/高级职称", en: "Level 1 (senior technician, senior title)" },
  },
  enterprise_assessed_level: {
    none: { zh: "无", en: "None" },
    junior: { zh: "相当于初级岗位", en: "Junior post" },
    intermediate: { zh: "相当于中级岗位", en: "Intermediate post" },
  },
  marital_status: {
    unmarried: { zh: "未婚", en: "Unmarried" },
    married: { zh: "已婚", en: "Married" },
    divorced: { zh: "离异", en: "Divorced" },
    widowed: { zh: "丧偶", en: "Widowed" },
  },
  contraception: {
    none: { zh: "无", en: "None" },
    iud: { zh: "放置宫内节育器", en: "IUD" },
    sterilisation: { zh: "绝育手术", en: "Sterilisation" },
  },
  out_of_policy_processing: {
    none: { zh: "未接受处理", en: "Not processed" },
    partly: { zh: "部分接受处理", en: "Partly processed" },
    fully: { zh: "已全部接受处理", en: "Fully processed" },
  },
  talent: {
    none: { zh: "无", en: "None" },
    town: { zh: "镇区急需人才", en: "Talent needed by the town" },
    city_high_level: { zh: "市高层次人才", en: "City high-level talent" },
  },
  safety_officer: {
    none: { zh: "无", en: "None" },
    junior: { zh: "初级安全主任", en: "Junior safety officer" },
    intermediate: { zh: "中级安全主任", en: "Intermediate safety officer" },
    senior: { zh: "高级安全主任", en: "Senior safety officer" },
  },
};

/** The parts of the insurance facts (years of each insurance). */
export const insuranceFieldNames: Names = {
  pension: { zh: "养老保险", en: "pension" },
  medical: { zh: "医疗保险", en: "medical" },
  unemployment: { zh: "失业保险", en: "unemployment" },
  injury: { zh: "工伤保险", en: "work injury" },
  maternity: { zh: "生育保险", en: "maternity" },
};

/** A fact's value in words: an enum by its name, yes/no, the parts of a counts fact; the code when unknown. */
export function describeFactValue(fact: string, value: unknown, english: boolean): string {
  const pick = (name: { zh: string; en: string } | undefined, fallback: string) =>
    name ? (english ? name.en : name.zh) : fallback;
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return value ? (english ? "Yes" : "是") : english ? "No" : "否";
  if (typeof value === "string") return pick(factValueNames[fact]?.[value], value);
  if (typeof value === "number") return String(value);
  if (typeof value === "object")
    return Object.entries(value as Record<string, unknown>)
      .map(([field, count]) => `${pick(insuranceFieldNames[field], field)} ${String(count)}`)
      .join(english ? ", " : "，");
  return String(value);
}

/** The choices of an enum fact for a Select, named in the current language. */
export function enumOptions(definition: FactDefinition | undefined, english: boolean) {
  const values = Array.isArray(definition?.values) ? definition.values.map(String) : [];
  return values.map((value) => ({ value, label: describeFactValue(definition?.name ?? "", value, english) }));
}

/** `describeFactValue` bound to the current language. */
export function useFactValueLabel(): (fact: string, value: unknown) => string {
  const { i18n } = useTranslation();
  const english = i18n.language === "en";
  return useCallback((fact: string, value: unknown) => describeFactValue(fact, value, english), [english]);
}
