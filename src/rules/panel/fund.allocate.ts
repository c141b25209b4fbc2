/**
 * Innovation-fund ranking and allocation (the `fund allocate` contract): an application's score is
 * Σ weight_c × mean_c ÷ Σ weights, computed exactly and rounded half up to two decimals at the end; fewer than 3
 * non-recused reviewers leaves it unranked and unfunded; the ranking is walked with the budget, skipping a
 * request that does not fit, or — with partial funding — giving it what remains and leaving the rest unfunded.
 */
import { ok, type Problem, type Result } from "../../core/result";
import {
  compareIds,
  invalid,
  isRecord,
  panelMeans,
  readId,
  readReviews,
  readWeight,
  readYuan,
  showId,
  weightedSum,
  type PanelId,
} from "./panel";
import { divide, hundredthsToString, roundHalfUpToHundredths, sum, type Rational } from "./rational";

/** Applications need at least this many non-recused reviewers to be ranked. */
export const FUND_MIN_REVIEWERS = 3;

/** Why an application is unfunded, or how it was funded. */
export type FundOutcome =
  "funded_in_full" | "funded_partly" | "over_remaining_budget" | "budget_exhausted" | "too_few_reviewers";

/** One application's result with the detail the web pages show. */
export interface FundApplicationResult {
  id: PanelId;
  applicant: unknown;
  requestedFen: bigint;
  reviewers: number;
  recused: number;
  /** Criterion means, exact, as decimal strings rounded half up to 2 places for display. */
  means: Record<string, string>;
  /** The rounded score ("80.03"); absent when unranked. */
  score?: string;
  rank?: number;
  grantedFen: bigint;
  outcome: FundOutcome;
}

export interface FundAllocation {
  budgetFen: bigint;
  remainingFen: bigint;
  /** Ranked applications first (rank order), then unranked ones (input order). */
  applications: FundApplicationResult[];
}

/** The printed contract: `{ ranking: [{ id, score }], funded: [{ id, amount_yuan }], unfunded: [ids] }`. */
export interface FundAllocationContract {
  ranking: { id: PanelId; score: number }[];
  funded: { id: PanelId; amount_yuan: number }[];
  unfunded: PanelId[];
}

interface Application {
  id: PanelId;
  requestedFen: bigint;
  applicant: unknown;
}

