/**
 * Dated values: a parameter whose value changes on given dates, each change citing its legal source.
 * The value in force on a date is the latest entry whose `from` is on or before that date.
 */

/** One dated entry of a parameter. Dates are ISO `YYYY-MM-DD` in Asia/Shanghai. */
export interface DatedEntry<T> {
  from: string;
  value: T;
  /** Legal reference, e.g. "中府〔2014〕106号 附件 一(二)". */
  reference?: string;
}

export type DatedValue<T> = readonly DatedEntry<T>[];

/** The entry in force on `date`, or undefined when the parameter had no value yet. */
export function entryAt<T>(dated: DatedValue<T>, date: string): DatedEntry<T> | undefined {
  let found: DatedEntry<T> | undefined;
  for (const entry of dated) {
    if (entry.from <= date && (found === undefined || entry.from >= found.from)) found = entry;
  }
  return found;
}

/** The value in force on `date`, or undefined when the parameter had no value yet. */
export function valueAt<T>(dated: DatedValue<T>, date: string): T | undefined {
  return entryAt(dated, date)?.value;
}
