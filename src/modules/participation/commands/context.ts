/** What is special to the participation module's commands: refusals naming the field in Chinese and English. */
import { err } from "../../../core/result";

/** A refusal: a code, the rule in Chinese with English in parentheses, and the field it concerns. */
export function refuse(code: string, zh: string, en: string, field: string) {
  return err({ code, message: `${zh} (${en})`, field });
}

/** The instant a time field names, or now; refused when it is not a valid instant. */
export function instantOf(value: string | undefined, now: Date, field: string) {
  if (value === undefined) return { ok: true as const, value: now };
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime()))
    return refuse("invalid_time", "时间格式无效", `${field} is not a valid date-time`, field);
  return { ok: true as const, value: instant };
}
