import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isProblemCode, problemStatuses, statusForProblem } from "./problems";

const sourceRoot = new URL("..", import.meta.url).pathname;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** Every place the code base names a status and a code together by hand: `sendError(reply, 409, "code"` and `reply.code(409).send(errorBody("code"`. */
function statusesSentByHand(): { file: string; status: number; code: string }[] {
  const found: { file: string; status: number; code: string }[] = [];
  const patterns = [
    /sendError\(\s*reply,\s*(\d{3}),\s*"([a-z_.]+)"/g,
    /\.code\((\d{3})\)\s*\.send\(\s*errorBody\("([a-z_.]+)"/g,
  ];
  for (const file of sourceFiles(sourceRoot)) {
    const text = readFileSync(file, "utf8");
    for (const pattern of patterns)
      for (const match of text.matchAll(pattern))
        found.push({ file: file.slice(sourceRoot.length), status: Number(match[1]), code: match[2] });
  }
  return found;
}

describe("problem codes", () => {
  it("answers the listed status for a listed code and 400 for a command's own input refusal", () => {
    expect(statusForProblem("not_found")).toBe(404);
    expect(statusForProblem("forbidden")).toBe(403);
    expect(statusForProblem("version_conflict")).toBe(409);
    expect(statusForProblem("duplicate_id_number")).toBe(409);
    expect(statusForProblem("duplicate_application")).toBe(409);
    expect(statusForProblem("invalid_amount")).toBe(400);
    expect(isProblemCode("invalid_amount")).toBe(false);
    expect(isProblemCode("toString")).toBe(false);
    expect(statusForProblem("constructor")).toBe(400);
  });

  it("agrees with every status the code sends by hand", () => {
    const sent = statusesSentByHand();
    expect(sent.length).toBeGreaterThan(10);
    const disagreeing = sent.filter(({ status, code }) => statusForProblem(code) !== status);
    expect(disagreeing).toEqual([]);
    const unlisted = sent.filter(({ status, code }) => status !== 400 && !isProblemCode(code));
    expect(unlisted).toEqual([]);
  });

  it("lists only HTTP error statuses", () => {
    for (const [code, status] of Object.entries(problemStatuses)) {
      expect(status >= 400 && status <= 599, code).toBe(true);
    }
  });
});
