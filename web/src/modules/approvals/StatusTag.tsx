import { Tag } from "antd";
import { useTranslation } from "react-i18next";

const colours = { kept: "blue", cancelled: "default", delegated: "gold" } as const;

/** An item's status: 保留 / 取消 / 下放镇区. */
export function StatusTag({ status }: { status: "kept" | "cancelled" | "delegated" }) {
  const { t } = useTranslation();
  return <Tag color={colours[status]}>{t(`approvals.statuses.${status}`)}</Tag>;
}
