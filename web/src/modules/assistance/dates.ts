// Date helpers of the assistance forms: antd's dayjs values to ISO dates and months, in the browser's calendar.
import dayjs, { type Dayjs } from "dayjs";
import { serverToday } from "../../api/today";

/** The ISO date of a picked day, or today when none was picked. */
export function isoDate(value: unknown): string {
  return (dayjs.isDayjs(value) ? (value as Dayjs) : serverToday()).format("YYYY-MM-DD");
}

/** The `YYYY-MM` of a picked month, or of the month after the current one when none was picked. */
export function isoMonth(value: unknown): string {
  return (dayjs.isDayjs(value) ? (value as Dayjs) : serverToday().add(1, "month")).format("YYYY-MM");
}
