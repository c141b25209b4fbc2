// Labels of the policy screens' codes: version states, purposes, sections and kinds of rows, enum values.
import type { TFunction } from "i18next";

/** The colour of a version state's tag. */
export const statusColor: Record<string, string> = {
  draft: "gold",
  approved: "blue",
  active: "green",
  superseded: "default",
};

/** A code's label from `policies.<group>.<code>`, or the code itself when the dictionary has none. */
export function codeLabel(t: TFunction, group: string, code: string): string {
  return t(`policies.${group}.${code}`, { defaultValue: code });
}

/** The title of a version in the interface language. */
export function titleOf(title: { zh: string; en: string }, language: string): string {
  return language === "en" ? title.en : title.zh;
}
