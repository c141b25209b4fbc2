import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { allocateColumns, OUTCOME, PURPOSE_CODES } from "../../src/modules/points/allocation";
import { HOUSING_UNITS_2016, HUKOU_PLACES_2016, generatePopulation, loadTowns, splitByWeight } from "./population";

function digest(arrays: ArrayBufferView[]): string {
  const hash = createHash("sha256");
  for (const a of arrays) hash.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return hash.digest("hex");
}

describe("allocation benchmark population", () => {
  const population = generatePopulation(30_000);
  const a = population.applicants;

  it("reads the 24 镇区 with positive population weights and the 2015 quotas", () => {
    const towns = loadTowns();
    expect(towns).toHaveLength(24);
    for (const t of towns) expect(t.weight).toBeGreaterThan(0);
    expect(towns.find((t) => t.code === "xiaolan")).toMatchObject({
      primaryQuota2015: 970,
      juniorQuota2015: 930,
      central: false,
    });
    expect(
      towns
        .filter((t) => t.central)
        .map((t) => t.code)
        .sort(),
    ).toEqual(["dongqu", "huoju", "nanqu", "shiqi", "xiqu"]);
  });

  it("is deterministic for a seed and differs for another seed", () => {
    const again = generatePopulation(30_000);
    const columns = (p: typeof population) => [
      p.applicants.total,
      p.applicants.town,
      p.applicants.appliedAt,
      p.schools.x,
    ];
    expect(digest(columns(again))).toBe(digest(columns(population)));
    expect(digest(columns(generatePopulation(30_000, 7)))).not.toBe(digest(columns(population)));
  });

  it("keeps sub-scores in tenths of a point and applies the town bonus exactly", () => {
    const wrong: number[] = [];
    for (let r = 0; r < a.count; r++) {
      const tenths = a.personalQuality[r] % 10 === 0 && a.insurance[r] % 10 === 0 && a.residence[r] % 10 === 0;
      const base = a.personalQuality[r] + a.insurance[r] + a.residence[r];
      const bonusExact = population.towns[a.town[r]].central || a.total[r] % 13 === 0;
      if (!tenths || !bonusExact || !Number.isInteger(a.total[r]) || a.total[r] < base) wrong.push(r);
    }
    expect(wrong).toEqual([]);
  });

  it("splits the 2016 city totals exactly and scales school quotas to admit about a third", () => {
    expect(population.quotas.hukouPlaces.reduce((s, v) => s + v, 0)).toBe(HUKOU_PLACES_2016);
    expect(population.quotas.housingUnits).toBe(HOUSING_UNITS_2016);
    expect(splitByWeight(10, [1, 1, 1])).toEqual([4, 3, 3]);
    const out = allocateColumns(a, population.quotas, population.schools);
    let eligible = 0;
    let admitted = 0;
    for (let r = 0; r < a.count; r++) {
      if (a.purpose[r] !== PURPOSE_CODES.school || !a.eligible[r]) continue;
      eligible++;
      if (out.outcome[r] === OUTCOME.admitted) admitted++;
    }
    expect(admitted / eligible).toBeGreaterThan(0.2);
    expect(admitted / eligible).toBeLessThan(0.4);
  });
});
