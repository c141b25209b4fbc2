/**
 * Mainland phone numbers: mobiles (11 digits, 1[3-9]…) and landlines (area code 0xx or 0xxx, local number of
 * 7–8 digits). Spaces, dashes, dots, brackets and a +86 prefix are removed; landlines come back as "0760-88888888".
 */
import { err, ok, type Problem, type Result } from "./result";

const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
const THREE_DIGIT_AREA_PATTERN = /^(010|02\d)/; // Beijing 010 and the 02x cities; every other area code has 4 digits

/** Whether a normalised number is a mainland mobile number. */
export function isMobileNumber(normalised: string): boolean {
  return MOBILE_PATTERN.test(normalised);
}

/** Validates a mainland mobile or landline number and returns it normalised (mobile digits, or "area-local"). */
export function validatePhone(input: string, field = "phone"): Result<string, Problem> {
  if (typeof input !== "string" || input.trim() === "") {
    return err({ code: "phone.required", message: "电话号码不能为空 (phone number is required)", field });
  }
  const compact = input.trim().replace(/[\s\-.()（）]/g, "");
  if (!/^\+?\d+$/.test(compact)) {
    return err({
      code: "phone.characters",
      message: `电话号码只能包含数字、空格和连字符："${input.trim()}" (digits only)`,
      field,
    });
  }
  let digits = compact.replace(/^\+/, "");
  if (compact.startsWith("+") && !digits.startsWith("86")) {
    return err({ code: "phone.country", message: "仅支持中国大陆电话号码 (+86) (mainland numbers only)", field });
  }
  if (digits.startsWith("86") && digits.length === 13) digits = digits.slice(2);
  if (digits.startsWith("1")) {
    if (isMobileNumber(digits)) return ok(digits);
    return err({
      code: "phone.mobile",
      message: `手机号码应为11位且以13–19开头："${input.trim()}" (invalid mobile number)`,
      field,
    });
  }
  if (digits.startsWith("0")) {
    const areaLength = THREE_DIGIT_AREA_PATTERN.test(digits) ? 3 : 4;
    const area = digits.slice(0, areaLength);
    const local = digits.slice(areaLength);
    if (/^[2-9]\d{6,7}$/.test(local)) return ok(`${area}-${local}`);
    return err({
      code: "phone.landline",
      message: `固定电话应为区号加7–8位号码，如0760-88888888："${input.trim()}" (invalid landline)`,
      field,
    });
  }
  return err({
    code: "phone.format",
    message: `请输入手机号码或带区号的固定电话："${input.trim()}" (mobile or landline with area code)`,
    field,
  });
}
