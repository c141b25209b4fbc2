// Labels for the case timeline: step names, the keys of their details and coded values, all from the code
// dictionary (src/platform/labels/codes.json, groups assistanceStep, assistanceDetail, channel, relationship).
import type { TFunction } from "i18next";
import i18n from "../../i18n";
import { codeDictionary, codeLabel } from "../../i18n/codes";
import { fenToYuan } from "./standards.types";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A code's label; the code itself only in the tooltip, for support. */
export function CodeLabel({ label, code }: { label: string; code: string }) {
  return <span title={code}>{label}</span>;
}

/** A timeline step's label ("town_opinion" → 镇街审核意见). */
export function stepLabel(kind: string, _t?: TFunction): string {
  return codeLabel("assistanceStep", kind, i18n.language);
}

/**
 * A step's plain details as "label：value" pairs (": " in English): amounts in fen become yuan, yes/no flags become words, coded
 * values (the channel "counter" → 窗口受理) their labels; ids and keys without a label are left out.
 */
export function describeDetails(values: Record<string, unknown>, t: TFunction): string {
  const language = i18n.language;
  return Object.entries(values)
    .filter(([, value]) => value !== null && value !== undefined && typeof value !== "object")
    .filter(
      ([key, value]) => key in codeDictionary.assistanceDetail && !(typeof value === "string" && uuid.test(value)),
    )
    .map(([key, value]) => {
      const label = codeLabel("assistanceDetail", key, language);
      const shown =
        typeof value === "boolean"
          ? t(value ? "assistance.yes" : "assistance.no")
          : key.endsWith("Fen") && typeof value === "number"
            ? fenToYuan(value)
            : key === "channel" && typeof value === "string"
              ? codeLabel("channel", value, language)
              : String(value);
      return language.startsWith("en") ? `${label}: ${shown}` : `${label}：${shown}`;
    })
    .join(language.startsWith("en") ? "; " : "；");
}

/** A household relationship's label ("head" → 户主). */
export function relationshipLabel(code: string, _t?: TFunction): string {
  return codeLabel("relationship", code, i18n.language);
}
