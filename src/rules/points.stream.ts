/**
 * Streams large scoring inputs (JSON Lines or CSV) in bounded batches and writes JSON Lines results, so
 * memory stays bounded whatever the file size. A JSON array input is read whole (it is parsed as one value).
 */
import { createReadStream, statSync } from "node:fs";
import { createInterface } from "node:readline";
import type { Writable } from "node:stream";
import { factTypes, InvalidInput, requestFromRow, scoreBatch, type ScoreEntry } from "./points.score";
import type { PolicyChoice } from "./policy.registry";

export type InputFormat = "json" | "jsonl" | "csv";

/** Splits one CSV line into cells (RFC 4180 quoting within the line). */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const character = line[index];
    if (quoted) {
      if (character === '"' && line[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"') quoted = true;
    else if (character === ",") {
      cells.push(cell);
      cell = "";
    } else cell += character;
  }
  cells.push(cell);
  return cells;
}

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
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  const types = factTypes(choice);
  const batchSize = options.batch ?? 8192;
  let header: string[] | undefined;
  let batch: unknown[] = [];
  let count = 0;
  let lineNumber = 0;
  const flush = async (): Promise<void> => {
    const entries: ScoreEntry[] = scoreBatch(choice, batch, { explain: options.explain });
    await write(output, entries.map((entry) => JSON.stringify(entry)).join("\n") + "\n");
    count += batch.length;
    batch = [];
    options.progress?.(stream.bytesRead, totalBytes);
  };
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === "") continue;
    if (format === "csv") {
      if (!header) {
        header = splitCsvLine(line.replace(/^\uFEFF/, "")).map((cell) => cell.trim());
        continue;
      }
      const cells = splitCsvLine(line);
      batch.push(requestFromRow(Object.fromEntries(header.map((column, index) => [column, cells[index] ?? ""])), types));
    } else {
      try {
        batch.push(JSON.parse(line));
      } catch {
        batch.push(new InvalidInput(`line ${lineNumber} is not valid JSON`));
      }
    }
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  return count;
}
