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
