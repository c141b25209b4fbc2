/**
 * Simulation of an assistance policy change: run a caseload for one month under the baseline parameters and
 * under a draft (a whole draft tree, or overrides of the baseline) and compare who gains, who loses, the
 * monthly cost and the counts per 镇区, before a policy officer submits the draft for approval.
 */
import { err, ok, type Problem, type Result } from "../../core/result";
import { overrideParameters, type ParameterOverride, type ParameterTree } from "../parameters";
import { computeAssistance } from "./assistance.compute";
import type { HouseholdAmounts } from "./formulas/formula.types";
import { isMonth, monthStart, parseAssistanceRequest, type AssistanceRequest } from "./request.validation";

/** A change of one parameter for the simulation; without `from`, it applies from the simulated month. */
export type SimulationOverride = Omit<ParameterOverride, "from"> & { from?: string };

/** What to simulate: a caseload (raw requests, each with a `town`) for one month, baseline against draft. */
export interface SimulationInput {
  baseline: ParameterTree;
  draftParameters?: ParameterTree;
  overrides?: readonly SimulationOverride[];
  caseload: readonly unknown[];
  /** YYYY-MM; every case is computed for this month. */
  month: string;
}

/** One household whose total changes. */
export interface SimulationChange {
  id: unknown;
  town: string;
  baselineEligible: boolean;
  draftEligible: boolean;
  baselineFen: number;
  draftFen: number;
  differenceFen: number;
}

/** Totals for one 镇区 (or for the whole caseload). */
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

/** The comparison: totals, per town, every changed household, and the cases that could not be computed. */
export interface SimulationReport extends SimulationTotals {
  month: string;
  byTown: (SimulationTotals & { town: string })[];
  changes: SimulationChange[];
  invalid: { id: unknown; error: Problem }[];
}

function emptyTotals(): SimulationTotals {
  return {
    households: 0,
    affected: 0,
    gainers: 0,
    losers: 0,
    newlyEligible: 0,
    noLongerEligible: 0,
    baselineCostFen: 0,
    draftCostFen: 0,
    differenceFen: 0,
  };
}

const NOTHING: HouseholdAmounts = { eligible: false, dibaoFen: 0, supplementFen: 0, priceSubsidyFen: 0, totalFen: 0 };

function amountsUnder(parameters: ParameterTree, request: AssistanceRequest): Result<HouseholdAmounts, Problem> {
  const amounts = computeAssistance(request, parameters);
  // A version with no standard for the month pays nothing; any other refusal is an invalid case.
  if (!amounts.ok && amounts.error.code === "no_standard") return ok(NOTHING);
  return amounts;
}

function add(totals: SimulationTotals, change: SimulationChange): void {
  totals.households += 1;
  totals.baselineCostFen += change.baselineFen;
  totals.draftCostFen += change.draftFen;
  totals.differenceFen += change.differenceFen;
  if (change.differenceFen !== 0 || change.baselineEligible !== change.draftEligible) totals.affected += 1;
  if (change.differenceFen > 0) totals.gainers += 1;
  if (change.differenceFen < 0) totals.losers += 1;
  if (!change.baselineEligible && change.draftEligible) totals.newlyEligible += 1;
  if (change.baselineEligible && !change.draftEligible) totals.noLongerEligible += 1;
}

/** Compares the caseload's monthly assistance under the baseline and the draft; amounts in fen. */
export function simulateAssistance(input: SimulationInput): Result<SimulationReport, Problem> {
  if (!isMonth(input.month))
    return err({
      code: "invalid_month",
      message: `month must be YYYY-MM, got ${JSON.stringify(input.month)}`,
      field: "month",
    });
  let draft = input.draftParameters ?? input.baseline;
  if (input.overrides && input.overrides.length > 0) {
    const overrides = input.overrides.map((override) => ({
      ...override,
      from: override.from ?? monthStart(input.month),
    }));
    const changed = overrideParameters(draft, overrides);
    if (!changed.ok) return changed;
    draft = changed.value;
  }
  const report: SimulationReport = { month: input.month, ...emptyTotals(), byTown: [], changes: [], invalid: [] };
  const towns = new Map<string, SimulationTotals & { town: string }>();
  for (const [index, raw] of input.caseload.entries()) {
    const id = typeof raw === "object" && raw !== null ? ((raw as { id?: unknown }).id ?? null) : null;
    const town = typeof raw === "object" && raw !== null ? (raw as { town?: unknown }).town : undefined;
    if (typeof town !== "string" || town.trim() === "") {
      report.invalid.push({
        id,
        error: { code: "invalid_town", message: `caseload[${index}].town must be a 镇区 code`, field: "town" },
      });
      continue;
    }
    const request = parseAssistanceRequest({ ...(raw as object), month: input.month });
    if (!request.ok) {
      report.invalid.push({ id, error: request.error });
      continue;
    }
    const before = amountsUnder(input.baseline, request.value);
    const after = amountsUnder(draft, request.value);
    if (!before.ok || !after.ok) {
      report.invalid.push({ id, error: !before.ok ? before.error : (after as { error: Problem }).error });
      continue;
    }
    const change: SimulationChange = {
      id,
      town,
      baselineEligible: before.value.eligible,
      draftEligible: after.value.eligible,
      baselineFen: before.value.totalFen,
      draftFen: after.value.totalFen,
      differenceFen: after.value.totalFen - before.value.totalFen,
    };
    if (!towns.has(town)) towns.set(town, { town, ...emptyTotals() });
    add(report, change);
    add(towns.get(town)!, change);
    if (change.differenceFen !== 0 || change.baselineEligible !== change.draftEligible) report.changes.push(change);
  }
  report.byTown = [...towns.values()].sort((a, b) => (a.town < b.town ? -1 : a.town > b.town ? 1 : 0));
  return ok(report);
}
