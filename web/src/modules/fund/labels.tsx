// Tags of the fund module's codes, labelled in the user's language.
import { Tag } from "antd";
import { useTranslation } from "react-i18next";

const colours: Record<string, string> = {
  open: "blue",
  allocated: "green",
  funded_in_full: "green",
  funded_partly: "gold",
  over_remaining_budget: "default",
  budget_exhausted: "default",
  too_few_reviewers: "orange",
  submitted: "blue",
  accepted: "green",
  returned: "orange",
};

export function FundTag({ group, code }: { group: string; code: string | null | undefined }) {
  const { t } = useTranslation();
  if (!code) return null;
  return <Tag color={colours[code] ?? "default"}>{t(`fund.${group}.${code}`)}</Tag>;
}
