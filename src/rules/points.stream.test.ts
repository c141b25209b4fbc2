import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { loadAllVersions, resolvePolicy } from "./policy.registry";
import { streamScores } from "./points.stream";

const directory = mkdtempSync(join(tmpdir(), "gongzhi-stream-"));

function choice() {
  const plans = loadAllVersions();
  if (!plans.ok) throw new Error("policies do not load");
  const chosen = resolvePolicy(plans.value, "zhongshan-points-2014");
  if (!chosen.ok) throw new Error(chosen.error.message);
  return chosen.value;
}

async function score(text: string, format: "csv" | "jsonl", batch?: number): Promise<Record<string, unknown>[]> {
  const file = join(directory, `input-${Math.random().toString(36).slice(2)}.${format}`);
  writeFileSync(file, text);
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk.toString("utf8")));
  const count = await streamScores(choice(), file, format, output, { batch });
  const entries = chunks
    .join("")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(entries).toHaveLength(count);
  return entries;
}

const header = "id,purpose,town,application_date,grade,education,residence_permit_years";

describe("streamScores over CSV", () => {
  it("keeps a quoted cell that spans lines in one record (the line-by-line reader split it in two)", async () => {
    const csv = [
      header,
      '"r1\nsecond line",housing,shiqi,2015-05-01,,college,5',
      "r2,housing,shiqi,2015-05-01,,college,3",
    ].join("\r\n");
    const entries = await score(csv, "csv");
    expect(entries.map((entry) => entry.id)).toEqual(["r1\nsecond line", "r2"]);
    expect(entries[0]).toMatchObject({ purpose: "housing", eligible: true });
    expect(entries[0]).not.toHaveProperty("error");
  });

  it("reads a byte-order mark, blank lines and short rows, across batch boundaries", async () => {
    const rows = Array.from({ length: 7 }, (_, index) => `r${index},housing,shiqi,2015-05-01,,college`);
    const csv = `\uFEFF${header}\n\n${rows.join("\n")}\n\n`;
    const entries = await score(csv, "csv", 3);
    expect(entries.map((entry) => entry.id)).toEqual(rows.map((_, index) => `r${index}`));
    expect(entries.every((entry) => entry.error === undefined)).toBe(true);
  });

  it("answers a malformed record (a quote never closed) with an error entry in its place", async () => {
    const csv = [
      header,
      "r1,housing,shiqi,2015-05-01,,college,5",
      "r2,housing,shiqi,2015-05-01,,college,5",
      'r3,housing,"shiqi,2015-05-01,,college,5',
    ].join("\n");
    const entries = await score(csv, "csv");
    expect(entries.map((entry) => entry.id)).toEqual(["r1", "r2", null]);
    expect(entries[2]).toMatchObject({ error: { code: "invalid_csv", field: "request" } });
    expect((entries[2].error as { message: string }).message).toMatch(/^line 4 is not valid CSV: Quote Not Closed/);
  });
});

describe("streamScores over JSON Lines", () => {
  it("answers a broken line with an error entry naming its line", async () => {
    const text = [
      JSON.stringify({
        id: "a",
        purpose: "housing",
        town: "shiqi",
        application_date: "2015-05-01",
        facts: { education: "college" },
      }),
      "",
      "{broken",
    ].join("\n");
    const entries = await score(text, "jsonl");
    expect(entries[0]).toMatchObject({ id: "a", purpose: "housing" });
    expect(entries[1]).toEqual({
      id: null,
      error: { code: "invalid_json", message: "line 3 is not valid JSON", field: "request" },
    });
  });
});
