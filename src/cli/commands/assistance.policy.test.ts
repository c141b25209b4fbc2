import { afterEach, describe, expect, it, vi } from "vitest";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { simulateAssistancePolicy, testAssistancePolicies } from "./assistance";

const POLICY = fileURLToPath(new URL("../../../policies/zhongshan/assistance", import.meta.url));

function captureStdout(): { text: () => string } {
  const chunks: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  return { text: () => chunks.join("") };
}

/** A draft copy of the Zhongshan policy with a 1,200-yuan standard from June 2021. */
function draftFolder(): string {
  const folder = join(mkdtempSync(join(tmpdir(), "assistance-draft-")), "draft");
  cpSync(POLICY, folder, { recursive: true });
  const policyFile = join(folder, "policy.yaml");
  writeFileSync(
    policyFile,
    readFileSync(policyFile, "utf8")
      .replace("id: zhongshan-assistance", "id: zhongshan-assistance-draft")
      .replace("status: active", "status: draft"),
  );
  const dibao = join(folder, "parameters", "dibao.yaml");
  const entry = "    - from: 2021-06-01\n      value: 1200\n      reference: draft standard for consultation\n";
  writeFileSync(dibao, readFileSync(dibao, "utf8").replace("asset_limit_months:", `${entry}asset_limit_months:`));
  return folder;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("policy test branch for assistance", () => {
  it("runs every golden case of the Zhongshan policy and prints one line per case", async () => {
    const out = captureStdout();
    const totals = await testAssistancePolicies(POLICY);
    expect(totals.folders).toBe(1);
    expect(totals.failed).toBe(0);
    expect(totals.passed).toBeGreaterThan(50);
    expect(out.text()).toContain("zhongshan-assistance (active)\n");
    expect(out.text()).toContain("  ✓ 2018 standard 976 in March 2018\n");
  });

  it("runs one test file when given a file", async () => {
    captureStdout();
    const totals = await testAssistancePolicies(join(POLICY, "tests", "households.yaml"));
    expect(totals).toEqual({ folders: 1, passed: 6, failed: 0 });
  });

  it("finds nothing in a folder without assistance policies", async () => {
    captureStdout();
    const totals = await testAssistancePolicies(
      fileURLToPath(new URL("../../../policies/zhongshan/points", import.meta.url)),
    );
    expect(totals.folders).toBe(0);
  });
});

describe("policy simulate branch for assistance", () => {
  it("compares a draft folder with the active policy by id", async () => {
    const population = join(mkdtempSync(join(tmpdir(), "assistance-pop-")), "cases.json");
    writeFileSync(
      population,
      JSON.stringify([
        { id: "c1", town: "shiqi", household: { members: [{ id: "A", monthly_income_yuan: 0 }], assets_yuan: 0 } },
        { id: "c2", town: "dongqu", household: { members: [{ id: "A", monthly_income_yuan: 1150 }], assets_yuan: 0 } },
      ]),
    );
    const out = captureStdout();
    const handled = await simulateAssistancePolicy({
      policy: draftFolder(),
      baseline: "zhongshan-assistance",
      population,
      date: "2021-06-15",
      json: true,
    });
    expect(handled).toBe(true);
    const report = JSON.parse(out.text());
    // c1 1120 → 1200 (+80); c2 ineligible → 1200 − 1150 = 50
    expect(report).toMatchObject({
      draft: "zhongshan-assistance-draft",
      baseline: "zhongshan-assistance",
      month: "2021-06",
      households: 2,
      gainers: 2,
      newlyEligible: 1,
      differenceFen: 13000,
    });
  });

  it("leaves other policy kinds to their own branch", async () => {
    captureStdout();
    expect(
      await simulateAssistancePolicy({
        policy: "zhongshan-points-2016-draft",
        baseline: "zhongshan-points-2014",
        population: "x.json",
      }),
    ).toBe(false);
  });
});
