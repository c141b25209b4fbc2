import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lockDataFolder, lockFileName } from "./folder-lock";

const folder = mkdtempSync(join(tmpdir(), "gongzhi-lock-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("data folder lock", () => {
  it("refuses a folder held by a running process and frees it on release", () => {
    const release = lockDataFolder(folder);
    expect(existsSync(join(folder, lockFileName))).toBe(true);
    writeFileSync(join(folder, lockFileName), String(process.ppid)); // held by another live process
    expect(() => lockDataFolder(folder)).toThrow(/in use by process/);
    release();
    expect(existsSync(join(folder, lockFileName))).toBe(false);
  });

  it("takes over a lock left by a process that no longer runs", () => {
    writeFileSync(join(folder, lockFileName), "999999999");
    const release = lockDataFolder(folder);
    expect(readFileSync(join(folder, lockFileName), "utf8").trim()).toBe(String(process.pid));
    release();
    expect(existsSync(join(folder, lockFileName))).toBe(false);
  });
});
