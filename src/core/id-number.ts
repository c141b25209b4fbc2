/**
 * Resident identity numbers (居民身份证号码) per GB 11643-1999: 6-digit region code, 8-digit birth date,
 * 3-digit sequence (odd = male), and an ISO 7064 MOD 11-2 check character (0–9 or X).
 */
import { isIsoDate } from "./dates";
import { err, ok, type Problem, type Result } from "./result";
import { clock } from "./clock";

/** A validated ID number with the facts it encodes. */
export interface IdNumberFacts {
  idNumber: string;
  birthDate: string;
  gender: "male" | "female";
  regionCode: string;
}

/** The 34 province-level codes: 31 provinces, regions and municipalities, Taiwan (71), Hong Kong (81), Macao (82). */
export const PROVINCE_CODES: Readonly<Record<string, string>> = {
  "11": "北京市",
  "12": "天津市",
  "13": "河北省",
  "14": "山西省",
  "15": "内蒙古自治区",
  "21": "辽宁省",
  "22": "吉林省",
  "23": "黑龙江省",
  "31": "上海市",
  "32": "江苏省",
  "33": "浙江省",
  "34": "安徽省",
  "35": "福建省",
  "36": "江西省",
  "37": "山东省",
  "41": "河南省",
  "42": "湖北省",
  "43": "湖南省",
  "44": "广东省",
  "45": "广西壮族自治区",
  "46": "海南省",
  "50": "重庆市",
  "51": "四川省",
  "52": "贵州省",
  "53": "云南省",
  "54": "西藏自治区",
  "61": "陕西省",
  "62": "甘肃省",
  "63": "青海省",
  "64": "宁夏回族自治区",
  "65": "新疆维吾尔自治区",
  "71": "台湾省",
  "81": "香港特别行政区",
  "82": "澳门特别行政区",
};

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = "10X98765432";
const FIELD = "idNumber";

/** The ISO 7064 MOD 11-2 check character for the first 17 digits of an ID number. */
export function idNumberCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`expected 17 digits, got "${first17}"`);
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += Number(first17[index]) * WEIGHTS[index];
  return CHECK_CHARACTERS[sum % 11];
}

function problem(code: string, message: string): { ok: false; error: Problem } {
  return err({ code: `id_number.${code}`, message, field: FIELD });
}

/**
 * Validates an 18-character resident ID number (spaces trimmed, lowercase x accepted and normalised) and returns
 * its birth date, gender and region; `today` (default: today in Shanghai) bounds the birth date.
 */
export function validateIdNumber(input: string, today: string = clock.today()): Result<IdNumberFacts, Problem> {
  if (typeof input !== "string" || input.trim() === "")
    return problem("required", "身份证号码不能为空 (ID number is required)");
  const idNumber = input.trim().toUpperCase();
  if (idNumber.length !== 18) {
    return problem("length", `身份证号码应为18位，实际为${idNumber.length}位 (ID number must have 18 characters)`);
  }
  if (!/^\d{17}[\dX]$/.test(idNumber)) {
    return problem("characters", "身份证号码前17位应为数字，最后一位为数字或X (17 digits then a digit or X)");
  }
  const regionCode = idNumber.slice(0, 6);
  if (!(regionCode.slice(0, 2) in PROVINCE_CODES)) {
    return problem(
      "region",
      `身份证号码地区码${regionCode}不是有效的省级行政区划代码 (unknown province code ${regionCode.slice(0, 2)})`,
    );
  }
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  if (!isIsoDate(birthDate)) {
    return problem("birth_date", `身份证号码中的出生日期${idNumber.slice(6, 14)}不是有效日期 (invalid birth date)`);
  }
  if (birthDate < "1900-01-01") {
    return problem("birth_date_too_early", `身份证号码中的出生日期${birthDate}早于1900年 (birth date before 1900)`);
  }
  if (birthDate > today) {
    return problem("birth_date_future", `身份证号码中的出生日期${birthDate}晚于今天 (birth date in the future)`);
  }
  const expected = idNumberCheckCharacter(idNumber.slice(0, 17));
  if (idNumber[17] !== expected) {
    return problem("check_digit", "身份证号码校验位不正确，请核对号码 (check digit does not match)");
  }
  const gender = Number(idNumber[16]) % 2 === 1 ? "male" : "female";
  return ok({ idNumber, birthDate, gender, regionCode });
}

/** Builds a valid ID number from a region code, birth date and sequence 0–999 (for demo data and tests). */
export function generateIdNumber(regionCode: string, birthDate: string, sequence: number): string {
  if (!/^\d{6}$/.test(regionCode) || !(regionCode.slice(0, 2) in PROVINCE_CODES)) {
    throw new RangeError(`regionCode must be 6 digits starting with a province code, got "${regionCode}"`);
  }
  if (!isIsoDate(birthDate) || birthDate < "1900-01-01") {
    throw new RangeError(`birthDate must be a real date from 1900 on, got "${birthDate}"`);
  }
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new RangeError(`sequence must be an integer 0–999, got ${sequence}`);
  }
  const first17 = `${regionCode}${birthDate.replaceAll("-", "")}${String(sequence).padStart(3, "0")}`;
  return first17 + idNumberCheckCharacter(first17);
}
