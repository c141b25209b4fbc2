/**
 * The audit log as staff see it. Entries keep full copies of what changed (the chain hashes them, so storage is
 * never masked); personal data in the before/after copies is masked on presentation for callers who may not
 * read personal records in full. The rule follows the registry's `seesFullRecord` at city scope: programme
 * admins and auditors see records in full, so they see full audit copies; an admin (who manages accounts and
 * may read the log, but is refused `/persons`) sees names, ID numbers, phones, addresses, bank accounts and
 * birth dates masked, and any ID number or mobile number found in other text masked too.
 */
import { maskIdNumber, maskName, maskPhone } from "../../core/masking";
import { holdsAnyRole } from "../access/scope";
import type { Actor } from "../roles";

/** Whether the caller sees personal data in audit copies in full (programme admins and auditors). */
export function seesPersonalDataInAudit(actor: Actor | null): boolean {
  return holdsAnyRole(actor, ["programme_admin", "auditor"]);
}

const nameKeys = new Set([
  "name",
  "payeename",
  "headname",
  "applicantname",
  "personname",
  "childname",
  "membername",
  "guardianname",
]);
const idNumberKeys = new Set(["idnumber", "childidnumber", "guardianidnumber"]);
const phoneKeys = new Set(["phone", "mobile", "phonenumber", "contactphone"]);
const addressKeys = new Set(["address", "homeaddress"]);
const accountKeys = new Set(["bankaccount"]);
const birthKeys = new Set(["birthdate", "dateofbirth"]);

const idNumberPattern = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const mobilePattern = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/** Masks ID numbers and mobile numbers found anywhere in a free text. */
function maskInText(text: string): string {
  return text
    .replace(idNumberPattern, (match) => maskIdNumber(match))
    .replace(mobilePattern, (match) => maskPhone(match));
}

function maskAddress(address: string): string {
  const characters = Array.from(address.trim());
  if (characters.length === 0) return address;
  return `${characters.slice(0, Math.min(3, Math.floor(characters.length / 2))).join("")}***`;
}

/** A string value of field `key` with personal data masked (names, ID numbers, phones, addresses, accounts, birth dates). */
export function maskField(key: string, value: string): string {
  const normalised = key.replace(/[_-]/g, "").toLowerCase();
  if (nameKeys.has(normalised)) return maskName(value);
  if (idNumberKeys.has(normalised)) return maskIdNumber(value);
  if (phoneKeys.has(normalised)) return value === "" ? value : maskPhone(value);
  if (addressKeys.has(normalised)) return maskAddress(value);
  if (accountKeys.has(normalised)) return value.length <= 4 ? "****" : `****${value.slice(-4)}`;
  if (birthKeys.has(normalised)) return /^\d{4}/.test(value) ? `${value.slice(0, 4)}-**-**` : "****";
  return maskInText(value);
}

/** A copy of an audit before/after value with personal data masked (the stored value is never changed). */
export function maskAuditValue(value: unknown, key = ""): unknown {
  if (typeof value === "string") return maskField(key, value);
  if (Array.isArray(value)) return value.map((item) => maskAuditValue(item, key));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([name, item]) => [name, maskAuditValue(item, name)]),
    );
  }
  return value;
}
