/**
 * The panel mechanism shared by purchased services and the innovation fund: recusal, per-criterion means with
 * the trimmed mean at 5 or more reviewers, weighted totals, half-up rounding at the end, ranking ids. Pure code:
 * no database, no clock. The input readers here name the item a malformed input concerns.
 */
import { err, ok, type Problem, type Result } from "../../core/result";
import { add, compare, divide, multiply, parseDecimal, rational, sum, ZERO, type Rational } from "./rational";

/** An item's id in a panel input: a non-empty string or a whole number, echoed back as given. */
export type PanelId = string | number;

/** The problem code of every malformed panel input. */
export const INVALID_PANEL_INPUT = "panel.invalid_input";

/** Panels of at least this many non-recused reviewers drop one highest and one lowest score per criterion. */
export const TRIM_FROM_REVIEWERS = 5;

/** Scores are between these bounds, inclusive. */
export const SCORE_MIN = rational(0n);
export const SCORE_MAX = rational(100n);

export function invalid(field: string, message: string): { ok: false; error: Problem } {
  return err({ code: INVALID_PANEL_INPUT, message: `${field}: ${message}`, field });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads an id: a non-empty string or a safe whole number. */
export function readId(value: unknown, field: string): Result<PanelId, Problem> {
  if (typeof value === "string" && value.trim() !== "") return ok(value);
  if (typeof value === "number" && Number.isSafeInteger(value)) return ok(value);
  return invalid(field, "must be a non-empty string or a whole number");
}

/** Describes an id for messages: "a1" or 7. */
export function showId(id: PanelId): string {
  return typeof id === "number" ? String(id) : JSON.stringify(id);
}

/** Orders ids: numbers numerically before strings, strings by code unit. */
export function compareIds(a: PanelId, b: PanelId): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "number") return -1;
  if (typeof b === "number") return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Reads a number exactly; refuses anything that is not a finite decimal. */
export function readNumber(value: unknown, field: string): Result<Rational, Problem> {
  const parsed = typeof value === "number" ? parseDecimal(value) : undefined;
  if (parsed === undefined) return invalid(field, `must be a number, got ${JSON.stringify(value) ?? "nothing"}`);
  return ok(parsed);
}

/** Reads a weight: a number ≥ 0. */
export function readWeight(value: unknown, field: string): Result<Rational, Problem> {
  const weight = readNumber(value, field);
  if (!weight.ok) return weight;
  if (weight.value.n < 0n) return invalid(field, "a weight must not be negative");
  return weight;
}

/** Reads a score: a number from 0 to 100. */
export function readScore(value: unknown, field: string): Result<Rational, Problem> {
  const score = readNumber(value, field);
  if (!score.ok) return score;
  if (compare(score.value, SCORE_MIN) < 0 || compare(score.value, SCORE_MAX) > 0) {
    return invalid(field, `score ${String(value)} is outside 0–100`);
  }
  return score;
}

/** Reads a yuan amount with at most two decimals into integer fen (as BigInt). */
export function readYuan(value: unknown, field: string): Result<bigint, Problem> {
  const amount = readNumber(value, field);
  if (!amount.ok) return amount;
  const fen = multiply(amount.value, rational(100n));
  if (fen.d !== 1n) return invalid(field, `${String(value)} has more than 2 decimals (fen is the smallest unit)`);
  return ok(fen.n);
}

/** One reviewer's review of one item, read and checked. */
export interface PanelReview {
  reviewer: PanelId;
  item: PanelId;
  conflict: boolean;
  /** Scores per criterion id; empty for a recused review. */
  scores: Map<string, Rational>;
}

/**
 * Reads `reviews[]`: each names its reviewer and item (`itemKey`: "application" or "bid"), an optional boolean
 * `conflict`, and — unless it is a conflict — a score 0–100 for every criterion and no other. One review per
 * reviewer and item.
 */
