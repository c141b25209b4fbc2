import type { Kysely, Selectable } from "kysely";
import type { AuditEntriesTable, Database } from "../../db/schema";
import { genesisHash, hashAuditContent, type AuditContent } from "./audit.hash";
import { readAnchors, type AuditAnchor } from "./audit.anchor";
import { waitingProblems, waitingRowContent } from "./audit.pending";
import { anchorMac, auditSecretSettings, describeKeySource, entryMac, loadAuditKey, sameMac } from "./audit.key";

/** One break in the chain: where it is and what is wrong. */
export interface AuditProblem {
  position: number;
  id: string | null;
  reason: string;
}

/** The newest entry as the audit head records it: an operator keeps this hash outside the database. */
export interface AuditHead {
  position: number;
  hash: string;
}

/** The outcome of checking the whole chain. */
export interface AuditVerification {
  ok: boolean;
  checked: number;
  problems: AuditProblem[];
  /** The audit head when the check started (null when its record is missing). */
  head: AuditHead | null;
  /** Whether the keyed hashes were checked (false when the audit key was not available). */
  keyed: boolean;
  /** Entries committed and waiting for their place in the chain (chained within moments by their write). */
  waiting: number;
  /** The anchors of this chain found outside the database and checked, and the newest of them. */
  anchors: { checked: number; latest: { at: string; position: number; hash: string } | null };
}

/** Options of a check. */
export interface AuditVerifyOptions {
  /** Called after each batch with the entries checked so far and the total. */
  onProgress?: (checked: number, total: number) => void;
  /** A head hash recorded earlier outside the database: it must still be the hash of an entry of the chain. */
  expectHead?: string;
  /** The audit key; by default the configured one (never created by a check). Null: keyed hashes not checked. */
  key?: Buffer | null;
  /** The anchor file; by default the configured one. Null: no anchors checked. */
  anchorFile?: string | null;
}

const batchSize = 2000;

/** The content of a stored audit entry as its hash covers it (and as the audit API shows it, with the hash). */
export function auditRowContent(row: Selectable<AuditEntriesTable>): AuditContent {
  return { ...waitingRowContent(row), position: Number(row.position), previousHash: row.previous_hash };
}

async function readHead(db: Kysely<Database>): Promise<AuditHead | null> {
  const row = await db.selectFrom("audit_head").select(["position", "hash"]).executeTakeFirst();
  return row ? { position: Number(row.position), hash: row.hash } : null;
}

/**
 * Re-hashes every audit entry in position order and checks the links: an edited entry no longer matches its
 * hash, a deleted one leaves a gap in the positions and a broken link, and deleted newest entries leave the
 * audit head pointing past the end (a truncated tail). Reports each problem with its position; with
 * `expectHead`, also checks that a head hash recorded earlier is still in the chain.
 */
export async function verifyAuditChain(
  db: Kysely<Database>,
  options: AuditVerifyOptions = {},
): Promise<AuditVerification> {
  const head = await readHead(db);
  const settings = auditSecretSettings();
  const key = options.key !== undefined ? options.key : loadAuditKey({ create: false }, settings);
  const anchorFile = options.anchorFile !== undefined ? options.anchorFile : settings.anchorFile;
  const anchorRead = anchorFile ? readAnchors(anchorFile) : { anchors: [], malformed: [] };
  // Only anchors signed with the audit key count; a forged one is reported and otherwise ignored.
  const signed = anchorRead.anchors.filter((anchor) => !key || sameMac(anchor.mac, anchorMac(key, anchor)));
  const forged = anchorRead.anchors.filter((anchor) => !signed.includes(anchor));
  let chain: string | null = null;
  let anchors: AuditAnchor[] = [];
  const anchored = new Map<number, AuditAnchor[]>();
  let unsealedFrom: number | null = null;
  const unsealed: AuditProblem[] = [];
  const closeUnsealed = (end: number) => {
    if (unsealedFrom === null) return;
    const range = unsealedFrom === end ? `${end}` : `${unsealedFrom}–${end}`;
    unsealed.push({
      position: unsealedFrom,
      id: null,
      reason: `no keyed hash at position ${range} (written before the audit key, or removed): run \`gongzhi audit seal\` once if these entries predate the key`,
    });
    unsealedFrom = null;
  };
  const totalRow = await db
    .selectFrom("audit_entries")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .$if(head !== null, (query) => query.where("position", "<=", head!.position))
    .executeTakeFirstOrThrow();
  const total = Number(totalRow.count);
  const problems: AuditProblem[] = [];
  let expectedPosition = 1;
  let previousHash = genesisHash;
  let checked = 0;
  let after = 0;
  let last: { position: number; id: string; hash: string } | null = null;
  let expectedHeadFound = false;
  while (true) {
    const rows = await db
      .selectFrom("audit_entries")
      .selectAll()
      .where("position", ">", after)
      .$if(head !== null, (query) => query.where("position", "<=", head!.position))
      .orderBy("position")
      .limit(batchSize)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const position = Number(row.position);
      if (chain === null) {
        // The chain's identity is its first entry's hash (or, with that entry gone, any anchor applies).
        chain = position === 1 ? row.hash : null;
        anchors = signed.filter((anchor) => chain === null || anchor.chain === chain);
        for (const anchor of anchors) anchored.set(anchor.position, [...(anchored.get(anchor.position) ?? []), anchor]);
        chain ??= "";
      }
      if (position !== expectedPosition) {
        const missing =
          expectedPosition === position - 1 ? `${expectedPosition}` : `${expectedPosition}–${position - 1}`;
        problems.push({
          position: expectedPosition,
          id: null,
          reason: `entries missing at position ${missing} (deleted)`,
        });
      }
      if (row.previous_hash !== previousHash) {
        problems.push({ position, id: row.id, reason: "previous hash does not match the entry before it" });
      }
      const recomputed = hashAuditContent(auditRowContent(row));
      if (recomputed !== row.hash) {
        problems.push({ position, id: row.id, reason: "content does not match its hash (edited)" });
      }
      if (key) {
        if (row.mac === null) unsealedFrom ??= position;
        else {
          closeUnsealed(position - 1);
          if (!sameMac(row.mac, entryMac(key, row.hash)))
            problems.push({
              position,
              id: row.id,
              reason: "keyed hash does not match (written or re-hashed without the audit key)",
            });
        }
      }
      for (const anchor of anchored.get(position) ?? []) {
        if (anchor.hash !== row.hash)
          problems.push({
            position,
            id: row.id,
            reason: `differs from the anchor of ${anchor.at} (anchor file line ${(anchor as AuditAnchor & { line: number }).line}): rewritten since`,
          });
      }
      if (options.expectHead !== undefined && row.hash === options.expectHead) expectedHeadFound = true;
      previousHash = row.hash;
      expectedPosition = position + 1;
      last = { position, id: row.id, hash: row.hash };
      checked += 1;
    }
    after = Number(rows[rows.length - 1].position);
    options.onProgress?.(checked, total);
  }
  closeUnsealed(last?.position ?? 0);
  problems.push(...unsealed);
  if (chain === null) {
    // An empty chain: every anchor applies (a chain that had entries and has none now was emptied).
    anchors = signed;
  }
  problems.push(...anchorProblems(anchors, forged, anchorRead.malformed, last?.position ?? 0));
  if (!key && checked > 0)
    problems.push({
      position: 1,
      id: null,
      reason: `the audit key is not available (${describeKeySource(settings)}): keyed hashes and anchor signatures not checked`,
    });
  problems.push(...(await headProblems(db, head, last)));
  const waiting = await waitingProblems(db, key);
  problems.push(...waiting.problems.map((problem) => ({ position: 0, ...problem })));
  if (options.expectHead !== undefined && !expectedHeadFound) {
    problems.push({
      position: (last?.position ?? 0) + 1,
      id: null,
      reason: `the recorded head hash ${options.expectHead} is not in the chain (entries deleted or rewritten since it was recorded)`,
    });
  }
  const latest = anchors.reduce<AuditAnchor | null>(
    (newest, anchor) => (newest === null || anchor.position >= newest.position ? anchor : newest),
    null,
  );
  return {
    ok: problems.length === 0,
    checked,
    problems,
    head,
    keyed: key !== null,
    waiting: waiting.waiting,
    anchors: {
      checked: anchors.length,
      latest: latest ? { at: latest.at, position: latest.position, hash: latest.hash } : null,
    },
  };
}

