import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { storeWaitingEntry } from "../../../tests/helpers/audit";
import { openDatabase } from "../../db/connection";

// `gongzhi audit head` and `audit verify --expect-head` on a fresh PGlite data folder (no server).
const dataDir = mkdtempSync(join(tmpdir(), "gongzhi-audit-cli-"));
const environment: NodeJS.ProcessEnv = { ...process.env, GONGZHI_DATA: dataDir, DATABASE_URL: "" };

function gongzhi(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    env: environment,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("gongzhi audit head / verify --expect-head", () => {
  it("prints the head hash, accepts a recorded head still in the chain and refuses one that is not", () => {
    const user = gongzhi(
      "users",
      "create",
      "--username",
      "admin.one",
      "--password",
      "Admin-Password-1",
      "--role",
      "admin",
    );
    expect(user.status, user.stderr).toBe(0);
    const head = gongzhi("audit", "head");
    expect(head.status, head.stderr).toBe(0);
    const [, position, hash] = /^position (\d+) hash ([0-9a-f]{64})\n$/.exec(head.stdout) ?? [];
    expect(Number(position)).toBe(1);

    const verify = gongzhi("audit", "verify", "--expect-head", hash);
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stdout).toBe("audit chain intact: 1 entries (recorded head found in the chain)\n");
    expect(verify.stderr).toContain(`audit head: position 1 hash ${hash}`);

    const unknown = gongzhi("audit", "verify", "--expect-head", "a".repeat(64));
    expect(unknown.status).toBe(1);
    expect(unknown.stdout).toContain(`recorded head hash ${"a".repeat(64)} is not in the chain`);
    expect(unknown.stdout).toContain("audit chain BROKEN: 1 problem(s) in 1 entries");

    const malformed = gongzhi("audit", "verify", "--expect-head", "nothex");
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toContain("--expect-head");
  });

  it("anchors the head in a file outside the database, and refuses to vouch for the chain without the audit key", () => {
    const anchors = join(dataDir, "..", `${dataDir.split("/").pop()}-anchors.jsonl`);
    environment.GONGZHI_AUDIT_ANCHORS = anchors;
    try {
      const anchored = gongzhi("audit", "anchor");
      expect(anchored.status, anchored.stderr).toBe(0);
      expect(anchored.stdout).toMatch(/^anchored position 1 hash [0-9a-f]{64} in /);
      const verify = gongzhi("audit", "verify");
      expect(verify.status, verify.stdout).toBe(0);
      expect(verify.stderr).toContain("keyed hashes: checked; anchors checked: 1");

      const keyless = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "audit", "verify"], {
        env: { ...environment, GONGZHI_AUDIT_KEY: "", GONGZHI_AUDIT_KEY_FILE: join(dataDir, "no-such.key") },
        encoding: "utf8",
        timeout: 120_000,
      });
      expect(keyless.status).toBe(1);
      expect(keyless.stdout).toContain("the audit key is not available");
      expect(keyless.stderr).toContain("keyed hashes: NOT checked (no audit key)");
    } finally {
      rmSync(anchors, { force: true });
    }
  });

  it("chains the entries a stopped server left waiting, which verify reports once they have waited over a minute", async () => {
    environment.GONGZHI_AUDIT_ANCHORS = "off";
    const handle = await openDatabase({ dataDir });
    try {
      await storeWaitingEntry(handle.db, "left-by-a-stopped-server", new Date(Date.now() - 120_000));
    } finally {
      await handle.close();
    }
    const stale = gongzhi("audit", "verify");
    expect(stale.status).toBe(1);
    expect(stale.stdout).toMatch(/waited for the chain since .*gongzhi audit seal/);

    const sealed = gongzhi("audit", "seal");
    expect(sealed.status, sealed.stderr).toBe(0);
    expect(sealed.stdout).toContain("chained 1 waiting entries");
    const verify = gongzhi("audit", "verify");
    expect(verify.status, verify.stdout).toBe(0);
    expect(verify.stdout).toBe("audit chain intact: 2 entries\n");
  });
});
