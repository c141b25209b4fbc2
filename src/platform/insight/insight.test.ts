import { describe, expect, it } from "vitest";
import { latestTime, suppressed } from "./insight";

describe("suppression of small cells", () => {
  it("shows 1–4 people or households as <5, keeps 0, larger counts and other units", () => {
    expect([1, 4].map((value) => suppressed(value, "people"))).toEqual(["<5", "<5"]);
    expect(suppressed(3, "households")).toBe("<5");
    expect(suppressed(0, "people")).toBe(0);
    expect(suppressed(5, "people")).toBe(5);
    expect(suppressed(3, "count")).toBe(3);
    expect(suppressed(300, "fen")).toBe(300);
  });
});

describe("the latest change of a dataset", () => {
  it("takes timestamps as they are and dates at the start of their day in Shanghai", () => {
    expect(latestTime([new Date("2026-03-01T10:00:00Z"), "2026-03-02", null, undefined])).toBe(
      "2026-03-01T16:00:00.000Z",
    );
    expect(latestTime([new Date("2026-03-01T10:00:00Z"), "2026-03-01"])).toBe("2026-03-01T10:00:00.000Z");
    expect(latestTime([null, undefined])).toBeNull();
  });
});
