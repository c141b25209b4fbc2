/**
 * A small worker_threads pool for compiled formula programs: each worker compiles the generated loop once at
 * start-up; a run shares the source columns and engine storage (SharedArrayBuffer) and the workers take row
 * chunks from a shared counter until the population is done, so a busy core does not hold the others back.
 */
import { Worker } from "node:worker_threads";
import { err, ok, type Problem, type Result } from "../core/result";
import type { CompiledProgram } from "./program.compile";
import { diagnoseRow, kernelOf, orderSources, storageLists, type ProgramColumns, type SourceColumn } from "./program.evaluate";

type ColumnKind = "f64" | "i32" | "u8";
interface ColumnView {
  kind: ColumnKind;
  buffer: SharedArrayBuffer;
  byteOffset: number;
  length: number;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const kernel = new Function(workerData.source)();
const kinds = { f64: Float64Array, i32: Int32Array, u8: Uint8Array };
const view = (column) => new kinds[column.kind](column.buffer, column.byteOffset, column.length);
parentPort.on("message", (message) => {
  const sources = message.sources.map(view), storage = message.storage.map(view), outputs = message.outputs.map(view);
  const counter = new Int32Array(message.counter);
  let bad = -1;
  for (;;) {
    const start = Atomics.add(counter, 0, 1) * message.chunk;
    if (start >= message.size) break;
    const row = kernel(sources, storage, outputs, start, Math.min(message.size, start + message.chunk));
    if (row >= 0 && (bad < 0 || row < bad)) bad = row;
  }
  parentPort.postMessage({ id: message.id, bad });
});
parentPort.postMessage({ ready: true });
`;

/** A started pool bound to one compiled program. */
export interface ProgramPool {
  readonly threads: number;
  /** Loads the sources into `columns` (shared storage) and computes the outputs on the workers. */
  run(sources: Readonly<Record<string, SourceColumn>>, columns: ProgramColumns): Promise<Result<ProgramColumns, Problem>>;
  /** Stops the workers. */
  close(): Promise<void>;
}

function kindOf(column: SourceColumn): ColumnKind {
  return column instanceof Float64Array ? "f64" : column instanceof Int32Array ? "i32" : "u8";
}

/** A column's shared view; a column in ordinary memory is first copied into shared memory (part of loading). */
function shared(column: SourceColumn, length: number): ColumnView {
  if (column.buffer instanceof SharedArrayBuffer) return { kind: kindOf(column), buffer: column.buffer, byteOffset: column.byteOffset, length };
  const buffer = new SharedArrayBuffer(length * column.BYTES_PER_ELEMENT);
  const copy = column instanceof Float64Array ? new Float64Array(buffer) : column instanceof Int32Array ? new Int32Array(buffer) : new Uint8Array(buffer);
  copy.set(column.subarray(0, length));
  return { kind: kindOf(column), buffer, byteOffset: 0, length };
}

/**
 * Starts a pool of `threads` threads for a compiled program; resolves once each worker has compiled the loop.
 * With `joinMain` the calling thread is one of them (threads − 1 workers): it takes chunks while the workers
 * wake up, instead of sleeping until they are done.
 */
export async function startProgramPool(compiled: CompiledProgram, threads = 2, joinMain = false): Promise<ProgramPool> {
  if (!Number.isInteger(threads) || threads < 1) throw new Error(`bug: threads must be a positive integer, got ${threads}`);
  const kernel = joinMain ? kernelOf(compiled) : undefined;
  const workers = Array.from({ length: joinMain ? threads - 1 : threads }, () => new Worker(WORKER_SOURCE, { eval: true, workerData: { source: compiled.source } }));
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          worker.once("message", () => resolve());
          worker.once("error", reject);
        }),
    ),
  );
  const counter = new SharedArrayBuffer(4);
  let nextId = 0;

  const runOn = (worker: Worker, message: object & { id: number }): Promise<number> =>
    new Promise((resolve, reject) => {
      const onMessage = (reply: { id: number; bad: number }): void => {
        if (reply.id !== message.id) return;
        worker.off("message", onMessage);
        worker.off("error", reject);
        resolve(reply.bad);
      };
      worker.on("message", onMessage);
      worker.once("error", reject);
      worker.postMessage(message);
    });

  return {
    threads,
    async run(sources, columns) {
      const ordered = orderSources(compiled, sources, columns.size);
      if (!ordered.ok) return ordered;
      const { storage, outputs } = storageLists(compiled, columns);
      if (![...storage, ...outputs].every((column) => column.buffer instanceof SharedArrayBuffer)) {
        return err({ code: "columns.not_shared", message: "worker evaluation needs storage allocated with allocateProgramColumns(…, true)", field: "columns" });
      }
      const size = columns.size;
      const chunk = Math.max(4096, Math.ceil(size / (threads * 8) / 64) * 64);
      new Int32Array(counter)[0] = 0;
      const id = nextId++;
      const message = {
        id,
        size,
        chunk,
        counter,
        sources: ordered.value.map((column) => shared(column, size)),
        storage: storage.map((column) => shared(column, size)),
        outputs: outputs.map((column) => shared(column, size)),
      };
      const replies = workers.map((worker) => runOn(worker, message));
      let mainBad = -1;
      if (kernel) {
        const counts = new Int32Array(counter);
        for (;;) {
          const start = Atomics.add(counts, 0, 1) * chunk;
          if (start >= size) break;
          const row = kernel(ordered.value, storage, outputs, start, Math.min(size, start + chunk));
          if (row >= 0 && (mainBad < 0 || row < mainBad)) mainBad = row;
        }
      }
      const bad = [mainBad, ...(await Promise.all(replies))].filter((row) => row >= 0);
      if (bad.length === 0) return ok(columns);
      return err(diagnoseRow(compiled, ordered.value, Math.min(...bad)));
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
