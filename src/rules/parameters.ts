/**
 * Dated policy parameters (OpenFisca-style): a YAML tree whose leaves carry a description, a unit and dated
 * values, each value citing its legal reference. Validated strictly at load so that a policy officer's typo
 * is reported with the file, the YAML path and the problem, never discovered at payment time.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parse } from "yaml";
import { isIsoDate } from "../core/dates";
import type { Ratio } from "../core/money";
import { err, ok, type Problem, type Result } from "../core/result";
import { entryAt, type DatedEntry } from "./dated";

/** Units a leaf may declare; each decides how YAML values become code values. */
export const PARAMETER_UNITS = [
  "yuan_per_month", // whole or 2-decimal yuan in YAML, integer fen in code
  "yuan", // idem, a one-off amount
  "ratio", // exact decimal (0.4) in YAML, a Ratio in code
  "percent", // exact decimal percent (3.5) in YAML, integer hundredths of a percent (350) in code
  "months", // non-negative integer
  "count", // non-negative integer
  "rounding", // "down" or "half_up"
  "code", // one lower-case code
  "codes", // a list of lower-case codes
  "boolean",
] as const;

export type ParameterUnit = (typeof PARAMETER_UNITS)[number];
export type ParameterValue = number | Ratio | string | readonly string[] | boolean;

/** One validated leaf of a parameter tree. */
export interface ParameterLeaf {
  path: string;
  file: string;
  description: string;
  unit: ParameterUnit;
  /** True when the value was not found in a legal text and is a default the city may change. */
  configurableDefault: boolean;
  allowNegative: boolean;
  values: DatedEntry<ParameterValue>[];
}

/** A loaded parameter tree: leaves by dotted path. */
export type ParameterTree = ReadonlyMap<string, ParameterLeaf>;

/** The value of a parameter on a date, with the entry it came from. */
export interface ParameterReading<T = ParameterValue> {
  path: string;
  value: T;
  from: string;
  reference: string;
  unit: ParameterUnit;
}

const LEAF_KEYS = new Set(["description", "unit", "values", "configurable_default", "allow_negative"]);
const ENTRY_KEYS = new Set(["from", "value", "reference", "note"]);
const CODE_PATTERN = /^[a-z][a-z0-9_]*$/;
const DECIMAL_PATTERN = /^([+-])?(\d+)(?:\.(\d+))?$/;

/** Parses an exact decimal (number or string) into an integer scaled by 10^places; refuses more decimals. */
export function parseScaledDecimal(input: unknown, places: number): number | undefined {
  let text: string;
  if (typeof input === "number" && Number.isFinite(input)) text = String(input);
  else if (typeof input === "string") text = input.trim();
  else return undefined;
  const match = DECIMAL_PATTERN.exec(text);
  if (!match) return undefined;
  const [, sign, whole, fraction = ""] = match;
  if (fraction.length > places) return undefined;
  const scaled = Number(whole) * 10 ** places + Number(fraction.padEnd(places, "0") || "0");
  if (!Number.isSafeInteger(scaled)) return undefined;
  return sign === "-" && scaled !== 0 ? -scaled : scaled;
}

/** Parses an exact decimal ratio ("0.35", 1.5) into numerator/denominator without floating point. */
export function parseRatio(input: unknown): Ratio | undefined {
  const text =
    typeof input === "number" && Number.isFinite(input) ? String(input) : typeof input === "string" ? input.trim() : "";
  const match = /^(\d+)(?:\.(\d{1,9}))?$/.exec(text);
  if (!match) return undefined;
  const fraction = match[2] ?? "";
  return { numerator: Number(match[1] + fraction), denominator: 10 ** fraction.length };
}

class ParameterError extends Error {}

