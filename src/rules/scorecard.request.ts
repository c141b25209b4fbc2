/**
 * Checks a scoring request `{ id, purpose, town, application_date, grade?, facts }` against a plan and turns
 * it into stored slot values. Every refusal is a Problem naming the field (`facts.education`).
 */
import { isIsoDate } from "../core/dates";
import { parseYuan } from "../core/money";
import { parsePointsResult } from "../core/points";
import { err, ok, type Problem, type Result } from "../core/result";
import { CONTEXT_SLOTS, type Plan } from "./scorecard.plan";
import type { FactDefinition } from "./scorecard.types";
import { towns } from "./towns";

/** A request as it arrives (JSON, a JSON Lines row, or a CSV row turned into an object). */
export interface ScoringRequest {
  id?: unknown;
  purpose?: unknown;
  town?: unknown;
  application_date?: unknown;
  grade?: unknown;
  facts?: unknown;
}

/** A checked request: context plus stored slot values (counts in units, yuan in fen, dates as yyyymmdd). */
export interface ScoringCase {
  id: unknown;
  purpose: string;
  town: string;
  applicationDate: string;
  grade: string;
  values: Map<string, number>;
}

/** Larger counts are refused as implausible, so sub-scores stay within Int32 hundredths. */
const MAX_COUNT = 10_000_000;

/** yyyymmdd integer of an ISO date, the form dates take in columns. */
export function dateNumber(date: string): number {
  return Number(date.slice(0, 4)) * 10000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
}

const problem = (code: string, field: string, message: string): Result<never, Problem> =>
  err({ code, message: `${field}: ${message}`, field });

/** Checks the context fields that pick a version (the application date) before the facts are read. */
export function checkApplicationDate(request: ScoringRequest): Result<string, Problem> {
  if (typeof request !== "object" || request === null || Array.isArray(request))
    return problem("invalid_request", "request", "must be an object");
  if (request.application_date === undefined) return problem("missing_field", "application_date", "is required");
  if (!isIsoDate(request.application_date))
    return problem(
      "invalid_date",
      "application_date",
      `"${String(request.application_date)}" is not a real date YYYY-MM-DD`,
    );
  return ok(request.application_date);
}

/**
 * Checks a whole request against the plan of the version that scores it. Facts that another version of the
 * same family declares (e.g. a 2014 fact on a date the 2013 table scores) are ignored, not refused.
 */
export function checkRequest(
  plan: Plan,
  request: ScoringRequest,
  otherVersionFacts: ReadonlySet<string> = new Set(),
): Result<ScoringCase, Problem> {
  const date = checkApplicationDate(request);
  if (!date.ok) return date;
  const purposes = plan.purposes.map((purpose) => purpose.name);
  if (typeof request.purpose !== "string" || !purposes.includes(request.purpose)) {
    return problem(
      request.purpose === undefined ? "missing_field" : "unknown_purpose",
      "purpose",
      `must be one of ${purposes.join(", ")}`,
    );
  }
  const town = typeof request.town === "string" ? towns().get(request.town) : undefined;
  if (!town)
    return problem(
      request.town === undefined ? "missing_field" : "unknown_town",
      "town",
      `"${String(request.town)}" is not a 镇区 code (e.g. shiqi, xiaolan)`,
    );
  const gradeValues = plan.version.grades.values;
  let grade = "none";
  if (request.grade !== undefined && request.grade !== null) {
    if (typeof request.grade !== "string" || !gradeValues.includes(request.grade))
      return problem("unknown_grade", "grade", `must be one of ${gradeValues.join(", ")}`);
    grade = request.grade;
  }
  if (request.purpose === plan.version.grades.purpose && grade === "none")
    return problem(
      "missing_grade",
      "grade",
      `a ${request.purpose} request names the grade (${gradeValues.join(", ")})`,
    );
  const values = new Map<string, number>([
    [CONTEXT_SLOTS.applicationDate, dateNumber(date.value)],
    [CONTEXT_SLOTS.centralDistrict, town.centralDistrict ? 1 : 0],
    [CONTEXT_SLOTS.grade, plan.grades.indexOf(grade)],
  ]);
  const facts = request.facts ?? {};
  if (typeof facts !== "object" || facts === null || Array.isArray(facts))
    return problem("invalid_type", "facts", "must be an object of facts");
  const definitions = new Map(plan.version.facts.map((fact) => [fact.name, fact]));
  for (const [name, value] of Object.entries(facts as Record<string, unknown>)) {
    const definition = definitions.get(name);
    if (!definition && otherVersionFacts.has(name)) continue;
    if (!definition) return problem("unknown_fact", `facts.${name}`, `is not a fact of ${plan.version.id}`);
    if (value === null || value === undefined) continue;
    const stored = storeFact(definition, value, values);
    if (!stored.ok) return stored;
  }
  for (const fact of plan.version.facts) {
    if (!fact.subsetOf) continue;
    const parts = fact.type === "counts" ? (fact.fields ?? []).map((field) => `.${field}`) : [""];
    for (const part of parts) {
      const subset = values.get(`${fact.name}${part}`) ?? 0;
      const whole = fact.subsetOf.reduce((sum, name) => sum + (values.get(`${name}${part}`) ?? 0), 0);
      if (subset > whole) {
        return problem(
          "subset_exceeds_whole",
          `facts.${fact.name}${part}`,
          `${subset / (fact.type === "yuan" || fact.type === "decimal" ? 100 : 1)} is more than its whole (${fact.subsetOf.map((name) => name + part).join(" + ")})`,
        );
      }
    }
  }
  return ok({ id: request.id, purpose: request.purpose, town: town.code, applicationDate: date.value, grade, values });
}

