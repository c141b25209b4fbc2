import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ApplicantColumns } from "./allocation.columns";
import { precedes, regroup, sortByMerit } from "./merit.sort";

function columns(rows: { total: number; pq: number; ins: number; res: number; at: number; group: number }[]): {
  c: ApplicantColumns;
  group: Int32Array;
} {
  const n = rows.length;
  const c: ApplicantColumns = {
    count: n,
    purpose: new Uint8Array(n),
    town: new Uint16Array(n),
    grade: new Uint8Array(n),
    total: Int32Array.from(rows.map((r) => r.total)),
    personalQuality: Int32Array.from(rows.map((r) => r.pq)),
    insurance: Int32Array.from(rows.map((r) => r.ins)),
    residence: Int32Array.from(rows.map((r) => r.res)),
    appliedAt: Float64Array.from(rows.map((r) => r.at)),
    homeX: new Float64Array(n),
    homeY: new Float64Array(n),
    eligible: new Uint8Array(n).fill(1),
    refused: new Uint8Array(n),
    property: new Int32Array(n).fill(-1),
    household: new Int32Array(n),
    propertyCount: 0,
  };
  return { c, group: Int32Array.from(rows.map((r) => r.group)) };
}

/** The reference: a comparator sort, grouped first. */
function reference(c: ApplicantColumns, group: Int32Array): number[] {
  const rows = Array.from({ length: c.count }, (_, i) => i);
  return rows.sort((a, b) => group[a] - group[b] || (precedes(c, a, b) ? -1 : precedes(c, b, a) ? 1 : 0));
}

const row = fc.record({
  // Wide ranges on purpose: negative totals, spans above 16 bits, times spread over centuries (> 2^32 ms).
  total: fc.oneof(fc.integer({ min: -50000, max: 50000 }), fc.constantFrom(3000, 3010, 3020)),
  pq: fc.oneof(fc.integer({ min: 0, max: 200000 }), fc.constantFrom(0, 100)),
  ins: fc.constantFrom(0, 150, 300),
  res: fc.constantFrom(0, 500, 1000),
  at: fc.oneof(
    fc.integer({ min: 0, max: 2 ** 45 }),
    fc.constantFrom(Date.parse("2015-03-01T01:00:00Z"), Date.parse("2015-03-01T01:00:00.001Z")),
  ),
  group: fc.integer({ min: 0, max: 3 }),
});

describe("sortByMerit", () => {
  it("agrees with the comparator order of Impl. Art. 13 on arbitrary columns", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 200 }), (rows) => {
        const { c, group } = columns(rows);
        const all = Int32Array.from(rows.map((_, i) => i));
        expect(Array.from(sortByMerit(c, all, group, 4))).toEqual(reference(c, group));
      }),
      { numRuns: 300 },
    );
  });

  it("agrees with the comparator when (group, total) does not fit 32 bits", () => {
    const wide = row.map((r) => ({ ...r, total: r.total * 40000 }));
    fc.assert(
      fc.property(fc.array(wide, { maxLength: 100 }), (rows) => {
        const { c, group } = columns(rows);
        const all = Int32Array.from(rows.map((_, i) => i));
        expect(Array.from(sortByMerit(c, all, group, 4))).toEqual(reference(c, group));
      }),
      { numRuns: 200 },
    );
  });

  it("sorts only the rows it is given", () => {
    const { c, group } = columns([
      { total: 1, pq: 0, ins: 0, res: 0, at: 0, group: 0 },
      { total: 3, pq: 0, ins: 0, res: 0, at: 0, group: 0 },
      { total: 2, pq: 0, ins: 0, res: 0, at: 0, group: 0 },
    ]);
    expect(Array.from(sortByMerit(c, Int32Array.of(0, 2), group, 1))).toEqual([2, 0]);
  });

  it("regroups a merit order stably", () => {
    const { order, start } = regroup(Int32Array.of(4, 1, 3, 0, 2), Int32Array.of(1, 0, 1, 0, 1), 2);
    expect(Array.from(order)).toEqual([1, 3, 4, 0, 2]);
    expect(Array.from(start)).toEqual([0, 2, 5]);
  });
});
