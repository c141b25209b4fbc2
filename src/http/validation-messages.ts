/**
 * Schema (Ajv) errors as sentences a person can act on, field by field, in the caller's language: never Ajv's
 * English ("must match pattern …", "must NOT have more than 100 characters"). The language comes from the
 * request's Accept-Language (the web app sends the one the user chose); a caller that sends none gets both,
 * "中文 (English)", as every other message of the API.
 */
import { labelOfPath, type Bilingual } from "./field-labels";

/** The language of the messages of one answer: Chinese, English, or both ("中文 (English)") when not asked. */
export type MessageLanguage = "zh" | "en" | "both";

/** One Ajv validation issue, as Fastify hands it over. */
export interface ValidationIssue {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
  schemaPath?: string;
}

/** The language a request asks for: its Accept-Language's first tag (zh… or en…); none or another → both. */
export function requestLanguage(acceptLanguage: string | string[] | undefined): MessageLanguage {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage[0] : acceptLanguage;
  if (!header) return "both";
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...rest] = part.trim().split(";");
      const q = rest.find((each) => each.trim().startsWith("q="));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((each) => each.tag && !Number.isNaN(each.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith("zh")) return "zh";
    if (tag.startsWith("en")) return "en";
  }
  return "both";
}

/** Picks one language's text, or joins both as "中文 (English)". */
export function inLanguage(text: Bilingual, language: MessageLanguage): string {
  if (language === "zh") return text.zh;
  if (language === "en") return text.en;
  return `${text.zh} (${text.en})`;
}

/** What a known pattern asks for, keyed by the pattern's source: a sentence after the field's label. */
const patternDescriptions: Record<string, Bilingual> = {
  "^[0-9]{12,30}$": { zh: "应为12至30位数字（不含空格或横线）", en: "must be 12 to 30 digits (no spaces or dashes)" },
  "^\\d{4}-(0[1-9]|1[0-2])$": { zh: "应为年-月，例如 2026-03", en: "must be a year and month such as 2026-03" },
  "^[a-z][a-z0-9_]{0,39}$": {
    zh: "应以小写字母开头，只含小写字母、数字和下划线，最多40个字符",
    en: "must start with a lower-case letter and use only lower-case letters, digits and underscores (at most 40)",
  },
  "^[a-z][a-z0-9_]{0,29}$": {
    zh: "应以小写字母开头，只含小写字母、数字和下划线，最多30个字符",
    en: "must start with a lower-case letter and use only lower-case letters, digits and underscores (at most 30)",
  },
  "\\S.*\\S": { zh: "至少需要两个非空格的字", en: "needs at least two characters that are not spaces" },
  "^[0-9a-fA-F]{64}$": { zh: "应为64位十六进制字符", en: "must be 64 hexadecimal characters" },
};

const typeNames: Record<string, Bilingual> = {
  integer: { zh: "应为整数", en: "must be a whole number" },
  number: { zh: "应为数字", en: "must be a number" },
  string: { zh: "应为文字", en: "must be text" },
  boolean: { zh: "应选择是或否", en: "must be yes or no" },
  array: { zh: "应为列表", en: "must be a list" },
  object: { zh: "填写有误", en: "is not filled in correctly" },
  null: { zh: "应留空", en: "must be empty" },
};

const formatNames: Record<string, Bilingual> = {
  date: {
    zh: "不是有效的日期，请按“年-月-日”填写，例如 2026-03-01",
    en: "is not a valid date: use year-month-day, for example 2026-03-01",
  },
  "date-time": {
    zh: "不是有效的日期和时间，请重新选择",
    en: "is not a valid date and time: choose it again",
  },
  time: { zh: "不是有效的时间", en: "is not a valid time" },
  uuid: { zh: "无效，请从列表中重新选择", en: "is not valid: choose it again from the list" },
  email: { zh: "不是有效的电子邮箱地址", en: "is not a valid email address" },
  uri: { zh: "不是有效的网址", en: "is not a valid web address" },
};

const numberOf = (value: unknown): string => String(value);

