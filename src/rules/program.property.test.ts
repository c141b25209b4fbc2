import fc from "fast-check";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileProgram, resolveProgram } from "./program.compile";
import { allocateProgramColumns, evaluateProgram, explainPerson } from "./program.evaluate";
import { loadProgramFile } from "./program.load";

const FILE = join(import.meta.dirname, "..", "..", "policies", "benchmark", "rules-benchmark", "program.yaml");

/** A decimal with two places drawn as whole hundredths, biased towards the policy's thresholds. */
const decimal = (max: number, edges: number[]) =>
  fc.oneof(
    fc.integer({ min: 0, max: max * 100 }).map((h) => h / 100),
    fc.constantFrom(...edges),
  );

const person = fc.record({
  education_level: fc.integer({ min: 0, max: 6 }),
  skill_level: fc.integer({ min: 0, max: 5 }),
  social_insurance_years: decimal(40, [0, 3, 5, 6.99, 7, 20, 20.01]),
  residence_permit_years: decimal(20, [0, 6.99, 7, 10, 10.01]),
  owns_housing: fc.integer({ min: 0, max: 1 }),
  volunteer_hours: decimal(1000, [0, 49.99, 50, 250, 300]),
  blood_donations: fc.integer({ min: 0, max: 12 }),
  criminal_record: fc.integer({ min: 0, max: 1 }),
  household_income_per_capita: decimal(20000, [0, 975.99, 976, 976.01, 999.99, 1000, 5000]),
  household_size: fc.integer({ min: 1, max: 9 }),
  is_minor: fc.integer({ min: 0, max: 1 }),
  is_elderly: fc.integer({ min: 0, max: 1 }),
  is_disabled: fc.integer({ min: 0, max: 1 }),
  is_seriously_ill: fc.integer({ min: 0, max: 1 }),
});

describe("the compiled loop and the interpreter agree", () => {
  for (const date of ["2018-01-01", "2019-06-30"]) {
    it(`on random persons, every variable, parameters of ${date}`, () => {
      const source = loadProgramFile(FILE);
      if (!source.ok) throw new Error(source.error[0].message);
      const resolved = resolveProgram(source.value, date);
      if (!resolved.ok) throw new Error(resolved.error[0].message);
      const names = resolved.value.variables.map((variable) => variable.variable.name);
      const compiled = compileProgram(resolved.value, names);
      if (!compiled.ok) throw new Error(compiled.error[0].message);
      fc.assert(
        fc.property(fc.array(person, { minLength: 1, maxLength: 40 }), (persons) => {
          const size = persons.length;
          const sources = Object.fromEntries(
            compiled.value.inputs.map(({ input }) => {
              const values = persons.map((row) => row[input.name as keyof typeof row]);
              return [input.name, input.type === "decimal" ? Float64Array.from(values) : Int32Array.from(values)];
            }),
          );
          const columns = allocateProgramColumns(compiled.value, size);
          const result = evaluateProgram(compiled.value, sources, columns);
          expect(result.ok).toBe(true);
          persons.forEach((row, index) => {
            const explained = explainPerson(resolved.value, row);
            if (!explained.ok) throw new Error(explained.error.message);
            for (const name of names)
              expect([name, columns.outputs[name][index]]).toEqual([name, explained.value.values[name]]);
          });
        }),
        { numRuns: 200 },
      );
    });
  }
});
