/**
 * A small worker_threads pool for compiled formula programs: each worker compiles the generated loop once at
 * start-up; a run shares the source columns and engine storage (SharedArrayBuffer) and the workers take row
 * chunks from a shared counter until the population is done, so a busy core does not hold the others back.
 */
import { Worker } from "node:worker_threads";
import { err, ok, type Problem, type Result } from "../core/result";
import type { CompiledProgram } from "./program.compile";
import {
  diagnoseRow,
  kernelOf,
  orderSources,
  storageLists,
  type ProgramColumns,
  type SourceColumn,
} from "./program.evaluate";

type ColumnKind = "f64" | "i32" | "u8";
interface ColumnView {
  kind: ColumnKind;
  buffer: SharedArrayBuffer;
  byteOffset: number;
  length: number;
}

const WARM_ROWS = 4096;
const WARM_ROUNDS = 40;

/**
 * JIT warm-up, run once per thread at start-up: the loop runs on a few blocks of seeded, valid values of the
 * program's input types, so that the first real run does not go through the interpreter. Knows nothing of
 * any policy: only the column kinds.
 */
const WARM_SOURCE = `return function warm(kernel, layout) {
  let seed = 20180101;
  const next = (limit) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % limit);
  const rows = ${WARM_ROWS};
  const column = (Kind, fill) => { const c = new Kind(new SharedArrayBuffer(rows * Kind.BYTES_PER_ELEMENT)); for (let i = 0; i < rows; i++) c[i] = fill(); return c; };
  const sources = layout.inputs.map((input) =>
    input.type === "decimal" ? column(Float64Array, () => next(200000) / 100)
    : column(Int32Array, () => next(input.type === "integer" ? 10 : input.type === "boolean" ? 2 : input.count)));
  const storage = layout.inputs.map((input) => column(input.storage === "int32" ? Int32Array : Uint8Array, () => 0));
  const outputs = layout.outputs.map((kind) => column(kind === "int32" ? Int32Array : Uint8Array, () => 0));
  for (let round = 0; round < ${WARM_ROUNDS}; round++) kernel(sources, storage, outputs, 0, rows);
};`;

/**
 * How every thread (workers, and the main thread when it joins) takes chunks of one run. `control` is the
 * run's own shared Int32Array: [next chunk, rows done, first bad row or -1]. The thread that completes the
 * last rows wakes the waiting caller; a worker that wakes up late finds its run's chunks all taken.
 */
