// Labels and tags of the services module's codes, so every status a person sees reads in their language.
import { Tag } from "antd";
import { useTranslation } from "react-i18next";

const colours: Record<string, string> = {
  open: "blue",
  awarded: "green",
  not_awarded: "default",
  active: "blue",
  completed: "green",
  flagged: "red",
  addressed: "gold",
  submitted: "blue",
  accepted: "green",
  returned: "orange",
  pending: "blue",
  approved: "green",
  rejected: "default",
  payable: "blue",
  paid: "green",
  forwarded: "gold",
  declined: "default",
};

/** A coloured tag with the label of `services.<group>.<code>`. */
export function CodeTag({ group, code }: { group: string; code: string | null | undefined }) {
  const { t } = useTranslation();
  if (!code) return null;
  return <Tag color={colours[code] ?? "default"}>{t(`services.${group}.${code}`)}</Tag>;
}

/** The label of a code: `services.<group>.<code>`. */
export function useCodeLabel(): (group: string, code: string | null | undefined) => string {
  const { t } = useTranslation();
  return (group, code) => (code ? t(`services.${group}.${code}`) : "");
}

/** Groups the digits of a yuan amount given with its fen ("26666.66" → "26,666.66"), from the string, never a float. */
export function groupYuan(amount: string): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(amount);
  if (!match) return amount;
  return `${match[1]}${match[2].replace(/\B(?=(\d{3})+$)/g, ",")}${match[3] ?? ""}`;
}

/** Formats a yuan amount for people: "26,666.66 元" (zh) or "¥26,666.66" (en). */
export function useYuan(): (amount: string | null | undefined) => string {
  const { t } = useTranslation();
  return (amount) => (amount ? t("services.yuan", { amount: groupYuan(amount) }) : "—");
}
