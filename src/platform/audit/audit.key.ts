/**
 * The audit key: a secret kept OUTSIDE the database, with which every audit entry's hash is sealed (HMAC-SHA256)
 * and every anchor of the head is signed. Someone who can edit the database but not read this key can neither
 * rewrite an entry and re-hash the rest, nor forge the keyed hash of an entry they add, nor forge an anchor.
 *
 * Where it comes from, first match wins:
 * - `GONGZHI_AUDIT_KEY`: the key itself, 64 or more hexadecimal characters (e.g. from a secrets manager);
 * - `GONGZHI_AUDIT_KEY_FILE` (default `./secrets/audit.key`): a file holding it, created (mode 0600, 32 random
 *   bytes) the first time Gongzhi writes an audit entry and finds none. Checking never creates a key.
 *
 * The anchor file (`GONGZHI_AUDIT_ANCHORS`, default `./secrets/audit-anchors.jsonl`, `off` to disable) is where
 * the server appends the head it has seen, signed, at start, hourly and at shutdown (audit.anchor.ts).
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** Where the audit key and the anchors live, read from the environment. */
export interface AuditSecretSettings {
  /** The key given directly in the environment (hex), if any. */
  keyHex: string | null;
  /** The key file (absolute), used when no key is given directly. */
  keyFile: string;
  /** The anchor file (absolute), or null when anchoring is off. */
  anchorFile: string | null;
}

/** Reads the audit secret settings from the environment (paths relative to the working directory). */
export function auditSecretSettings(environment = process.env): AuditSecretSettings {
  const anchors = environment.GONGZHI_AUDIT_ANCHORS?.trim();
  return {
    keyHex: environment.GONGZHI_AUDIT_KEY?.trim() || null,
    keyFile: resolve(environment.GONGZHI_AUDIT_KEY_FILE?.trim() || "secrets/audit.key"),
    anchorFile: anchors === "off" ? null : resolve(anchors || "secrets/audit-anchors.jsonl"),
  };
}

/** Describes where the key comes from, for messages (never the key itself). */
export function describeKeySource(settings = auditSecretSettings()): string {
  return settings.keyHex ? "GONGZHI_AUDIT_KEY" : settings.keyFile;
}

function parseKey(text: string, source: string): Buffer {
  const hex = text.trim().toLowerCase();
  if (!/^[0-9a-f]{64,}$/.test(hex) || hex.length % 2 !== 0)
    throw new Error(`audit key from ${source}: expected 64 or more hexadecimal characters (32+ bytes)`);
  return Buffer.from(hex, "hex");
}

const cache = new Map<string, Buffer>();

/**
 * The audit key, or null when none exists and `create` is false. With `create`, a missing key file is created
 * with a new random key (the first write of a new installation).
 */
export function loadAuditKey(options: { create: boolean }, settings = auditSecretSettings()): Buffer | null {
  if (settings.keyHex) return parseKey(settings.keyHex, "GONGZHI_AUDIT_KEY");
  const cached = cache.get(settings.keyFile);
  if (cached) return cached;
  if (!existsSync(settings.keyFile)) {
    if (!options.create) return null;
    mkdirSync(dirname(settings.keyFile), { recursive: true, mode: 0o700 });
    try {
      // "wx": never overwrite a key another process created a moment ago.
      writeFileSync(settings.keyFile, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    chmodSync(settings.keyFile, 0o600);
  }
  const key = parseKey(readFileSync(settings.keyFile, "utf8"), settings.keyFile);
  cache.set(settings.keyFile, key);
  return key;
}

/** The keyed hash (HMAC-SHA256, hex) of an audit entry, over its chain hash (which covers its content and link). */
export function entryMac(key: Buffer, hash: string): string {
  return createHmac("sha256", key).update(`gongzhi.audit.entry.v1\n${hash}`).digest("hex");
}

/**
 * The keyed hash (HMAC-SHA256, hex) of an entry waiting for its place in the chain (audit.pending.ts), over its
 * canonical content without position and link: the sealer chains only waiting entries that carry a valid one, so
 * an entry slipped into the waiting table without the audit key is never chained.
 */
export function waitingMac(key: Buffer, canonicalContent: string): string {
  return createHmac("sha256", key).update(`gongzhi.audit.waiting.v1\n${canonicalContent}`).digest("hex");
}

/** The signature (HMAC-SHA256, hex) of an anchor line. */
export function anchorMac(key: Buffer, anchor: { at: string; position: number; hash: string; chain: string }): string {
  return createHmac("sha256", key)
    .update(`gongzhi.audit.anchor.v1\n${anchor.at}\n${anchor.position}\n${anchor.hash}\n${anchor.chain}`)
    .digest("hex");
}

/** Compares two hex MACs in constant time. */
export function sameMac(a: string | null | undefined, b: string): boolean {
  if (typeof a !== "string" || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
