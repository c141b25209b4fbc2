/**
 * Purchased-services award by the lowest-price method (the `services award` contract). A bid is valid when its
 * price is above 0 and, where a budget is given, not over it; only valid bids are ranked and only they set the
 * lowest price. A valid bid's score is
 *   (weight_price × 100 × lowest valid price ÷ its price + Σ weight_c × mean_c over plan, staff, past) ÷ Σ weights
 * with the price weight in Σ weights, computed exactly and rounded half up to two decimals at the end. The need is
 * awardable with at least 3 valid bids or a recorded exception; the winner is then the top of the ranking.
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
import {
  add,
  divide,
  hundredthsToString,
  multiply,
  rational,
  roundHalfUpToHundredths,
  sum,
  type Rational,
} from "./rational";

/** The non-price criteria reviewers score. */
export const SERVICE_CRITERIA = ["plan", "staff", "past"] as const;
export type ServiceCriterion = (typeof SERVICE_CRITERIA)[number];

/** Default evaluation weights: price 30, service plan 40, staff 20, past performance 10. */
export const DEFAULT_SERVICE_WEIGHTS = { price: 30, plan: 40, staff: 20, past: 10 } as const;

/** A need is awardable without an exception from this many valid bids. */
export const SERVICES_MIN_VALID_BIDS = 3;

/**
 * Why the award came out as it did:
 * - `awarded`: at least 3 valid bids; the winner is the top of the ranking.
 * - `exception_recorded`: fewer than 3 valid bids, but an exception is recorded; the winner is the top of the ranking.
 * - `fewer_than_3_valid_bids`: fewer than 3 valid bids and no exception: not awardable, no winner.
 * - `no_valid_bids`: an exception is recorded but no bid is valid: nothing to award.
 * - `valid_bid_not_scored`: a valid bid has no review from a non-recused reviewer, so the ranking is incomplete
 *   and no winner is named until the panel scores it.
 */
export type ServiceAwardReason =
  "awarded" | "exception_recorded" | "fewer_than_3_valid_bids" | "no_valid_bids" | "valid_bid_not_scored";

/** Why a bid is not valid. */
export type BidInvalidity = "price_not_above_0" | "over_budget";

export interface ServiceBidResult {
  id: PanelId;
  vendor: unknown;
  priceFen: bigint;
  valid: boolean;
  invalidity?: BidInvalidity;
  reviewers: number;
  recused: number;
  /** Criterion means rounded half up for display ("85.33"); the price part as points out of 100. */
  means: Record<string, string>;
  pricePoints?: string;
  score?: string;
  rank?: number;
}

export interface ServiceAward {
  /** Ranked bids first (rank order), then unranked ones (input order). */
  bids: ServiceBidResult[];
  validBids: number;
  lowestValidPriceFen?: bigint;
  exception: boolean;
  awardable: boolean;
  winner: PanelId | null;
  reason: ServiceAwardReason;
}

/** The printed contract: `{ ranking: [{ id, score }], winner, awardable, reason }`. */
export interface ServiceAwardContract {
  ranking: { id: PanelId; score: number }[];
  winner: PanelId | null;
  awardable: boolean;
  reason: ServiceAwardReason;
}

function readException(value: unknown): Result<boolean, Problem> {
  if (value === undefined || value === null || value === false) return ok(false);
  if (value === true) return ok(true);
  const reason = isRecord(value) ? value.reason : value;
  if (typeof reason === "string" && reason.trim() !== "") return ok(true);
  return invalid("exception", "must be true, false, a non-empty reason, or { reason }");
}

