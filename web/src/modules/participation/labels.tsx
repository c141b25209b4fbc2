// Labels and tags of the participation codes (categories, places, sign-up and activity states).
import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import { formatTime } from "../../components/formatTime";

const signupColours: Record<string, string> = { confirmed: "green", waiting: "gold", cancelled: "default" };

/** A sign-up's state as a coloured tag. */
export function SignupStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={signupColours[status] ?? "default"}>{t(`participation.signupStatus.${status}`)}</Tag>;
}

/** "2026-12-05 09:00 – 12:00" (same day) or both timestamps. */
export function activityPeriod(startsAt: string, endsAt: string): string {
  const start = formatTime(startsAt).slice(0, 16);
  const end = formatTime(endsAt).slice(0, 16);
  return start.slice(0, 10) === end.slice(0, 10) ? `${start} – ${end.slice(11)}` : `${start} – ${end}`;
}