export function readReviews(
  value: unknown,
  options: { itemKey: string; items: ReadonlySet<PanelId>; criteria: readonly string[] },
): Result<PanelReview[], Problem> {
  if (!Array.isArray(value)) return invalid("reviews", "must be an array");
  const reviews: PanelReview[] = [];
  const seen = new Set<string>();
  for (const [index, raw] of value.entries()) {
    const at = `reviews[${index}]`;
    if (!isRecord(raw)) return invalid(at, "must be an object");
    const reviewer = readId(raw.reviewer, `${at}.reviewer`);
    if (!reviewer.ok) return reviewer;
    const item = readId(raw[options.itemKey], `${at}.${options.itemKey}`);
    if (!item.ok) return item;
    const named = `${at} (reviewer ${showId(reviewer.value)}, ${options.itemKey} ${showId(item.value)})`;
    if (!options.items.has(item.value)) {
      return invalid(`${at}.${options.itemKey}`, `${named} reviews an unknown ${options.itemKey}`);
    }
    const key = JSON.stringify([reviewer.value, item.value]);
    if (seen.has(key)) return invalid(at, `${named} is a second review by the same reviewer`);
    seen.add(key);
    if (raw.conflict !== undefined && typeof raw.conflict !== "boolean") {
      return invalid(`${at}.conflict`, `${named}: conflict must be true or false`);
    }
    const conflict = raw.conflict === true;
    const scores = new Map<string, Rational>();
    if (!conflict) {
      if (!isRecord(raw.scores)) return invalid(`${at}.scores`, `${named}: scores must be an object`);
      for (const criterion of options.criteria) {
        if (!(criterion in raw.scores)) {
          return invalid(`${at}.scores.${criterion}`, `${named} has no score for criterion "${criterion}"`);
        }
        const score = readScore(raw.scores[criterion], `${at}.scores.${criterion}`);
        if (!score.ok) return invalid(score.error.field!, `${named}: ${score.error.message}`);
        scores.set(criterion, score.value);
      }
      const unknown = Object.keys(raw.scores).find((criterion) => !options.criteria.includes(criterion));
      if (unknown !== undefined) {
        return invalid(`${at}.scores.${unknown}`, `${named} scores an unknown criterion "${unknown}"`);
      }
    }
    reviews.push({ reviewer: reviewer.value, item: item.value, conflict, scores });
  }
  return ok(reviews);
}

/**
 * The mean of one criterion's scores: with 5 or more scores, one highest and one lowest are dropped first.
 * Undefined when there are no scores.
 */
export function criterionMean(scores: readonly Rational[]): Rational | undefined {
  if (scores.length === 0) return undefined;
  let kept = [...scores];
  if (kept.length >= TRIM_FROM_REVIEWERS) {
    kept = kept.sort(compare).slice(1, -1);
  }
  return divide(sum(kept), rational(BigInt(kept.length)));
}

/** An item's panel result: who scored it and each criterion's (trimmed) mean. */
export interface PanelMeans {
  /** Reviewers that scored the item (conflicts left out). */
  reviewers: number;
  /** Reviewers recused for a declared conflict. */
  recused: number;
  means: Map<string, Rational>;
}

/** Groups the reviews of one item: recused reviews are left out, then each criterion's mean is taken. */
export function panelMeans(reviews: readonly PanelReview[], item: PanelId, criteria: readonly string[]): PanelMeans {
  const own = reviews.filter((review) => review.item === item);
  const scoring = own.filter((review) => !review.conflict);
  const means = new Map<string, Rational>();
  for (const criterion of criteria) {
    const mean = criterionMean(scoring.map((review) => review.scores.get(criterion)!));
    if (mean !== undefined) means.set(criterion, mean);
  }
  return { reviewers: scoring.length, recused: own.length - scoring.length, means };
}

/** Σ weight_c × mean_c (criteria without a mean add nothing). */
export function weightedSum(weights: ReadonlyMap<string, Rational>, means: ReadonlyMap<string, Rational>): Rational {
  let total = ZERO;
  for (const [criterion, weight] of weights) {
    const mean = means.get(criterion);
    if (mean !== undefined) total = add(total, multiply(weight, mean));
  }
  return total;
}
