/**
 * Masking of personal data (PIPL) for public lists, exports and staff views that do not need the full value.
 * Masking never fails: unexpected input is masked more, never less.
 */
import { validatePhone } from "./phone";

/**
 * Masks a person's name: "李*", "张*明", "欧**明"; a single character stays; Latin names keep the first letter +
 * "***". The demo data's mark after a name ("李某某家庭（示例）") is not part of it: the name is masked and the mark
 * kept. Any other bracketed text is masked with the name (it could be an alias).
 */
export function maskName(name: string): string {
  const remark = /^(.+?)(（(?:示例|演示|虚构)）)$/u.exec(name.trim());
  if (remark) return `${maskName(remark[1]!)}${remark[2]}`;
  const trimmed = name.trim();
  if (/[A-Za-z]/.test(trimmed)) return `${Array.from(trimmed)[0]}***`;
  const characters = Array.from(trimmed); // code points, so rare characters outside the BMP count as one
  if (characters.length <= 1) return trimmed;
  if (characters.length === 2) return `${characters[0]}*`;
  return `${characters[0]}${"*".repeat(characters.length - 2)}${characters[characters.length - 1]}`;
}

/** Masks an ID number keeping the first 4 and last 4 characters: "4420**********123X" (length kept). */
export function maskIdNumber(idNumber: string): string {
  const value = idNumber.trim().toUpperCase();
  if (value.length <= 8) return "*".repeat(value.length);
  return `${value.slice(0, 4)}${"*".repeat(value.length - 8)}${value.slice(-4)}`;
}

/** Masks a phone number: mobile "138****5678", landline keeps area code and last 2 ("0760-******88"). */
export function maskPhone(phone: string): string {
  const normalised = validatePhone(phone);
  if (!normalised.ok) {
    const value = phone.trim();
    return value.length <= 2 ? "*".repeat(value.length) : `${"*".repeat(value.length - 2)}${value.slice(-2)}`;
  }
  const value = normalised.value;
  const dash = value.indexOf("-");
  if (dash < 0) return `${value.slice(0, 3)}****${value.slice(-4)}`;
  const local = value.slice(dash + 1);
  return `${value.slice(0, dash)}-${"*".repeat(local.length - 2)}${local.slice(-2)}`;
}
