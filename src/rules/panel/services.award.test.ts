import { describe, expect, it } from "vitest";
import { awardServices, serviceAwardContract } from "./services.award";

type Scores = { plan: number; staff: number; past: number };

/** Reviews of one bid by r1, r2, …; `null` marks a declared conflict. */
function reviews(bid: string | number, panel: (Scores | null)[]) {
  return panel.map((scores, index) =>
    scores === null
      ? { reviewer: `r${index + 1}`, bid, conflict: true }
      : { reviewer: `r${index + 1}`, bid, conflict: false, scores },
  );
}
const same = (bid: string | number, scores: Scores, count = 3) =>
  reviews(
    bid,
    Array.from({ length: count }, () => scores),
  );

function award(input: unknown) {
  const result = awardServices(input);
  if (!result.ok) throw new Error(result.error.message);
  return { detail: result.value, contract: serviceAwardContract(result.value) };
}

const WEIGHTS = { price: 30, plan: 40, staff: 20, past: 10 };

describe("services award: the lowest-price method", () => {
  it("scores price as 100 × lowest valid price ÷ price and ranks the valid bids", () => {
    // valid: b1 80 000, b2 100 000, b3 90 000 (budget 100 000); b4 120 000 is over budget; b5 at 0 is not above 0
    // b1: (30 × 100 + 40 × 70 + 20 × 80 + 10 × 60) / 100 = (3000 + 2800 + 1600 + 600) / 100 = 80.00
    // b2: price points 100 × 80 000 / 100 000 = 80: (2400 + 3600 + 1800 + 900) / 100 = 87.00
    // b3: price points 100 × 80 000 / 90 000 = 88.88…: (2666.66… + 3400 + 1600 + 700) / 100 = 83.6666… → 83.67
    // b5's 0 must not set the lowest price (it would make every price score 0), nor b4 be ranked
    const { contract, detail } = award({
      weights: WEIGHTS,
      budget_yuan: 100000,
      bids: [
        { id: "b1", vendor: "v1", price_yuan: 80000 },
        { id: "b2", vendor: "v2", price_yuan: 100000 },
        { id: "b3", vendor: "v3", price_yuan: 90000 },
        { id: "b4", vendor: "v4", price_yuan: 120000 },
        { id: "b5", vendor: "v5", price_yuan: 0 },
      ],
      reviews: [
        ...same("b1", { plan: 70, staff: 80, past: 60 }),
        ...same("b2", { plan: 90, staff: 90, past: 90 }),
        ...same("b3", { plan: 85, staff: 80, past: 70 }),
        ...same("b4", { plan: 100, staff: 100, past: 100 }),
        ...same("b5", { plan: 100, staff: 100, past: 100 }),
      ],
    });
    expect(contract).toEqual({
      ranking: [
        { id: "b2", score: 87 },
        { id: "b3", score: 83.67 },
        { id: "b1", score: 80 },
      ],
      winner: "b2",
      awardable: true,
      reason: "awarded",
    });
    expect(detail.validBids).toBe(3);
    expect(detail.lowestValidPriceFen).toBe(8000000n);
    expect(detail.bids.find((bid) => bid.id === "b4")).toMatchObject({ valid: false, invalidity: "over_budget" });
    expect(detail.bids.find((bid) => bid.id === "b5")).toMatchObject({ valid: false, invalidity: "price_not_above_0" });
    expect(detail.bids.find((bid) => bid.id === "b3")).toMatchObject({ pricePoints: "88.89" });
  });

  it("counts a price equal to the budget as valid, and without a budget every positive price", () => {
    const input = {
      weights: WEIGHTS,
      bids: [
        { id: "a", vendor: "v1", price_yuan: 100 },
        { id: "b", vendor: "v2", price_yuan: 100.01 },
        { id: "c", vendor: "v3", price_yuan: -5 },
      ],
      reviews: [],
    };
    expect(award({ ...input, budget_yuan: 100 }).detail.validBids).toBe(1);
    expect(award(input).detail.validBids).toBe(2);
  });

  it("uses the trimmed mean at 5 reviewers and the plain mean at 4, recusals left out", () => {
    // weights price 0, plan 1, staff 0, past 0 so the score is the plan mean
    // x: 5 reviewers 40, 70, 80, 90, 100 → (70 + 80 + 90) / 3 = 80
    // y: 5 reviews, one recused (its 0 ignored) → 4 reviewers 40, 70, 80, 90 → 280 / 4 = 70
    const scores = (plan: number) => ({ plan, staff: 0, past: 0 });
    const { contract } = award({
      weights: { price: 0, plan: 1, staff: 0, past: 0 },
      exception: { reason: "only two providers in the town" },
      bids: [
        { id: "x", vendor: "v1", price_yuan: 10 },
        { id: "y", vendor: "v2", price_yuan: 10 },
      ],
      reviews: [
        ...reviews("x", [scores(100), scores(40), scores(80), scores(90), scores(70)]),
        ...reviews("y", [scores(40), scores(70), null, scores(80), scores(90)]),
      ],
    });
    expect(contract.ranking).toEqual([
      { id: "x", score: 80 },
      { id: "y", score: 70 },
    ]);
  });

  it("rounds an exact .xx5 half up: 80.025 → 80.03", () => {
    // weights price 0, plan 1, staff 1, past 2: (80.1 + 80 + 2 × 80) / 4 = 320.1 / 4 = 80.025 → 80.03
    const { contract } = award({
      weights: { price: 0, plan: 1, staff: 1, past: 2 },
      exception: true,
      bids: [{ id: "x", vendor: "v", price_yuan: 1 }],
      reviews: same("x", { plan: 80.1, staff: 80, past: 80 }),
    });
    expect(contract.ranking).toEqual([{ id: "x", score: 80.03 }]);
  });

  it("breaks a tie on the rounded score by the lower price, then by the lower id", () => {
    // weights price 50, plan 50: p at 100 yuan, plan 60 → (50 × 100 + 50 × 60) / 100 = 80;
    // q at 125 → price points 80 → (4000 + 50 × 80) / 100 = 80: tie, p's lower price first;
    // 9 and 10 at 200 → price points 50 → (2500 + 50 × 100) / 100 = 75 each: 9 before 10 (numbers numerically)
    const scores = (plan: number) => ({ plan, staff: 0, past: 0 });
    const { contract } = award({
      weights: { price: 50, plan: 50, staff: 0, past: 0 },
      bids: [
        { id: "q", vendor: "v1", price_yuan: 125 },
        { id: 10, vendor: "v2", price_yuan: 200 },
        { id: "p", vendor: "v3", price_yuan: 100 },
        { id: 9, vendor: "v4", price_yuan: 200 },
      ],
      reviews: [...same("q", scores(80)), ...same("p", scores(60)), ...same(10, scores(100)), ...same(9, scores(100))],
    });
    expect(contract.ranking).toEqual([
      { id: "p", score: 80 },
      { id: "q", score: 80 },
      { id: 9, score: 75 },
      { id: 10, score: 75 },
    ]);
    expect(contract.winner).toBe("p");
  });
});

