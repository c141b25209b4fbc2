// The code dictionary (src/platform/labels/codes.json, the same file the server reads) as i18n strings: every code
// shown to a person is labelled from there, in both languages. `code.<group>.<code>` reaches any group; the
// registry's `relationship.*` and the audit's `entityType.*` keys come from the same groups.
import codes from "../../../src/platform/labels/codes.json";

/** The dictionary's groups. */
export type CodeGroup = keyof typeof codes;

/** A label in both languages. */
export interface CodeLabel {
  zh: string;
  en: string;
}

/** group → code → label, as the server has it. */
export const codeDictionary: Readonly<Record<CodeGroup, Readonly<Record<string, CodeLabel>>>> = codes;

/** The dictionary in one language, group → code → text, to merge into that language's i18n resources. */
export function codeMessages(language: "zh-CN" | "en"): Record<string, unknown> {
  const pick = language === "en" ? "en" : "zh";
  const byGroup: Record<string, Record<string, string>> = {};
  for (const [group, labels] of Object.entries(codeDictionary)) {
    byGroup[group] = Object.fromEntries(Object.entries(labels).map(([code, label]) => [code, label[pick]]));
  }
  // Codes with dots (audit actions) are read with codeLabel below, since i18next splits keys at dots.
  return {
    code: byGroup,
    relationship: byGroup.relationship,
    entityType: byGroup.entityType,
  };
}

/** A code's label in a language, the code itself when the dictionary lacks it. */
export function codeLabel(group: CodeGroup, code: string | null | undefined, language: string): string {
  if (!code) return "";
  const labels: Readonly<Record<string, CodeLabel>> = codeDictionary[group];
  const label = Object.prototype.hasOwnProperty.call(labels, code) ? labels[code] : undefined;
  if (!label) return code;
  return language.startsWith("en") ? label.en : label.zh;
}

/**
 * A declared value as people read it: an enum code by its label ("bachelor_or_above" → 本科及以上), yes/no, and
 * per-kind counts as "养老保险 3、医疗保险 2" — never JSON.
 */
export function formatCodeValue(value: unknown, language: string): string {
  const english = language.startsWith("en");
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? (english ? "Yes" : "是") : english ? "No" : "否";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return codeLabel("factValue", value, language);
  if (Array.isArray(value)) return value.map((item) => formatCodeValue(item, language)).join(english ? ", " : "、");
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => `${codeLabel("factValue", key, language)} ${formatCodeValue(item, language)}`)
      .join(english ? ", " : "、");
  }
  return String(value);
}
