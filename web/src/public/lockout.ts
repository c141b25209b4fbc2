import dayjs from "dayjs";
import type { ApiError } from "../api/client";

/** When a locked account may sign in again, from the 423 error's `lockedUntil` field (ISO time), as local time; null when absent. */
export function lockedUntil(error: ApiError): string | null {
  const value = error.body.lockedUntil;
  if (typeof value !== "string" || !dayjs(value).isValid()) return null;
  return dayjs(value).format("YYYY-MM-DD HH:mm");
}
