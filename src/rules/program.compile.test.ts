import { describe, expect, it } from "vitest";
import { compileProgram, resolveProgram } from "./program.compile";
import { allocateProgramColumns, evaluateProgram, explainPerson } from "./program.evaluate";
import { loadProgramText } from "./program.load";
import { loadParameterText } from "./parameters";

const PARAMETERS = `
rate:
  description: a rate
  unit: ratio
  values:
    - { from: 2017-01-01, value: 0.25, reference: test }
    - { from: 2018-07-01, value: 0.5, reference: test }
cap:
  description: a cap in yuan
  unit: yuan
  values:
    - { from: 2017-01-01, value: 100.5, reference: test }
late:
  description: not in force before 2020
  unit: count
  values:
    - { from: 2020-01-01, value: 3, reference: test }
odd:
  description: a ratio finer than hundredths
  unit: ratio
  values:
    - { from: 2017-01-01, value: 0.125, reference: test }
level:
  low: { description: low, unit: count, values: [{ from: 2017-01-01, value: 1, reference: test }] }
  high: { description: high, unit: count, values: [{ from: 2017-01-01, value: 7, reference: test }] }
`;

const tree = loadParameterText(PARAMETERS, "test-parameters.yaml", "test");
if (!tree.ok) throw new Error(tree.error.message);

function program(variables: string, outputs = "[total]"): string {
  return `
id: test-program
kind: program
title: { zh: 测试, en: Test }
reference: unit test
entity: person
inputs:
  - { name: income, type: decimal }
  - { name: size, type: integer }
  - { name: grade, type: enum, values: [low, high] }
  - { name: flag, type: boolean }
variables:
${variables}
outputs: ${outputs}
`;
}

const GOOD = `
  - { name: share, expression: "test.cap * test.rate", reference: r1 }
  - { name: base, expression: "min(income, share) * size + table(test.level, grade)", reference: r2 }
  - { name: total, expression: "if(flag, base, 0)", reference: r3 }
  - { name: eligible, type: boolean, expression: "total > 10", reference: r4 }`;

function resolve(text: string, date = "2018-01-01") {
  const source = loadProgramText(text, "test-program.yaml", tree.ok ? tree.value : new Map());
  if (!source.ok) return source;
  return resolveProgram(source.value, date);
}

function messages(text: string, date?: string): string[] {
  const resolved = resolve(text, date);
  return resolved.ok ? [] : resolved.error.map((problem) => problem.message);
}

