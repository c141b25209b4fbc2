/**
 * Resolves a formula program at an evaluation date (parameters become constants, names are checked, variables
 * ordered by dependency and typed) and generates the JavaScript source of ONE fused loop that loads the input
 * columns into engine storage and computes every requested variable in exact integer hundredths.
 */
import { err, ok, type Problem, type Result } from "../core/result";
import type { Expression } from "./expression.parse";
import { emit, typeExpression, type NameBinding, type Scope, type Typed, type ValueType } from "./expression.typed";
import { parameterAt, type ParameterReading } from "./parameters";
import type { ProgramInput, ProgramSource, ProgramVariable } from "./program.load";

/** A variable after resolution: its typed tree (other variables appear as slots) and what it reads. */
export interface ResolvedVariable {
  variable: ProgramVariable;
  typed: Typed;
  type: ValueType;
  dependencies: string[];
}

/** A program bound to one date: every parameter it reads has a value, in dependency order. */
export interface ResolvedProgram {
  source: ProgramSource;
  date: string;
  inputs: ProgramInput[];
  /** Every variable, dependencies first. */
  variables: ResolvedVariable[];
  /** The parameter values in force on `date` that the program reads (for explain). */
  parameters: Map<string, ParameterReading>;
}

const NUMBER: ValueType = { kind: "number" };
const BOOL: ValueType = { kind: "bool" };

/** The value type an input has inside expressions (decimals and integers are numbers in hundredths). */
export function inputValueType(input: ProgramInput): ValueType {
  if (input.type === "enum") return { kind: "enum", values: input.values };
  return input.type === "boolean" ? BOOL : NUMBER;
}

/** Names read by an expression, and the tables it looks up with the enum name they are indexed by. */
function references(expression: Expression, names: Set<string>, tables: Map<string, Expression>): void {
  switch (expression.type) {
    case "name":
      names.add(expression.name);
      return;
    case "unary":
      return references(expression.operand, names, tables);
    case "binary":
      references(expression.left, names, tables);
      return references(expression.right, names, tables);
    case "call": {
      const args =
        expression.callee === "table" && expression.args[0]?.type === "name"
          ? expression.args.slice(1)
          : expression.args;
      if (args !== expression.args) tables.set((expression.args[0] as { name: string }).name, expression.args[1]);
      for (const arg of args) references(arg, names, tables);
      return;
    }
    default:
      return;
  }
}

/** Converts a parameter reading to a constant of the expression language, or says why it cannot be one. */
function parameterConstant(reading: ParameterReading): Result<Typed, string> {
  const value = reading.value;
  switch (reading.unit) {
    case "yuan":
    case "yuan_per_month":
    case "percent":
      return ok({ op: "const", value: value as number, type: NUMBER });
    case "count":
    case "months":
      return ok({ op: "const", value: (value as number) * 100, type: NUMBER });
    case "ratio": {
      const { numerator, denominator } = value as { numerator: number; denominator: number };
      const hundredths = (numerator * 100) / denominator;
      return Number.isInteger(hundredths)
        ? ok({ op: "const", value: hundredths, type: NUMBER })
        : err(`ratio ${numerator}/${denominator} is not exact in hundredths`);
    }
    case "boolean":
      return ok({ op: "const", value: value ? 1 : 0, type: BOOL });
    default:
      return err(`has unit ${reading.unit}, which expressions cannot read`);
  }
}

/** Orders variables so that each comes after what it reads; reports every cycle by its path. */
function order(variables: Map<string, Set<string>>, problem: (name: string, message: string) => void): string[] {
  const state = new Map<string, "visiting" | "done">();
  const sorted: string[] = [];
  const visit = (name: string, path: string[]): void => {
    if (state.get(name) === "done") return;
    if (state.get(name) === "visiting") {
      const cycle = [...path.slice(path.indexOf(name)), name];
      problem(name, `circular definition: ${cycle.join(" → ")}`);
      return;
    }
    state.set(name, "visiting");
    for (const dependency of variables.get(name) ?? [])
      if (variables.has(dependency)) visit(dependency, [...path, name]);
    state.set(name, "done");
    sorted.push(name);
  };
  for (const name of variables.keys()) visit(name, []);
  return sorted;
}

