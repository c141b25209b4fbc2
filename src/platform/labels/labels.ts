/**
 * The one dictionary of codes shown to people: every code (a record type, an audit action, a relationship, a
 * case step, a points indicator and its values, a field of an audit copy, …) with its label in Chinese and
 * English. The data is `codes.json` beside this file; the server reads it here (audit sentences, messages,
 * file names) and the web app imports the same file (web/src/i18n/codes.ts), so a label is written once.
 */
import codes from "./codes.json";

/** A label in both languages. */
export interface Label {
  zh: string;
  en: string;
}

/** The languages labels are written in. */
export type LabelLanguage = keyof Label;

/** The dictionary's groups (a code's meaning depends on its group: `submitted` is a case step and a status). */
export type LabelGroup = keyof typeof codes;

/** The whole dictionary, group → code → label. */
export const codeLabels: Readonly<Record<LabelGroup, Readonly<Record<string, Label>>>> = codes;

/** The label of a code in a group, or undefined when the dictionary has none. */
export function findLabel(group: LabelGroup, code: string): Label | undefined {
  const labels: Readonly<Record<string, Label>> = codeLabels[group];
  return Object.prototype.hasOwnProperty.call(labels, code) ? labels[code] : undefined;
}

/** A code's label in one language; the code itself when the dictionary has none (tests keep that from happening). */
export function labelOf(group: LabelGroup, code: string, language: LabelLanguage = "zh"): string {
  return findLabel(group, code)?.[language] ?? code;
}

/** The same label in both languages (the code in both when unknown). */
export function bothLabels(group: LabelGroup, code: string): Label {
  return findLabel(group, code) ?? { zh: code, en: code };
}
