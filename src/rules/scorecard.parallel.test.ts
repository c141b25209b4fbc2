import { describe, expect, it } from "vitest";
import { allocateColumns, evaluateColumns } from "./scorecard.columns";
import { fixturePlan } from "./scorecard.fixture";
import { allocateSharedColumns, allocateSharedResults, startKernelPool } from "./scorecard.parallel";

describe("kernel pool over worker threads", () => {
  it("gives the same columns as the single-threaded loop", async () => {
    const plan = fixturePlan();
    const size = 10_001;
    const shared = allocateSharedColumns(plan, size);
    const plain = allocateColumns(plan, size);
    let seed = 7;
    const next = (max: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % (max + 1);
    };
    for (let row = 0; row < size; row += 1) {
      const values: Record<string, number> = {
        level: next(3),
        years: next(20),
        years_local: next(5),
        owner: next(1),
        checks: next(4),
        birth: 19800101 + next(30) * 10000,
        money: next(500000),
        bad: next(1),
        application_date: 20200601,
        central_district: next(1),
        grade: next(1),
      };
      for (const [slot, value] of Object.entries(values)) {
        shared.slots[slot][row] = value;
        plain.slots[slot][row] = value;
      }
    }
    const expected = evaluateColumns(plan, plain);
    const results = allocateSharedResults(plan, size);
    const pool = await startKernelPool(plan, shared, results, 3);
    try {
      await pool.run();
    } finally {
      await pool.close();
    }
    for (const purpose of Object.keys(expected)) {
      expect([...results[purpose].total]).toEqual([...expected[purpose].total]);
      expect([...results[purpose].eligible]).toEqual([...expected[purpose].eligible]);
      expect([...results[purpose].subscores.quality]).toEqual([...expected[purpose].subscores.quality]);
    }
    expect(new Set(expected.hukou.total).size).toBeGreaterThan(10);
  });
});
