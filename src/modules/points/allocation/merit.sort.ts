/**
 * The merit order of Impl. Art. 13 as a stable LSD radix sort over integer columns: total, then 个人素质,
 * 参保情况, 居住情况 (each descending), then earlier application time, then row index (= applicationId order).
 * Each key costs one or two 16-bit counting passes, so a million rows sort in tens of milliseconds.
 */
import type { ApplicantColumns } from "./allocation.columns";

const DIGIT = 0x10000;
const TWO_TO_32 = 4294967296;

/** Reusable buffers for sorting up to `capacity` rows of an `n`-row table. */
interface Workspace {
  key: Uint32Array;
  counts: Int32Array;
}

/** One stable counting pass: rows of src go to dst ordered by the 16-bit digit of key at `shift`. */
function countingPass(src: Int32Array, dst: Int32Array, key: Uint32Array, shift: number, counts: Int32Array): void {
  counts.fill(0);
  const m = src.length;
  for (let i = 0; i < m; i++) counts[(key[src[i]] >>> shift) & 0xffff]++;
  let sum = 0;
  for (let d = 0; d < DIGIT; d++) {
    const c = counts[d];
    counts[d] = sum;
    sum += c;
  }
  for (let i = 0; i < m; i++) {
    const row = src[i];
    dst[counts[(key[row] >>> shift) & 0xffff]++] = row;
  }
}

/** Stable sort of `order` by key[row] ascending (key filled for the rows of order); returns the sorted array. */
function sortByKey(order: Int32Array, spare: Int32Array, work: Workspace, maxKey: number): [Int32Array, Int32Array] {
  countingPass(order, spare, work.key, 0, work.counts);
  if (maxKey < DIGIT) return [spare, order];
  countingPass(spare, order, work.key, 16, work.counts);
  return [order, spare];
}

/**
 * Stable sort of `order` by an Int32 column, descending or ascending. Keys are filled for every row of the table
 * in one sequential sweep (cheaper than gathering them through `order`), ranged over the sorted rows only.
 */
