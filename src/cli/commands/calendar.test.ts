import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function gongzhi(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync("npx", ["tsx", "src/cli/main.ts", "calendar", ...args], { encoding: "utf8", timeout: 60_000 });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

describe("gongzhi calendar", () => {
  it("adds working days across National Day 2024 (Sun 29 Sep is a make-up working day)", () => {
    expect(gongzhi("add-working-days", "2024-09-27", "3")).toEqual({ stdout: "2024-10-08\n", stderr: "", status: 0 });
    expect(gongzhi("add-working-days", "2024-10-08", "-3").stdout).toBe("2024-09-27\n");
  });
  it("counts working days and classifies days", () => {
    expect(gongzhi("working-days-between", "2024-09-27", "2024-10-08").stdout).toBe("3\n");
    expect(gongzhi("is-working-day", "2024-09-29").stdout).toBe("true\n");
    expect(gongzhi("is-working-day", "2024-10-01", "--reason").stdout).toBe("false holiday 国庆节\n");
  });
  it("rejects bad input on stderr with exit code 2, naming the argument", () => {
    const badDate = gongzhi("add-working-days", "2024-02-30", "3");
    expect(badDate.status).toBe(2);
    expect(badDate.stdout).toBe("");
    expect(badDate.stderr).toMatch(/date must be a real date.*2024-02-30/);
    const badCount = gongzhi("add-working-days", "2024-02-03", "three");
    expect(badCount.status).toBe(2);
    expect(badCount.stderr).toMatch(/n must be a whole number/);
    const badB = gongzhi("working-days-between", "2024-01-01", "2024/01/05");
    expect(badB.status).toBe(2);
    expect(badB.stderr).toMatch(/^gongzhi calendar: b must be/);
    const uncovered = gongzhi("is-working-day", "2030-01-02");
    expect(uncovered.status).toBe(2);
    expect(uncovered.stderr).toMatch(/no data for 2030/);
  });
});