/** Resolves the program at `date`: unknown names, cycles, type errors and missing parameters are all reported. */
export function resolveProgram(source: ProgramSource, date: string): Result<ResolvedProgram, Problem[]> {
  const problems: Problem[] = [];
  const problem = (name: string, message: string): void => {
    problems.push({
      code: "program.invalid",
      message: `${source.file}: variables.${name}: ${message}`,
      field: `variables.${name}`,
    });
  };
  const inputs = new Map(source.inputs.map((input) => [input.name, input]));
  const definitions = new Map(source.variables.map((variable) => [variable.name, variable]));
  const parameters = new Map<string, ParameterReading>();
  const names = new Map<string, NameBinding>();
  for (const input of source.inputs)
    names.set(input.name, {
      type: inputValueType(input),
      value: { op: "slot", slot: input.name, type: inputValueType(input) },
    });

  const reads = new Map<string, Set<string>>();
  const tableUses = new Map<string, Map<string, Expression>>();
  for (const variable of source.variables) {
    const used = new Set<string>();
    const tables = new Map<string, Expression>();
    references(variable.expression, used, tables);
    reads.set(variable.name, used);
    tableUses.set(variable.name, tables);
    for (const name of used) {
      if (inputs.has(name) || definitions.has(name) || names.has(name)) continue;
      const reading = parameterAt(source.parameters, name, date);
      if (!reading.ok) {
        problem(
          variable.name,
          reading.error.code === "parameter.unknown"
            ? `unknown name "${name}" (not an input, a variable or a parameter)`
            : reading.error.message,
        );
        continue;
      }
      const constant = parameterConstant(reading.value);
      if (!constant.ok) problem(variable.name, `parameter ${name} ${constant.error}`);
      else {
        parameters.set(name, reading.value);
        names.set(name, { type: constant.value.type, value: constant.value });
      }
    }
  }
  const sorted = order(reads, problem);
  if (problems.length > 0) return err(problems);

  const tables = new Map<string, { values: readonly string[]; entries: number[] }>();
  const resolved: ResolvedVariable[] = [];
  for (const name of sorted) {
    const variable = definitions.get(name) as ProgramVariable;
    let failed = false;
    for (const [table, operand] of tableUses.get(name) ?? []) {
      const input = operand?.type === "name" ? inputs.get(operand.name) : undefined;
      if (!input || input.type !== "enum") {
        problem(name, `table(${table}, …) must be indexed by an enum input`);
        failed = true;
        continue;
      }
      const entries: number[] = [];
      for (const value of input.values) {
        const reading = parameterAt(source.parameters, `${table}.${value}`, date);
        const constant = reading.ok ? parameterConstant(reading.value) : undefined;
        if (!reading.ok || !constant?.ok || constant.value.type.kind !== "number" || constant.value.op !== "const") {
          problem(
            name,
            `table ${table} has no number for ${input.name} value "${value}" on ${date} (${reading.ok ? "wrong unit" : reading.error.message})`,
          );
          failed = true;
          continue;
        }
        parameters.set(`${table}.${value}`, reading.value);
        entries.push(constant.value.value);
      }
      const known = tables.get(table);
      if (known && known.values !== input.values) {
        problem(name, `table ${table} is indexed by two different enums`);
        failed = true;
      }
      tables.set(table, { values: input.values, entries });
    }
    if (failed) continue;
    const scope: Scope = { names, tables };
    const typed = typeExpression(variable.expression, scope);
    if (!typed.ok) {
      problem(name, `${typed.error} in "${variable.text}"`);
      continue;
    }
    const type = typed.value.type;
    if (variable.declaredType && (variable.declaredType === "boolean") !== (type.kind === "bool")) {
      problem(name, `declared ${variable.declaredType} but the expression gives a ${type.kind}`);
      continue;
    }
    names.set(name, { type, value: { op: "slot", slot: name, type } });
    resolved.push({
      variable,
      typed: typed.value,
      type,
      dependencies: [...(reads.get(name) ?? [])].filter((read) => definitions.has(read)),
    });
  }
  if (problems.length > 0) return err(problems);
  return ok({ source, date, inputs: source.inputs, variables: resolved, parameters });
}

/** Storage kind of a column in the engine: Int32 hundredths for numbers, bytes for booleans and enum codes. */
export type StorageKind = "int32" | "uint8";

/** What the generated loop reads and writes, in argument order. */
export interface CompiledProgram {
  resolved: ResolvedProgram;
  inputs: { input: ProgramInput; storage: StorageKind }[];
  outputs: { name: string; type: ValueType; storage: StorageKind }[];
  /** Factory source: `new Function(source)()` returns kernel(sources, storage, outputs, start, end) → first bad row or -1. */
  source: string;
}

/** Rows per block: small enough for a block's loaded inputs to stay in the core's cache. */
const BLOCK_ROWS = 2048;

