import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const WORK = mkdtempSync(join(tmpdir(), "panel-cli-"));
/** A data folder that must never be created, and a PostgreSQL URL nothing listens on: the commands open neither. */
const NO_DATABASE = { ...process.env, GONGZHI_DATA: join(WORK, "must-not-exist") };
const UNREACHABLE_DATABASE = { ...process.env, DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" };

function run(args: string[], env: NodeJS.ProcessEnv = NO_DATABASE) {
  const result = spawnSync("npm", ["run", "--silent", "gongzhi", "--", ...args], { cwd: ROOT, encoding: "utf8", env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let counter = 0;
function inputFile(content: unknown): string {
  const file = join(WORK, `input-${(counter += 1)}.json`);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

const panel = (key: string, item: string, scores: Record<string, number>, count = 3) =>
  Array.from({ length: count }, (_, index) => ({ reviewer: `r${index + 1}`, [key]: item, conflict: false, scores }));

describe("gongzhi fund allocate (CLI contract)", () => {
  const input = {
    budget_yuan: 100,
    partial_funding: false,
    criteria: [
      { id: "innovation", weight: 1 },
      { id: "need", weight: 3 },
    ],
    applications: [
      { id: "A", requested_yuan: 60, applicant: "town:shiqi" },
      { id: "B", requested_yuan: 50, applicant: "org:1" },
      { id: "C", requested_yuan: 30, applicant: "dept:civil_affairs" },
      { id: "D", requested_yuan: 1, applicant: "org:2" },
    ],
    reviews: [
      // A: (80.1 + 3 × 80) / 4 = 80.025 → 80.03
      ...panel("application", "A", { innovation: 80.1, need: 80 }),
      ...panel("application", "B", { innovation: 70, need: 70 }),
      ...panel("application", "C", { innovation: 60, need: 60 }),
      // D: two scoring reviewers only → unranked, unfunded
      ...panel("application", "D", { innovation: 100, need: 100 }, 2),
      { reviewer: "r3", application: "D", conflict: true },
    ],
  };

  it("prints ranking, funded and unfunded; skips B (50 > 40 left) for C (30 fits)", () => {
    const result = run(["fund", "allocate", "--input", inputFile(input)]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      ranking: [
        { id: "A", score: 80.03 },
        { id: "B", score: 70 },
        { id: "C", score: 60 },
      ],
      funded: [
        { id: "A", amount_yuan: 60 },
        { id: "C", amount_yuan: 30 },
      ],
      unfunded: ["B", "D"],
    });
    expect(existsSync(NO_DATABASE.GONGZHI_DATA!)).toBe(false);
  });

  it("with partial funding gives B the 40 that remain and leaves C unfunded, with no database reachable", () => {
    const result = run(
      ["fund", "allocate", "--input", inputFile({ ...input, partial_funding: true })],
      UNREACHABLE_DATABASE,
    );
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      funded: [
        { id: "A", amount_yuan: 60 },
        { id: "B", amount_yuan: 40 },
      ],
      unfunded: ["C", "D"],
    });
  });

  it("exits 1 naming the item for a score out of range, an unknown application, a missing criterion", () => {
    const cases: [unknown, RegExp][] = [
      [
        { ...input, reviews: panel("application", "A", { innovation: 120, need: 1 }, 1) },
        /reviewer "r1", application "A".*120 is outside 0–100/,
      ],
      [
        { ...input, reviews: panel("application", "Z", { innovation: 1, need: 1 }, 1) },
        /application "Z".*unknown application/,
      ],
      [
        { ...input, reviews: panel("application", "A", { innovation: 1 }, 1) },
        /application "A"\) has no score for criterion "need"/,
      ],
      ["{ not json", /cannot read .* as JSON/],
    ];
    for (const [content, message] of cases) {
      const result = run(["fund", "allocate", "--input", inputFile(content)]);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(message);
    }
  });
});

describe("gongzhi services award (CLI contract)", () => {
  const input = {
    weights: { price: 30, plan: 40, staff: 20, past: 10 },
    budget_yuan: 100000,
    bids: [
      { id: "b1", vendor: "v1", price_yuan: 80000 },
      { id: "b2", vendor: "v2", price_yuan: 100000 },
      { id: "b3", vendor: "v3", price_yuan: 120000 },
    ],
    reviews: [
      // b1: (30 × 100 + 40 × 70 + 20 × 80 + 10 × 60) / 100 = 80; b2: price points 80 → (2400 + 6300) / 100 = 87
      ...panel("bid", "b1", { plan: 70, staff: 80, past: 60 }),
      ...panel("bid", "b2", { plan: 90, staff: 90, past: 90 }),
      ...panel("bid", "b3", { plan: 100, staff: 100, past: 100 }),
    ],
  };

  it("with 2 valid bids (b3 over budget) and no exception: ranked, not awardable", () => {
    const result = run(["services", "award", "--input", inputFile(input)]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      ranking: [
        { id: "b2", score: 87 },
        { id: "b1", score: 80 },
      ],
      winner: null,
      awardable: false,
      reason: "fewer_than_3_valid_bids",
    });
    expect(existsSync(NO_DATABASE.GONGZHI_DATA!)).toBe(false);
  });

  it("with a recorded exception: b2 wins", () => {
    const result = run([
      "services",
      "award",
      "--input",
      inputFile({ ...input, exception: { reason: "two providers" } }),
    ]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ winner: "b2", awardable: true, reason: "exception_recorded" });
  });

  it("exits 1 naming the bid for a malformed review", () => {
    const result = run([
      "services",
      "award",
      "--input",
      inputFile({ ...input, reviews: panel("bid", "b1", { plan: 70, staff: 80, past: 101 }, 1) }),
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/reviews\[0\]\.scores\.past.*bid "b1".*101 is outside 0–100/);
  });
});
