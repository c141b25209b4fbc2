/**
 * Validation of one assistance request as received (JSON): every bad field becomes a Problem naming it, so a
 * batch can report that request and still compute the others. Amounts become integer fen and CPI figures
 * integer hundredths of a percent here, once, so no formula ever sees a floating-point amount.
 */
import { parseYuan } from "../../core/money";
import { err, ok, type Problem, type Result } from "../../core/result";
import { parseScaledDecimal } from "../parameters";

/** One household member, validated. */
export interface MemberInput {
  id: string | number;
  incomeFen: number;
  categories: string[];
}

/** One month's price indices: year-on-year rises in hundredths of a percent (3.4 % = 340); absent = not entered. */
export interface CpiFigures {
  cpiHundredths?: number;
  foodHundredths?: number;
}

/** A validated request for one household and one month. */
export interface AssistanceRequest {
  id: unknown;
  /** YYYY-MM */
  month: string;
  members: MemberInput[];
  assetsFen: number;
  cpi?: CpiFigures;
  /** Earlier months' indices (the 2011 rule looks back over consecutive months), keyed by YYYY-MM. */
  cpiHistory: Map<string, CpiFigures>;
}

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** True for a month written YYYY-MM. */
export function isMonth(value: unknown): value is string {
  return typeof value === "string" && MONTH_PATTERN.test(value);
}

/** The first day of a YYYY-MM month, the date on which parameters are read for that month. */
export function monthStart(month: string): string {
  return `${month}-01`;
}

/** The month before a YYYY-MM month. */
export function previousMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const number = Number(month.slice(5, 7));
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, "0")}`;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function problem(code: string, message: string, field: string): Result<never, Problem> {
  return err({ code, message, field });
}

function parsePercent(raw: unknown, field: string): Result<number | undefined, Problem> {
  if (raw === undefined || raw === null) return ok(undefined);
  const hundredths = typeof raw === "number" ? parseScaledDecimal(raw, 2) : undefined;
  if (hundredths === undefined)
    return problem("invalid_cpi", `${field} must be a percent number with at most 2 decimals, e.g. 3.4`, field);
  return ok(hundredths);
}

function parseCpi(raw: unknown, field: string): Result<CpiFigures, Problem> {
  if (!isMapping(raw))
    return problem("invalid_cpi", `${field} must be an object { yoy_percent, food_yoy_percent }`, field);
  const cpi = parsePercent(raw.yoy_percent, `${field}.yoy_percent`);
  if (!cpi.ok) return cpi;
  const food = parsePercent(raw.food_yoy_percent, `${field}.food_yoy_percent`);
  if (!food.ok) return food;
  return ok({ cpiHundredths: cpi.value, foodHundredths: food.value });
}

function parseMember(raw: unknown, field: string): Result<MemberInput, Problem> {
  if (!isMapping(raw))
    return problem("invalid_member", `${field} must be an object { id, monthly_income_yuan, categories }`, field);
  const id = raw.id;
  if (!((typeof id === "string" && id.trim() !== "") || (typeof id === "number" && Number.isFinite(id)))) {
    return problem("invalid_member_id", `${field}.id must be a non-empty string or a number`, `${field}.id`);
  }
  const incomeField = `${field}.monthly_income_yuan`;
  if (typeof raw.monthly_income_yuan !== "number") {
    return problem(
      "invalid_income",
      `${incomeField} must be a number of yuan, got ${JSON.stringify(raw.monthly_income_yuan) ?? "nothing"}`,
      incomeField,
    );
  }
  const income = parseYuan(raw.monthly_income_yuan, incomeField);
  if (!income.ok) return problem("invalid_income", income.error.message, incomeField);
  if (income.value < 0) return problem("invalid_income", `${incomeField} must not be negative`, incomeField);
  const categories = raw.categories ?? [];
  if (!Array.isArray(categories) || !categories.every((category) => typeof category === "string")) {
    return problem("invalid_categories", `${field}.categories must be a list of category codes`, `${field}.categories`);
  }
  return ok({ id, incomeFen: income.value, categories: categories as string[] });
}

function parseHistory(raw: unknown, month: string): Result<Map<string, CpiFigures>, Problem> {
  const history = new Map<string, CpiFigures>();
  if (raw === undefined || raw === null) return ok(history);
  if (!Array.isArray(raw))
    return problem(
      "invalid_cpi_history",
      "cpi_history must be a list of { month, yoy_percent, food_yoy_percent }",
      "cpi_history",
    );
  for (const [index, entry] of raw.entries()) {
    const field = `cpi_history[${index}]`;
    if (!isMapping(entry) || !isMonth(entry.month))
      return problem("invalid_cpi_history", `${field}.month must be YYYY-MM`, `${field}.month`);
    if (entry.month >= month)
      return problem(
        "invalid_cpi_history",
        `${field}.month must be before the request month ${month}`,
        `${field}.month`,
      );
    if (history.has(entry.month))
      return problem("invalid_cpi_history", `${field}.month ${entry.month} appears twice`, `${field}.month`);
    const figures = parseCpi(entry, field);
    if (!figures.ok) return figures;
    history.set(entry.month, figures.value);
  }
  return ok(history);
}

/** Validates one raw request; the error names the first bad field. */
export function parseAssistanceRequest(raw: unknown): Result<AssistanceRequest, Problem> {
  if (!isMapping(raw))
    return problem("invalid_request", "each request must be an object { id, month, household, cpi? }", "request");
  const id = raw.id;
  if (!((typeof id === "string" && id.trim() !== "") || (typeof id === "number" && Number.isFinite(id)))) {
    return problem("invalid_id", "id must be a non-empty string or a number", "id");
  }
  if (!isMonth(raw.month))
    return problem("invalid_month", `month must be YYYY-MM, got ${JSON.stringify(raw.month) ?? "nothing"}`, "month");
  const household = raw.household;
  if (household === undefined || household === null)
    return problem("missing_household", "household is required", "household");
  if (!isMapping(household))
    return problem("invalid_household", "household must be an object { members, assets_yuan }", "household");
  if (!Array.isArray(household.members) || household.members.length === 0) {
    return problem("invalid_members", "household.members must be a non-empty list", "household.members");
  }
  const members: MemberInput[] = [];
  const seen = new Set<string>();
  for (const [index, rawMember] of household.members.entries()) {
    const member = parseMember(rawMember, `household.members[${index}]`);
    if (!member.ok) return member;
    const key = String(member.value.id);
    if (seen.has(key))
      return problem("duplicate_member", `member id ${key} appears more than once`, `household.members[${index}].id`);
    seen.add(key);
    members.push(member.value);
  }
  if (typeof household.assets_yuan !== "number") {
    return problem(
      "invalid_assets",
      `household.assets_yuan must be a number of yuan, got ${JSON.stringify(household.assets_yuan) ?? "nothing"}`,
      "household.assets_yuan",
    );
  }
  const assets = parseYuan(household.assets_yuan, "household.assets_yuan");
  if (!assets.ok) return problem("invalid_assets", assets.error.message, "household.assets_yuan");
  if (assets.value < 0)
    return problem("invalid_assets", "household.assets_yuan must not be negative", "household.assets_yuan");
  let cpi: CpiFigures | undefined;
  if (raw.cpi !== undefined && raw.cpi !== null) {
    const parsed = parseCpi(raw.cpi, "cpi");
    if (!parsed.ok) return parsed;
    cpi = parsed.value;
  }
  const history = parseHistory(raw.cpi_history, raw.month);
  if (!history.ok) return history;
  return ok({ id, month: raw.month, members, assetsFen: assets.value, cpi, cpiHistory: history.value });
}