/** The variables needed to compute `outputs`, dependencies first. */
function closure(resolved: ResolvedProgram, outputs: readonly string[]): ResolvedVariable[] {
  const byName = new Map(resolved.variables.map((variable) => [variable.variable.name, variable]));
  const needed = new Set<string>();
  const visit = (name: string): void => {
    if (needed.has(name)) return;
    needed.add(name);
    for (const dependency of byName.get(name)?.dependencies ?? []) visit(dependency);
  };
  outputs.forEach(visit);
  return resolved.variables.filter((variable) => needed.has(variable.variable.name));
}

/** Generates the fused loop storing `outputs` (default: the program's outputs); unknown names are refused. */
export function compileProgram(
  resolved: ResolvedProgram,
  outputs: readonly string[] = resolved.source.outputs,
): Result<CompiledProgram, Problem[]> {
  const known = new Set(resolved.variables.map((variable) => variable.variable.name));
  const unknown = outputs.filter((name) => !known.has(name));
  if (unknown.length > 0)
    return err(
      unknown.map((name) => ({
        code: "program.unknown_output",
        message: `${resolved.source.file}: no variable named ${name}`,
        field: name,
      })),
    );
  const locals = new Map<string, string>();
  const header: string[] = [];
  const body: string[] = [];
  const tableNames = new Map<string, string>();
  const context = {
    slot: (slot: string): string => {
      const local = locals.get(slot);
      if (!local) throw new Error(`bug: ${slot} used before it is computed`);
      return local;
    },
    table: (entries: number[]): string => {
      const key = entries.join(",");
      if (!tableNames.has(key)) {
        tableNames.set(key, `t${tableNames.size}`);
        header.push(`const t${tableNames.size - 1} = Int32Array.of(${key});`);
      }
      return tableNames.get(key) as string;
    },
  };
  const loads: string[] = [];
  const inputs = resolved.inputs.map((input, index) => {
    const storage: StorageKind = input.type === "decimal" || input.type === "integer" ? "int32" : "uint8";
    const load = [`const x = ${input.type === "decimal" ? `Math.round(s${index}[i] * 100)` : `s${index}[i]`};`];
    if (input.type === "decimal") load.push(`if ((x | 0) !== x || Math.abs(s${index}[i] * 100 - x) > 0.001) return i;`);
    else if (input.type === "integer") load.push(`if ((x | 0) !== x) return i;`);
    else load.push(`if (x >>> 0 > ${input.type === "boolean" ? 1 : input.values.length - 1}) return i;`);
    load.push(`st${index}[i] = x;`);
    loads.push(`for (let i = block; i < blockEnd; i++) { ${load.join(" ")} }`);
    body.push(`const x${index} = st${index}[i];`);
    if (input.type === "integer") body.push(`const h${index} = x${index} * 100;`);
    locals.set(input.name, input.type === "integer" ? `h${index}` : `x${index}`);
    return { input, storage };
  });
  closure(resolved, outputs).forEach((variable, index) => {
    body.push(`const v${index} = ${emit(variable.typed, context)};`);
    locals.set(variable.variable.name, `v${index}`);
  });
  const stored = outputs.map((name, index) => {
    const variable = resolved.variables.find((candidate) => candidate.variable.name === name) as ResolvedVariable;
    const storage: StorageKind = variable.type.kind === "number" ? "int32" : "uint8";
    const local = locals.get(name) as string;
    body.push(`o${index}[i] = ${local};`);
    if (storage === "int32") body.push(`if ((${local} | 0) !== ${local}) return i;`);
    return { name, type: variable.type, storage };
  });
  const views = [
    ...inputs.map((_, index) => `s${index} = sources[${index}], st${index} = storage[${index}]`),
    ...stored.map((_, index) => `o${index} = outputs[${index}]`),
  ];
  // Rows go in blocks: each block's input columns are loaded (checked, converted to hundredths) into engine
  // storage by one short loop per column, then one fused loop computes every output from that storage while
  // it is still in cache. One loop over all ~50 columns at once runs out of registers and is much slower.
  const source = [
    `"use strict";`,
    `const quotient = (a, b) => (b === 0 ? 0 : Math.floor(a / b) * 100);`,
    ...header,
    `return function kernel(sources, storage, outputs, start, end) {`,
    `  const ${views.join(",\n    ")};`,
    `  for (let block = start; block < end; block += ${BLOCK_ROWS}) {`,
    `    const blockEnd = Math.min(end, block + ${BLOCK_ROWS});`,
    ...loads.map((line) => `    ${line}`),
    `    for (let i = block; i < blockEnd; i++) {`,
    ...body.map((line) => `      ${line}`),
    `    }`,
    `  }`,
    `  return -1;`,
    `};`,
  ].join("\n");
  return ok({ resolved, inputs, outputs: stored, source });
}
