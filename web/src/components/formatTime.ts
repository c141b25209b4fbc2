import dayjs, { type Dayjs } from "dayjs";
import utc from "dayjs/plugin/utc";

dayjs.extend(utc);

// Times are shown and entered in Asia/Shanghai (UTC+8 all year since 1992), whatever the browser's own zone: a
// clerk's laptop set to UTC, or a resident abroad, reads the same 签到 time as the organiser in Zhongshan.
const shanghaiOffsetMinutes = 8 * 60;

/**
 * An ISO timestamp as "YYYY-MM-DD HH:mm:ss" in Asia/Shanghai: the instant plus eight hours, read as UTC. Plain
 * arithmetic, never the browser's zone rules: dayjs's utcOffset() went through local time and was an hour off
 * near a daylight-saving change in a browser set to such a zone (America/New_York on 2 November 2025).
 */
export function formatTime(value: string | null | undefined): string {
  if (!value) return "";
  const instant = Date.parse(value);
  if (Number.isNaN(instant)) return value;
  return new Date(instant + shanghaiOffsetMinutes * 60_000).toISOString().slice(0, 19).replace("T", " ");
}

/** A date and time picked in a form (its wall-clock fields), as the instant it names in Asia/Shanghai. */
export function shanghaiInstant(picked: Dayjs): string {
  return `${picked.format("YYYY-MM-DDTHH:mm:ss")}+08:00`;
}