describe("formula programs", () => {
  it("resolve parameters at the date and compute the same in the loop and in explain", () => {
    for (const [date, share] of [
      ["2018-01-01", 2512],
      ["2018-07-01", 5025],
    ] as const) {
      const resolved = resolve(program(GOOD, "[total, eligible, share]"), date);
      if (!resolved.ok) throw new Error(resolved.error[0].message);
      const explained = explainPerson(resolved.value, { income: 30.25, size: 3, grade: "high", flag: true });
      if (!explained.ok) throw new Error(explained.error.message);
      expect(explained.value.values.share).toBe(share);
      const rate = explained.value.parameters.find((reading) => reading.path === "test.rate");
      expect([rate?.from, rate?.reference]).toEqual([date === "2018-01-01" ? "2017-01-01" : "2018-07-01", "test"]);
      expect(explained.value.steps.map((step) => step.name)).toEqual(["share", "base", "total", "eligible"]);
      expect(explained.value.values.total).toBe(Math.min(3025, share) * 3 + 700);
      const compiled = compileProgram(resolved.value, ["total", "eligible", "share"]);
      if (!compiled.ok) throw new Error(compiled.error[0].message);
      const columns = allocateProgramColumns(compiled.value, 2);
      const result = evaluateProgram(
        compiled.value,
        {
          income: Float64Array.of(30.25, 99),
          size: Int32Array.of(3, 1),
          grade: Int32Array.of(1, 0),
          flag: Int32Array.of(1, 0),
        },
        columns,
      );
      expect(result.ok).toBe(true);
      expect([...columns.outputs.total]).toEqual([explained.value.values.total, 0]);
      expect([...columns.outputs.eligible]).toEqual([1, 0]);
      expect([...columns.inputs.income]).toEqual([3025, 9900]);
    }
  });

  it("name the file and variable for unknown names, cycles and type errors", () => {
    expect(messages(program(`  - { name: total, expression: "incme + 1", reference: r }`))).toEqual([
      'test-program.yaml: variables.total: unknown name "incme" (not an input, a variable or a parameter)',
    ]);
    expect(
      messages(
        program(
          `  - { name: total, expression: "other + 1", reference: r }\n  - { name: other, expression: "total * 2", reference: r }`,
        ),
      )[0],
    ).toMatch(/variables\.(total|other): circular definition: (total → other → total|other → total → other)/);
    expect(messages(program(`  - { name: total, expression: "flag + 1", reference: r }`))).toEqual([
      'test-program.yaml: variables.total: left of + must be a number, found a bool in "flag + 1"',
    ]);
    expect(
      messages(program(`  - { name: total, type: boolean, expression: "income + 1", reference: r }`))[0],
    ).toContain("declared boolean but the expression gives a number");
    expect(messages(program(`  - { name: total, expression: "test.late + income", reference: r }`))[0]).toContain(
      "test.late has no value on 2018-01-01",
    );
    expect(messages(program(`  - { name: total, expression: "income * test.odd", reference: r }`))[0]).toContain(
      "parameter test.odd ratio 125/1000 is not exact in hundredths",
    );
    expect(messages(program(`  - { name: total, expression: "table(test.level, size)", reference: r }`))[0]).toContain(
      "table(test.level, …) must be indexed by an enum input",
    );
  });

  it("refuse a malformed file with the YAML path", () => {
    const source = loadProgramText(
      program(`  - { name: total, expression: "income / 2" }`, "[total, nothing]"),
      "test-program.yaml",
      new Map(),
    );
    expect(source.ok).toBe(false);
    if (source.ok) return;
    const texts = source.error.map((problem) => problem.message);
    expect(texts).toContain(
      'test-program.yaml: variables.total.expression: "/" at 7: use "//" (quotient rounded down) for division',
    );
    expect(texts).toContain(
      "test-program.yaml: variables.total.reference: missing reference (rule or clause it implements)",
    );
    expect(texts).toContain('test-program.yaml: outputs[1]: unknown variable "nothing"');
  });

  it("refuse bad input values with the input's name", () => {
    const resolved = resolve(program(GOOD));
    if (!resolved.ok) throw new Error(resolved.error[0].message);
    const compiled = compileProgram(resolved.value);
    if (!compiled.ok) throw new Error(compiled.error[0].message);
    const columns = allocateProgramColumns(compiled.value, 2);
    const good = { size: Int32Array.of(1, 1), grade: Int32Array.of(0, 1), flag: Int32Array.of(0, 1) };
    const thirdDecimal = evaluateProgram(compiled.value, { ...good, income: Float64Array.of(1, 2.005) }, columns);
    expect(thirdDecimal.ok ? "" : thirdDecimal.error.message).toBe(
      "row 1: income: must have at most 2 decimals, got 2.005",
    );
    const badCode = evaluateProgram(
      compiled.value,
      { ...good, income: Float64Array.of(1, 2), grade: Int32Array.of(2, 0) },
      columns,
    );
    expect(badCode.ok ? "" : badCode.error.message).toBe("row 0: grade: must be one of low, high, got 2");
    const missing = evaluateProgram(compiled.value, good, columns);
    expect(missing.ok ? "" : missing.error.field).toBe("income");
    expect(compileProgram(resolved.value, ["nothing"]).ok).toBe(false);
  });
});
