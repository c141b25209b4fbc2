import { afterAll, describe, expect, it } from "vitest";
import { compileProgram, resolveProgram } from "../../src/rules/program.compile";
import { allocateProgramColumns, evaluateProgram, type ProgramColumns } from "../../src/rules/program.evaluate";
import { loadProgramFile } from "../../src/rules/program.load";
import { startProgramPool, type ProgramPool } from "../../src/rules/workers.pool";
import { compileBenchmarkProgram, PROGRAM_FILE } from "./engine";
import { allocateOutputs, computeFloor, type OutputColumns } from "./floor";
import { checkGolden } from "./golden";
import { generatePopulation, OUTPUTS, type SourceColumns } from "./population";

function compiled() {
  const result = compileBenchmarkProgram();
  if (!result.ok) throw new Error(result.error.map((problem) => problem.message).join("\n"));
  return result.value;
}

/** Cells where the engine's outputs differ from the hand-written floor's, over every person and output. */
function differences(population: SourceColumns, columns: ProgramColumns): string[] {
  const floor = allocateOutputs(population.n);
  computeFloor(population, floor);
  const found: string[] = [];
  for (const name of OUTPUTS) {
    for (let person = 0; person < population.n; person += 1) {
      if (columns.outputs[name][person] !== floor[name][person])
        found.push(`${name}[${person}]: ${columns.outputs[name][person]} ≠ ${floor[name][person]}`);
    }
  }
  return found;
}

const sources = (population: SourceColumns) => ({ ...population.floats, ...population.ints });
const pools: ProgramPool[] = [];
afterAll(async () => Promise.all(pools.map((pool) => pool.close())));

describe("the engine evaluating the benchmark program", () => {
  it("equals the floor exactly for 20,000 persons on one thread, and matches the golden sample", () => {
    const population = generatePopulation(20_000);
    const columns = allocateProgramColumns(compiled(), population.n);
    const result = evaluateProgram(compiled(), sources(population), columns);
    expect(result.ok).toBe(true);
    expect(differences(population, columns)).toEqual([]);
    const golden = checkGolden(columns.outputs as OutputColumns);
    expect(golden.mismatches).toEqual([]);
    expect(golden.ok).toBe(true);
    expect(golden.rows).toBe(1000);
    expect(golden.maxAbsError).toBeLessThan(0.01);
    expect(columns.inputs.social_insurance_years[0]).toBe(2097);
  });

  it.each([false, true])(
    "equals the floor exactly on a 2-thread pool (main thread joins: %s), shared or ordinary sources",
    async (joinMain) => {
      const pool = await startProgramPool(compiled(), 2, joinMain);
      pools.push(pool);
      for (const shared of [true, false]) {
        const population = generatePopulation(20_000, shared);
        const columns = allocateProgramColumns(compiled(), population.n, true);
        const result = await pool.run(sources(population), columns);
        expect(result.ok).toBe(true);
        expect(differences(population, columns)).toEqual([]);
      }
      const population = generatePopulation(1000, true);
      population.floats.volunteer_hours[777] = Number.NaN;
      const result = await pool.run(sources(population), allocateProgramColumns(compiled(), 1000, true));
      expect(result.ok ? "" : result.error.message).toBe("row 777: volunteer_hours: must be a number, got NaN");
      expect((await pool.run(sources(population), allocateProgramColumns(compiled(), 1000))).ok).toBe(false);
    },
  );

  it("uses the parameters in force on 2018-01-01, not the later 2018 and 2019 changes", () => {
    const source = loadProgramFile(PROGRAM_FILE);
    if (!source.ok) throw new Error(source.error[0].message);
    const population = generatePopulation(20_000);
    const run = (date: string, parameters = source.value.parameters) => {
      const resolved = resolveProgram({ ...source.value, parameters }, date);
      if (!resolved.ok) throw new Error(resolved.error[0].message);
      const program = compileProgram(resolved.value, OUTPUTS);
      if (!program.ok) throw new Error(program.error[0].message);
      const columns = allocateProgramColumns(program.value, population.n);
      expect(evaluateProgram(program.value, sources(population), columns).ok).toBe(true);
      return { columns, resolved: resolved.value };
    };
    const start = run("2018-01-01");
    expect(start.resolved.parameters.get("dibao.standard")?.value).toBe(97600);
    expect(differences(population, start.columns)).toEqual([]);
    // Mid-2018: the threshold (125) and the disabled rate (0.35) change; 2019: the standard (1050) and more.
    const middle = run("2018-07-01");
    expect(middle.resolved.parameters.get("threshold")?.value).toBe(125);
    const changed = differences(population, middle.columns);
    expect(changed.some((cell) => cell.startsWith("points_eligible["))).toBe(true);
    expect(changed.some((cell) => cell.startsWith("dibao_supplement["))).toBe(true);
    expect(changed.some((cell) => cell.startsWith("dibao_gap["))).toBe(false);
    expect(differences(population, run("2019-01-01").columns).some((cell) => cell.startsWith("dibao_gap["))).toBe(true);
    // Moving the threshold change to 2018-01-01 in the parameter file changes exactly the persons with 120 ≤ total < 125.
    const moved = new Map(source.value.parameters);
    const threshold = moved.get("threshold");
    if (!threshold) throw new Error("threshold parameter missing");
    moved.set("threshold", {
      ...threshold,
      values: [threshold.values[0], { ...threshold.values[1], from: "2018-01-01" }],
    });
    const early = run("2018-01-01", moved).columns;
    const shifted = differences(population, early);
    expect(shifted.length).toBeGreaterThan(0);
    for (const cell of shifted) {
      const person = Number(/\[(\d+)\]/.exec(cell)?.[1]);
      expect(cell.startsWith("points_eligible[")).toBe(true);
      expect(early.outputs.points_total[person]).toBeGreaterThanOrEqual(12000);
      expect(early.outputs.points_total[person]).toBeLessThan(12500);
    }
  });
});