describe("services award: fewer than 3 valid bids", () => {
  const twoValid = {
    weights: WEIGHTS,
    budget_yuan: 1000,
    bids: [
      { id: "a", vendor: "v1", price_yuan: 800 },
      { id: "b", vendor: "v2", price_yuan: 1000 },
      { id: "c", vendor: "v3", price_yuan: 1200 },
    ],
    reviews: [
      ...same("a", { plan: 60, staff: 60, past: 60 }),
      ...same("b", { plan: 90, staff: 90, past: 90 }),
      ...same("c", { plan: 90, staff: 90, past: 90 }),
    ],
  };
  // c at 1200 is over the 1000 budget. a: (30 × 100 + 40 × 60 + 20 × 60 + 10 × 60) / 100 = (3000 + 4200) / 100 = 72
  // b: price points 100 × 800 / 1000 = 80 → (2400 + 40 × 90 + 20 × 90 + 10 × 90) / 100 = (2400 + 6300) / 100 = 87

  it("is not awardable without an exception: ranking shown, no winner", () => {
    expect(award(twoValid).contract).toEqual({
      ranking: [
        { id: "b", score: 87 },
        { id: "a", score: 72 },
      ],
      winner: null,
      awardable: false,
      reason: "fewer_than_3_valid_bids",
    });
  });

  it("is awardable with a recorded exception: the top of the ranking wins", () => {
    for (const exception of [true, "sole qualified provider in 南朗", { reason: "emergency" }]) {
      expect(award({ ...twoValid, exception }).contract).toMatchObject({
        winner: "b",
        awardable: true,
        reason: "exception_recorded",
      });
    }
    expect(award({ ...twoValid, exception: false }).contract.awardable).toBe(false);
  });

  it("names no winner when an exception is recorded but no bid is valid", () => {
    expect(
      award({ weights: WEIGHTS, exception: true, bids: [{ id: "z", vendor: "v", price_yuan: 0 }], reviews: [] })
        .contract,
    ).toEqual({ ranking: [], winner: null, awardable: true, reason: "no_valid_bids" });
  });

  it("names no winner while a valid bid has no scoring reviewer", () => {
    const { contract } = award({
      ...twoValid,
      budget_yuan: 2000,
      reviews: [...twoValid.reviews.filter((review) => review.bid !== "c"), ...reviews("c", [null])],
    });
    expect(contract).toMatchObject({ winner: null, awardable: true, reason: "valid_bid_not_scored" });
    expect(contract.ranking.map((each) => each.id)).toEqual(["b", "a"]);
  });
});

