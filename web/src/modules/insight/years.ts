// The years and months a dashboard offers, from the server's today (`asOf` of the dashboard's answer).

/** The year and month of an ISO date. */
export function yearMonth(isoDate: string): { year: number; month: number } {
  return { year: Number(isoDate.slice(0, 4)), month: Number(isoDate.slice(5, 7)) };
}

/** This year and the four before it, newest first. */
export function yearOptions(thisYear: number): { value: number; label: string }[] {
  return Array.from({ length: 5 }, (_, index) => ({ value: thisYear - index, label: String(thisYear - index) }));
}
