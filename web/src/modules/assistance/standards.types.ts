// API shapes of GET /assistance/standards (a proposal with its natural-growth basis and caseload simulation), read
// from the route's response schema through the generated types.
import type { ApiResponse, ItemOf } from "../../api/schema";

/** A standard (proposed, submitted, approved or rejected). */
export type Standard = ItemOf<ApiResponse<"/assistance/standards">>;

/** Totals of a simulation (whole caseload or one 镇区); amounts in fen per month. */
export type SimulationTotals = Omit<Standard["simulation"], "month" | "byTown" | "invalid">;

/** Fen as yuan with two decimals ("-1869.00"), by integer arithmetic. */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const whole = Math.abs(Math.trunc(fen));
  return `${sign}${Math.floor(whole / 100)}.${String(whole % 100).padStart(2, "0")}`;
}
