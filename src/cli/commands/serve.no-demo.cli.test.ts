import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { demoPassword } from "../../demo/accounts";

// A deployment's first start without the demo (GONGZHI_NO_DEMO=1) on a fresh data folder: no demo persons or
// accounts, but the 24 镇区 and the verifying departments are there — every screen and import needs them.
const dataDir = mkdtempSync(join(tmpdir(), "gongzhi-no-demo-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe("gongzhi serve without the demo", () => {
  it("starts with the 镇区 and departments and nothing else", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "serve"], {
      env: { ...process.env, GONGZHI_DATA: dataDir, DATABASE_URL: "", PORT: String(port), GONGZHI_NO_DEMO: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    child.stdout.on("data", (chunk) => (log += chunk));
    child.stderr.on("data", (chunk) => (log += chunk));
    try {
      const base = `http://127.0.0.1:${port}/api/v1`;
      const deadline = Date.now() + 90_000;
      while (!log.includes("Gongzhi is running") && Date.now() < deadline && child.exitCode === null)
        await new Promise((resolve) => setTimeout(resolve, 200));
      expect(log).toContain("Gongzhi is running");
      expect(log).not.toContain("demo data loaded");
      expect(((await (await fetch(`${base}/towns`)).json()) as unknown[]).length).toBe(24);
      expect(((await (await fetch(`${base}/departments`)).json()) as unknown[]).length).toBeGreaterThan(3);
      const login = await fetch(`${base}/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "resident", password: demoPassword }),
      });
      // No demo accounts: the demo resident's password opens nothing.
      expect(login.status).toBe(401);
    } finally {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
  }, 120_000);
});
