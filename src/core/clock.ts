/**
 * The one clock of the platform. Every module reads "now" and "today" (the date in Asia/Shanghai) from here, so a
 * test can set the day once for everything, and nothing plans dates from a clock of its own.
 *
 * In production it follows the system clock (which libfaketime can move for a whole process). Tests call
 * `setClock` with a fixed instant or date and `resetClock` afterwards.
 */
import { assertIsoDate, toShanghaiDate } from "./dates";

let source: () => Date = () => new Date();
let version = 0;

/** Changes each time the clock is set or reset: answers computed under one clock are not reused under another. */
export function clockVersion(): number {
  return version;
}

/** The current instant. */
export function now(): Date {
  return source();
}

/** Today's date in Asia/Shanghai, `YYYY-MM-DD`. */
export function today(): string {
  return toShanghaiDate(source());
}

/**
 * Sets the clock: a `YYYY-MM-DD` date means 09:00 that day in Asia/Shanghai (office hours), a Date a fixed
 * instant, a function a moving clock.
 */
export function setClock(value: string | Date | (() => Date)): void {
  version += 1;
  if (typeof value === "function") {
    source = value;
    return;
  }
  if (typeof value === "string") {
    assertIsoDate(value, "clock date");
    const instant = new Date(`${value}T09:00:00+08:00`);
    source = () => new Date(instant);
    return;
  }
  const fixed = new Date(value);
  source = () => new Date(fixed);
}

/** Back to the system clock. */
export function resetClock(): void {
  version += 1;
  source = () => new Date();
}

/** Runs `action` with the clock set to `value`, then restores the previous clock (also when it throws). */
export async function withClock<T>(value: string | Date, action: () => Promise<T> | T): Promise<T> {
  const previous = source;
  setClock(value);
  try {
    return await action();
  } finally {
    version += 1;
    source = previous;
  }
}

/** The clock as one object, for code that has a local variable named `today`. */
export const clock = { now, today };
