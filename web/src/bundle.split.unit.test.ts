import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "vite";

// Builds the app (as `vite build --config web/vite.config.ts` does) and checks route-level code splitting:
// the console frame and the registry, accounts and audit pages are not in the bundle the first page loads.
const outDir = mkdtempSync(join(tmpdir(), "gongzhi-web-split-"));
let entry = "";
let chunks: string[] = [];

beforeAll(async () => {
  await build({
    configFile: fileURLToPath(new URL("../vite.config.ts", import.meta.url)),
    logLevel: "silent",
    build: { outDir, emptyOutDir: true },
  });
  const html = readFileSync(join(outDir, "index.html"), "utf8");
  const preloaded = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((match) => match[1]);
  entry = preloaded.map((file) => readFileSync(join(outDir, "assets", file), "utf8")).join("\n");
  chunks = readdirSync(join(outDir, "assets")).filter((file) => file.endsWith(".js"));
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Whether the code holds the string literal (minified code quotes with ", ' or `). */
function holds(code: string, literal: string): boolean {
  return ['"', "'", "`"].some((quote) => code.includes(`${quote}${literal}${quote}`));
}

describe("route-level code splitting", () => {
  it.each([
    ["console frame", "console-menu"],
    ["accounts page", "account-create"],
    ["account person link", "field-person-idNumber"],
    ["audit chain verification", "audit-verify-ok"],
    ["registry search", "registry-search-input"],
  ])("leaves the %s out of the first page's bundle, in a chunk of its own", (_name, marker) => {
    expect(holds(entry, marker)).toBe(false);
    const holders = chunks.filter((file) => holds(readFileSync(join(outDir, "assets", file), "utf8"), marker));
    expect(holders.length).toBe(1);
  });

  it("keeps the login page in the first bundle (it is the first page of most visits)", () => {
    expect(holds(entry, "login-submit")).toBe(true);
  });
});
