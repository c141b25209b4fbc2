/**
 * Content-Disposition for downloads named for people: the UTF-8 name in `filename*` (RFC 5987/6266), so the
 * browser saves "2026年度石岐区积分入学排名公示-第1版.pdf", and a plain ASCII `filename` for old clients.
 */

/** Characters no file system or header accepts in a name, replaced by a dash. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not hold
const unsafe = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

/** A file name made safe: no path separators, quotes or control characters, trimmed, at most 120 characters. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(unsafe, "-").replace(/\s+/g, " ").trim();
  const characters = Array.from(cleaned);
  return characters.length > 120 ? characters.slice(0, 120).join("") : cleaned;
}

/** RFC 5987 encoding: percent-encodes everything but the attr-chars. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * The header value for an attachment named `name` (with its extension): `attachment; filename="<ascii>";
 * filename*=UTF-8''<encoded>`; `fallback` is the ASCII name for clients that ignore filename*.
 */
export function attachmentDisposition(name: string, fallback: string): string {
  const safe = safeFileName(name);
  const ascii = safeFileName(fallback).replace(/[^\x20-\x7e]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(safe)}`;
}