function fail(file: string, path: string, problem: string): never {
  throw new ParameterError(`${file}: ${path || "(top)"}: ${problem}`);
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Converts one YAML value to its code value for `unit`; the error says what is wrong with it. */
export function convertParameterValue(
  unit: ParameterUnit,
  raw: unknown,
  allowNegative: boolean,
): Result<ParameterValue, string> {
  const shown = JSON.stringify(raw);
  const negative = (value: number) =>
    value < 0 && !allowNegative ? err(`value must not be negative, got ${shown}`) : ok(value);
  switch (unit) {
    case "yuan_per_month":
    case "yuan": {
      const fen = typeof raw === "number" ? parseScaledDecimal(raw, 2) : undefined;
      return fen === undefined
        ? err(`value must be a number of yuan with at most 2 decimals for unit ${unit}, got ${shown}`)
        : negative(fen);
    }
    case "percent": {
      const hundredths = typeof raw === "number" ? parseScaledDecimal(raw, 2) : undefined;
      return hundredths === undefined
        ? err(`value must be a percent number with at most 2 decimals, got ${shown}`)
        : negative(hundredths);
    }
    case "ratio": {
      if (typeof raw === "number" && raw < 0) return err(`value must not be negative, got ${shown}`);
      const ratio = typeof raw === "number" ? parseRatio(raw) : undefined;
      return ratio ? ok(ratio) : err(`value must be a decimal ratio such as 0.4, got ${shown}`);
    }
    case "months":
    case "count":
      return typeof raw === "number" && Number.isSafeInteger(raw)
        ? negative(raw)
        : err(`value must be a whole number for unit ${unit}, got ${shown}`);
    case "rounding":
      return raw === "down" || raw === "half_up" ? ok(raw) : err(`value must be "down" or "half_up", got ${shown}`);
    case "code":
      return typeof raw === "string" && CODE_PATTERN.test(raw)
        ? ok(raw)
        : err(`value must be a lower-case code, got ${shown}`);
    case "codes":
      if (!Array.isArray(raw) || !raw.every((code) => typeof code === "string" && CODE_PATTERN.test(code))) {
        return err(`value must be a list of lower-case codes, got ${shown}`);
      }
      return new Set(raw).size === raw.length ? ok(raw as string[]) : err(`value lists a code twice: ${shown}`);
    case "boolean":
      return typeof raw === "boolean" ? ok(raw) : err(`value must be true or false, got ${shown}`);
  }
}

function loadLeaf(file: string, path: string, node: Record<string, unknown>): ParameterLeaf {
  for (const key of Object.keys(node)) {
    if (!LEAF_KEYS.has(key)) fail(file, path, `unknown key "${key}" (allowed: ${[...LEAF_KEYS].join(", ")})`);
  }
  if (typeof node.description !== "string" || node.description.trim() === "") fail(file, path, "missing description");
  const unit = node.unit;
  if (typeof unit !== "string" || !(PARAMETER_UNITS as readonly string[]).includes(unit)) {
    fail(file, path, `unit must be one of ${PARAMETER_UNITS.join(", ")}, got ${JSON.stringify(unit)}`);
  }
  for (const flag of ["configurable_default", "allow_negative"] as const) {
    if (node[flag] !== undefined && typeof node[flag] !== "boolean")
      fail(file, `${path}.${flag}`, "must be true or false");
  }
  const allowNegative = node.allow_negative === true;
  if (!Array.isArray(node.values) || node.values.length === 0) fail(file, `${path}.values`, "must be a non-empty list");
  const values: DatedEntry<ParameterValue>[] = [];
  node.values.forEach((raw: unknown, index: number) => {
    const at = `${path}.values[${index}]`;
    if (!isMapping(raw)) fail(file, at, "must be a mapping with from, value and reference");
    for (const key of Object.keys(raw)) {
      if (!ENTRY_KEYS.has(key)) fail(file, at, `unknown key "${key}" (allowed: ${[...ENTRY_KEYS].join(", ")})`);
    }
    if (!isIsoDate(raw.from)) fail(file, `${at}.from`, `must be a date YYYY-MM-DD, got ${JSON.stringify(raw.from)}`);
    if (typeof raw.reference !== "string" || raw.reference.trim() === "")
      fail(file, `${at}.reference`, "missing reference (document number and clause)");
    if (!("value" in raw)) fail(file, `${at}.value`, "missing value");
    const converted = convertParameterValue(unit as ParameterUnit, raw.value, allowNegative);
    if (!converted.ok) fail(file, `${at}.value`, converted.error);
    const value = converted.value;
    const previous = values[values.length - 1];
    if (previous && previous.from === raw.from) fail(file, `${at}.from`, `duplicate date ${raw.from}`);
    if (previous && previous.from > raw.from)
      fail(file, `${at}.from`, `dates must be in increasing order: ${raw.from} comes after ${previous.from}`);
    values.push({ from: raw.from, value, reference: raw.reference });
  });
  return {
    path,
    file,
    description: node.description as string,
    unit: unit as ParameterUnit,
    configurableDefault: node.configurable_default === true,
    allowNegative,
    values,
  };
}

function walk(file: string, path: string, node: unknown, leaves: Map<string, ParameterLeaf>): void {
  if (!isMapping(node)) fail(file, path, "must be a mapping of parameters");
  if ("values" in node || "unit" in node) {
    if (leaves.has(path)) fail(file, path, `parameter defined twice (also in ${leaves.get(path)?.file})`);
    leaves.set(path, loadLeaf(file, path, node));
    return;
  }
  for (const [key, child] of Object.entries(node)) {
    if (key === "description" && typeof child === "string") continue;
    if (!CODE_PATTERN.test(key)) fail(file, path, `unknown key "${key}" (parameter names are lower-case words)`);
    const childPath = path ? `${path}.${key}` : key;
    if (!isMapping(child))
      fail(file, childPath, `unknown key "${key}": expected a parameter (description, unit, values) or a group`);
    walk(file, childPath, child, leaves);
  }
}

/** Parses one YAML document of parameters under `prefix` (the file's name); a Problem names file, path and issue. */
export function loadParameterText(
  text: string,
  file: string,
  prefix: string,
  into?: ParameterTree,
): Result<ParameterTree, Problem> {
  const leaves = new Map(into ?? []);
  try {
    let document: unknown;
    try {
      document = parse(text);
    } catch (error) {
      fail(file, "", `YAML syntax error: ${error instanceof Error ? error.message : String(error)}`);
    }
    walk(file, prefix, document, leaves);
  } catch (error) {
    if (error instanceof ParameterError) return err({ code: "parameter.invalid", message: error.message, field: file });
    throw error;
  }
  return ok(leaves);
}

/** Loads every `*.yaml` file of a directory; each file's name is the first segment of its parameters' paths. */
export function loadParameterDirectory(directory: string): Result<ParameterTree, Problem> {
  let files: string[];
  try {
    files = readdirSync(directory)
      .filter((name) => name.endsWith(".yaml"))
      .sort();
  } catch (error) {
    return err({
      code: "parameter.unreadable",
      message: `cannot read parameter directory ${directory}: ${String(error)}`,
      field: directory,
    });
  }
  let tree: ParameterTree = new Map();
  for (const name of files) {
    const file = join(directory, name);
    const loaded = loadParameterText(readFileSync(file, "utf8"), file, basename(name, ".yaml"), tree);
    if (!loaded.ok) return loaded;
    tree = loaded.value;
  }
  return ok(tree);
}

/** The value of parameter `path` in force on `date`, with its reference; an error when unknown or not yet in force. */
export function parameterAt(tree: ParameterTree, path: string, date: string): Result<ParameterReading, Problem> {
  const leaf = tree.get(path);
  if (!leaf) return err({ code: "parameter.unknown", message: `no parameter named ${path}`, field: path });
  const entry = entryAt(leaf.values, date);
  if (!entry) {
    return err({
      code: "parameter.not_in_force",
      message: `${path} has no value on ${date} (first value from ${leaf.values[0].from})`,
      field: path,
    });
  }
  return ok({ path, value: entry.value, from: entry.from, reference: entry.reference ?? "", unit: leaf.unit });
}

/** A test or simulation change to a parameter: a new value from a date (replacing any entry of that date). */
export interface ParameterOverride {
  path: string;
  from: string;
  /** In YAML terms (yuan, percent, ratio as decimals), converted with the leaf's unit. */
  value: unknown;
  reference?: string;
}

/** Returns a copy of the tree with overrides applied; each override is validated against the leaf's unit. */
export function overrideParameters(
  tree: ParameterTree,
  overrides: readonly ParameterOverride[],
): Result<ParameterTree, Problem> {
  const copy = new Map(tree);
  for (const [index, override] of overrides.entries()) {
    const field = `overrides[${index}]`;
    const leaf = copy.get(override.path);
    if (!leaf)
      return err({
        code: "parameter.unknown",
        message: `${field}: no parameter named ${override.path}`,
        field: `${field}.path`,
      });
    if (!isIsoDate(override.from))
      return err({
        code: "parameter.invalid",
        message: `${field}.from must be a date YYYY-MM-DD`,
        field: `${field}.from`,
      });
    const converted = convertParameterValue(leaf.unit, override.value, leaf.allowNegative);
    if (!converted.ok) {
      return err({
        code: "parameter.invalid",
        message: `${field} (${override.path}): ${converted.error}`,
        field: `${field}.value`,
      });
    }
    const entry = {
      from: override.from,
      value: converted.value,
      reference: override.reference ?? `override of ${override.path}`,
    };
    const values = [...leaf.values.filter((existing) => existing.from !== override.from), entry].sort((a, b) =>
      a.from < b.from ? -1 : 1,
    );
    copy.set(override.path, { ...leaf, values });
  }
  return ok(copy);
}

/** Reads a parameter and checks its unit, so a formula never mistakes a ratio for an amount. */
function typedAt<T>(
  tree: ParameterTree,
  path: string,
  date: string,
  units: readonly ParameterUnit[],
): Result<ParameterReading<T>, Problem> {
  const reading = parameterAt(tree, path, date);
  if (!reading.ok) return reading;
  if (!units.includes(reading.value.unit)) {
    return err({
      code: "parameter.wrong_unit",
      message: `${path} has unit ${reading.value.unit}, expected ${units.join(" or ")}`,
      field: path,
    });
  }
  return reading as Result<ParameterReading<T>, Problem>;
}

/** An amount parameter in integer fen. */
export function moneyAt(tree: ParameterTree, path: string, date: string): Result<ParameterReading<number>, Problem> {
  return typedAt<number>(tree, path, date, ["yuan_per_month", "yuan"]);
}

/** A percent parameter in integer hundredths of a percent (3.5 % = 350). */
export function percentAt(tree: ParameterTree, path: string, date: string): Result<ParameterReading<number>, Problem> {
  return typedAt<number>(tree, path, date, ["percent"]);
}

/** An exact ratio parameter. */
export function ratioAt(tree: ParameterTree, path: string, date: string): Result<ParameterReading<Ratio>, Problem> {
  return typedAt<Ratio>(tree, path, date, ["ratio"]);
}

/** A whole-number parameter (months, counts). */
export function integerAt(tree: ParameterTree, path: string, date: string): Result<ParameterReading<number>, Problem> {
  return typedAt<number>(tree, path, date, ["months", "count"]);
}

/** A rounding rule parameter. */
export function roundingAt(
  tree: ParameterTree,
  path: string,
  date: string,
): Result<ParameterReading<"down" | "half_up">, Problem> {
  return typedAt<"down" | "half_up">(tree, path, date, ["rounding"]);
}

/** A list-of-codes parameter (categories, covered groups). */
export function codesAt(
  tree: ParameterTree,
  path: string,
  date: string,
): Result<ParameterReading<readonly string[]>, Problem> {
  return typedAt<readonly string[]>(tree, path, date, ["codes"]);
}
