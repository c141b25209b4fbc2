/** Commands and queries of the evidence-file service; each receives the caller's transaction. */
import { basename } from "node:path";
import { sql } from "kysely";
import { err, ok, type Problem, type Result } from "../../core/result";
import type { Executor, Trx } from "../../db/transaction";
import { audit, type CommandContext } from "../commands/context";
import type { Actor } from "../roles";
import { mayReadFile } from "./files.policy";
import { detectMediaType, maxFileBytes, sha256Hex, writeFileBytes } from "./files.store";
import { filesDb } from "./files.tables";

/** A stored file's metadata as the API and other modules see it. */
export interface FileRecord {
  id: string;
  ownerAccountId: string;
  townCode: string | null;
  /** The 镇区 of the owner (their registered person's, and those where they are a clerk): a file's scope when it has no town. */
  ownerTowns: string[];
  name: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  createdAt: Date;
}

function toRecord(
  row: {
    id: string;
    owner_account_id: string;
    town_code: string | null;
    original_name: string;
    media_type: string;
    size_bytes: number;
    sha256: string;
    storage_key: string;
    created_at: Date;
  },
  ownerTowns: string[] = [],
): FileRecord {
  return {
    id: row.id,
    ownerAccountId: row.owner_account_id,
    townCode: row.town_code,
    ownerTowns,
    name: row.original_name,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    storageKey: row.storage_key,
    createdAt: row.created_at,
  };
}

/** Keeps only a safe display name: no folders, no control characters, at most 120 characters. */
export function cleanFileName(name: string): string {
  const printable = [...basename(name.replaceAll("\\", "/"))].filter(
    (character) => character.charCodeAt(0) >= 0x20 && character !== "\u007f" && character !== '"',
  );
  const cleaned = printable.join("").trim();
  return (cleaned || "file").slice(0, 120);
}

/** Checks and stores an uploaded file (type by magic bytes, size), records its sha256 and an audit entry. */
export async function storeFile(
  trx: Trx,
  context: CommandContext,
  input: { name: string; bytes: Uint8Array; townCode?: string | null },
): Promise<Result<FileRecord>> {
  if (input.bytes.length === 0)
    return err({ code: "file_empty", field: "file", message: "文件为空 (the file is empty)" });
  if (input.bytes.length > maxFileBytes) return err(fileTooLargeProblem);
  const mediaType = detectMediaType(input.bytes);
  if (!mediaType.ok) return mediaType;
  if (input.townCode) {
    const town = await trx.selectFrom("towns").select("code").where("code", "=", input.townCode).executeTakeFirst();
    if (!town)
      return err({ code: "unknown_town", field: "townCode", message: `未知镇区 "${input.townCode}" (unknown town)` });
  }
  const storageKey = await writeFileBytes(input.bytes);
  const row = await filesDb(trx)
    .insertInto("stored_files")
    .values({
      owner_account_id: context.actor.id,
      town_code: input.townCode ?? null,
      original_name: cleanFileName(input.name),
      media_type: mediaType.value,
      size_bytes: input.bytes.length,
      sha256: sha256Hex(input.bytes),
      storage_key: storageKey,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const record = toRecord(row);
  await audit(trx, context, {
    action: "file.upload",
    entityType: "file",
    entityId: record.id,
    townCode: record.townCode,
    after: { name: record.name, mediaType: record.mediaType, sizeBytes: record.sizeBytes, sha256: record.sha256 },
  });
  return ok(record);
}

/** The refusal of a file over the size limit. */
export const fileTooLargeProblem: Problem = {
  code: "file_too_large",
  field: "file",
  message: "文件不得超过 10 MiB (file larger than 10 MiB)",
};

/** The 镇区 of an account: its registered person's and those where it holds the clerk role. */
async function ownerTownsOf(executor: Executor, accountId: string): Promise<string[]> {
  const result = await sql<{ town_code: string }>`
    select p.town_code from accounts a join persons p on p.id = a.person_id where a.id = ${accountId}
    union
    select town_code from account_roles where account_id = ${accountId} and role = 'clerk' and town_code is not null`.execute(
    executor,
  );
  return result.rows.map((row) => row.town_code);
}

/** Reads one file's metadata (with its owner's 镇区 when the file has none). */
export async function findFile(executor: Executor, id: string): Promise<FileRecord | null> {
  const row = await filesDb(executor).selectFrom("stored_files").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return null;
  return toRecord(row, row.town_code === null ? await ownerTownsOf(executor, row.owner_account_id) : []);
}

/**
 * Checks that every id names a file the actor may read (used when a module attaches evidence to a case or an
 * objection); refuses naming the field, e.g. `fileIds.1`.
 */
export async function checkAttachableFiles(
  executor: Executor,
  actor: Actor,
  fileIds: readonly string[],
  field = "fileIds",
): Promise<Result<FileRecord[]>> {
  if (new Set(fileIds).size !== fileIds.length)
    return err({ code: "duplicate_file", field, message: `${field}: 同一文件重复 (a file is listed twice)` });
  const files: FileRecord[] = [];
  for (const [index, id] of fileIds.entries()) {
    const file = /^[0-9a-f-]{36}$/i.test(id) ? await findFile(executor, id) : null;
    if (!file || !mayReadFile(actor, file))
      return err({
        code: "unknown_file",
        field: `${field}.${index}`,
        message: `${field}.${index}: 文件不存在或无权使用 (no such file of yours)`,
      });
    files.push(file);
  }
  return ok(files);
}

/** A file for the API: never the storage key. */
export function presentFile(file: FileRecord) {
  return {
    id: file.id,
    name: file.name,
    mediaType: file.mediaType,
    sizeBytes: file.sizeBytes,
    sha256: file.sha256,
    townCode: file.townCode,
    createdAt: file.createdAt.toISOString(),
  };
}