function storeCount(value: unknown, field: string): Result<number, Problem> {
  if (typeof value !== "number" || !Number.isFinite(value))
    return problem("invalid_type", field, "must be a whole number");
  if (value < 0) return problem("negative_count", field, "cannot be negative");
  if (!Number.isInteger(value))
    return problem("fractional_count", field, "must be a whole number (full years, hours, times)");
  if (value > MAX_COUNT) return problem("too_large", field, "is implausibly large");
  return ok(value);
}

function storeFact(definition: FactDefinition, value: unknown, values: Map<string, number>): Result<true, Problem> {
  const field = `facts.${definition.name}`;
  switch (definition.type) {
    case "count": {
      const count = storeCount(value, field);
      if (!count.ok) return count;
      values.set(definition.name, count.value);
      return ok(true);
    }
    case "yuan": {
      if (typeof value !== "number" && typeof value !== "string")
        return problem("invalid_type", field, "must be an amount of yuan");
      const fen = parseYuan(value, field);
      if (!fen.ok) return problem("invalid_amount", field, fen.error.message);
      if (fen.value < 0) return problem("negative_amount", field, "cannot be negative");
      values.set(definition.name, fen.value);
      return ok(true);
    }
    case "decimal": {
      if (typeof value !== "number" && typeof value !== "string")
        return problem("invalid_type", field, "must be a number");
      const hundredths = parsePointsResult(value, field);
      if (!hundredths.ok) return problem("invalid_number", field, hundredths.error.message);
      values.set(definition.name, hundredths.value);
      return ok(true);
    }
    case "boolean":
      if (typeof value !== "boolean") return problem("invalid_type", field, "must be true or false");
      values.set(definition.name, value ? 1 : 0);
      return ok(true);
    case "enum": {
      const code = typeof value === "string" ? (definition.values ?? []).indexOf(value) : -1;
      if (code < 0) return problem("invalid_value", field, `must be one of ${(definition.values ?? []).join(", ")}`);
      values.set(definition.name, code + 1);
      return ok(true);
    }
    case "date":
      if (!isIsoDate(value)) return problem("invalid_date", field, `"${String(value)}" is not a real date YYYY-MM-DD`);
      values.set(definition.name, dateNumber(value));
      return ok(true);
    case "counts": {
      if (typeof value !== "object" || Array.isArray(value))
        return problem("invalid_type", field, `must be an object of ${(definition.fields ?? []).join(", ")}`);
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        if (!(definition.fields ?? []).includes(key))
          return problem("unknown_fact", `${field}.${key}`, `is not one of ${(definition.fields ?? []).join(", ")}`);
        if (item === null || item === undefined) continue;
        const count = storeCount(item, `${field}.${key}`);
        if (!count.ok) return count;
        values.set(`${definition.name}.${key}`, count.value);
      }
      return ok(true);
    }
  }
}
