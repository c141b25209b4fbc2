/**
 * Streams large scoring inputs (JSON Lines or CSV) in bounded batches and writes JSON Lines results, so
 * memory stays bounded whatever the file size. A JSON array input is read whole (it is parsed as one value).
 */
import { createReadStream, statSync } from "node:fs";
import { createInterface } from "node:readline";
import type { Writable } from "node:stream";
import { csvParser } from "../core/csv";
import { factTypes, InvalidInput, requestFromRow, scoreBatch, type ScoreEntry } from "./points.score";
import type { PolicyChoice } from "./policy.registry";

export type InputFormat = "json" | "jsonl" | "csv";

async function write(output: Writable, text: string): Promise<void> {
  if (!output.write(text)) await new Promise<void>((resolve) => output.once("drain", () => resolve()));
}

/** Progress callback: bytes read so far and the file size. */
export type Progress = (bytesRead: number, totalBytes: number) => void;

/** Scores a JSON Lines or CSV file batch by batch, writing one JSON result per line; returns the count. */
export async function streamScores(
  choice: PolicyChoice,
  file: string,
  format: "jsonl" | "csv",
  output: Writable,
  options: { explain?: boolean; batch?: number; progress?: Progress } = {},
): Promise<number> {
  const totalBytes = statSync(file).size;
  const stream = createReadStream(file, { encoding: "utf8" });
  const types = factTypes(choice);
  const batchSize = options.batch ?? 8192;
  let batch: unknown[] = [];
  let count = 0;
  const flush = async (): Promise<void> => {
    const entries: ScoreEntry[] = scoreBatch(choice, batch, { explain: options.explain });
    await write(output, entries.map((entry) => JSON.stringify(entry)).join("\n") + "\n");
    count += batch.length;
    batch = [];
    options.progress?.(stream.bytesRead, totalBytes);
  };
  for await (const request of format === "csv" ? csvRequests(stream, types) : jsonLinesRequests(stream)) {
    batch.push(request);
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  return count;
}

/**
 * The scoring requests of a CSV input, one per record (a quoted cell may span lines): the first row names the
 * columns; a malformed record becomes an `InvalidInput` naming its line, so the output keeps one entry per record.
 */
async function* csvRequests(input: NodeJS.ReadableStream, types: Map<string, string>): AsyncGenerator<unknown> {
  const invalid: InvalidInput[] = [];
  const records = input.pipe(
    csvParser({
      onInvalidRecord: (line, reason) =>
        invalid.push(new InvalidInput(`line ${line} is not valid CSV: ${reason}`, "invalid_csv")),
    }),
  );
  let header: string[] | undefined;
  for await (const cells of records as AsyncIterable<string[]>) {
    yield* invalid.splice(0);
    if (!header) {
      header = cells.map((cell) => cell.trim());
      continue;
    }
    yield requestFromRow(Object.fromEntries(header.map((column, index) => [column, cells[index] ?? ""])), types);
  }
  yield* invalid.splice(0);
}

/** The scoring requests of a JSON Lines input, one per non-blank line; a line that is not JSON becomes an `InvalidInput`. */
async function* jsonLinesRequests(input: NodeJS.ReadableStream): AsyncGenerator<unknown> {
  let lineNumber = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber += 1;
    if (line.trim() === "") continue;
    try {
      yield JSON.parse(line);
    } catch {
      yield new InvalidInput(`line ${lineNumber} is not valid JSON`);
    }
  }
}
