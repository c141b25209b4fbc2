import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync("npx", ["tsx", "src/cli/main.ts", ...args], { cwd: ROOT, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function inputFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "assistance-cli-")), "input.json");
  writeFileSync(file, content);
  return file;
}

const REQUESTS = [
  {
    id: "h1",
    month: "2018-03",
    household: {
      members: [
        { id: "A", monthly_income_yuan: 500.5, categories: ["minor", "student"] },
        { id: "B", monthly_income_yuan: 0, categories: [] },
      ],
      assets_yuan: 1000,
    },
    cpi: { yoy_percent: 3.6, food_yoy_percent: 2 },
  },
  {
    id: "bad",
    month: "2018-03",
    household: { members: [{ id: "A", monthly_income_yuan: -1, categories: [] }], assets_yuan: 0 },
  },
  {
    id: "early",
    month: "2016-12",
    household: { members: [{ id: "A", monthly_income_yuan: 0, categories: [] }], assets_yuan: 0 },
  },
  {
    id: "rich",
    month: "2021-01",
    household: { members: [{ id: "A", monthly_income_yuan: 0, categories: [] }], assets_yuan: 26880.01 },
  },
  {
    id: 5,
    month: "2021-01",
    household: {
      members: [{ id: "A", monthly_income_yuan: 1119.99, categories: ["severe_disability"] }],
      assets_yuan: 0,
    },
  },
];

describe("gongzhi assistance compute (CLI contract)", () => {
  it("prints one entry per request in input order, errors in place, amounts in yuan exact to the fen", () => {
    const result = run(["assistance", "compute", "--input", inputFile(JSON.stringify(REQUESTS))]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      // dibao 1952 − 500.50 = 1451.50; one supplement 390; price 976 × 3.6 % = 35.14 → 35 × 2 = 70
      {
        id: "h1",
        eligible: true,
        dibao_yuan: 1451.5,
        supplement_yuan: 390,
        price_subsidy_yuan: 70,
        total_yuan: 1911.5,
      },
      {
        id: "bad",
        error: {
          code: "invalid_income",
          message: "household.members[0].monthly_income_yuan must not be negative",
          field: "household.members[0].monthly_income_yuan",
        },
      },
      {
        id: "early",
        error: {
          code: "no_standard",
          message:
            "no dibao standard is in force in 2016-12: dibao.standard has no value on 2016-12-01 (first value from 2017-01-01)",
          field: "month",
        },
      },
      { id: "rich", eligible: false, dibao_yuan: 0, supplement_yuan: 0, price_subsidy_yuan: 0, total_yuan: 0 },
      { id: 5, eligible: true, dibao_yuan: 0.01, supplement_yuan: 448, price_subsidy_yuan: 0, total_yuan: 448.01 },
    ]);
  });

  it("adds the explanation steps with --explain", () => {
    const result = run([
      "assistance",
      "compute",
      "--explain",
      "--input",
      inputFile(JSON.stringify(REQUESTS.slice(0, 1))),
    ]);
    const [entry] = JSON.parse(result.stdout);
    const standard = entry.steps.find((step: { key: string }) => step.key === "standard");
    expect(standard).toMatchObject({ zh: "低保标准（元/人·月）", value: "976.00" });
    expect(standard.reference).toContain("dibao.standard (from 2018-01-01)");
    expect(entry.steps.map((step: { key: string }) => step.key)).toContain("trigger");
  });

  it("exits non-zero only when the file as a whole cannot be read", () => {
    const broken = run(["assistance", "compute", "--input", inputFile("[{")]);
    expect(broken.status).not.toBe(0);
    expect(broken.stdout).toBe("");
    expect(broken.stderr).toContain("cannot read");
    const missing = run(["assistance", "compute", "--input", "/nonexistent/input.json"]);
    expect(missing.status).not.toBe(0);
    const notArray = run(["assistance", "compute", "--input", inputFile('{"id":1}')]);
    expect(notArray.status).not.toBe(0);
    const empty = run(["assistance", "compute", "--input", inputFile("[]")]);
    expect(empty.status).toBe(0);
    expect(JSON.parse(empty.stdout)).toEqual([]);
  });

  it("proposes a standard by the natural-growth rule", () => {
    const result = run([
      "assistance",
      "propose-standard",
      "--previous",
      "1120",
      "--consumption",
      "40000",
      "--date",
      "2022-01-01",
    ]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ previous_yuan: 1120, computed_yuan: 1167, proposed_yuan: 1167 });
  });
});
