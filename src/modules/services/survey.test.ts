import { describe, expect, it } from "vitest";
import { percentHundredths, surveyResults } from "./survey";

describe("satisfaction survey arithmetic", () => {
  it("counts 4 and 5 as satisfied and rounds half up to hundredths of a percent", () => {
    // 2 of 3 satisfied: 66.666…% → 66.67%
    expect(percentHundredths(2, 3)).toBe(6667);
    // 1 of 8: 12.5% exactly
    expect(percentHundredths(1, 8)).toBe(1250);
    // 1 of 16 000: 0.00625% → 0.01%
    expect(percentHundredths(1, 16000)).toBe(1);
    expect(percentHundredths(0, 0)).toBeNull();
  });

  it("gives results per question and overall", () => {
    const results = surveyResults(
      [
        { id: "a", text: "A" },
        { id: "b", text: "B" },
      ],
      [
        { a: 5, b: 2 },
        { a: 4, b: 3 },
        { a: 1, b: 4 },
      ],
    );
    expect(results.respondents).toBe(3);
    expect(results.questions[0].counts).toEqual([1, 0, 0, 1, 1]);
    expect(results.questions[0].satisfaction).toBe(6667);
    expect(results.questions[1].satisfaction).toBe(3333);
    expect(results.satisfaction).toBe(5000);
  });
});
