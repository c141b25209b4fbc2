import dayjs from "dayjs";

/** An ISO timestamp as "YYYY-MM-DD HH:mm:ss" in the browser's zone (Asia/Shanghai for our users). */
export function formatTime(value: string | null | undefined): string {
  if (!value) return "";
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed.format("YYYY-MM-DD HH:mm:ss") : value;
}
