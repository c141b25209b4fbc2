import { describe, expect, it } from "vitest";
import { allocateOutputs, computeFloor } from "./floor";
import { checkGolden } from "./golden";
import { generatePopulation } from "./population";

describe("rules benchmark floor", () => {
  it("reproduces the golden sample of the reference engine within 0.01", () => {
    const population = generatePopulation(1000);
    const outputs = allocateOutputs(1000);
    computeFloor(population, outputs);
    const check = checkGolden(outputs);
    expect(check.mismatches).toEqual([]);
    expect(check.rows).toBe(1000);
    expect(check.maxAbsError).toBeLessThan(0.01);
  });

  it("detects a wrong output", () => {
    const population = generatePopulation(1000);
    const outputs = allocateOutputs(1000);
    computeFloor(population, outputs);
    outputs.dibao[3] += 5;
    expect(checkGolden(outputs).ok).toBe(false);
  });

  it("counts the eligible persons of the recorded checksums", () => {
    const population = generatePopulation(100_000);
    const outputs = allocateOutputs(100_000);
    computeFloor(population, outputs);
    let points = 0,
      dibao = 0;
    for (let i = 0; i < 100_000; i++) {
      points += outputs.points_eligible[i];
      dibao += outputs.dibao_eligible[i];
    }
    expect(points).toBe(34178);
    expect(dibao).toBe(32829);
  });
});
