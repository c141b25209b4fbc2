/**
 * Evaluates a compiled formula program: over whole columns (the generated fused loop, single-threaded here;
 * workers.pool.ts spreads it over threads) and for one person by interpreting the same typed trees (explain).
 * A property test proves both paths agree.
 */
import { err, ok, type Problem, type Result } from "../core/result";
import { interpret } from "./expression.typed";
import type { ParameterReading } from "./parameters";
import type { CompiledProgram, ResolvedProgram, StorageKind } from "./program.compile";
import type { ProgramInput } from "./program.load";

/** A source column as read from a file: decimals as Float64Array, the rest as whole numbers. */
export type SourceColumn = Float64Array | Int32Array | Uint8Array;
export type StoredColumn = Int32Array | Uint8Array;

/** Engine storage for one population: the loaded inputs and the computed outputs. */
export interface ProgramColumns {
  size: number;
  inputs: Record<string, StoredColumn>;
  outputs: Record<string, StoredColumn>;
}

export type Kernel = (
  sources: SourceColumn[],
  storage: StoredColumn[],
  outputs: StoredColumn[],
  start: number,
  end: number,
) => number;

const kernels = new WeakMap<CompiledProgram, Kernel>();

/** The generated loop as a function (compiled once per program). */
export function kernelOf(compiled: CompiledProgram): Kernel {
  let kernel = kernels.get(compiled);
  if (!kernel) {
    kernel = new Function(compiled.source)() as Kernel;
    kernels.set(compiled, kernel);
  }
  return kernel;
}

function column(kind: StorageKind, size: number, shared: boolean): StoredColumn {
  const bytes = size * (kind === "int32" ? 4 : 1);
  const buffer = shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  return kind === "int32" ? new Int32Array(buffer) : new Uint8Array(buffer);
}

/** Allocates engine storage for `size` persons; `shared` storage can be written by worker threads. */
export function allocateProgramColumns(compiled: CompiledProgram, size: number, shared = false): ProgramColumns {
  return {
    size,
    inputs: Object.fromEntries(
      compiled.inputs.map(({ input, storage }) => [input.name, column(storage, size, shared)]),
    ),
    outputs: Object.fromEntries(compiled.outputs.map(({ name, storage }) => [name, column(storage, size, shared)])),
  };
}

/** Checks that every input has a column of the right kind and length; returns them in the kernel's order. */
export function orderSources(
  compiled: CompiledProgram,
  sources: Readonly<Record<string, SourceColumn>>,
  size: number,
): Result<SourceColumn[], Problem> {
  const ordered: SourceColumn[] = [];
  for (const { input } of compiled.inputs) {
    const source = sources[input.name];
    if (!source)
      return err({ code: "columns.missing", message: `no column for input ${input.name}`, field: input.name });
    if (input.type !== "decimal" && source instanceof Float64Array) {
      return err({
        code: "columns.type",
        message: `input ${input.name} (${input.type}) needs an Int32Array or Uint8Array column`,
        field: input.name,
      });
    }
    if (source.length < size)
      return err({
        code: "columns.length",
        message: `column ${input.name} has ${source.length} rows, expected ${size}`,
        field: input.name,
      });
    ordered.push(source);
  }
  return ok(ordered);
}

/** The kernel's argument lists for engine storage. */
export function storageLists(
  compiled: CompiledProgram,
  columns: ProgramColumns,
): { storage: StoredColumn[]; outputs: StoredColumn[] } {
  return {
    storage: compiled.inputs.map(({ input }) => columns.inputs[input.name]),
    outputs: compiled.outputs.map(({ name }) => columns.outputs[name]),
  };
}

/** The problem with row `row` the kernel stopped at: a bad input value, or a result too large for storage. */
export function diagnoseRow(compiled: CompiledProgram, sources: readonly SourceColumn[], row: number): Problem {
  for (const [index, { input }] of compiled.inputs.entries()) {
    const checked = inputValue(input, sources[index][row]);
    if (!checked.ok) return { ...checked.error, message: `row ${row}: ${checked.error.message}` };
  }
  return {
    code: "columns.overflow",
    message: `row ${row}: a result does not fit in 32-bit hundredths`,
    field: `row ${row}`,
  };
}

