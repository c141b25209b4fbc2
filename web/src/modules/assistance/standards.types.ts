// API shapes of GET /assistance/standards: a proposal with its natural-growth basis and caseload simulation.
// Hand-declared: GET /assistance/standards declares no response schema yet.

/** Totals of a simulation (whole caseload or one 镇区); amounts in fen per month. */
export interface SimulationTotals {
  households: number;
  affected: number;
  gainers: number;
  losers: number;
  newlyEligible: number;
  noLongerEligible: number;
  baselineCostFen: number;
  draftCostFen: number;
  differenceFen: number;
}

/** A standard (proposed, submitted, approved or rejected). */
export interface Standard {
  id: string;
  effectiveFrom: string;
  standardYuan: string;
  supplementYuan: string;
  status: "proposed" | "submitted" | "approved" | "rejected";
  basis: { previousFen: number; computedFen: number; perCapitaConsumptionYuan: string; reference?: string };
  simulation: SimulationTotals & { month: string; byTown: (SimulationTotals & { town: string })[]; invalid: unknown[] };
  decisionReason: string | null;
  version: number;
  createdAt: string;
}

/** Fen as yuan with two decimals ("-1869.00"), by integer arithmetic. */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const whole = Math.abs(Math.trunc(fen));
  return `${sign}${Math.floor(whole / 100)}.${String(whole % 100).padStart(2, "0")}`;
}
