import dayjs from "dayjs";
import type { ApiError } from "../api/client";
import { formatTime } from "../components/formatTime";

/** When a locked account may sign in again, from the 423 error's `lockedUntil` field (ISO time), in Asia/Shanghai; null when absent. */
export function lockedUntil(error: ApiError): string | null {
  const value = error.body.lockedUntil;
  if (typeof value !== "string" || !dayjs(value).isValid()) return null;
  return formatTime(value).slice(0, 16);
}
