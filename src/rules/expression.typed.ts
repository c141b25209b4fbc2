/**
 * Type-checks a parsed expression against the names a policy declares, giving a typed tree with one
 * meaning for both evaluation paths: `interpret` (one case, for explain) and `emit` (JavaScript source
 * for the fused column loop). Numbers are integer hundredths; booleans are 0/1; enums are value codes;
 * dates are yyyymmdd integers (0 when unknown).
 */
import { err, ok, type Result } from "../core/result";
import type { Expression } from "./expression.parse";

export type ValueType =
  { kind: "number" } | { kind: "bool" } | { kind: "enum"; values: readonly string[] } | { kind: "date" };

/** What a name in an expression stands for: a slot of the case (fact, field, context) or a derived value. */
export interface NameBinding {
  type: ValueType;
  /** Typed tree of the value: a slot read, or the definition of a derived variable or a counts total. */
  value: Typed;
}

export type Typed =
  | { op: "const"; value: number; type: ValueType }
  | { op: "slot"; slot: string; type: ValueType }
  | { op: "add" | "sub" | "mul" | "quotient"; left: Typed; right: Typed; type: ValueType }
  | { op: "negate" | "not"; operand: Typed; type: ValueType }
  | { op: "compare"; operator: "<" | "<=" | ">" | ">=" | "==" | "!="; left: Typed; right: Typed; type: ValueType }
  | { op: "and" | "or"; left: Typed; right: Typed; type: ValueType }
  | { op: "if"; condition: Typed; then: Typed; otherwise: Typed; type: ValueType }
  | { op: "min" | "max"; args: Typed[]; type: ValueType }
  | { op: "age"; operand: Typed; type: ValueType }
  | { op: "table"; entries: number[]; operand: Typed; type: ValueType };

const NUMBER: ValueType = { kind: "number" };
const BOOL: ValueType = { kind: "bool" };

/** Everything an expression may name: facts, derived variables, context and lookup tables. */
export interface Scope {
  names: ReadonlyMap<string, NameBinding>;
  /** Lookup tables by name: enum values to points (hundredths). */
  tables: ReadonlyMap<string, { values: readonly string[]; entries: number[] }>;
}

function sameType(a: ValueType, b: ValueType): boolean {
  return a.kind === b.kind;
}

/** Checks and types an expression; the error names the problem in the policy author's terms. */
export function typeExpression(expression: Expression, scope: Scope): Result<Typed, string> {
  try {
    return ok(check(expression, scope));
  } catch (error) {
    if (error instanceof TypeError) return err(error.message);
    throw error;
  }
}

function expectType(typed: Typed, kind: ValueType["kind"], what: string): Typed {
  if (typed.type.kind !== kind) throw new TypeError(`${what} must be a ${kind}, found a ${typed.type.kind}`);
  return typed;
}

function check(expression: Expression, scope: Scope): Typed {
  switch (expression.type) {
    case "number":
      return { op: "const", value: expression.hundredths, type: NUMBER };
    case "string":
      throw new TypeError(`text "${expression.value}" can only be compared with an enum`);
    case "name": {
      const binding = scope.names.get(expression.name);
      if (!binding) throw new TypeError(`unknown name "${expression.name}"`);
      return binding.value;
    }
    case "unary": {
      const operand = check(expression.operand, scope);
      if (expression.operator === "-")
        return { op: "negate", operand: expectType(operand, "number", "operand of -"), type: NUMBER };
      return { op: "not", operand: expectType(operand, "bool", "operand of not"), type: BOOL };
    }
    case "binary":
      return checkBinary(expression, scope);
    case "call":
      return checkCall(expression, scope);
  }
}

function checkBinary(expression: Extract<Expression, { type: "binary" }>, scope: Scope): Typed {
  const operator = expression.operator;
  if (
    (operator === "==" || operator === "!=") &&
    (expression.left.type === "string" || expression.right.type === "string")
  ) {
    const [enumSide, textSide] =
      expression.left.type === "string" ? [expression.right, expression.left] : [expression.left, expression.right];
    const typed = check(enumSide, scope);
    if (typed.type.kind !== "enum") throw new TypeError(`only an enum can be compared with text`);
    const text = (textSide as { value: string }).value;
    const code = typed.type.values.indexOf(text);
    if (code < 0) throw new TypeError(`"${text}" is not one of ${typed.type.values.join(", ")}`);
    return { op: "compare", operator, left: typed, right: { op: "const", value: code, type: typed.type }, type: BOOL };
  }
  const left = check(expression.left, scope);
  const right = check(expression.right, scope);
  if (operator === "and" || operator === "or") {
    return {
      op: operator,
      left: expectType(left, "bool", `left of ${operator}`),
      right: expectType(right, "bool", `right of ${operator}`),
      type: BOOL,
    };
  }
  if (operator === "==" || operator === "!=") {
    if (!sameType(left.type, right.type) || left.type.kind === "enum")
      throw new TypeError(`cannot compare a ${left.type.kind} with a ${right.type.kind}`);
    return { op: "compare", operator, left, right, type: BOOL };
  }
  expectType(left, "number", `left of ${operator}`);
  expectType(right, "number", `right of ${operator}`);
  if (operator === "<" || operator === "<=" || operator === ">" || operator === ">=")
    return { op: "compare", operator, left, right, type: BOOL };
  const op = operator === "+" ? "add" : operator === "-" ? "sub" : operator === "*" ? "mul" : "quotient";
  return { op, left, right, type: NUMBER };
}

