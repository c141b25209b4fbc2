/**
 * Where evidence files live and what they may be: PDF, JPEG or PNG recognised by their first bytes (never by
 * the name or the client's content type), at most 10 MiB, stored outside the web root under the data folder.
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { err, ok, type Problem, type Result } from "../../core/result";

/** The largest evidence file accepted (10 MiB). */
export const maxFileBytes = 10 * 1024 * 1024;

/** The media types accepted, with their usual file extension. */
export const allowedMediaTypes = { "application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png" } as const;

/** One accepted media type. */
export type AllowedMediaType = keyof typeof allowedMediaTypes;

/**
 * The folder holding file bytes: GONGZHI_FILES, else GONGZHI_DATA/files (embedded database), else ./data/files.
 * Read at call time so a test or an operator can point it elsewhere.
 */
export function filesFolder(environment: NodeJS.ProcessEnv = process.env): string {
  const configured = environment.GONGZHI_FILES?.trim();
  if (configured) return resolve(configured);
  return resolve(environment.GONGZHI_DATA?.trim() || "data", "files");
}

/** Recognises a PDF, JPEG or PNG by its magic bytes; anything else is refused naming the field `file`. */
export function detectMediaType(bytes: Uint8Array): Result<AllowedMediaType, Problem> {
  const starts = (...prefix: number[]) => prefix.every((value, index) => bytes[index] === value);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return ok("application/pdf");
  if (starts(0xff, 0xd8, 0xff)) return ok("image/jpeg");
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return ok("image/png");
  return err({
    code: "file_type_not_allowed",
    field: "file",
    message: "只接受 PDF、JPEG 或 PNG 文件 (only PDF, JPEG or PNG files, checked by content)",
  });
}

/** The sha256 of the bytes, hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Writes the bytes under a fresh random key (two-level folder) and returns the key; names never reach the disk. */
export async function writeFileBytes(bytes: Uint8Array, folder = filesFolder()): Promise<string> {
  const key = randomUUID();
  const path = join(folder, key.slice(0, 2), key);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes, { flag: "wx" });
  return key;
}

/** Reads the bytes stored under a key. */
export async function readFileBytes(key: string, folder = filesFolder()): Promise<Buffer> {
  if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error(`bad storage key ${key}`);
  return readFile(join(folder, key.slice(0, 2), key));
}
