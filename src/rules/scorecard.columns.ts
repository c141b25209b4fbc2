/**
 * The column evaluator: compiles a plan once into JavaScript source for one fused loop over typed arrays
 * (via `new Function`), computing every purpose's total, eligibility and sub-scores for a whole population.
 * Same meaning as `explain`; a property test proves they agree.
 */
import { emit, emitCondition, type EmitContext } from "./expression.typed";
import type { Plan } from "./scorecard.plan";
import type { ScoringCase } from "./scorecard.request";

export type Column = Int32Array | Uint8Array | Float64Array;

/** Input columns: one typed array per slot, stored values (counts in units, yuan in fen, dates yyyymmdd). */
export interface Columns {
  size: number;
  slots: Record<string, Column>;
}

/** Output columns for one purpose, in integer hundredths (totals in Float64Array: uncapped rows can exceed Int32). */
export interface PurposeColumns {
  total: Float64Array;
  eligible: Uint8Array;
  subscores: Record<string, Int32Array>;
}

export type ColumnResults = Record<string, PurposeColumns>;

export type ColumnKernel = (columns: Columns, results: ColumnResults, start: number, end: number) => void;

/** Allocates zeroed input columns for `size` rows. */
export function allocateColumns(plan: Plan, size: number): Columns {
  const slots: Record<string, Column> = {};
  for (const slot of plan.slots) {
    slots[slot.slot] =
      slot.storage === "int32"
        ? new Int32Array(size)
        : slot.storage === "uint8"
          ? new Uint8Array(size)
          : new Float64Array(size);
  }
  return { size, slots };
}

/** Allocates output columns for every purpose. */
export function allocateResults(plan: Plan, size: number): ColumnResults {
  const results: ColumnResults = {};
  for (const purpose of plan.purposes) {
    results[purpose.name] = {
      total: new Float64Array(size),
      eligible: new Uint8Array(size),
      subscores: Object.fromEntries(plan.version.subscores.map((subscore) => [subscore.id, new Int32Array(size)])),
    };
  }
  return results;
}

/** The JavaScript source of the fused loop (exposed for inspection and tests). */
export function kernelSource(plan: Plan): string {
  const header: string[] = [];
  const tables: string[] = [];
  const slotNames = new Map(plan.slots.map((slot, index) => [slot.slot, `s${index}`]));
  const context: EmitContext = {
    slot: (slot) => {
      const variable = slotNames.get(slot);
      if (!variable) throw new Error(`bug: unknown slot ${slot}`);
      return variable;
    },
    table: (entries) => {
      tables.push(`const t${tables.length} = new Int32Array(${JSON.stringify(entries)});`);
      return `t${tables.length - 1}`;
    },
  };
  plan.slots.forEach((slot, index) => header.push(`const c${index} = columns.slots[${JSON.stringify(slot.slot)}];`));
  const body: string[] = [];
  plan.slots.forEach((slot, index) =>
    body.push(`const s${index} = ${slot.scale === 1 ? `c${index}[i]` : `c${index}[i] * ${slot.scale}`};`),
  );
  plan.steps.forEach((step, index) => {
    body.push(`let p${index} = ${emit(step.raw, context)};`);
    if (step.when) body.push(`if (!${emitCondition(step.when, context)}) p${index} = 0;`);
    if (step.cap !== undefined)
      body.push(`${step.when ? "else " : ""}if (p${index} > ${step.cap}) p${index} = ${step.cap};`);
  });
  if (plan.multiplier) body.push(`const bonus = ${emitCondition(plan.multiplier.when, context)};`);
  // Terms are computed once and shared by the purposes; the sum of the terms every purpose counts is shared too.
  const termVariables = new Map<string, string>();
  const termsOf = plan.purposes.map((purpose) =>
    purpose.terms.map((term) => {
      let expression: string;
      if (term.kind === "step") expression = `p${term.step}`;
      else if (term.group.kind === "highest")
        expression =
          term.steps.length === 1
            ? `p${term.steps[0]}`
            : `Math.max(${term.steps.map((step) => `p${step}`).join(", ")})`;
      else expression = `Math.min(${term.steps.map((step) => `p${step}`).join(" + ")}, ${term.group.cap})`;
      let variable = termVariables.get(expression);
      if (!variable) {
        variable = `g${termVariables.size}`;
        termVariables.set(expression, variable);
        body.push(`const ${variable} = ${expression};`);
      }
      return { variable, subscore: plan.steps[term.kind === "step" ? term.step : term.steps[0]].indicator.subscore };
    }),
  );
  const shared = [...termVariables.values()].filter((variable) =>
    termsOf.every((terms) => terms.some((term) => term.variable === variable)),
  );
  if (plan.purposes.length > 1 && shared.length > 1) body.push(`const common = ${shared.join(" + ")};`);
  plan.purposes.forEach((purpose, purposeIndex) => {
    const prefix = `r${purposeIndex}`;
    header.push(`const ${prefix}t = results[${JSON.stringify(purpose.name)}].total;`);
    header.push(`const ${prefix}e = results[${JSON.stringify(purpose.name)}].eligible;`);
    const terms = termsOf[purposeIndex];
    plan.version.subscores.forEach((subscore, subscoreIndex) => {
      header.push(
        `const ${prefix}s${subscoreIndex} = results[${JSON.stringify(purpose.name)}].subscores[${JSON.stringify(subscore.id)}];`,
      );
      const parts = terms.filter((term) => term.subscore === subscore.id).map((term) => term.variable);
      body.push(`${prefix}s${subscoreIndex}[i] = ${parts.join(" + ") || "0"};`);
    });
    const useCommon = plan.purposes.length > 1 && shared.length > 1;
    const parts = [
      ...(useCommon ? ["common"] : []),
      ...terms.map((term) => term.variable).filter((variable) => !useCommon || !shared.includes(variable)),
    ];
    body.push(`let ${prefix}total = ${parts.join(" + ") || "0"};`);
    if (plan.multiplier)
      body.push(
        `if (bonus && ${prefix}total > 0) ${prefix}total = Math.floor((${prefix}total * ${plan.multiplier.factor}) / 100);`,
      );
    body.push(`${prefix}t[i] = ${prefix}total;`, `${prefix}e[i] = ${prefix}total >= ${purpose.threshold} ? 1 : 0;`);
  });
  return [
    `"use strict";`,
    `const quotient = (a, b) => (b === 0 ? 0 : Math.floor(a / b) * 100);`,
    `const age = (birth, on) => (birth <= 0 ? -100 : Math.floor((on - birth) / 10000) * 100);`,
    ...tables,
    `return function kernel(columns, results, start, end) {`,
    ...header.map((line) => `  ${line}`),
    `  for (let i = start; i < end; i++) {`,
    ...body.map((line) => `    ${line}`),
    `  }`,
    `};`,
  ].join("\n");
}

