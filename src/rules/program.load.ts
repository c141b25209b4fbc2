/**
 * Formula programs: a policy written as typed inputs, dated parameters and one expression per variable
 * (`policies/benchmark/rules-benchmark/program.yaml`). This file reads and checks the program file's shape;
 * program.compile.ts resolves names, types, dependencies and parameters at a date.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse } from "yaml";
import { err, ok, type Problem, type Result } from "../core/result";
import { parseExpression, type Expression } from "./expression.parse";
import { loadParameterDirectory, type ParameterTree } from "./parameters";

export const INPUT_TYPES = ["decimal", "integer", "enum", "boolean"] as const;
export type InputType = (typeof INPUT_TYPES)[number];

/** One input column: decimals are exact to the hundredth, enums are codes into `values`. */
export interface ProgramInput {
  name: string;
  type: InputType;
  values: readonly string[];
  zh?: string;
  en?: string;
}

/** One derived variable: an expression over inputs, parameters and other variables. */
export interface ProgramVariable {
  name: string;
  text: string;
  expression: Expression;
  declaredType?: "number" | "boolean";
  reference: string;
  zh?: string;
  en?: string;
}

/** A checked program file (names and types are resolved later, at an evaluation date). */
export interface ProgramSource {
  id: string;
  file: string;
  title: { zh: string; en: string };
  reference: string;
  entity: string;
  inputs: ProgramInput[];
  variables: ProgramVariable[];
  outputs: string[];
  parameters: ParameterTree;
}

const TOP_KEYS = new Set([
  "id",
  "kind",
  "title",
  "reference",
  "entity",
  "parameters",
  "inputs",
  "variables",
  "outputs",
]);
const INPUT_KEYS = new Set(["name", "type", "values", "zh", "en"]);
const VARIABLE_KEYS = new Set(["name", "expression", "type", "reference", "zh", "en"]);
const NAME_PATTERN = /^[a-z][a-z0-9_]*$/;

const isMapping = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;

/** Checks a program document; every problem names the file, the YAML path and what is wrong. */
export function loadProgramText(
  source: string,
  file: string,
  parameters: ParameterTree,
): Result<ProgramSource, Problem[]> {
  const problems: Problem[] = [];
  const problem = (path: string, message: string): void => {
    problems.push({ code: "program.invalid", message: `${file}: ${path}: ${message}`, field: path });
  };
  let document: unknown;
  try {
    document = parse(source);
  } catch (error) {
    return err([
      {
        code: "program.invalid",
        message: `${file}: YAML syntax error: ${error instanceof Error ? error.message : String(error)}`,
        field: file,
      },
    ]);
  }
  if (!isMapping(document))
    return err([{ code: "program.invalid", message: `${file}: must be a mapping`, field: file }]);
  for (const key of Object.keys(document))
    if (!TOP_KEYS.has(key)) problem(key, `unknown key "${key}" (allowed: ${[...TOP_KEYS].join(", ")})`);
  const id = text(document.id);
  if (!id || !NAME_PATTERN.test(id.replaceAll("-", "_")))
    problem("id", "must be a lower-case id such as rules-benchmark");
  if (document.kind !== "program") problem("kind", `must be "program", got ${JSON.stringify(document.kind)}`);
  const title = isMapping(document.title) ? { zh: text(document.title.zh), en: text(document.title.en) } : undefined;
  if (!title?.zh || !title.en) problem("title", "must be { zh, en }");
  const reference = text(document.reference);
  if (!reference) problem("reference", "missing reference (the document the program implements)");
  const entity = text(document.entity);
  if (!entity) problem("entity", "missing entity (what one row is, e.g. person)");

  const inputs = loadInputs(document.inputs, problem);
  const variables = loadVariables(document.variables, problem);
  const names = new Set<string>();
  for (const [index, name] of [
    ...inputs.map((input) => input.name),
    ...variables.map((variable) => variable.name),
  ].entries()) {
    if (names.has(name))
      problem(
        index < inputs.length ? `inputs[${index}]` : `variables[${index - inputs.length}]`,
        `"${name}" is defined twice`,
      );
    names.add(name);
    if (parameters.has(name)) problem(`variables.${name}`, `"${name}" is also the name of a parameter`);
  }
  const outputs: string[] = [];
  if (!Array.isArray(document.outputs) || document.outputs.length === 0)
    problem("outputs", "must be a non-empty list of variable names");
  else {
    document.outputs.forEach((name: unknown, index: number) => {
      if (typeof name !== "string" || !variables.some((variable) => variable.name === name))
        problem(`outputs[${index}]`, `unknown variable ${JSON.stringify(name)}`);
      else outputs.push(name);
    });
  }
  if (problems.length > 0) return err(problems);
  return ok({
    id: id as string,
    file,
    title: title as { zh: string; en: string },
    reference: reference as string,
    entity: entity as string,
    inputs,
    variables,
    outputs,
    parameters,
  });
}

