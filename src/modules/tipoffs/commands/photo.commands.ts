/**
 * Photos of a tip-off, added by the reporter with the receipt code: JPEG or PNG recognised by content (the
 * platform files store's check), at most 10 MiB, with EXIF/GPS and other metadata stripped before the bytes are
 * written, so no officer ever receives the reporter's position or camera. Stored in the platform's file store.
 */
import { err, ok, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { audit } from "../../../platform/commands/context";
import { detectMediaType, maxFileBytes } from "../../../platform/files";
import { stripImageMetadata } from "../../../platform/files/image-metadata";
import { sha256Hex, writeFileBytes } from "../../../platform/files/files.store";
import { lockTipoff, type TipoffPhoto, type TipoffRecord } from "../repository";
import { tipoffsDb } from "../tables";
import { reporterContext } from "./tipoff.commands";

/** The most photos one tip-off may carry. */
export const maxPhotosPerTipoff = 6;

/** Checks, strips and stores one photo of a tip-off. */
export async function addPhoto(
  trx: Trx,
  requestId: string | null,
  found: TipoffRecord,
  bytes: Uint8Array,
): Promise<Result<TipoffPhoto>> {
  const tipoff = (await lockTipoff(trx, found.id))!;
  if (tipoff.state === "verified" || tipoff.state === "not_verified")
    return err({ code: "tipoff_closed", field: "file", message: "线索已办结 (the tip-off is closed)" });
  if (bytes.length === 0) return err({ code: "file_empty", field: "file", message: "文件为空 (the file is empty)" });
  if (bytes.length > maxFileBytes)
    return err({ code: "file_too_large", field: "file", message: "文件不能超过 10 MiB (at most 10 MiB)" });
  const detected = detectMediaType(bytes);
  if (!detected.ok) return detected;
  if (detected.value !== "image/jpeg" && detected.value !== "image/png")
    return err({
      code: "file_type_not_allowed",
      field: "file",
      message: "只接受 JPEG 或 PNG 照片 (only JPEG or PNG photos, checked by content)",
    });
  const mediaType = detected.value;
  const db = tipoffsDb(trx);
  const count = await db
    .selectFrom("tipoff_photos")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("tipoff_id", "=", tipoff.id)
    .executeTakeFirstOrThrow();
  if (Number(count.count) >= maxPhotosPerTipoff)
    return err({
      code: "too_many_photos",
      field: "file",
      message: `每条线索最多 ${maxPhotosPerTipoff} 张照片 (at most ${maxPhotosPerTipoff} photos)`,
    });
  const stripped = stripImageMetadata(bytes, mediaType);
  if (!stripped.ok) return stripped;
  const storageKey = await writeFileBytes(stripped.value);
  const row = await db
    .insertInto("tipoff_photos")
    .values({
      tipoff_id: tipoff.id,
      town_code: tipoff.townCode,
      media_type: mediaType,
      size_bytes: stripped.value.length,
      sha256: sha256Hex(stripped.value),
      storage_key: storageKey,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit(trx, reporterContext(requestId), {
    action: "tipoff.photo",
    entityType: "tipoff",
    entityId: tipoff.id,
    townCode: tipoff.townCode,
    after: { photo: row.id, sha256: row.sha256 },
  });
  return ok({
    id: row.id,
    tipoffId: row.tipoff_id,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    storageKey: row.storage_key,
    createdAt: row.created_at,
  });
}
