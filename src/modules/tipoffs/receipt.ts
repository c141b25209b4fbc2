/**
 * Receipt codes: 120 random bits written as 24 Crockford base-32 characters in groups of four
 * (`7KQ2-M9XD-…`). Only the sha256 of the normalised code is stored, so the database never holds a code that
 * would let its reader follow a tip as the reporter.
 */
import { createHash, randomBytes } from "node:crypto";

const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** The number of random bits in a receipt code. */
export const receiptBits = 120;

/** A fresh receipt code. */
export function newReceiptCode(): string {
  const bytes = randomBytes(receiptBits / 8);
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{4}/g)!.join("-");
}

/** The code as typed, normalised: upper case, no separators or spaces, O→0 and I/L→1 as Crockford reads them. */
export function normaliseReceiptCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}

/** Tells whether a typed code has the shape of a receipt code (24 characters of the alphabet). */
export function isReceiptCodeShape(typed: string): boolean {
  const code = normaliseReceiptCode(typed);
  return code.length === receiptBits / 5 && [...code].every((character) => alphabet.includes(character));
}

/** The stored form of a receipt code. */
export function receiptHash(typed: string): string {
  return createHash("sha256").update(normaliseReceiptCode(typed)).digest("hex");
}

/** A random token (Open311 `token`, not a secret) and a short reference staff read. */
export function newToken(): string {
  return randomBytes(12).toString("hex");
}
