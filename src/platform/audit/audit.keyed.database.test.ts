import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { createTestDatabase, type TestDatabase } from "../../../tests/helpers/database";
import { inTransaction } from "../../db/transaction";
import { writeAuditAnchor } from "./audit.anchor";
import { hashAuditContent } from "./audit.hash";
import { anchorMac, auditSecretSettings, loadAuditKey } from "./audit.key";
import { appendAudit } from "./audit.log";
import { sealAuditEntries } from "./audit.seal";
import { auditRowContent, verifyAuditChain } from "./audit.verify";

// Tampering by someone with full database access but without the audit key (kept outside the database).
// Runs on PGlite by default and on PostgreSQL with DATABASE_URL.
const folder = mkdtempSync(join(tmpdir(), "gongzhi-audit-keyed-"));
const key = loadAuditKey({ create: false })!; // the fixed test key (vitest.config.ts)
let database: TestDatabase;
let anchorFile: string;
let settings: ReturnType<typeof auditSecretSettings>;

beforeAll(async () => {
  database = await createTestDatabase();
});
beforeEach(async () => {
  // A new, empty chain for each test (cheaper than a new database).
  await asSuperuser(["truncate audit_entries", `update audit_head set position = 0, hash = '${"0".repeat(64)}'`]);
  anchorFile = join(folder, `${Math.random().toString(36).slice(2)}.jsonl`);
  settings = { ...auditSecretSettings(), anchorFile };
});
afterAll(async () => {
  await database?.close();
  rmSync(folder, { recursive: true, force: true });
});

async function append(count: number): Promise<void> {
  for (let index = 0; index < count; index += 1)
    await inTransaction(database.db, (trx) =>
      appendAudit(trx, {
        actorId: null,
        actorUsername: "test",
        action: "test.write",
        entityType: "test",
        entityId: String(index),
        after: { amountFen: 100 * index },
      }),
    );
}

/** What a superuser can do: switch the append-only triggers off, run the statements, switch them on again. */
async function asSuperuser(statements: string[]): Promise<void> {
  await sql`alter table audit_entries disable trigger user`.execute(database.db);
  await sql`alter table audit_head disable trigger user`.execute(database.db);
  for (const statement of statements) await sql.raw(statement).execute(database.db);
  await sql`alter table audit_entries enable trigger user`.execute(database.db);
  await sql`alter table audit_head enable trigger user`.execute(database.db);
}

/** Rewrites entry `from`'s content and re-hashes it and every later entry and the head, as sha256 allows. */
async function rewriteAndRehash(from: number, after: unknown): Promise<void> {
  const rows = await database.db.selectFrom("audit_entries").selectAll().orderBy("position").execute();
  let previous = rows[from - 2]?.hash;
  const statements: string[] = [];
  for (const row of rows.slice(from - 1)) {
    const content = {
      ...auditRowContent(row),
      after: row.position === from ? after : auditRowContent(row).after,
      previousHash: previous,
    };
    const hash = hashAuditContent(content);
    statements.push(
      `update audit_entries set after = '${JSON.stringify(content.after)}'::jsonb, previous_hash = '${previous}', hash = '${hash}' where position = ${row.position}`,
    );
    previous = hash;
  }
  statements.push(`update audit_head set hash = '${previous}'`);
  await asSuperuser(statements);
}

const verify = (options: Parameters<typeof verifyAuditChain>[1] = {}) =>
  verifyAuditChain(database.db, { key, anchorFile, ...options });

describe("the keyed audit chain", () => {
  it("detects an entry rewritten and the chain re-hashed after it, which plain hashes accept", async () => {
    await append(5);
    expect(await verify()).toMatchObject({ ok: true, checked: 5, keyed: true });
    await rewriteAndRehash(3, { amountFen: 999_999 });

    expect((await verify({ key: null })).problems.map((problem) => problem.reason)).toEqual([
      expect.stringMatching(/audit key is not available/),
    ]);
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.problems.map((problem) => [problem.position, problem.reason])).toEqual(
      [3, 4, 5].map((position) => [position, expect.stringMatching(/keyed hash does not match/)]),
    );
  });

  it("detects keyed hashes removed, and refuses to seal them again", async () => {
    await append(4);
    await rewriteAndRehash(2, { amountFen: 1 });
    await asSuperuser(["update audit_entries set mac = null where position >= 2"]);
    const result = await verify();
    expect(result.problems).toEqual([
      { position: 2, id: null, reason: expect.stringMatching(/no keyed hash at position 2–4/) },
    ]);
    expect(await sealAuditEntries(database.db)).toEqual({ refused: expect.stringMatching(/tampering/) });
  });

  it("seals the entries written before the key existed, once, after checking them", async () => {
    await append(3);
    await asSuperuser(["update audit_entries set mac = null"]);
    expect((await verify()).problems[0].reason).toMatch(/no keyed hash at position 1–3/);
    // Sealing is the one update the append-only trigger allows: nothing else may change with it.
    await expect(
      sql`update audit_entries set mac = 'x', action = 'forged' where position = 1`.execute(database.db),
    ).rejects.toThrow(/append-only/);
    expect(await sealAuditEntries(database.db)).toEqual({ sealed: 3 });
    expect(await verify()).toMatchObject({ ok: true, checked: 3 });
    await expect(sql`update audit_entries set mac = 'x' where position = 1`.execute(database.db)).rejects.toThrow(
      /append-only/,
    );
  });

  it("with an anchor outside the database, detects the newest entries deleted and the head moved back", async () => {
    await append(5);
    const anchor = await writeAuditAnchor(database.db, settings);
    expect(anchor).toMatchObject({ position: 5 });
    expect(await writeAuditAnchor(database.db, settings)).toBeNull(); // nothing new
    const lastTwo = await database.db
      .selectFrom("audit_entries")
      .select("hash")
      .where("position", "=", 3)
      .executeTakeFirstOrThrow();
    await asSuperuser([
      "delete from audit_entries where position > 3",
      `update audit_head set position = 3, hash = '${lastTwo.hash}'`,
    ]);
    expect((await verify({ anchorFile: null })).ok).toBe(true); // the database alone cannot tell
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      {
        position: 4,
        id: null,
        reason: expect.stringMatching(/missing at position 4–5 .*anchor of .* records 5 entries/),
      },
    ]);
    expect(result.anchors).toMatchObject({ checked: 1, latest: { position: 5 } });
  });

  it("rejects a forged anchor line and ignores anchors of another chain", async () => {
    await append(2);
    await writeAuditAnchor(database.db, settings);
    const line = JSON.parse(readFileSync(anchorFile, "utf8")) as Record<string, unknown>;
    // A genuine anchor of another database made with the same key (a data folder deleted and created again).
    const unsigned = { at: line.at as string, position: 99, hash: "b".repeat(64), chain: "c".repeat(64) };
    const other = { ...unsigned, mac: anchorMac(key, unsigned) };
    writeFileSync(anchorFile, `${JSON.stringify(line)}\n${JSON.stringify(other)}\n`);
    expect(await verify()).toMatchObject({ ok: true, anchors: { checked: 1 } });

    writeFileSync(anchorFile, `${JSON.stringify({ ...line, position: 1 })}\nnot json\n`);
    const result = await verify();
    expect(result.problems.map((problem) => problem.reason)).toEqual([
      expect.stringMatching(/line 2 is not an anchor/),
      expect.stringMatching(/line 1: signature does not match/),
    ]);
  });
});
