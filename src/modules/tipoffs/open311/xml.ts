/** A small XML writer for the Open311 answers: elements in order, text escaped, UTF-8 declaration. */

/** A value an element may hold: text, a number, a boolean, nothing, or child elements. */
export type XmlValue = string | number | boolean | null | undefined | XmlElement[];
/** One element: its name and value. */
export type XmlElement = [name: string, value: XmlValue];

/** Escapes text for XML content (and drops characters XML 1.0 cannot carry). */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function element([name, value]: XmlElement): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) return `<${name}>${value.map(element).join("")}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A whole document: the declaration and one root element. */
export function xmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(root)}\n`;
}