/** Reads and checks a `fund allocate` input; the error names the item at fault. */
export function allocateFund(input: unknown): Result<FundAllocation, Problem> {
  if (!isRecord(input)) return invalid("input", "must be a JSON object");
  const budget = readYuan(input.budget_yuan, "budget_yuan");
  if (!budget.ok) return budget;
  if (budget.value < 0n) return invalid("budget_yuan", "must not be negative");
  if (typeof input.partial_funding !== "boolean") {
    return invalid("partial_funding", "must be true or false");
  }
  if (!Array.isArray(input.criteria) || input.criteria.length === 0) {
    return invalid("criteria", "must be a non-empty array of { id, weight }");
  }
  const weights = new Map<string, Rational>();
  for (const [index, raw] of input.criteria.entries()) {
    const at = `criteria[${index}]`;
    if (!isRecord(raw)) return invalid(at, "must be an object { id, weight }");
    if (typeof raw.id !== "string" || raw.id.trim() === "") return invalid(`${at}.id`, "must be a non-empty string");
    if (weights.has(raw.id)) return invalid(`${at}.id`, `criterion "${raw.id}" is listed twice`);
    const weight = readWeight(raw.weight, `${at}.weight`);
    if (!weight.ok) return invalid(weight.error.field!, `criterion "${raw.id}": ${weight.error.message}`);
    weights.set(raw.id, weight.value);
  }
  const totalWeight = sum([...weights.values()]);
  if (totalWeight.n === 0n) return invalid("criteria", "the weights add up to 0");
  if (!Array.isArray(input.applications)) return invalid("applications", "must be an array");
  const applications: Application[] = [];
  const ids = new Set<PanelId>();
  for (const [index, raw] of input.applications.entries()) {
    const at = `applications[${index}]`;
    if (!isRecord(raw)) return invalid(at, "must be an object { id, requested_yuan, applicant }");
    const id = readId(raw.id, `${at}.id`);
    if (!id.ok) return id;
    if (ids.has(id.value)) return invalid(`${at}.id`, `application ${showId(id.value)} is listed twice`);
    ids.add(id.value);
    const requested = readYuan(raw.requested_yuan, `${at}.requested_yuan`);
    if (!requested.ok)
      return invalid(requested.error.field!, `application ${showId(id.value)}: ${requested.error.message}`);
    if (requested.value <= 0n) {
      return invalid(`${at}.requested_yuan`, `application ${showId(id.value)}: the request must be above 0`);
    }
    applications.push({ id: id.value, requestedFen: requested.value, applicant: raw.applicant });
  }
  const criteria = [...weights.keys()];
  const reviews = readReviews(input.reviews, { itemKey: "application", items: ids, criteria });
  if (!reviews.ok) return reviews;

  const ranked: { application: Application; exact: Rational; rounded: bigint; result: FundApplicationResult }[] = [];
  const unranked: FundApplicationResult[] = [];
  for (const application of applications) {
    const panel = panelMeans(reviews.value, application.id, criteria);
    const means: Record<string, string> = {};
    for (const [criterion, mean] of panel.means) means[criterion] = hundredthsToString(roundHalfUpToHundredths(mean));
    const result: FundApplicationResult = {
      id: application.id,
      applicant: application.applicant,
      requestedFen: application.requestedFen,
      reviewers: panel.reviewers,
      recused: panel.recused,
      means,
      grantedFen: 0n,
      outcome: "too_few_reviewers",
    };
    if (panel.reviewers < FUND_MIN_REVIEWERS) {
      unranked.push(result);
      continue;
    }
    const exact = divide(weightedSum(weights, panel.means), totalWeight);
    const rounded = roundHalfUpToHundredths(exact);
    result.score = hundredthsToString(rounded);
    ranked.push({ application, exact, rounded, result });
  }
  ranked.sort(
    (a, b) =>
      (a.rounded === b.rounded ? 0 : a.rounded > b.rounded ? -1 : 1) ||
      (a.application.requestedFen === b.application.requestedFen
        ? 0
        : a.application.requestedFen < b.application.requestedFen
          ? -1
          : 1) ||
      compareIds(a.application.id, b.application.id),
  );
  let remaining = budget.value;
  let exhausted = false;
  for (const [index, entry] of ranked.entries()) {
    const { result } = entry;
    result.rank = index + 1;
    if (exhausted) {
      result.outcome = "budget_exhausted";
    } else if (result.requestedFen <= remaining) {
      result.grantedFen = result.requestedFen;
      result.outcome = "funded_in_full";
      remaining -= result.requestedFen;
    } else if (input.partial_funding) {
      exhausted = true;
      if (remaining > 0n) {
        result.grantedFen = remaining;
        result.outcome = "funded_partly";
        remaining = 0n;
      } else {
        result.outcome = "budget_exhausted";
      }
    } else {
      result.outcome = "over_remaining_budget";
    }
  }
  return ok({
    budgetFen: budget.value,
    remainingFen: remaining,
    applications: [...ranked.map((entry) => entry.result), ...unranked],
  });
}

function yuanNumber(fen: bigint): number {
  return Number(hundredthsToString(fen));
}

/** The contract shape printed by `fund allocate`. */
export function fundAllocationContract(allocation: FundAllocation): FundAllocationContract {
  const ranked = allocation.applications.filter((each) => each.score !== undefined);
  return {
    ranking: ranked.map((each) => ({ id: each.id, score: Number(each.score) })),
    funded: allocation.applications
      .filter((each) => each.grantedFen > 0n)
      .map((each) => ({ id: each.id, amount_yuan: yuanNumber(each.grantedFen) })),
    unfunded: allocation.applications.filter((each) => each.grantedFen === 0n).map((each) => each.id),
  };
}
