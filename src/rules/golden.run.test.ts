import { describe, expect, it } from "vitest";
import { loadGoldenCases, runGoldenCase } from "./golden.run";
import { findVersionFolders, loadVersionFolder, POLICIES_ROOT } from "./policy.registry";

for (const folder of findVersionFolders(POLICIES_ROOT)) {
  const loaded = loadVersionFolder(folder);
  describe(`golden tests of ${folder}`, () => {
    it("loads without problems", () => {
      expect(loaded.ok ? [] : loaded.error.map((problem) => problem.message)).toEqual([]);
    });
    if (!loaded.ok) return;
    const { cases, problems } = loadGoldenCases(folder);
    it("has well-formed test files", () => {
      expect(problems.map((problem) => `${problem.name}: ${problem.failures.join("; ")}`)).toEqual([]);
    });
    for (const golden of cases) {
      it(golden.name, () => {
        expect(runGoldenCase(loaded.value, golden).failures).toEqual([]);
      });
    }
  });
}

describe("golden suite size", () => {
  it("has at least 40 cases for 2014 and 10 for 2013", () => {
    const count = (suffix: string): number =>
      loadGoldenCases(findVersionFolders(POLICIES_ROOT).find((folder) => folder.endsWith(suffix)) ?? "").cases.length;
    expect(count("2014")).toBeGreaterThanOrEqual(40);
    expect(count("2013")).toBeGreaterThanOrEqual(10);
  });
});