function checkCall(expression: Extract<Expression, { type: "call" }>, scope: Scope): Typed {
  const { callee } = expression;
  if (callee === "true" || callee === "false") return { op: "const", value: callee === "true" ? 1 : 0, type: BOOL };
  if (callee === "table") {
    const [nameArg, operandArg] = expression.args;
    if (expression.args.length !== 2 || nameArg.type !== "name")
      throw new TypeError(`table(name, enum) takes a table name and an enum`);
    const table = scope.tables.get(nameArg.name);
    if (!table) throw new TypeError(`unknown table "${nameArg.name}"`);
    const operand = expectType(check(operandArg, scope), "enum", "second argument of table");
    const values = (operand.type as { values: readonly string[] }).values;
    if (values.join("|") !== table.values.join("|"))
      throw new TypeError(`table "${nameArg.name}" does not cover the values of its enum`);
    return { op: "table", entries: table.entries, operand, type: NUMBER };
  }
  const args = expression.args.map((arg) => check(arg, scope));
  if (callee === "min" || callee === "max") {
    if (args.length < 1) throw new TypeError(`${callee}() needs at least one argument`);
    args.forEach((arg, index) => expectType(arg, "number", `argument ${index + 1} of ${callee}`));
    return { op: callee, args, type: NUMBER };
  }
  if (callee === "floor") {
    if (args.length !== 1 || expression.args[0].type !== "binary" || expression.args[0].operator !== "//") {
      throw new TypeError(`floor() takes one quotient a // b (which is already rounded down)`);
    }
    return args[0];
  }
  if (callee === "if") {
    if (args.length !== 3) throw new TypeError(`if(condition, then, otherwise) takes 3 arguments`);
    expectType(args[0], "bool", "condition of if");
    if (!sameType(args[1].type, args[2].type)) throw new TypeError(`both branches of if must have the same type`);
    return { op: "if", condition: args[0], then: args[1], otherwise: args[2], type: args[1].type };
  }
  if (callee === "age") {
    if (args.length !== 1) throw new TypeError(`age(date) takes one date`);
    return { op: "age", operand: expectType(args[0], "date", "argument of age"), type: NUMBER };
  }
  throw new TypeError(`unknown function "${callee}"`);
}

/** The slot holding the application date (yyyymmdd), read by age(). */
export const APPLICATION_DATE_SLOT = "application_date";

/** Evaluates a typed tree for one case: `slots` maps slot names to their values. */
export function interpret(typed: Typed, slots: ReadonlyMap<string, number>): number {
  switch (typed.op) {
    case "const":
      return typed.value;
    case "slot":
      return slots.get(typed.slot) ?? 0;
    case "add":
      return interpret(typed.left, slots) + interpret(typed.right, slots);
    case "sub":
      return interpret(typed.left, slots) - interpret(typed.right, slots);
    case "mul":
      return multiply(interpret(typed.left, slots), interpret(typed.right, slots));
    case "quotient": {
      const divisor = interpret(typed.right, slots);
      return divisor === 0 ? 0 : Math.floor(interpret(typed.left, slots) / divisor) * 100;
    }
    case "negate":
      return -interpret(typed.operand, slots);
    case "not":
      return interpret(typed.operand, slots) ? 0 : 1;
    case "compare":
      return compare(typed.operator, interpret(typed.left, slots), interpret(typed.right, slots)) ? 1 : 0;
    case "and":
      return interpret(typed.left, slots) && interpret(typed.right, slots) ? 1 : 0;
    case "or":
      return interpret(typed.left, slots) || interpret(typed.right, slots) ? 1 : 0;
    case "if":
      return interpret(typed.condition, slots) ? interpret(typed.then, slots) : interpret(typed.otherwise, slots);
    case "min":
      return Math.min(...typed.args.map((arg) => interpret(arg, slots)));
    case "max":
      return Math.max(...typed.args.map((arg) => interpret(arg, slots)));
    case "age":
      return ageHundredths(interpret(typed.operand, slots), slots.get(APPLICATION_DATE_SLOT) ?? 0);
    case "table":
      return typed.entries[interpret(typed.operand, slots)] ?? 0;
  }
}

