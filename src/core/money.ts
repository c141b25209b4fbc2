/**
 * Money in integer fen (1 yuan = 100 fen). Parsing is exact from decimal strings, never via binary floating point.
 */
import { err, ok, type Problem, type Result } from "./result";

/** How a fractional fen is rounded: toward zero ("down") or to nearest with halves away from zero ("half_up"). */
export type Rounding = "down" | "half_up";

/** A non-negative ratio numerator/denominator, e.g. 3/10 for 30 %. */
export interface Ratio {
  numerator: number;
  denominator: number;
}

const YUAN_PATTERN = /^([+-])?(\d+)(?:\.(\d{1,2}))?$/;

/** Parses a yuan amount ("976", "976.5", "-3.05", or a finite number) into integer fen; refuses >2 decimals. */
export function parseYuan(input: string | number, field = "amount"): Result<number, Problem> {
  let text: string;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) {
      return err({ code: "money.not_finite", message: `${field} must be a finite number of yuan`, field });
    }
    // Shortest round-trip decimal form of the number; exponent forms (1e21, 1e-7) are refused below.
    text = String(input);
  } else if (typeof input === "string") {
    text = input.trim();
  } else {
    return err({ code: "money.invalid", message: `${field} must be a yuan amount`, field });
  }
  const match = YUAN_PATTERN.exec(text);
  if (!match) {
    const tooPrecise = /^[+-]?\d+\.\d{3,}$/.test(text);
    return err(
      tooPrecise
        ? {
            code: "money.too_precise",
            message: `${field} has more than 2 decimals (fen is the smallest unit): "${text}"`,
            field,
          }
        : { code: "money.invalid", message: `${field} is not a yuan amount like 976 or 976.05: "${text}"`, field },
    );
  }
  const [, sign, whole, fraction = ""] = match;
  const fen = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  if (!Number.isSafeInteger(fen)) {
    return err({ code: "money.too_large", message: `${field} is too large: "${text}"`, field });
  }
  return ok(sign === "-" && fen !== 0 ? -fen : fen);
}

/** Converts a yuan amount to integer fen exactly; throws RangeError on bad input (use parseYuan for user input). */
export function yuanToFen(yuan: string | number): number {
  const parsed = parseYuan(yuan);
  if (!parsed.ok) throw new RangeError(parsed.error.message);
  return parsed.value;
}

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be a safe integer, got ${fen}`);
}

/** Renders fen as a plain yuan string with two decimals ("976.00", "-3.05"), for storage and exports. */
export function fenToYuanString(fen: number): string {
  assertFen(fen);
  const sign = fen < 0 ? "-" : "";
  const absolute = Math.abs(fen);
  const whole = Math.floor(absolute / 100);
  const cents = absolute % 100;
  return `${sign}${whole}.${String(cents).padStart(2, "0")}`;
}

/** Renders fen for people: "¥1,464.00", "-¥3.05". */
export function formatYuan(fen: number): string {
  const plain = fenToYuanString(fen);
  const negative = plain.startsWith("-");
  const [whole, cents] = (negative ? plain.slice(1) : plain).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}¥${grouped}.${cents}`;
}

/** Multiplies fen by an exact ratio with an explicit rounding rule, using BigInt so no precision is lost. */
export function multiplyFen(fen: number, ratio: Ratio, rounding: Rounding): number {
  assertFen(fen);
  const { numerator, denominator } = ratio;
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || numerator < 0 || denominator <= 0) {
    throw new RangeError(`ratio must be a non-negative integer numerator over a positive integer denominator`);
  }
  const product = BigInt(Math.abs(fen)) * BigInt(numerator);
  const divisor = BigInt(denominator);
  let quotient = product / divisor;
  if (rounding === "half_up" && (product % divisor) * 2n >= divisor) quotient += 1n;
  const result = Number(quotient);
  if (!Number.isSafeInteger(result)) throw new RangeError(`result of multiplying ${fen} fen is too large`);
  return fen < 0 && result !== 0 ? -result : result;
}