function sortByColumn(
  order: Int32Array,
  spare: Int32Array,
  work: Workspace,
  column: Int32Array,
  descending: boolean,
): [Int32Array, Int32Array] {
  const m = order.length;
  if (m === 0) return [order, spare];
  let min = column[order[0]];
  let max = min;
  for (let i = 1; i < m; i++) {
    const v = column[order[i]];
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  const key = work.key;
  const n = column.length;
  // Rows outside `order` may lie outside [min, max]: their keys wrap harmlessly, they are never read.
  if (descending) for (let r = 0; r < n; r++) key[r] = max - column[r];
  else for (let r = 0; r < n; r++) key[r] = column[r] - min;
  return sortByKey(order, spare, work, max - min);
}

/**
 * Stable sort of `order` by epoch milliseconds ascending. Whole seconds (the usual case) are sorted as seconds,
 * otherwise as milliseconds; spans beyond 2^32 units take a further pass on the high part.
 */
function sortByTime(
  order: Int32Array,
  spare: Int32Array,
  work: Workspace,
  times: Float64Array,
): [Int32Array, Int32Array] {
  const m = order.length;
  if (m === 0) return [order, spare];
  let min = times[order[0]];
  let max = min;
  let wholeSeconds = true;
  for (let i = 0; i < m; i++) {
    const t = times[order[i]];
    if (t < min) min = t;
    else if (t > max) max = t;
    if (wholeSeconds && t % 1000 !== 0) wholeSeconds = false;
  }
  const unit = wholeSeconds ? 1000 : 1;
  const span = (max - min) / unit;
  const key = work.key;
  const n = times.length;
  for (let r = 0; r < n; r++) key[r] = ((times[r] - min) / unit) >>> 0;
  [order, spare] = sortByKey(order, spare, work, span < TWO_TO_32 ? span : TWO_TO_32 - 1);
  if (span < TWO_TO_32) return [order, spare];
  for (let i = 0; i < m; i++) key[order[i]] = Math.floor((times[order[i]] - min) / unit / TWO_TO_32);
  return sortByKey(order, spare, work, Math.floor(span / TWO_TO_32));
}

/**
 * Sorts the given rows (ascending row indices) into merit order, grouped by `group` ascending first:
 * the result lists group 0's rows best first, then group 1's, and so on. Why: one pass yields every
 * ranking list at once, and the city-wide order of a purpose is the same sort with town left out of the group.
 */
export function sortByMerit(
  columns: ApplicantColumns,
  rows: Int32Array,
  group: ArrayLike<number>,
  groupCount: number,
): Int32Array {
  const work: Workspace = { key: new Uint32Array(columns.count), counts: new Int32Array(DIGIT) };
  let order: Int32Array = rows.slice();
  let spare: Int32Array = new Int32Array(rows.length);
  [order, spare] = sortByTime(order, spare, work, columns.appliedAt);
  [order, spare] = sortByColumn(order, spare, work, columns.residence, true);
  [order, spare] = sortByColumn(order, spare, work, columns.insurance, true);
  [order, spare] = sortByColumn(order, spare, work, columns.personalQuality, true);
  [order] = sortByGroupThenTotal(order, spare, work, group, groupCount, columns.total);
  return order;
}

/** The two most significant keys in one go, (group ↑, total ↓), when their product fits 32 bits. */
function sortByGroupThenTotal(
  order: Int32Array,
  spare: Int32Array,
  work: Workspace,
  group: ArrayLike<number>,
  groupCount: number,
  total: Int32Array,
): [Int32Array, Int32Array] {
  const m = order.length;
  if (m === 0) return [order, spare];
  let min = total[order[0]];
  let max = min;
  for (let i = 1; i < m; i++) {
    const v = total[order[i]];
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  const range = max - min + 1;
  const key = work.key;
  const n = total.length;
  if (groupCount * range > TWO_TO_32) {
    [order, spare] = sortByColumn(order, spare, work, total, true);
    for (let r = 0; r < n; r++) key[r] = group[r];
    return sortByKey(order, spare, work, groupCount - 1);
  }
  for (let r = 0; r < n; r++) key[r] = group[r] * range + (max - total[r]);
  return sortByKey(order, spare, work, groupCount * range - 1);
}

/** Stable regrouping of an already merit-sorted list by a small group key (counting sort), keeping merit order inside each group. */
export function regroup(
  order: Int32Array,
  group: ArrayLike<number>,
  groupCount: number,
): { order: Int32Array; start: Int32Array } {
  const start = new Int32Array(groupCount + 1);
  for (let i = 0; i < order.length; i++) start[group[order[i]] + 1]++;
  for (let g = 0; g < groupCount; g++) start[g + 1] += start[g];
  const next = start.slice(0, groupCount);
  const out = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) {
    const row = order[i];
    out[next[group[row]]++] = row;
  }
  return { order: out, start };
}

/**
 * The tie-break level (index into LEVEL_NAMES) that separates row `above` from row `below` in merit order:
 * 0 when the totals differ. Why: the public list shows which clause of Art. 13 decided each tie.
 */
export function separatingLevel(c: ApplicantColumns, above: number, below: number): number {
  if (c.total[above] !== c.total[below]) return 0;
  if (c.personalQuality[above] !== c.personalQuality[below]) return 1;
  if (c.insurance[above] !== c.insurance[below]) return 2;
  if (c.residence[above] !== c.residence[below]) return 3;
  if (c.appliedAt[above] !== c.appliedAt[below]) return 4;
  return 5;
}

/** Whether row a precedes row b in merit order (reference comparator, used by tests and checks). */
export function precedes(c: ApplicantColumns, a: number, b: number): boolean {
  if (c.total[a] !== c.total[b]) return c.total[a] > c.total[b];
  if (c.personalQuality[a] !== c.personalQuality[b]) return c.personalQuality[a] > c.personalQuality[b];
  if (c.insurance[a] !== c.insurance[b]) return c.insurance[a] > c.insurance[b];
  if (c.residence[a] !== c.residence[b]) return c.residence[a] > c.residence[b];
  if (c.appliedAt[a] !== c.appliedAt[b]) return c.appliedAt[a] < c.appliedAt[b];
  return a < b;
}
