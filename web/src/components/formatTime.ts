import dayjs, { type Dayjs } from "dayjs";
import utc from "dayjs/plugin/utc";

dayjs.extend(utc);

// Times are shown and entered in Asia/Shanghai (UTC+8 all year since 1992), whatever the browser's own zone: a
// clerk's laptop set to UTC, or a resident abroad, reads the same 签到 time as the organiser in Zhongshan.
const shanghaiOffsetMinutes = 8 * 60;

/** An ISO timestamp as "YYYY-MM-DD HH:mm:ss" in Asia/Shanghai. */
export function formatTime(value: string | null | undefined): string {
  if (!value) return "";
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed.utcOffset(shanghaiOffsetMinutes).format("YYYY-MM-DD HH:mm:ss") : value;
}

/** A date and time picked in a form (its wall-clock fields), as the instant it names in Asia/Shanghai. */
export function shanghaiInstant(picked: Dayjs): string {
  return `${picked.format("YYYY-MM-DDTHH:mm:ss")}+08:00`;
}
