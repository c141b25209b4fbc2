/**
 * Points as exact integer hundredths (333.45 points = 33345). Results are never computed in binary floating point.
 */
import { err, ok, type Problem, type Result } from "./result";

const POINTS_PATTERN = /^([+-])?(\d+)(?:\.(\d{1,2}))?$/;

/** Parses points ("333.45", "12", "-3.5" or a finite number) into a Result of integer hundredths. */
export function parsePointsResult(input: string | number, field = "points"): Result<number, Problem> {
  if (typeof input === "number" && !Number.isFinite(input)) {
    return err({ code: "points.not_finite", message: `${field} must be a finite number`, field });
  }
  if (typeof input !== "number" && typeof input !== "string") {
    return err({ code: "points.invalid", message: `${field} must be a number of points`, field });
  }
  const text = typeof input === "number" ? String(input) : input.trim();
  const match = POINTS_PATTERN.exec(text);
  if (!match) {
    const tooPrecise = /^[+-]?\d+\.\d{3,}$/.test(text);
    return err({
      code: tooPrecise ? "points.too_precise" : "points.invalid",
      message: tooPrecise
        ? `${field} has more than 2 decimals: "${text}"`
        : `${field} is not a number of points like 333.45: "${text}"`,
      field,
    });
  }
  const [, sign, whole, fraction = ""] = match;
  const hundredths = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  if (!Number.isSafeInteger(hundredths)) {
    return err({ code: "points.too_large", message: `${field} is too large: "${text}"`, field });
  }
  return ok(sign === "-" && hundredths !== 0 ? -hundredths : hundredths);
}

/** Parses points into integer hundredths; throws RangeError on bad input (use parsePointsResult for user input). */
export function parsePoints(input: string | number): number {
  const parsed = parsePointsResult(input);
  if (!parsed.ok) throw new RangeError(parsed.error.message);
  return parsed.value;
}

function assertHundredths(hundredths: number): void {
  if (!Number.isSafeInteger(hundredths)) throw new RangeError(`points must be integer hundredths, got ${hundredths}`);
}

/** Converts hundredths to a JavaScript number for display or JSON (333.45); never feed it back into arithmetic. */
export function pointsToNumber(hundredths: number): number {
  return Number(formatPoints(hundredths));
}

/** Renders hundredths with exactly two decimals ("333.45", "-3.50"). */
export function formatPoints(hundredths: number): string {
  assertHundredths(hundredths);
  const sign = hundredths < 0 ? "-" : "";
  const absolute = Math.abs(hundredths);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, "0")}`;
}

/**
 * Multiplies points by a whole percentage (130 for ×130 %), result in hundredths rounded half-up (halves away from
 * zero). Exact whenever the points are a multiple of 0.1, as every Zhongshan score is.
 */
export function multiplyPointsByPercent(hundredths: number, percent: number): number {
  assertHundredths(hundredths);
  if (!Number.isSafeInteger(percent) || percent < 0) {
    throw new RangeError(`percent must be a non-negative integer, got ${percent}`);
  }
  const product = BigInt(Math.abs(hundredths)) * BigInt(percent);
  let quotient = product / 100n;
  if (product % 100n >= 50n) quotient += 1n;
  const result = Number(quotient);
  if (!Number.isSafeInteger(result)) throw new RangeError(`points result is too large`);
  return hundredths < 0 && result !== 0 ? -result : result;
}
