/**
 * Removes metadata from JPEG and PNG images without re-encoding them: EXIF (with GPS position, camera serial
 * and time), XMP, IPTC, comments and PNG text chunks. The pixels are left as they are. Used before a photo
 * that someone else will see is stored (tip-off photos). Only the segments needed to display the image survive:
 * a whitelist, so an unknown metadata segment is dropped too.
 */
import { err, ok, type Problem, type Result } from "../../core/result";

const malformed = (kind: string): Problem => ({
  code: "image_malformed",
  field: "file",
  message: `图片文件已损坏，无法读取 (${kind} could not be read)`,
});

/** JPEG markers kept before the image data: JFIF (APP0), ICC profile (APP2), Adobe colour (APP14), tables and frames. */
function keepJpegSegment(marker: number): boolean {
  if (marker === 0xe0 || marker === 0xe2 || marker === 0xee) return true;
  if (marker >= 0xe0 && marker <= 0xef) return false; // other APPn: EXIF/XMP (APP1), IPTC (APP13), …
  if (marker === 0xfe) return false; // COM
  return true; // DQT, DHT, SOFn, DRI, …
}

/** The JPEG without APP1…APP13, APP15 and comment segments. */
export function stripJpegMetadata(bytes: Uint8Array): Result<Uint8Array, Problem> {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return err(malformed("JPEG"));
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  let offset = 2;
  while (offset < bytes.length) {
    if (bytes[offset] !== 0xff) return err(malformed("JPEG"));
    let marker = bytes[offset + 1];
    while (marker === 0xff) {
      offset += 1; // fill bytes
      marker = bytes[offset + 1];
    }
    if (marker === undefined) return err(malformed("JPEG"));
    if (marker === 0xd9) {
      parts.push(bytes.subarray(offset, offset + 2));
      break;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      parts.push(bytes.subarray(offset, offset + 2));
      offset += 2;
      continue;
    }
    if (offset + 4 > bytes.length) return err(malformed("JPEG"));
    const length = (bytes[offset + 2] << 8) | bytes[offset + 3];
    if (length < 2 || offset + 2 + length > bytes.length) return err(malformed("JPEG"));
    if (marker === 0xda) {
      // Start of scan: the entropy-coded data and everything after it (further scans, EOI) is image data.
      parts.push(bytes.subarray(offset));
      return ok(concat(parts));
    }
    if (keepJpegSegment(marker)) parts.push(bytes.subarray(offset, offset + 2 + length));
    offset += 2 + length;
  }
  return ok(concat(parts));
}

/** PNG chunks that affect how the image looks; every other chunk (tEXt, zTXt, iTXt, eXIf, tIME, …) is dropped. */
const pngChunksKept = new Set([
  "IHDR",
  "PLTE",
  "IDAT",
  "IEND",
  "tRNS",
  "gAMA",
  "cHRM",
  "sRGB",
  "iCCP",
  "sBIT",
  "bKGD",
  "pHYs",
  "acTL",
  "fcTL",
  "fdAT",
]);

/** The PNG without text, time and EXIF chunks. */
export function stripPngMetadata(bytes: Uint8Array): Result<Uint8Array, Problem> {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((value, index) => bytes[index] === value)) return err(malformed("PNG"));
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  let offset = 8;
  let ended = false;
  while (offset < bytes.length && !ended) {
    if (offset + 12 > bytes.length) return err(malformed("PNG"));
    const length =
      ((bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3]) >>> 0;
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const end = offset + 12 + length;
    if (end > bytes.length) return err(malformed("PNG"));
    if (pngChunksKept.has(type)) parts.push(bytes.subarray(offset, end));
    ended = type === "IEND";
    offset = end;
  }
  if (!ended) return err(malformed("PNG"));
  return ok(concat(parts));
}

/** Strips the metadata of a JPEG or PNG by its media type. */
export function stripImageMetadata(
  bytes: Uint8Array,
  mediaType: "image/jpeg" | "image/png",
): Result<Uint8Array, Problem> {
  return mediaType === "image/jpeg" ? stripJpegMetadata(bytes) : stripPngMetadata(bytes);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
