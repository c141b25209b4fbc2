import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const directory = mkdtempSync(join(tmpdir(), "gongzhi-points-"));

function run(args: string[], input: string, name: string): { status: number | null; stdout: string; stderr: string } {
  const file = join(directory, name);
  writeFileSync(file, input);
  const result = spawnSync("npx", ["tsx", "src/cli/main.ts", "points", "score", ...args, "--input", file], {
    encoding: "utf8",
    cwd: process.cwd(),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const requests = [
  {
    id: "a",
    purpose: "housing",
    town: "xiaolan",
    application_date: "2015-05-01",
    facts: { education: "college", residence_permit_years: 5 },
  },
  {
    id: "b",
    purpose: "hukou",
    town: "shiqi",
    application_date: "2015-05-01",
    facts: { education: "college", shoe_size: 42 },
  },
  {
    id: "c",
    purpose: "school",
    town: "shiqi",
    application_date: "2014-05-01",
    grade: "primary_1",
    facts: { education: "senior_secondary" },
  },
  {
    id: "d",
    purpose: "hukou",
    town: "shiqi",
    application_date: "2015-05-01",
    facts: { insurance_years_guangdong: { pension: 3, medical: 3, injury: 1 } },
  },
];

describe("points score CLI contract", () => {
  it("prints exactly one JSON array entry per request, the invalid one in place", () => {
    const result = run(["--policy", "zhongshan-points-2014"], JSON.stringify(requests), "requests.json");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      { id: "a", purpose: "housing", total: 110.5, eligible: true, personal_quality: 60, insurance: 0, residence: 25 },
      {
        id: "b",
        error: {
          code: "unknown_fact",
          message: "facts.shoe_size: is not a fact of zhongshan-points-2014",
          field: "facts.shoe_size",
        },
      },
      { id: "c", purpose: "school", total: 30, eligible: true, personal_quality: 30, insurance: 0, residence: 0 },
      { id: "d", purpose: "hukou", total: 10.5, eligible: false, personal_quality: 0, insurance: 10.5, residence: 0 },
    ]);
  });

  it("picks the version in force per application date for a family id", () => {
    const result = run(
      ["--policy", "zhongshan-points"],
      JSON.stringify([requests[2], { ...requests[2], id: "c2", application_date: "2015-05-01" }]),
      "family.json",
    );
    expect(JSON.parse(result.stdout).map((entry: { total: number }) => entry.total)).toEqual([40, 30]);
  });

  it("adds steps with --explain", () => {
    const result = run(
      ["--policy", "zhongshan-points-2014", "--explain"],
      JSON.stringify([requests[0]]),
      "explain.json",
    );
    const [entry] = JSON.parse(result.stdout);
    expect(entry.total).toBe(110.5);
    expect(entry.steps).toContainEqual(
      expect.objectContaining({
        indicator: "education",
        points: 60,
        reference: "中府〔2014〕106号 附件 一(一)1",
        zh: "文化程度",
      }),
    );
    expect(entry.steps).toContainEqual(expect.objectContaining({ indicator: "multiplier", points: 25.5 }));
  });

  it("streams JSON Lines in and out, a broken line in place", () => {
    const lines = [JSON.stringify(requests[0]), "{not json", JSON.stringify(requests[3])].join("\n");
    const result = run(["--policy", "zhongshan-points-2014", "--format", "jsonl"], lines, "requests.jsonl");
    expect(result.status).toBe(0);
    const entries = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({ id: "a", total: 110.5 });
    expect(entries[1]).toMatchObject({ id: null, error: { code: "invalid_json" } });
    expect(entries[2]).toMatchObject({ id: "d", total: 10.5 });
  });

  it("reads CSV with nested fact columns", () => {
    const csv = [
      "id,purpose,town,application_date,grade,education,insurance_years_guangdong.pension,insurance_years_guangdong.medical,owns_qualifying_housing,residence_permit_years",
      "r1,housing,shiqi,2015-05-01,,college,10,10,true,",
      'r2,school,shiqi,2015-05-01,primary_1,"bachelor_or_above",,,false,3',
      "r3,hukou,shiqi,2015-05-01,,college,-1,,,",
    ].join("\n");
    const result = run(["--policy", "zhongshan-points-2014", "--format", "csv"], csv, "requests.csv");
    expect(result.status).toBe(0);
    const entries = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(entries[0]).toEqual({
      id: "r1",
      purpose: "housing",
      total: 190,
      eligible: true,
      personal_quality: 60,
      insurance: 30,
      residence: 100,
    });
    expect(entries[1]).toMatchObject({ id: "r2", total: 95 });
    expect(entries[2]).toMatchObject({
      id: "r3",
      error: { code: "negative_count", field: "facts.insurance_years_guangdong.pension" },
    });
  });

  it("exits non-zero only when the input as a whole cannot be parsed", () => {
    const result = run(["--policy", "zhongshan-points-2014"], "[{", "broken.json");
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe("");
  });
});