/** Product of two hundredths values, rounded down to the hundredth (exact for the point values policies use). */
export function multiply(left: number, right: number): number {
  return Math.floor((left * right) / 100);
}

/** Full years (周岁) between two yyyymmdd dates in hundredths; a 29 Feb birthday counts from 1 March. */
export function ageHundredths(birth: number, on: number): number {
  if (birth <= 0) return -100;
  return Math.floor((on - birth) / 10000) * 100;
}

function compare(operator: string, left: number, right: number): boolean {
  switch (operator) {
    case "<":
      return left < right;
    case "<=":
      return left <= right;
    case ">":
      return left > right;
    case ">=":
      return left >= right;
    case "==":
      return left === right;
    default:
      return left !== right;
  }
}

/** How emitted code reaches its inputs: the local holding each slot, and hoisted lookup tables. */
export interface EmitContext {
  slot(slot: string): string;
  table(entries: number[]): string;
}

/** JavaScript source computing a typed tree, with the same meaning as `interpret`. */
export function emit(typed: Typed, context: EmitContext): string {
  const recurse = (node: Typed): string => emit(node, context);
  switch (typed.op) {
    case "const":
      return typed.value < 0 ? `(${typed.value})` : String(typed.value);
    case "slot":
      return context.slot(typed.slot);
    case "add":
      return `(${recurse(typed.left)} + ${recurse(typed.right)})`;
    case "sub":
      return `(${recurse(typed.left)} - ${recurse(typed.right)})`;
    case "mul": {
      if (
        typed.left.op === "quotient" &&
        typed.right.op === "const" &&
        typed.right.value > 0 &&
        typed.left.right.op === "const" &&
        typed.left.right.value > 0
      ) {
        return `(Math.floor(${recurse(typed.left.left)} / ${typed.left.right.value}) * ${typed.right.value})`;
      }
      const constant = [typed.left, typed.right].find((node) => node.op === "const" && node.value % 100 === 0);
      if (constant && constant.op === "const") {
        const other = constant === typed.left ? typed.right : typed.left;
        return `(${recurse(other)} * ${constant.value / 100})`;
      }
      return `Math.floor((${recurse(typed.left)} * ${recurse(typed.right)}) / 100)`;
    }
    case "quotient":
      if (typed.right.op === "const" && typed.right.value > 0)
        return `(Math.floor(${recurse(typed.left)} / ${typed.right.value}) * 100)`;
      return `quotient(${recurse(typed.left)}, ${recurse(typed.right)})`;
    case "negate":
      return `(-${recurse(typed.operand)})`;
    case "not":
    case "compare":
    case "and":
    case "or":
      return `(${emitCondition(typed, context)} ? 1 : 0)`;
    case "if":
      return `(${emitCondition(typed.condition, context)} ? ${recurse(typed.then)} : ${recurse(typed.otherwise)})`;
    case "min":
    case "max":
      return typed.args.length === 1
        ? recurse(typed.args[0])
        : `Math.${typed.op}(${typed.args.map(recurse).join(", ")})`;
    case "age":
      return `age(${recurse(typed.operand)}, ${context.slot(APPLICATION_DATE_SLOT)})`;
    case "table":
      return `(${context.table(typed.entries)}[${recurse(typed.operand)}] ?? 0)`;
  }
}

/** JavaScript source of a boolean tree as a JS condition (no 0/1 round trip inside conditions). */
export function emitCondition(typed: Typed, context: EmitContext): string {
  switch (typed.op) {
    case "not":
      return `!${emitCondition(typed.operand, context)}`;
    case "and":
      return `(${emitCondition(typed.left, context)} && ${emitCondition(typed.right, context)})`;
    case "or":
      return `(${emitCondition(typed.left, context)} || ${emitCondition(typed.right, context)})`;
    case "compare": {
      const operator = typed.operator === "==" ? "===" : typed.operator === "!=" ? "!==" : typed.operator;
      return `(${emit(typed.left, context)} ${operator} ${emit(typed.right, context)})`;
    }
    default:
      return `(${emit(typed, context)} !== 0)`;
  }
}
