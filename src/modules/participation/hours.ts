/** Volunteer hours as exact integer hundredths of an hour (3.5 h = 350), like points; never binary floating point. */
import { err, ok, type Problem, type Result } from "../../core/result";

const HOURS_PATTERN = /^(\d{1,5})(?:\.(\d{1,2}))?$/;

/** Parses positive hours ("3.5", "12", "0.25") into hundredths, refusing more than two decimals or zero. */
export function parseHours(input: string, field = "hours"): Result<number, Problem> {
  const match = HOURS_PATTERN.exec(input.trim());
  if (!match) {
    return err({
      code: "invalid_hours",
      message: `小时数须为正数，最多两位小数，如 3.5 (${field}: a positive number of hours with at most 2 decimals, like 3.5)`,
      field,
    });
  }
  const hundredths = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  if (hundredths <= 0) {
    return err({ code: "invalid_hours", message: `小时数须大于0 (${field} must be more than 0)`, field });
  }
  return ok(hundredths);
}

/** Renders hundredths as hours with two decimals ("3.50", "-1.25"). */
export function formatHours(hundredths: number): string {
  const sign = hundredths < 0 ? "-" : "";
  const absolute = Math.abs(hundredths);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, "0")}`;
}

/** The hundredths of an hour between two instants, rounded down (a started hundredth does not count). */
export function hundredthsBetween(from: Date, to: Date): number {
  const milliseconds = to.getTime() - from.getTime();
  return milliseconds <= 0 ? 0 : Math.floor((milliseconds * 100) / 3_600_000);
}
