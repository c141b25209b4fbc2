import { createHash } from "node:crypto";

/** The hash that precedes the first entry of the chain. */
export const genesisHash = "0".repeat(64);

/** The content of an audit entry that its hash covers (everything but the hash itself). */
export interface AuditContent {
  position: number;
  id: string;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string;
  townCode: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  previousHash: string;
}

/** Serialises a JSON value with object keys sorted at every level, so equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The sha256 (hex) of an entry's canonical content, which includes the previous entry's hash. */
export function hashAuditContent(content: AuditContent): string {
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}
