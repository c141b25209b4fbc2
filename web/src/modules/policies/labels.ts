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

/** The people behind a version, as screens name them (display names; usernames when a name is missing). */
interface VersionPeople {
  author: string | null;
  authorName: string | null;
  approvedBy: string | null;
  approvedByName: string | null;
  activatedBy: string | null;
  activatedByName: string | null;
}

/** "起草：政策专员；批准：…" — who drafted (or "from a policy file"), approved and activated a version. */
export function peopleLine(t: TFunction, version: VersionPeople): string {
  return [
    version.author ? t("policies.authorIs", { name: version.authorName ?? version.author }) : t("policies.fromFile"),
    version.approvedBy ? t("policies.approvedByIs", { name: version.approvedByName ?? version.approvedBy }) : null,
    version.activatedBy ? t("policies.activatedByIs", { name: version.activatedByName ?? version.activatedBy }) : null,
  ]
    .filter(Boolean)
    .join(t("policies.peopleSeparator"));
}