function loadInputs(raw: unknown, problem: (path: string, message: string) => void): ProgramInput[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    problem("inputs", "must be a non-empty list of { name, type }");
    return [];
  }
  const inputs: ProgramInput[] = [];
  raw.forEach((entry: unknown, index: number) => {
    const at = `inputs[${index}]`;
    if (!isMapping(entry)) return problem(at, "must be a mapping { name, type }");
    for (const key of Object.keys(entry))
      if (!INPUT_KEYS.has(key)) problem(at, `unknown key "${key}" (allowed: ${[...INPUT_KEYS].join(", ")})`);
    const name = text(entry.name);
    if (!name || !NAME_PATTERN.test(name)) return problem(`${at}.name`, "must be a lower-case name");
    const type = entry.type as InputType;
    if (!INPUT_TYPES.includes(type))
      return problem(
        `inputs.${name}.type`,
        `must be one of ${INPUT_TYPES.join(", ")}, got ${JSON.stringify(entry.type)}`,
      );
    let values: string[] = [];
    if (type === "enum") {
      const listed = entry.values;
      if (
        !Array.isArray(listed) ||
        listed.length === 0 ||
        !listed.every((value) => typeof value === "string" && NAME_PATTERN.test(value))
      ) {
        return problem(`inputs.${name}.values`, "an enum needs a non-empty list of lower-case values");
      }
      if (new Set(listed).size !== listed.length) return problem(`inputs.${name}.values`, "lists a value twice");
      if (listed.length > 255) return problem(`inputs.${name}.values`, "an enum has at most 255 values");
      values = listed as string[];
    } else if (entry.values !== undefined) return problem(`inputs.${name}.values`, "only an enum has values");
    inputs.push({ name, type, values, zh: text(entry.zh), en: text(entry.en) });
  });
  return inputs;
}

function loadVariables(raw: unknown, problem: (path: string, message: string) => void): ProgramVariable[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    problem("variables", "must be a non-empty list of { name, expression, reference }");
    return [];
  }
  const variables: ProgramVariable[] = [];
  raw.forEach((entry: unknown, index: number) => {
    const at = `variables[${index}]`;
    if (!isMapping(entry)) return problem(at, "must be a mapping { name, expression, reference }");
    for (const key of Object.keys(entry))
      if (!VARIABLE_KEYS.has(key)) problem(at, `unknown key "${key}" (allowed: ${[...VARIABLE_KEYS].join(", ")})`);
    const name = text(entry.name);
    if (!name || !NAME_PATTERN.test(name)) return problem(`${at}.name`, "must be a lower-case name");
    const reference = text(entry.reference);
    if (!reference) problem(`variables.${name}.reference`, "missing reference (rule or clause it implements)");
    if (entry.type !== undefined && entry.type !== "number" && entry.type !== "boolean") {
      problem(`variables.${name}.type`, `must be number or boolean, got ${JSON.stringify(entry.type)}`);
    }
    const source = typeof entry.expression === "number" ? String(entry.expression) : text(entry.expression);
    if (!source) return problem(`variables.${name}.expression`, "missing expression");
    const parsed = parseExpression(source);
    if (!parsed.ok) return problem(`variables.${name}.expression`, parsed.error);
    variables.push({
      name,
      text: source.replace(/\s+/g, " "),
      expression: parsed.value,
      declaredType: entry.type as ProgramVariable["declaredType"],
      reference: reference ?? "",
      zh: text(entry.zh),
      en: text(entry.en),
    });
  });
  return variables;
}

/** Loads `program.yaml` and its parameter folder (named by the `parameters` key, default `parameters`). */
export function loadProgramFile(file: string): Result<ProgramSource, Problem[]> {
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch (error) {
    return err([{ code: "program.unreadable", message: `cannot read ${file}: ${String(error)}`, field: file }]);
  }
  let folder = "parameters";
  try {
    const document: unknown = parse(source);
    if (isMapping(document) && typeof document.parameters === "string") folder = document.parameters;
  } catch {
    // the syntax error is reported by loadProgramText below
  }
  const parameters = loadParameterDirectory(join(dirname(file), folder));
  if (!parameters.ok) return err([parameters.error]);
  return loadProgramText(source, file, parameters.value);
}
