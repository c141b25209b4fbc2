import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function gongzhi(...args: string[]): { status: number | null; stdout: string } {
  const result = spawnSync("npx", ["tsx", "src/cli/main.ts", ...args], { encoding: "utf8", cwd: process.cwd() });
  return { status: result.status, stdout: result.stdout };
}

describe("policy commands for points versions", () => {
  it("policy test passes the 2014 golden tests and ends with the count line", () => {
    const result = gongzhi("policy", "test", "policies/zhongshan/points/2014");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("✓ 18th birthday on the application date counts");
    expect(result.stdout.trim().split("\n").at(-1)).toMatch(/^\d+ passed, 0 failed$/);
  });

  it("policy test fails with exit 1 and says what differed", () => {
    const folder = join(mkdtempSync(join(tmpdir(), "points-policy-")), "2014");
    cpSync("policies/zhongshan/points/2014", folder, { recursive: true });
    const file = join(folder, "tests", "basic.yaml");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace(
        "expected: { total: 20, eligible: false, personal_quality: 20,",
        "expected: { total: 21, eligible: false, personal_quality: 20,",
      ),
    );
    const result = gongzhi("policy", "test", file);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("total: expected 21.00, got 20.00");
    expect(result.stdout.trim().split("\n").at(-1)).toMatch(/^\d+ passed, 1 failed$/);
  });

  it("policy list shows every points version with status and dates", () => {
    const result = gongzhi("policy", "list");
    expect(result.stdout).toMatch(/zhongshan-points-2013\s+superseded\s+2013-10-01 → 2014-10-29/);
    expect(result.stdout).toMatch(/zhongshan-points-2014\s+active\s+2014-10-30 → open/);
    expect(result.stdout).toMatch(/zhongshan-points-2016-draft\s+draft/);
  });
});
