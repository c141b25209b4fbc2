import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function gongzhi(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync("npx", ["tsx", "src/cli/main.ts", "calendar", ...args], {
    encoding: "utf8",
    timeout: 60_000,
  });
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
    const uncovered = gongzhi("is-working-day", "2003-01-02");
    expect(uncovered.status).toBe(2);
    expect(uncovered.stderr).toMatch(/no data for 2003/);
  });
  it("answers past the official data with a provisional date, and says so", () => {
    const due = gongzhi("add-working-days", "2026-12-04", "30");
    expect(due.status).toBe(0);
    expect(due.stdout).toMatch(/^2027-01-\d\d \(暂定 provisional: no official holiday notice for 2027 yet\)\n$/);
    expect(JSON.parse(gongzhi("add-working-days", "2026-12-04", "30", "--json").stdout)).toEqual({
      date: due.stdout.slice(0, 10),
      provisional: true,
    });
    expect(JSON.parse(gongzhi("add-working-days", "2026-11-02", "5", "--json").stdout)).toEqual({
      date: "2026-11-09",
      provisional: false,
    });
    expect(gongzhi("is-working-day", "2027-02-05", "--reason").stdout).toMatch(
      /^false holiday 春节 \(暂定 provisional/,
    );
  });
  it("refuses a notice with problems, naming each", () => {
    const folder = mkdtempSync(join(tmpdir(), "gongzhi-calendar-"));
    try {
      const file = join(folder, "2027.json");
      writeFileSync(
        file,
        JSON.stringify({
          year: 2027,
          source: "国务院办公厅关于2027年部分节假日安排的通知",
          holidays: { "2027-02-30": "春节", "2028-01-01": "元旦" },
          workdays: { "2027-02-03": "春节调休" },
        }),
      );
      const refused = gongzhi("import", "--file", file, "--dry-run");
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain("2027-02-30 is not a real date");
      expect(refused.stderr).toContain("2028-01-01 is not in 2027");
      expect(refused.stderr).toContain("2027-02-03 is not a weekend day");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
