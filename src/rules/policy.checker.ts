/**
 * A small structural checker for policy YAML: it walks plain data and records every problem with the file
 * and the path inside it (`indicators[3].cap`), so a policy officer sees all mistakes at once.
 */
import { isIsoDate } from "../core/dates";
import { parsePointsResult } from "../core/points";
import type { PolicyProblem } from "./scorecard.types";

export type Plain = Record<string, unknown>;

/** Collects problems found in one policy file. */
export class PolicyChecker {
  readonly problems: PolicyProblem[] = [];
  constructor(readonly file: string) {}

  /** Records a problem at a path. */
  report(code: string, path: string, message: string): void {
    this.problems.push({ code, file: this.file, path, message: `${this.file}: ${path || "(top)"}: ${message}` });
  }

  /** An object with only the given keys (required ones must be present); undefined when it is not an object. */
  object(
    value: unknown,
    path: string,
    required: readonly string[],
    optional: readonly string[] = [],
  ): Plain | undefined {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      this.report("invalid_type", path, "must be a mapping");
      return undefined;
    }
    const plain = value as Plain;
    for (const key of Object.keys(plain)) {
      if (!required.includes(key) && !optional.includes(key))
        this.report("unknown_key", join(path, key), `unknown key "${key}"`);
    }
    for (const key of required) {
      if (plain[key] === undefined || plain[key] === null)
        this.report(key === "reference" ? "missing_reference" : "missing_key", join(path, key), `missing "${key}"`);
    }
    return plain;
  }

  /** A mapping whose keys are names chosen by the author (facts, purposes, enum values). */
  mapping(value: unknown, path: string): Plain | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      this.report("invalid_type", path, "must be a mapping");
      return undefined;
    }
    return value as Plain;
  }

  /** A non-empty string, or undefined after reporting. */
  text(value: unknown, path: string): string | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== "string" || value.trim() === "") {
      this.report("invalid_type", path, "must be non-empty text");
      return undefined;
    }
    return value;
  }

  /** One of the allowed words. */
  word<T extends string>(value: unknown, path: string, allowed: readonly T[]): T | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== "string" || !allowed.includes(value as T)) {
      this.report("invalid_value", path, `must be one of ${allowed.join(", ")}`);
      return undefined;
    }
    return value as T;
  }

  /** Points as integer hundredths (YAML numbers like 1.5 or 0.3). */
  points(value: unknown, path: string): number | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== "number" && typeof value !== "string") {
      this.report("invalid_type", path, "must be a number of points");
      return undefined;
    }
    const parsed = parsePointsResult(value, path);
    if (!parsed.ok) {
      this.report("invalid_points", path, parsed.error.message);
      return undefined;
    }
    return parsed.value;
  }

  /** A cap: points that must not be below zero. */
  cap(value: unknown, path: string): number | undefined {
    const hundredths = this.points(value, path);
    if (hundredths !== undefined && hundredths < 0) {
      this.report("negative_cap", path, "a cap cannot be below zero");
      return undefined;
    }
    return hundredths;
  }

  /** An ISO date; YAML may give it as a Date object. */
  date(value: unknown, path: string): string | undefined {
    if (value === undefined) return undefined;
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
    if (!isIsoDate(text)) {
      this.report("invalid_date", path, "must be a date YYYY-MM-DD");
      return undefined;
    }
    return text as string;
  }

  /** A list of non-empty strings without duplicates. */
  words(value: unknown, path: string): string[] | undefined {
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.some((item) => typeof item !== "string" || item === "")) {
      this.report("invalid_type", path, "must be a list of names");
      return undefined;
    }
    const seen = new Set<string>();
    for (const item of value as string[]) {
      if (seen.has(item)) this.report("duplicate", path, `"${item}" is listed twice`);
      seen.add(item);
    }
    return value as string[];
  }

  /** A list; undefined after reporting. */
  list(value: unknown, path: string): unknown[] | undefined {
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) {
      this.report("invalid_type", path, "must be a list");
      return undefined;
    }
    return value;
  }
}

/** Joins a path and a key the way problems show them. */
export function join(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}
