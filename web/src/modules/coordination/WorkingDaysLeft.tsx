// Working days left to a deadline, as a coloured tag: red when overdue, orange within two working days.
import { Tag } from "antd";
import { useTranslation } from "react-i18next";

/** The working days left (negative: overdue) as a tag. */
export function WorkingDaysLeft({ days, done }: { days: number; done?: boolean }) {
  const { t } = useTranslation();
  if (done) return <Tag color="green">{t("coordination.taskDone")}</Tag>;
  if (days < 0) return <Tag color="red">{t("coordination.overdueBy", { count: -days })}</Tag>;
  if (days === 0) return <Tag color="orange">{t("coordination.dueToday")}</Tag>;
  return <Tag color={days <= 2 ? "orange" : "blue"}>{t("coordination.daysLeft", { count: days })}</Tag>;
}