/** Loads the sources into `columns` and computes the outputs, in one pass on this thread. */
export function evaluateProgram(
  compiled: CompiledProgram,
  sources: Readonly<Record<string, SourceColumn>>,
  columns: ProgramColumns,
): Result<ProgramColumns, Problem> {
  const ordered = orderSources(compiled, sources, columns.size);
  if (!ordered.ok) return ordered;
  const { storage, outputs } = storageLists(compiled, columns);
  const bad = kernelOf(compiled)(ordered.value, storage, outputs, 0, columns.size);
  return bad < 0 ? ok(columns) : err(diagnoseRow(compiled, ordered.value, bad));
}

/** An input value in engine terms (decimals and integers in hundredths, enum codes, booleans 0/1). */
function inputValue(input: ProgramInput, raw: unknown): Result<number, Problem> {
  const problem = (message: string): Result<number, Problem> =>
    err({
      code: "input.invalid",
      message: `${input.name}: ${message}, got ${typeof raw === "number" ? String(raw) : JSON.stringify(raw)}`,
      field: input.name,
    });
  switch (input.type) {
    case "decimal": {
      const value = typeof raw === "string" ? Number(raw) : raw;
      if (typeof value !== "number" || !Number.isFinite(value)) return problem("must be a number");
      const hundredths = Math.round(value * 100);
      if (Math.abs(value * 100 - hundredths) > 0.001) return problem("must have at most 2 decimals");
      return (hundredths | 0) === hundredths ? ok(hundredths) : problem("is too large");
    }
    case "integer":
      return typeof raw === "number" && (raw | 0) === raw ? ok(raw * 100) : problem("must be a whole number");
    case "boolean":
      if (raw === true || raw === 1) return ok(1);
      return raw === false || raw === 0 ? ok(0) : problem("must be true or false");
    case "enum": {
      const code =
        typeof raw === "string"
          ? input.values.indexOf(raw)
          : typeof raw === "number" && Number.isInteger(raw)
            ? raw
            : -1;
      return code >= 0 && code < input.values.length ? ok(code) : problem(`must be one of ${input.values.join(", ")}`);
    }
  }
}

/** One computed step of an explanation. */
export interface ExplainStep {
  name: string;
  expression: string;
  reference: string;
  /** Numbers in hundredths, booleans 0/1, enums as codes. */
  value: number;
}

/** Every variable of a program for one person, with the parameter values (and their references) it used. */
export interface Explanation {
  date: string;
  inputs: Record<string, number>;
  steps: ExplainStep[];
  values: Record<string, number>;
  parameters: ParameterReading[];
}

/** Interprets the program for one person (inputs: decimals as numbers, enums as value names or codes). */
export function explainPerson(
  resolved: ResolvedProgram,
  person: Readonly<Record<string, unknown>>,
): Result<Explanation, Problem> {
  const slots = new Map<string, number>();
  const inputs: Record<string, number> = {};
  for (const input of resolved.inputs) {
    if (!(input.name in person))
      return err({ code: "input.missing", message: `missing input ${input.name}`, field: input.name });
    const value = inputValue(input, person[input.name]);
    if (!value.ok) return value;
    slots.set(input.name, value.value);
    inputs[input.name] = value.value;
  }
  const steps: ExplainStep[] = [];
  const values: Record<string, number> = {};
  for (const { variable, typed } of resolved.variables) {
    const value = interpret(typed, slots);
    slots.set(variable.name, value);
    values[variable.name] = value;
    steps.push({ name: variable.name, expression: variable.text, reference: variable.reference, value });
  }
  return ok({ date: resolved.date, inputs, steps, values, parameters: [...resolved.parameters.values()] });
}
