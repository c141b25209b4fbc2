/**
 * Exact rational arithmetic over BigInt for panel scoring: scores, weights and means are never held in binary
 * floating point. A JSON number is read through its shortest decimal form (80.025 → "80.025" → 80025/1000).
 */

/** A rational number n/d with d > 0, kept in lowest terms. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Builds n/d in lowest terms; d must not be 0. */
export function rational(n: bigint, d = 1n): Rational {
  if (d === 0n) throw new RangeError("division by zero");
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

export const ZERO = rational(0n);

export function add(a: Rational, b: Rational): Rational {
  return rational(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function multiply(a: Rational, b: Rational): Rational {
  return rational(a.n * b.n, a.d * b.d);
}

export function divide(a: Rational, b: Rational): Rational {
  if (b.n === 0n) throw new RangeError("division by zero");
  return rational(a.n * b.d, a.d * b.n);
}

/** −1, 0 or 1 as a is below, equal to or above b. */
export function compare(a: Rational, b: Rational): number {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Sum of the values (0 for none). */
export function sum(values: readonly Rational[]): Rational {
  return values.reduce(add, ZERO);
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/** Reads a decimal number ("80.025", "1e-3", or a finite JSON number) exactly; undefined when it is not one. */
export function parseDecimal(input: unknown): Rational | undefined {
  let text: string;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return undefined;
    text = String(input);
  } else if (typeof input === "string") {
    text = input.trim();
  } else {
    return undefined;
  }
  const match = DECIMAL.exec(text);
  if (!match) return undefined;
  const [, sign, whole, fraction = "", exponentText = "0"] = match;
  const exponent = Number(exponentText) - fraction.length;
  if (Math.abs(exponent) > 400) return undefined;
  let n = BigInt(whole + fraction);
  let d = 1n;
  if (exponent >= 0) n *= 10n ** BigInt(exponent);
  else d = 10n ** BigInt(-exponent);
  return rational(sign === "-" ? -n : n, d);
}

/** Rounds half up (halves away from zero) to whole hundredths: 80.025 → 8003n, −0.005 → −1n. */
export function roundHalfUpToHundredths(value: Rational): bigint {
  const scaled = value.n * 100n;
  const magnitude = scaled < 0n ? -scaled : scaled;
  const rounded = (2n * magnitude + value.d) / (2n * value.d);
  return scaled < 0n ? -rounded : rounded;
}

/** Renders whole hundredths as a plain decimal string with two decimals: 8003n → "80.03". */
export function hundredthsToString(hundredths: bigint): string {
  const negative = hundredths < 0n;
  const magnitude = negative ? -hundredths : hundredths;
  const whole = magnitude / 100n;
  const cents = magnitude % 100n;
  return `${negative ? "-" : ""}${whole}.${String(cents).padStart(2, "0")}`;
}
