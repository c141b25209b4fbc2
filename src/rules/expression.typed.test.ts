import { describe, expect, it } from "vitest";
import { parseExpression } from "./expression.parse";
import { emit, interpret, typeExpression, type Scope, type Typed } from "./expression.typed";

const number = { kind: "number" } as const;
const slot = (name: string, type: Typed["type"] = number): { type: Typed["type"]; value: Typed } => ({
  type,
  value: { op: "slot", slot: name, type },
});
const scope: Scope = {
  names: new Map([
    ["hours", slot("hours")],
    ["years", slot("years")],
    ["level", slot("level", { kind: "enum", values: ["none", "low", "high"] })],
    ["flag", slot("flag", { kind: "bool" })],
    ["application_date", slot("application_date", { kind: "date" })],
    ["birth", slot("birth", { kind: "date" })],
  ]),
  tables: new Map([["levels", { values: ["none", "low", "high"], entries: [0, 150, 2097] }]]),
};

function typed(source: string): Typed {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(parsed.error);
  const result = typeExpression(parsed.value, scope);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function both(source: string, values: Record<string, number>): [number, number] {
  const tree = typed(source);
  const slots = new Map(Object.entries(values));
  const tables: number[][] = [];
  const code = emit(tree, {
    slot: (name) => `v[${JSON.stringify(name)}]`,
    table: (entries) => `t[${tables.push(entries) - 1}]`,
  });
  const compiled = new Function("v", "t", "quotient", "age", `return ${code};`) as (...args: unknown[]) => number;
  const quotient = (a: number, b: number): number => (b === 0 ? 0 : Math.floor(a / b) * 100);
  const age = (birth: number, on: number): number => (birth <= 0 ? -100 : Math.floor((on - birth) / 10000) * 100);
  return [interpret(tree, slots), compiled(Object.fromEntries(slots), tables, quotient, age)];
}

describe("expressions", () => {
  it.each([
    ["min(hours // 50 * 2, 10)", { hours: 14900 }, 400],
    ["min(hours // 50 * 2, 10)", { hours: 100000 }, 1000],
    ["max(years * 2 - 40, 0)", { years: 2097 }, 194],
    ["years * 1.5", { years: 700 }, 1050],
    ["if(flag and years >= 3, 15 + (years - 3) * 5, 0)", { flag: 1, years: 500 }, 2500],
    ["if(level == 'high', 1, 0) + table(levels, level)", { level: 2 }, 2197],
    ["if(not flag or level != 'low', 0.3, -0.3)", { flag: 1, level: 1 }, -30],
    ["if(age(birth) >= 18, 5, 0)", { birth: 20000229, application_date: 20180228 }, 0],
    ["if(age(birth) >= 18, 5, 0)", { birth: 20000229, application_date: 20180301 }, 500],
    ["floor(hours // 0.5)", { hours: 125 }, 200],
  ])("%s with %j is %d in both paths", (source, values, expected) => {
    expect(both(source, values)).toEqual([expected, expected]);
  });
  it.each([
    ["hours / 2", '"/"'],
    ["min(", "expected"],
    ["hours + flag", "must be a number"],
    ["level == 'top'", "not one of"],
    ["unknown_thing + 1", "unknown name"],
    ["if(hours, 1, 2)", "must be a bool"],
    ["frobnicate(1)", "unknown function"],
    ["1.234", "more than 2 decimals"],
  ])("refuses %s", (source, message) => {
    const parsed = parseExpression(source);
    const error = parsed.ok ? (typeExpression(parsed.value, scope) as { error?: string }).error : parsed.error;
    expect(error).toContain(message);
  });
});