describe("services award: malformed input names the item", () => {
  const base = {
    weights: WEIGHTS,
    bids: [{ id: "b1", vendor: "v1", price_yuan: 10 }],
  };
  const message = (input: unknown) => {
    const result = awardServices(input);
    expect(result.ok).toBe(false);
    return result.ok ? "" : result.error.message;
  };

  it("refuses a score out of range, an unknown bid, a missing criterion", () => {
    expect(message({ ...base, reviews: same("b1", { plan: 100.5, staff: 1, past: 1 }, 1) })).toMatch(
      /reviews\[0\]\.scores\.plan.*reviewer "r1", bid "b1".*100\.5 is outside 0–100/,
    );
    expect(message({ ...base, reviews: same("b9", { plan: 1, staff: 1, past: 1 }, 1) })).toMatch(
      /reviews\[0\]\.bid.*unknown bid/,
    );
    expect(
      message({ ...base, reviews: [{ reviewer: "r1", bid: "b1", conflict: false, scores: { plan: 1, staff: 1 } }] }),
    ).toMatch(/reviews\[0\]\.scores\.past.*no score for criterion "past"/);
  });

  it("refuses bad weights, prices and exceptions", () => {
    expect(message({ ...base, weights: { price: 30, plan: 40, staff: 20 }, reviews: [] })).toMatch(/weights\.past/);
    expect(message({ ...base, weights: { ...WEIGHTS, price: -1 }, reviews: [] })).toMatch(/weights\.price.*negative/);
    expect(message({ ...base, bids: [{ id: "b1", vendor: "v", price_yuan: "10" }], reviews: [] })).toMatch(
      /bids\[0\]\.price_yuan.*bid "b1"/,
    );
    expect(message({ ...base, bids: [{ id: "b1", vendor: "v", price_yuan: 10.001 }], reviews: [] })).toMatch(
      /more than 2 decimals/,
    );
    expect(message({ ...base, exception: "", reviews: [] })).toMatch(/^exception/);
    expect(message({ ...base, reviews: [{ reviewer: "r1", bid: "b1", conflict: "no" }] })).toMatch(
      /reviews\[0\]\.conflict/,
    );
  });

  it("uses the default weights 30/40/20/10 when none are given", () => {
    // one bid: price points 100 → (3000 + 40 × 50 + 20 × 50 + 10 × 50) / 100 = (3000 + 3500) / 100 = 65
    expect(
      award({ ...base, weights: undefined, exception: true, reviews: same("b1", { plan: 50, staff: 50, past: 50 }) })
        .contract.ranking,
    ).toEqual([{ id: "b1", score: 65 }]);
  });
});
