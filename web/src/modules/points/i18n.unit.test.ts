import { describe, expect, it } from "vitest";
import { pointsStrings } from "./i18n";

/** Every key path of a nested string table ("points.factStatus.declared"). */
function keyPaths(table: object, prefix = ""): string[] {
  return Object.entries(table).flatMap(([key, value]) =>
    typeof value === "object" && value !== null ? keyPaths(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe("the points screens' strings", () => {
  it("have the same keys in Chinese and English, none empty", () => {
    expect(keyPaths(pointsStrings.en).sort()).toEqual(keyPaths(pointsStrings.zh).sort());
    for (const language of [pointsStrings.zh, pointsStrings.en])
      for (const path of keyPaths(language)) {
        const text = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], language);
        expect(typeof text === "string" && text.trim().length > 0, path).toBe(true);
      }
  });

  it("label every fact status a resident can see (ranking outcomes are in the code dictionary)", () => {
    expect(Object.keys(pointsStrings.en.points.factStatus).sort()).toEqual([
      "confirmed",
      "corrected",
      "declared",
      "rejected",
      "with_department",
    ]);
  });
});
