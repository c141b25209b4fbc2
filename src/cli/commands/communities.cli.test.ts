import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";

// `gongzhi communities import` on a fresh PGlite data folder: no server and no demo, so the 镇区 come from the
// reference data the command ensures, as on a deployment started with GONGZHI_NO_DEMO=1.
const dataDir = mkdtempSync(join(tmpdir(), "gongzhi-communities-cli-"));
const environment: NodeJS.ProcessEnv = { ...process.env, GONGZHI_DATA: dataDir, DATABASE_URL: "" };
const file = join(dataDir, "communities.csv");

function importFile(...extra: string[]) {
  return spawnSync(
    process.execPath,
    ["--import", "tsx", "src/cli/main.ts", "communities", "import", "--file", file, ...extra],
    { env: environment, encoding: "utf8", timeout: 120_000 },
  );
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("gongzhi communities import", () => {
  it("prints every bad row with its number and reason and exits 1; with --good-rows imports the rest", () => {
    writeFileSync(file, "town_code,name,x,y\nshiqi,岐东社区,4800,200\nshiqi,岐西社区,abc,1\nnowhere,某社区,1,1\n");
    const refused = importFile();
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toContain("2 行有误，整个文件未导入");
    expect(refused.stderr).toContain("第 3 行（x）：坐标须为");
    expect(refused.stderr).toContain("第 4 行（town_code）：没有镇区“nowhere”");
    expect(refused.stdout).toBe("");

    const partly = importFile("--good-rows");
    expect(partly.status, partly.stderr).toBe(0);
    expect(partly.stderr).toContain("第 3 行（x）");
    expect(JSON.parse(partly.stdout.trim().split("\n").at(-1)!)).toEqual({
      rows: 1,
      created: 1,
      updated: 0,
      located: 1,
      refused: 2,
    });
  });
});
