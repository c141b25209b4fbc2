import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const copy = mkdtempSync(join(tmpdir(), "gongzhi-policies-"));
cpSync("policies/zhongshan/points", join(copy, "points"), { recursive: true });
const draft = join(copy, "points", "2016-draft");
const scorecard = (folder: string) => readFileSync(join(folder, "scorecard.yaml"), "utf8");

function gongzhi(...args: string[]) {
  return spawnSync("npx", ["tsx", "src/cli/main.ts", ...args], { encoding: "utf8" });
}

afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe("policy approve and activate", () => {
  it("refuses to approve a draft while one of its golden tests fails, and leaves the file as it was", () => {
    const testsFolder = join(draft, "tests");
    const goldenFile = join(testsFolder, readdirSync(testsFolder).sort()[0]);
    const original = readFileSync(goldenFile, "utf8");
    const broken = original.replace(/total: (\d+)/, (_, total: string) => `total: ${Number(total) + 1}`);
    expect(broken).not.toBe(original);
    writeFileSync(goldenFile, broken);
    try {
      const before = scorecard(draft);
      const refused = gongzhi("policy", "approve", draft);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain("golden tests fail");
      expect(scorecard(draft)).toBe(before);
    } finally {
      // Restored whatever happened above, so the next test approves an intact draft.
      writeFileSync(goldenFile, original);
    }
  }, 60_000);

  it("approves the draft, then activates it and supersedes the 2014 version the day before", () => {
    const approved = gongzhi("policy", "approve", draft);
    expect(approved.stdout).toContain("zhongshan-points-2016-draft approved");
    expect(scorecard(draft)).toMatch(/^status: approved$/m);
    expect(scorecard(draft)).toContain("# DEMO DRAFT");

    const activated = gongzhi("policy", "activate", draft, "--from", "2016-10-01");
    expect(activated.status).toBe(0);
    expect(scorecard(draft)).toMatch(/^status: active$/m);
    const previous = scorecard(join(copy, "points", "2014"));
    expect(previous).toMatch(/^status: superseded$/m);
    expect(previous).toMatch(/^ {2}to: 2016-09-30$/m);
  }, 60_000);
});