/** The predicate of one issue (what is wrong and what to do), to be put after the field's label. */
function predicate(issue: ValidationIssue): Bilingual {
  const limit = issue.params?.limit;
  switch (issue.keyword) {
    case "required":
      return { zh: "为必填项，请填写", en: "is required: please fill it in" };
    case "minLength":
      return limit === 1
        ? { zh: "不能为空，请填写", en: "must not be empty: please fill it in" }
        : {
            zh: `至少需要${numberOf(limit)}个字，请补充`,
            en: `needs at least ${numberOf(limit)} characters`,
          };
    case "maxLength":
      return {
        zh: `不能超过${numberOf(limit)}个字，请删减后再提交`,
        en: `must be at most ${numberOf(limit)} characters: please shorten it`,
      };
    case "pattern": {
      const known = patternDescriptions[String(issue.params?.pattern ?? "")];
      return known ?? { zh: "格式不正确，请检查后重新填写", en: "is not in the expected format: please check it" };
    }
    case "minimum":
      return limit === 0
        ? { zh: "不能为负数", en: "must not be negative" }
        : { zh: `不能小于${numberOf(limit)}`, en: `must be at least ${numberOf(limit)}` };
    case "exclusiveMinimum":
      return { zh: `应大于${numberOf(limit)}`, en: `must be more than ${numberOf(limit)}` };
    case "maximum":
      return { zh: `不能大于${numberOf(limit)}`, en: `must be at most ${numberOf(limit)}` };
    case "exclusiveMaximum":
      return { zh: `应小于${numberOf(limit)}`, en: `must be less than ${numberOf(limit)}` };
    case "multipleOf":
      return issue.params?.multipleOf === 0.01
        ? { zh: "最多保留两位小数", en: "may have at most two decimals" }
        : {
            zh: `应为${numberOf(issue.params?.multipleOf)}的倍数`,
            en: `must be a multiple of ${numberOf(issue.params?.multipleOf)}`,
          };
    case "minItems":
      return limit === 1
        ? { zh: "至少需要一项，请添加", en: "needs at least one entry: please add one" }
        : { zh: `至少需要${numberOf(limit)}项`, en: `needs at least ${numberOf(limit)} entries` };
    case "maxItems":
      return { zh: `最多${numberOf(limit)}项，请减少`, en: `may have at most ${numberOf(limit)} entries` };
    case "uniqueItems":
      return { zh: "有重复的项，请删除重复", en: "has the same entry twice" };
    case "minProperties":
      return { zh: "至少需要填写一项", en: "needs at least one entry" };
    case "maxProperties":
      return { zh: `最多${numberOf(limit)}项`, en: `may have at most ${numberOf(limit)} entries` };
    case "format":
      return (
        formatNames[String(issue.params?.format ?? "")] ?? {
          zh: "格式不正确，请检查后重新填写",
          en: "is not in the expected format: please check it",
        }
      );
    case "type":
      return (
        typeNames[String(issue.params?.type ?? "").split(",")[0] ?? ""] ?? {
          zh: "填写有误",
          en: "is not filled in correctly",
        }
      );
    case "enum":
    case "const":
    case "anyOf":
    case "oneOf":
      return { zh: "不是可选的值，请从列表中选择", en: "is not one of the choices: pick one from the list" };
    default:
      return { zh: "填写有误，请检查", en: "is not filled in correctly: please check it" };
  }
}

/** A sentence: the field's label and the predicate ("银行账号应为12至30位数字"), or "此项…" without a label. */
function sentence(path: string, what: Bilingual): Bilingual {
  const label = labelOfPath(path);
  if (!label) return { zh: `此项${what.zh}`, en: `This field ${what.en}` };
  return { zh: `${label.zh}${what.zh}`, en: `${label.en.charAt(0).toUpperCase()}${label.en.slice(1)} ${what.en}` };
}

/** Lower is shown first when one field has several issues: a union's "wrong type" is the least telling. */
function rank(issue: ValidationIssue): number {
  switch (issue.keyword) {
    case "anyOf":
    case "oneOf":
      return 3;
    case "type":
      return 2;
    case "const":
    case "enum":
      return 1;
    default:
      return 0;
  }
}

