import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { demoAccounts } from "../../src/demo/accounts";

// The CLI on a fresh PGlite data folder (no server): demo, audit verify, users create, refusing a second demo.
const dataDir = mkdtempSync(join(tmpdir(), "gongzhi-cli-"));
const environment = { ...process.env, GONGZHI_DATA: dataDir, DATABASE_URL: "" };

function gongzhi(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    env: environment,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("gongzhi CLI on ./data", () => {
  it("loads demo data, verifies the audit chain, creates a user, and refuses demo on a non-empty database", () => {
    const demo = gongzhi("demo", "--persons", "60");
    expect(demo.status, demo.stderr).toBe(0);
    expect(JSON.parse(demo.stdout.split("\n")[0])).toMatchObject({
      towns: 24,
      persons: 60,
      accounts: demoAccounts.length,
    });

    const verify = gongzhi("audit", "verify");
    expect(verify.status, verify.stderr).toBe(0);
    const entries = Number(/^audit chain intact: (\d+) entries\n$/.exec(verify.stdout)?.[1]);
    expect(entries).toBeGreaterThanOrEqual(11);

    const user = gongzhi(
      "users",
      "create",
      "--username",
      "clerk.guzhen",
      "--password",
      "Guzhen-Clerk-1",
      "--role",
      "clerk",
      "--town",
      "guzhen",
    );
    expect(user.status, user.stderr).toBe(0);
    expect(JSON.parse(user.stdout).roles).toEqual([{ role: "clerk", townCode: "guzhen", departmentCode: null }]);
    expect(gongzhi("audit", "verify").stdout).toBe(`audit chain intact: ${entries + 1} entries\n`);

    const badUser = gongzhi(
      "users",
      "create",
      "--username",
      "clerk.x",
      "--password",
      "Guzhen-Clerk-1",
      "--role",
      "clerk",
      "--town",
      "atlantis",
    );
    expect(badUser.status).toBe(1);
    expect(badUser.stderr).toContain("roles.0.townCode");

    const again = gongzhi("demo");
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("not empty");
    const forced = gongzhi("demo", "--force");
    expect(forced.status).toBe(1);
    expect(forced.stderr).toContain("already loaded");
  });
});
