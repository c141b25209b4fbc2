import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";

// `gongzhi communities import` on a fresh PGlite data folder (no server, no demo: no 镇区 loaded yet).
const dataDir = mkdtempSync(join(tmpdir(), "gongzhi-communities-cli-"));
const environment: NodeJS.ProcessEnv = { ...process.env, GONGZHI_DATA: dataDir, DATABASE_URL: "" };

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("gongzhi communities import", () => {
  it("prints every bad row with its number and reason and exits 1, storing nothing", () => {
    const file = join(dataDir, "communities.csv");
    writeFileSync(file, "town_code,name,x,y\nshiqi,岐东社区,4800,200\nshiqi,岐西社区,abc,1\n");
    const result = spawnSync(
      process.execPath,
      ["--import", "tsx", "src/cli/main.ts", "communities", "import", "--file", file],
      { env: environment, encoding: "utf8", timeout: 120_000 },
    );
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain("2 行有误，整个文件未导入");
    expect(result.stderr).toContain("第 2 行（town_code）：没有镇区“shiqi”");
    expect(result.stderr).toContain("第 3 行（x）：坐标须为");
    expect(result.stdout).toBe("");
  });
});
