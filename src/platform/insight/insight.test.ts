import { describe, expect, it } from "vitest";
import { suppressed } from "./insight";

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