/** Reads and checks a `services award` input and computes the award; the error names the item at fault. */
export function awardServices(input: unknown): Result<ServiceAward, Problem> {
  if (!isRecord(input)) return invalid("input", "must be a JSON object");
  const rawWeights = input.weights === undefined ? DEFAULT_SERVICE_WEIGHTS : input.weights;
  if (!isRecord(rawWeights)) return invalid("weights", "must be an object { price, plan, staff, past }");
  const weights = new Map<string, Rational>();
  for (const key of ["price", ...SERVICE_CRITERIA]) {
    if (!(key in rawWeights)) return invalid(`weights.${key}`, `the weight of "${key}" is missing`);
    const weight = readWeight(rawWeights[key], `weights.${key}`);
    if (!weight.ok) return weight;
    weights.set(key, weight.value);
  }
  const unknownWeight = Object.keys(rawWeights).find((key) => !weights.has(key));
  if (unknownWeight !== undefined) return invalid(`weights.${unknownWeight}`, `unknown criterion "${unknownWeight}"`);
  const totalWeight = sum([...weights.values()]);
  if (totalWeight.n === 0n) return invalid("weights", "the weights add up to 0");
  let budgetFen: bigint | undefined;
  if (input.budget_yuan !== undefined && input.budget_yuan !== null) {
    const budget = readYuan(input.budget_yuan, "budget_yuan");
    if (!budget.ok) return budget;
    if (budget.value < 0n) return invalid("budget_yuan", "must not be negative");
    budgetFen = budget.value;
  }
  const exception = readException(input.exception);
  if (!exception.ok) return exception;
  if (!Array.isArray(input.bids)) return invalid("bids", "must be an array");
  const bids: ServiceBidResult[] = [];
  const ids = new Set<PanelId>();
  for (const [index, raw] of input.bids.entries()) {
    const at = `bids[${index}]`;
    if (!isRecord(raw)) return invalid(at, "must be an object { id, vendor, price_yuan }");
    const id = readId(raw.id, `${at}.id`);
    if (!id.ok) return id;
    if (ids.has(id.value)) return invalid(`${at}.id`, `bid ${showId(id.value)} is listed twice`);
    ids.add(id.value);
    const price = readYuan(raw.price_yuan, `${at}.price_yuan`);
    if (!price.ok) return invalid(price.error.field!, `bid ${showId(id.value)}: ${price.error.message}`);
    const invalidity: BidInvalidity | undefined =
      price.value <= 0n
        ? "price_not_above_0"
        : budgetFen !== undefined && price.value > budgetFen
          ? "over_budget"
          : undefined;
    bids.push({
      id: id.value,
      vendor: raw.vendor,
      priceFen: price.value,
      valid: invalidity === undefined,
      ...(invalidity ? { invalidity } : {}),
      reviewers: 0,
      recused: 0,
      means: {},
    });
  }
  const reviews = readReviews(input.reviews, { itemKey: "bid", items: ids, criteria: SERVICE_CRITERIA });
  if (!reviews.ok) return reviews;

  const valid = bids.filter((bid) => bid.valid);
  const lowest = valid.reduce<bigint | undefined>(
    (low, bid) => (low === undefined || bid.priceFen < low ? bid.priceFen : low),
    undefined,
  );
  const priceWeight = weights.get("price")!;
  const criteriaWeights = new Map([...weights].filter(([key]) => key !== "price"));
  const ranked: { bid: ServiceBidResult; rounded: bigint }[] = [];
  let unscored = false;
  for (const bid of bids) {
    const panel = panelMeans(reviews.value, bid.id, SERVICE_CRITERIA);
    bid.reviewers = panel.reviewers;
    bid.recused = panel.recused;
    for (const [criterion, mean] of panel.means)
      bid.means[criterion] = hundredthsToString(roundHalfUpToHundredths(mean));
    if (!bid.valid || lowest === undefined) continue;
    if (panel.reviewers === 0) {
      unscored = true;
      continue;
    }
    const pricePoints = divide(rational(100n * lowest), rational(bid.priceFen));
    bid.pricePoints = hundredthsToString(roundHalfUpToHundredths(pricePoints));
    const exact = divide(
      add(multiply(priceWeight, pricePoints), weightedSum(criteriaWeights, panel.means)),
      totalWeight,
    );
    const rounded = roundHalfUpToHundredths(exact);
    bid.score = hundredthsToString(rounded);
    ranked.push({ bid, rounded });
  }
  ranked.sort(
    (a, b) =>
      (a.rounded === b.rounded ? 0 : a.rounded > b.rounded ? -1 : 1) ||
      (a.bid.priceFen === b.bid.priceFen ? 0 : a.bid.priceFen < b.bid.priceFen ? -1 : 1) ||
      compareIds(a.bid.id, b.bid.id),
  );
  ranked.forEach((entry, index) => (entry.bid.rank = index + 1));
  const awardable = valid.length >= SERVICES_MIN_VALID_BIDS || exception.value;
  let reason: ServiceAwardReason;
  if (!awardable) reason = "fewer_than_3_valid_bids";
  else if (valid.length === 0) reason = "no_valid_bids";
  else if (unscored) reason = "valid_bid_not_scored";
  else reason = valid.length >= SERVICES_MIN_VALID_BIDS ? "awarded" : "exception_recorded";
  const winner = reason === "awarded" || reason === "exception_recorded" ? ranked[0].bid.id : null;
  const rankedIds = new Set(ranked.map((entry) => entry.bid.id));
  return ok({
    bids: [...ranked.map((entry) => entry.bid), ...bids.filter((bid) => !rankedIds.has(bid.id))],
    validBids: valid.length,
    ...(lowest !== undefined ? { lowestValidPriceFen: lowest } : {}),
    exception: exception.value,
    awardable,
    winner,
    reason,
  });
}

/** The contract shape printed by `services award`. */
export function serviceAwardContract(award: ServiceAward): ServiceAwardContract {
  return {
    ranking: award.bids
      .filter((bid) => bid.score !== undefined)
      .map((bid) => ({ id: bid.id, score: Number(bid.score) })),
    winner: award.winner,
    awardable: award.awardable,
    reason: award.reason,
  };
}