/** Anchors that are forged (bad signature), unreadable, or record entries the chain no longer has. */
function anchorProblems(
  anchors: AuditAnchor[],
  forged: (AuditAnchor & { line: number })[],
  malformed: number[],
  lastPosition: number,
): AuditProblem[] {
  const problems: AuditProblem[] = [
    ...malformed.map((line) => ({
      position: 0,
      id: null,
      reason: `anchor file line ${line} is not an anchor (edited?)`,
    })),
    ...forged.map((anchor) => ({
      position: anchor.position,
      id: null,
      reason: `anchor file line ${anchor.line}: signature does not match (forged anchor)`,
    })),
  ];
  const longest = anchors.reduce<AuditAnchor | null>(
    (best, anchor) => (best === null || anchor.position > best.position ? anchor : best),
    null,
  );
  if (longest && longest.position > lastPosition) {
    const missing =
      lastPosition + 1 === longest.position ? `${longest.position}` : `${lastPosition + 1}–${longest.position}`;
    problems.push({
      position: lastPosition + 1,
      id: null,
      reason: `entries missing at position ${missing} (deleted: the anchor of ${longest.at} outside the database records ${longest.position} entries ending in hash ${longest.hash})`,
    });
  }
  return problems;
}

/** Compares the head read at the start with the last entry checked, and looks for entries the head never covered. */
async function headProblems(
  db: Kysely<Database>,
  head: AuditHead | null,
  last: { position: number; id: string; hash: string } | null,
): Promise<AuditProblem[]> {
  if (!head) {
    return last ? [{ position: last.position, id: null, reason: "the audit head record is missing (deleted)" }] : [];
  }
  const lastPosition = last?.position ?? 0;
  if (lastPosition < head.position) {
    const missing = lastPosition + 1 === head.position ? `${head.position}` : `${lastPosition + 1}–${head.position}`;
    return [
      {
        position: lastPosition + 1,
        id: null,
        reason: `entries missing at position ${missing} (deleted: truncated tail — the audit head records ${head.position} entries ending in hash ${head.hash})`,
      },
    ];
  }
  if (last && last.hash !== head.hash) {
    return [
      {
        position: last.position,
        id: last.id,
        reason: "the newest entry's hash does not match the audit head (rewritten)",
      },
    ];
  }
  // Entries the head never covered: read the table's end first, then the head (an append moves both at once).
  const end = await db
    .selectFrom("audit_entries")
    .select((eb) => eb.fn.max("position").as("position"))
    .executeTakeFirst();
  const now = await readHead(db);
  const endPosition = Number(end?.position ?? 0);
  if (now && endPosition > now.position) {
    return [
      {
        position: now.position + 1,
        id: null,
        reason: `entries after the audit head (position ${now.position}) that it does not record`,
      },
    ];
  }
  return [];
}
