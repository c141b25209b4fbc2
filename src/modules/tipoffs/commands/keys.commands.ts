/** Open311 API keys: issued and revoked by admins; only the sha256 of a key is stored, with a short hint. */
import { createHash, randomBytes } from "node:crypto";
import { err, ok, type Result } from "../../../core/result";
import { clock } from "../../../core/clock";
import type { Executor, Trx } from "../../../db/transaction";
import { actingUsername, audit, type CommandContext } from "../../../platform/commands/context";
import type { Actor } from "../../../platform/roles";
import { tipoffsDb } from "../tables";

/** An API key as listed (never the key itself). */
export interface KeyRecord {
  id: string;
  label: string;
  keyHint: string;
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
}

/** The stored form of an API key. */
export function keyHash(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

function toRecord(row: {
  id: string;
  label: string;
  key_hint: string;
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
}): KeyRecord {
  return {
    id: row.id,
    label: row.label,
    keyHint: row.key_hint,
    createdBy: row.created_by,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

/** Every key, newest first. */
export async function listKeys(executor: Executor): Promise<KeyRecord[]> {
  const rows = await tipoffsDb(executor).selectFrom("open311_keys").selectAll().orderBy("created_at", "desc").execute();
  return rows.map(toRecord);
}

/** One key by id. */
export async function findKey(executor: Executor, id: string): Promise<KeyRecord | undefined> {
  const row = await tipoffsDb(executor).selectFrom("open311_keys").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** The active (not revoked) key with this value. */
export async function findActiveKey(executor: Executor, key: string): Promise<KeyRecord | undefined> {
  const row = await tipoffsDb(executor)
    .selectFrom("open311_keys")
    .selectAll()
    .where("key_hash", "=", keyHash(key))
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** Issues a key (a fresh random one; the demo loader passes its documented demo key) and returns it once. */
export async function issueKey(
  trx: Trx,
  context: CommandContext<Actor | null>,
  label: string,
  fixedKey?: string,
): Promise<Result<{ key: KeyRecord; apiKey: string }>> {
  const cleaned = label.trim();
  if (cleaned.length < 2 || cleaned.length > 80)
    return err({
      code: "invalid_label",
      field: "label",
      message: "label: 请填写用途，2 至 80 字 (2 to 80 characters)",
    });
  const apiKey = fixedKey ?? `o311_${randomBytes(24).toString("base64url")}`;
  const row = await tipoffsDb(trx)
    .insertInto("open311_keys")
    .values({
      label: cleaned,
      key_hash: keyHash(apiKey),
      key_hint: `${apiKey.slice(0, 6)}…${apiKey.slice(-4)}`,
      created_by: actingUsername(context),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const key = toRecord(row);
  await audit(trx, context, {
    action: "open311.key.issue",
    entityType: "open311_key",
    entityId: key.id,
    townCode: null,
    after: { label: key.label, keyHint: key.keyHint },
  });
  return ok({ key, apiKey });
}

/** Revokes a key; a revoked key is refused at once. */
export async function revokeKey(
  trx: Trx,
  context: CommandContext<Actor | null>,
  key: KeyRecord,
): Promise<Result<KeyRecord>> {
  if (key.revokedAt)
    return err({ code: "key_revoked", field: "id", message: "该密钥已吊销 (the key is already revoked)" });
  const row = await tipoffsDb(trx)
    .updateTable("open311_keys")
    .set({ revoked_at: clock.now() })
    .where("id", "=", key.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit(trx, context, {
    action: "open311.key.revoke",
    entityType: "open311_key",
    entityId: key.id,
    townCode: null,
    before: { revokedAt: null },
    after: { revokedAt: row.revoked_at },
  });
  return ok(toRecord(row));
}
