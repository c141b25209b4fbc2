import dayjs, { type Dayjs } from "dayjs";

// The platform's "today" is the server's (its one clock, Asia/Shanghai), not the browser's: a browser elsewhere, or
// before 08:00 in UTC, has another date, and a server run on a set clock (tests, demos) has its own. Every API
// answer says it in the `x-gongzhi-today` header; forms take their default dates and months from here.

let learned: string | null = null;

/** Records the server's today from an answer's `x-gongzhi-today` header. */
export function learnServerToday(value: string | null): void {
  if (value && /^\d{4}-\d{2}-\d{2}$/.test(value)) learned = value;
}

/** Today in Asia/Shanghai by this device's clock: the answer until the server has said its own. */
function shanghaiDate(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

/** The platform's today as the server last said it (its date in Asia/Shanghai), at midnight. */
export function serverToday(now: Date = new Date()): Dayjs {
  return dayjs(learned ?? shanghaiDate(now));
}