const kernels = new WeakMap<Plan, ColumnKernel>();

/** The compiled kernel of a plan (compiled once, then cached). */
export function compileKernel(plan: Plan): ColumnKernel {
  let kernel = kernels.get(plan);
  if (!kernel) {
    kernel = new Function(kernelSource(plan))() as ColumnKernel;
    kernels.set(plan, kernel);
  }
  return kernel;
}

/** Scores a whole population held as columns, for every purpose, in chunks of rows. */
export function evaluateColumns(
  plan: Plan,
  columns: Columns,
  results: ColumnResults = allocateResults(plan, columns.size),
  chunk = 65_536,
): ColumnResults {
  const kernel = compileKernel(plan);
  for (let start = 0; start < columns.size; start += chunk)
    kernel(columns, results, start, Math.min(columns.size, start + chunk));
  return results;
}

/** The score of one case for its own purpose, read from the columns. */
export interface CaseScore {
  id: unknown;
  purpose: string;
  total: number;
  eligible: boolean;
  subscores: Record<string, number>;
}

/** Scores checked cases through the compiled kernel, reusing one buffer of `chunk` rows so memory stays bounded. */
export function* evaluate(plan: Plan, cases: Iterable<ScoringCase>, chunk = 16_384): Generator<CaseScore> {
  const columns = allocateColumns(plan, chunk);
  const results = allocateResults(plan, chunk);
  const kernel = compileKernel(plan);
  let batch: ScoringCase[] = [];
  const flush = function* (): Generator<CaseScore> {
    for (const column of Object.values(columns.slots)) column.fill(0);
    batch.forEach((scoringCase, row) => {
      for (const [slot, value] of scoringCase.values) {
        const column = columns.slots[slot];
        if (column) column[row] = value;
      }
    });
    kernel(columns, results, 0, batch.length);
    for (const [row, scoringCase] of batch.entries()) {
      const purpose = results[scoringCase.purpose];
      const subscores = Object.fromEntries(Object.entries(purpose.subscores).map(([id, column]) => [id, column[row]]));
      yield {
        id: scoringCase.id,
        purpose: scoringCase.purpose,
        total: purpose.total[row],
        eligible: purpose.eligible[row] === 1,
        subscores,
      };
    }
    batch = [];
  };
  for (const scoringCase of cases) {
    batch.push(scoringCase);
    if (batch.length === chunk) yield* flush();
  }
  if (batch.length > 0) yield* flush();
}