const WORK_SOURCE = `return function work(kernel, sources, storage, outputs, control, size, chunk) {
  for (;;) {
    const start = Atomics.add(control, 0, 1) * chunk;
    if (start >= size) return;
    const end = Math.min(size, start + chunk);
    const row = kernel(sources, storage, outputs, start, end);
    while (row >= 0) {
      const seen = Atomics.load(control, 2);
      if ((seen >= 0 && seen <= row) || Atomics.compareExchange(control, 2, seen, row) === seen) break;
    }
    if (Atomics.add(control, 1, end - start) + (end - start) === size) Atomics.notify(control, 1);
  }
};`;

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const kernel = new Function(workerData.source)();
new Function(workerData.warm)()(kernel, workerData.layout);
const work = new Function(workerData.work)();
const kinds = { f64: Float64Array, i32: Int32Array, u8: Uint8Array };
const view = (column) => new kinds[column.kind](column.buffer, column.byteOffset, column.length);
parentPort.on("message", (message) => {
  work(kernel, message.sources.map(view), message.storage.map(view), message.outputs.map(view), new Int32Array(message.control), message.size, message.chunk);
});
parentPort.postMessage({ ready: true });
`;

type Work = (
  kernel: unknown,
  sources: unknown,
  storage: unknown,
  outputs: unknown,
  control: Int32Array,
  size: number,
  chunk: number,
) => void;
type WaitAsync = (
  array: Int32Array,
  index: number,
  value: number,
) => { async: boolean; value: Promise<string> | string };

/**
 * Rows per chunk: small, so that a thread the operating system pauses mid-chunk (a shared machine) holds back
 * little work; large enough that taking a chunk (one atomic add and a call) costs nothing measurable.
 */
const CHUNK_ROWS = 16_384;

/** A started pool bound to one compiled program. */
export interface ProgramPool {
  readonly threads: number;
  /** Loads the sources into `columns` (shared storage) and computes the outputs on the workers. */
  run(
    sources: Readonly<Record<string, SourceColumn>>,
    columns: ProgramColumns,
  ): Promise<Result<ProgramColumns, Problem>>;
  /** Stops the workers. */
  close(): Promise<void>;
}

function kindOf(column: SourceColumn): ColumnKind {
  return column instanceof Float64Array ? "f64" : column instanceof Int32Array ? "i32" : "u8";
}

/** A column's shared view; a column in ordinary memory is first copied into shared memory (part of loading). */
function shared(column: SourceColumn, length: number): ColumnView {
  if (column.buffer instanceof SharedArrayBuffer)
    return { kind: kindOf(column), buffer: column.buffer, byteOffset: column.byteOffset, length };
  const buffer = new SharedArrayBuffer(length * column.BYTES_PER_ELEMENT);
  const copy =
    column instanceof Float64Array
      ? new Float64Array(buffer)
      : column instanceof Int32Array
        ? new Int32Array(buffer)
        : new Uint8Array(buffer);
  copy.set(column.subarray(0, length));
  return { kind: kindOf(column), buffer, byteOffset: 0, length };
}

/**
 * Starts a pool of `threads` threads for a compiled program; resolves once each worker has compiled the loop.
 * With `joinMain` the calling thread is one of them (threads − 1 workers): it takes chunks while the workers
 * wake up, instead of sleeping until they are done.
 */
export async function startProgramPool(compiled: CompiledProgram, threads = 2, joinMain = false): Promise<ProgramPool> {
  if (!Number.isInteger(threads) || threads < 1)
    throw new Error(`bug: threads must be a positive integer, got ${threads}`);
  const layout = {
    inputs: compiled.inputs.map(({ input, storage }) => ({ type: input.type, count: input.values.length, storage })),
    outputs: compiled.outputs.map(({ storage }) => storage),
  };
  const warm = new Function(WARM_SOURCE)() as (kernel: unknown, layout: unknown) => void;
  const kernel = joinMain ? kernelOf(compiled) : undefined;
  if (kernel) warm(kernel, layout);
  const workerData = { source: compiled.source, warm: WARM_SOURCE, work: WORK_SOURCE, layout };
  const workers = Array.from(
    { length: joinMain ? threads - 1 : threads },
    () => new Worker(WORKER_SOURCE, { eval: true, workerData }),
  );
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          worker.once("message", () => resolve());
          worker.once("error", reject);
        }),
    ),
  );
  const work = new Function(WORK_SOURCE)() as Work;
  const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;
  let closing = false;
  const failed = new Promise<never>((_, reject) => {
    for (const worker of workers) {
      worker.once("error", reject);
      worker.once("exit", (code) => closing || reject(new Error(`a rules worker stopped (exit code ${code})`)));
    }
  });
  failed.catch(() => undefined);

  return {
    threads,
    async run(sources, columns) {
      const ordered = orderSources(compiled, sources, columns.size);
      if (!ordered.ok) return ordered;
      const { storage, outputs } = storageLists(compiled, columns);
      if (![...storage, ...outputs].every((column) => column.buffer instanceof SharedArrayBuffer)) {
        return err({
          code: "columns.not_shared",
          message: "worker evaluation needs storage allocated with allocateProgramColumns(…, true)",
          field: "columns",
        });
      }
      const size = columns.size;
      const chunk = Math.min(CHUNK_ROWS, Math.max(2048, Math.ceil(size / threads / 64) * 64));
      const control = new Int32Array(new SharedArrayBuffer(12));
      control[2] = -1;
      const message = {
        size,
        chunk,
        control: control.buffer,
        sources: ordered.value.map((column) => shared(column, size)),
        storage: storage.map((column) => shared(column, size)),
        outputs: outputs.map((column) => shared(column, size)),
      };
      for (const worker of workers) worker.postMessage(message);
      if (kernel) work(kernel, ordered.value, storage, outputs, control, size, chunk);
      for (let done = Atomics.load(control, 1); done < size; done = Atomics.load(control, 1)) {
        const waiting = waitAsync(control, 1, done);
        if (waiting.async) await Promise.race([waiting.value, failed]);
      }
      const bad = Atomics.load(control, 2);
      return bad < 0 ? ok(columns) : err(diagnoseRow(compiled, ordered.value, bad));
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
