/**
 * Anchors of the audit head written OUTSIDE the database: one signed JSON line per anchor in the anchor file
 * (`GONGZHI_AUDIT_ANCHORS`, default ./secrets/audit-anchors.jsonl). Each line records how many entries the chain
 * had and the hash of the newest, at a time. Someone who can edit the database cannot make the chain shorter
 * than an anchor, nor rewrite an anchored entry, without `audit verify` noticing; copy the file elsewhere (or
 * publish its last line daily) to protect it from someone who also controls this machine.
 *
 * Each line names its chain by the hash of the chain's first entry, so anchors of another database (a data
 * folder deleted and created again) are told apart rather than reported as tampering.
 */
import { appendFileSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { now } from "../../core/clock";
import { genesisHash } from "./audit.hash";
import { anchorMac, auditSecretSettings, loadAuditKey } from "./audit.key";

/** One anchor: the chain's length and newest hash at a moment, signed with the audit key. */
export interface AuditAnchor {
  at: string;
  position: number;
  hash: string;
  /** The hash of the chain's first entry: which chain this anchor belongs to. */
  chain: string;
  mac: string;
}

/** The anchors of a file, and the line numbers that are not anchors at all. */
export interface AnchorFile {
  anchors: (AuditAnchor & { line: number })[];
  malformed: number[];
}

/** Reads an anchor file (a missing file has no anchors). */
export function readAnchors(file: string): AnchorFile {
  if (!existsSync(file)) return { anchors: [], malformed: [] };
  const result: AnchorFile = { anchors: [], malformed: [] };
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((text, index) => {
      if (text.trim() === "") return;
      try {
        const value = JSON.parse(text) as Partial<AuditAnchor>;
        if (
          typeof value.at === "string" &&
          Number.isInteger(value.position) &&
          typeof value.hash === "string" &&
          typeof value.chain === "string" &&
          typeof value.mac === "string"
        ) {
          result.anchors.push({ ...(value as AuditAnchor), line: index + 1 });
          return;
        }
      } catch {
        // reported below
      }
      result.malformed.push(index + 1);
    });
  return result;
}

/** The hash of the chain's first entry (its identity), or the genesis hash for an empty chain. */
export async function chainIdentity(db: Kysely<Database>): Promise<string> {
  const first = await db.selectFrom("audit_entries").select("hash").where("position", "=", 1).executeTakeFirst();
  return first?.hash ?? genesisHash;
}

/**
 * Appends the current audit head to the anchor file, signed with the audit key (created if missing), unless
 * the file's last anchor of this chain already records it. Returns the anchor written, or null (nothing new,
 * an empty chain, or anchoring off).
 */
export async function writeAuditAnchor(
  db: Kysely<Database>,
  settings = auditSecretSettings(),
): Promise<AuditAnchor | null> {
  const file = settings.anchorFile;
  if (!file) return null;
  const head = await db.selectFrom("audit_head").select(["position", "hash"]).executeTakeFirst();
  if (!head || Number(head.position) === 0) return null;
  const chain = await chainIdentity(db);
  const last = readAnchors(file)
    .anchors.filter((anchor) => anchor.chain === chain)
    .at(-1);
  if (last && last.position === Number(head.position) && last.hash === head.hash) return null;
  const key = loadAuditKey({ create: true }, settings)!;
  const unsigned = { at: now().toISOString(), position: Number(head.position), hash: head.hash, chain };
  const anchor: AuditAnchor = { ...unsigned, mac: anchorMac(key, unsigned) };
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  appendFileSync(file, `${JSON.stringify(anchor)}\n`, { mode: 0o600 });
  const descriptor = openSync(file, "r");
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
  return anchor;
}