/** One issue's field (dotted path; a missing or unknown property is named under its object) and its text. */
function issueField(issue: ValidationIssue): { field: string; text: Bilingual } {
  const path = (issue.instancePath ?? "").replace(/^\//, "").replaceAll("/", ".");
  if (issue.keyword === "additionalProperties" && issue.params?.additionalProperty) {
    const name = String(issue.params.additionalProperty);
    const field = [path, name].filter(Boolean).join(".");
    return {
      field,
      text: {
        zh: `提交了表单中没有的项目（${name}），请刷新页面后重试`,
        en: `"${name}" is not a field of this form: reload the page and try again`,
      },
    };
  }
  if (issue.keyword === "required" && issue.params?.missingProperty) {
    const field = [path, String(issue.params.missingProperty)].filter(Boolean).join(".");
    return { field, text: sentence(field, predicate(issue)) };
  }
  const field = path || "body";
  return { field, text: sentence(path, predicate(issue)) };
}

/** Ajv issues → `{ field: sentence }` in both languages, one sentence per field (the most telling issue). */
export function validationFields(issues: readonly ValidationIssue[]): Record<string, Bilingual> {
  const chosen = new Map<string, { text: Bilingual; rank: number }>();
  for (const issue of issues) {
    const { field, text } = issueField(issue);
    const current = chosen.get(field);
    if (!current || rank(issue) < current.rank) chosen.set(field, { text, rank: rank(issue) });
  }
  return Object.fromEntries([...chosen].map(([field, { text }]) => [field, text]));
}

/** The general message of a validation error: the field sentences, joined ("请修改：…；…"). */
export function validationSummary(fields: Record<string, Bilingual>): Bilingual {
  const texts = Object.values(fields);
  if (texts.length === 0) return { zh: "提交的内容有误，请检查后重试", en: "The input is not valid: please check it" };
  if (texts.length === 1) return texts[0]!;
  return {
    zh: `有${texts.length}处需要修改：${texts.map((text) => text.zh).join("；")}`,
    en: `${texts.length} things to correct: ${texts.map((text) => text.en).join("; ")}`,
  };
}

/**
 * One message of a refusal in the language. Messages of the API read "中文 (English)" (sometimes after a
 * "field: " prefix meant for developers): zh keeps the Chinese, en the English (when there is any), both keeps all.
 */
export function localiseMessage(message: string, language: MessageLanguage): string {
  if (language === "both" || !message) return message;
  const withoutField = message.replace(/^[A-Za-z_][\w]*(?:\.[\w]+)*: (?=\S)/, "");
  const split = splitBilingual(withoutField);
  if (!split) return withoutField;
  return language === "zh" ? split.zh : split.en;
}

/**
 * "中文 (English)" → its two halves, when the text is Chinese followed by an English parenthesis; else null. A
 * clause cited after it ("…不受理 (outside the window)（中府〔2014〕106号 第九条）") stays with both halves.
 */
function splitBilingual(message: string): Bilingual | null {
  if (message.endsWith("）")) {
    const open = message.lastIndexOf("（");
    const inner = open > 0 ? splitBilingual(message.slice(0, open).trimEnd()) : null;
    if (!inner) return null;
    const clause = message.slice(open);
    return { zh: `${inner.zh}${clause}`, en: `${inner.en} ${clause}` };
  }
  if (!message.endsWith(")")) return null;
  // Find the parenthesis that closes at the end, allowing nested parentheses inside the English.
  let depth = 0;
  for (let index = message.length - 1; index >= 0; index -= 1) {
    const char = message[index];
    if (char === ")") depth += 1;
    else if (char === "(") {
      depth -= 1;
      if (depth === 0) {
        const zh = message.slice(0, index).trimEnd();
        const en = message.slice(index + 1, -1).trim();
        if (!/[\u3400-\u9fff]/.test(zh) || !/^[\x20-\x7e]/.test(en) || !/[A-Za-z]/.test(en)) return null;
        return { zh, en };
      }
    }
  }
  return null;
}

const required: Bilingual = { zh: "为必填项，请填写", en: "is required: please fill it in" };
const notNegative: Bilingual = { zh: "不能为负数", en: "must not be negative" };
const notADate: Bilingual = {
  zh: "不是有效的日期，请按“年-月-日”填写，例如 2026-03-01",
  en: "is not a real date: use year-month-day, for example 2026-03-01",
};
const notAChoice: Bilingual = {
  zh: "不是可选的值，请从列表中选择",
  en: "is not one of the choices: pick one from the list",
};
const amount: Bilingual = {
  zh: "应为以元为单位的金额，例如 976 或 976.05（不要输入“元”或逗号）",
  en: "must be an amount in yuan such as 976 or 976.05",
};

/**
 * Chinese sentences for the refusals of the shared kernel and rules engine, whose messages are English (they are
 * also read by the CLI and the benches): used for a zh answer whose message holds no Chinese, by the problem code.
 */
const codeSentences: Record<string, Bilingual> = {
  missing_field: required,
  invalid_date: notADate,
  date_invalid: notADate,
  unknown_town: { zh: "不是已知的镇区，请从列表中选择", en: "is not a known town: pick one from the list" },
  unknown_purpose: notAChoice,
  unknown_grade: notAChoice,
  missing_grade: { zh: "请选择年级", en: "needs a grade" },
  invalid_value: notAChoice,
  invalid_type: { zh: "填写有误，请检查", en: "is not filled in correctly" },
  unknown_fact: { zh: "不是本政策的申报项目", en: "is not a fact of this policy" },
  negative_count: notNegative,
  negative_amount: notNegative,
  invalid_income: notNegative,
  invalid_assets: notNegative,
  invalid_consumption: notNegative,
  fractional_count: { zh: "应为整数（整年、整小时或整次）", en: "must be a whole number (full years, hours, times)" },
  too_large: { zh: "数值过大，请检查", en: "is implausibly large" },
  subset_exceeds_whole: { zh: "不能多于其总数，请检查", en: "is more than its whole" },
  "money.invalid": amount,
  invalid_amount: amount,
  "money.too_precise": { zh: "最多保留两位小数（分）", en: "may have at most two decimals (fen)" },
  "money.too_large": { zh: "金额过大，请检查", en: "is too large" },
  "points.invalid": { zh: "应为分数，例如 333.45", en: "must be a number of points such as 333.45" },
  invalid_number: { zh: "应为数字，最多两位小数", en: "must be a number with at most two decimals" },
  "points.too_precise": { zh: "最多保留两位小数", en: "may have at most two decimals" },
  "points.too_large": { zh: "数值过大，请检查", en: "is too large" },
  weak_password: {
    zh: "须为10至200个字符，且至少包含一个字母和一个数字",
    en: "must have 10 to 200 characters with at least one letter and one digit",
  },
};

const hasChinese = (text: string): boolean => /[\u3400-\u9fff]/.test(text);

/** An English sentence, quoted input aside: no Chinese at all, or three English words first ("is not a 镇区 code"). */
function isEnglish(text: string): boolean {
  const bare = text.replace(/"[^"]*"/g, "").trim();
  return !hasChinese(bare) || /^[A-Za-z][a-z]*( [a-z]+){2,}/.test(bare);
}

/**
 * A refusal's message in one language. A Chinese answer never shows an English-only message: the kernel's and
 * rules engine's refusals get a sentence by their code, naming the field ("第1位成员的月收入（元）不能为负数"); a
 * message naming its field by its property name ("assetsYuan 不能为负数") names it by its label.
 */
export function localiseRefusal(
  message: string,
  language: MessageLanguage,
  problem: { code?: string; field?: string },
): string {
  if (language === "both" || !message) return message;
  const localised = localiseMessage(message, language);
  const field = problem.field && problem.field !== "body" ? problem.field : undefined;
  if (language === "zh" && isEnglish(localised)) {
    const known = problem.code ? codeSentences[problem.code] : undefined;
    return sentence(field ?? "", known ?? { zh: "填写有误，请检查后重新填写", en: "" }).zh;
  }
  // "assetsYuan 不能为负数" / "assetsYuan must not be negative": the property name becomes its label.
  const named = /^([A-Za-z_][\w]*(?:\.[\w]+)*) (?=\S)/.exec(localised);
  if (named && /[A-Z_.]|^[a-z]+$/.test(named[1]!) && labelOfPath(named[1]!)) {
    const label = labelOfPath(named[1]!)!;
    const rest = localised.slice(named[0].length);
    return language === "zh" ? `${label.zh}${rest}` : `${label.en.charAt(0).toUpperCase()}${label.en.slice(1)} ${rest}`;
  }
  return localised;
}
