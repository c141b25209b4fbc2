import { describe, expect, it } from "vitest";
import { allocateFund, fundAllocationContract } from "./fund.allocate";

type Scores = Record<string, number>;

/** One review per (reviewer, application, scores); `null` scores mark a declared conflict. */
function reviews(application: string, panel: (Scores | null)[]) {
  return panel.map((scores, index) =>
    scores === null
      ? { reviewer: `r${index + 1}`, application, conflict: true }
      : { reviewer: `r${index + 1}`, application, conflict: false, scores },
  );
}

function allocate(input: unknown) {
  const result = allocateFund(input);
  if (!result.ok) throw new Error(result.error.message);
  return { detail: result.value, contract: fundAllocationContract(result.value) };
}

const ONE = [{ id: "c", weight: 1 }];

describe("fund allocate: panel means", () => {
  it("takes the plain mean with 4 reviewers (no trimming)", () => {
    // (60 + 70 + 80 + 100) / 4 = 310 / 4 = 77.5
    const { contract } = allocate({
      budget_yuan: 1000,
      partial_funding: false,
      criteria: ONE,
      applications: [{ id: "a", requested_yuan: 10, applicant: "x" }],
      reviews: reviews("a", [{ c: 60 }, { c: 70 }, { c: 80 }, { c: 100 }]),
    });
    expect(contract.ranking).toEqual([{ id: "a", score: 77.5 }]);
  });

  it("drops one highest and one lowest score with 5 reviewers", () => {
    // 50, 70, 80, 90, 100 → drop 50 and 100 → (70 + 80 + 90) / 3 = 80 (the untrimmed mean would be 78)
    const { contract } = allocate({
      budget_yuan: 1000,
      partial_funding: false,
      criteria: ONE,
      applications: [{ id: "a", requested_yuan: 10, applicant: "x" }],
      reviews: reviews("a", [{ c: 100 }, { c: 50 }, { c: 80 }, { c: 90 }, { c: 70 }]),
    });
    expect(contract.ranking).toEqual([{ id: "a", score: 80 }]);
  });

  it("drops only one of equal extreme scores", () => {
    // 60, 60, 90, 90, 90 → drop one 60 and one 90 → (60 + 90 + 90) / 3 = 80
    const { contract } = allocate({
      budget_yuan: 1000,
      partial_funding: false,
      criteria: ONE,
      applications: [{ id: "a", requested_yuan: 10, applicant: "x" }],
      reviews: reviews("a", [{ c: 60 }, { c: 90 }, { c: 60 }, { c: 90 }, { c: 90 }]),
    });
    expect(contract.ranking).toEqual([{ id: "a", score: 80 }]);
  });

  it("leaves a conflicted reviewer out: 5 reviews with one recusal is a panel of 4, untrimmed", () => {
    // the recused 0 is ignored even though it carries scores; 60, 70, 80, 100 → 77.5
    const { contract, detail } = allocate({
      budget_yuan: 1000,
      partial_funding: false,
      criteria: ONE,
      applications: [{ id: "a", requested_yuan: 10, applicant: "x" }],
      reviews: [
        { reviewer: "r0", application: "a", conflict: true, scores: { c: 0 } },
        ...reviews("a", [{ c: 60 }, { c: 70 }, { c: 80 }, { c: 100 }]),
      ],
    });
    expect(contract.ranking).toEqual([{ id: "a", score: 77.5 }]);
    expect(detail.applications[0]).toMatchObject({ reviewers: 4, recused: 1 });
  });

  it("weights the criteria with the default weights 30/25/25/10/10", () => {
    // means: innovation (80+85+90)/3 = 85; need (70+75+72)/3 = 217/3; feasibility (90+80+85)/3 = 85;
    // budget (60+70+65)/3 = 65; sustainability (75+80+70)/3 = 75.
    // (30×85 + 25×217/3 + 25×85 + 10×65 + 10×75) / 100 = (2550 + 1808.33… + 2125 + 650 + 750) / 100 = 78.8333… → 78.83
    const { contract } = allocate({
      budget_yuan: 1000,
      partial_funding: false,
      criteria: [
        { id: "innovation", weight: 30 },
        { id: "need", weight: 25 },
        { id: "feasibility", weight: 25 },
        { id: "budget", weight: 10 },
        { id: "sustainability", weight: 10 },
      ],
      applications: [{ id: "a", requested_yuan: 10, applicant: "x" }],
      reviews: reviews("a", [
        { innovation: 80, need: 70, feasibility: 90, budget: 60, sustainability: 75 },
        { innovation: 85, need: 75, feasibility: 80, budget: 70, sustainability: 80 },
        { innovation: 90, need: 72, feasibility: 85, budget: 65, sustainability: 70 },
      ]),
    });
    expect(contract.ranking).toEqual([{ id: "a", score: 78.83 }]);
  });

  it("rounds an exact .xx5 half up at the end only: 80.025 → 80.03", () => {
    // weights a 1, b 3: (80.1 + 3 × 80) / 4 = 320.1 / 4 = 80.025 exactly → 80.03 (binary floating point gives 80.02499…)
    const { contract } = allocate({
      budget_yuan: 1000,
      partial_funding: false,
      criteria: [
        { id: "a", weight: 1 },
        { id: "b", weight: 3 },
      ],
      applications: [{ id: "x", requested_yuan: 10, applicant: "x" }],
      reviews: reviews("x", [
        { a: 80.1, b: 80 },
        { a: 80.1, b: 80 },
        { a: 80.1, b: 80 },
      ]),
    });
    expect(contract.ranking).toEqual([{ id: "x", score: 80.03 }]);
  });

  it("does not round the means before weighting them", () => {
    // c: (80.01 + 80.01 + 80) / 3 = 80.00666…; d: 80. Exactly: (80.00666… + 80) / 2 = 80.00333… → 80.00.
    // Rounding the mean first would give (80.01 + 80) / 2 = 80.005 → 80.01.
    const { contract } = allocate({
      budget_yuan: 1000,
      partial_funding: false,
      criteria: [
        { id: "c", weight: 1 },
        { id: "d", weight: 1 },
      ],
      applications: [{ id: "x", requested_yuan: 10, applicant: "x" }],
      reviews: reviews("x", [
        { c: 80.01, d: 80 },
        { c: 80.01, d: 80 },
        { c: 80, d: 80 },
      ]),
    });
    expect(contract.ranking).toEqual([{ id: "x", score: 80 }]);
  });
});

describe("fund allocate: ranking and funding", () => {
  const three = (score: number) => reviews("", [{ c: score }, { c: score }, { c: score }]);
  const panel = (application: string, score: number) => three(score).map((review) => ({ ...review, application }));
  const applications = [
    { id: "A", requested_yuan: 60, applicant: "town:shiqi" },
    { id: "B", requested_yuan: 50, applicant: "org:1" },
    { id: "C", requested_yuan: 30, applicant: "dept:civil_affairs" },
  ];
  const scored = [...panel("A", 90), ...panel("B", 80), ...panel("C", 70)];

  it("skips a request that does not fit the remaining budget for the next that fits", () => {
    // 100: A 60 fits (40 left); B 50 does not fit → skipped; C 30 fits (10 left)
    const { contract } = allocate({
      budget_yuan: 100,
      partial_funding: false,
      criteria: ONE,
      applications,
      reviews: scored,
    });
    expect(contract).toEqual({
      ranking: [
        { id: "A", score: 90 },
        { id: "B", score: 80 },
        { id: "C", score: 70 },
      ],
      funded: [
        { id: "A", amount_yuan: 60 },
        { id: "C", amount_yuan: 30 },
      ],
      unfunded: ["B"],
    });
  });

  it("with partial funding gives the first that does not fit what remains, and the rest nothing", () => {
    // 100: A 60 (40 left); B asks 50 → gets 40; C unfunded although 30 would have fitted before
    const { contract, detail } = allocate({
      budget_yuan: 100,
      partial_funding: true,
      criteria: ONE,
      applications,
      reviews: scored,
    });
    expect(contract.funded).toEqual([
      { id: "A", amount_yuan: 60 },
      { id: "B", amount_yuan: 40 },
    ]);
    expect(contract.unfunded).toEqual(["C"]);
    expect(detail.applications.map((each) => each.outcome)).toEqual([
      "funded_in_full",
      "funded_partly",
      "budget_exhausted",
    ]);
  });

  it("funds to the fen: partial funding of 100000.01 after 60000.5", () => {
    // 100000.01 − 60000.50 = 39999.51 for B
    const { contract } = allocate({
      budget_yuan: 100000.01,
      partial_funding: true,
      criteria: ONE,
      applications: [
        { id: "A", requested_yuan: 60000.5, applicant: "x" },
        { id: "B", requested_yuan: 50000, applicant: "y" },
      ],
      reviews: [...panel("A", 90), ...panel("B", 80)],
    });
    expect(contract.funded).toEqual([
      { id: "A", amount_yuan: 60000.5 },
      { id: "B", amount_yuan: 39999.51 },
    ]);
  });

  it("leaves an application with fewer than 3 non-recused reviewers unranked and unfunded", () => {
    // D has 3 reviews but one is a conflict → 2 scoring reviewers; it would have scored 99
    const { contract, detail } = allocate({
      budget_yuan: 1000,
      partial_funding: false,
      criteria: ONE,
      applications: [...applications, { id: "D", requested_yuan: 1, applicant: "x" }],
      reviews: [
        ...scored,
        { reviewer: "r1", application: "D", conflict: false, scores: { c: 99 } },
        { reviewer: "r2", application: "D", conflict: false, scores: { c: 99 } },
        { reviewer: "r3", application: "D", conflict: true },
      ],
    });
    expect(contract.ranking.map((each) => each.id)).toEqual(["A", "B", "C"]);
    expect(contract.unfunded).toEqual(["D"]);
    expect(detail.applications.at(-1)).toMatchObject({ id: "D", outcome: "too_few_reviewers", reviewers: 2 });
  });

  it("breaks ties on the rounded score by the lower request, then the lower id", () => {
    // P: (80 + 80 + 80.01) / 3 = 80.00333… → 80.00 and Q: 80 → 80.00: equal when rounded, so Q's lower request wins
    // although P is higher exactly; R and S tie on score and request → lower id: numbers order numerically (9 before 10)
    const { contract } = allocate({
      budget_yuan: 1000,
      partial_funding: false,
      criteria: ONE,
      applications: [
        { id: "P", requested_yuan: 20, applicant: "x" },
        { id: "Q", requested_yuan: 10, applicant: "x" },
        { id: 10, requested_yuan: 5, applicant: "x" },
        { id: 9, requested_yuan: 5, applicant: "x" },
      ],
      reviews: [
        ...reviews("P", [{ c: 80 }, { c: 80 }, { c: 80.01 }]),
        ...panel("Q", 80),
        ...three(70).map((review) => ({ ...review, application: 10 })),
        ...three(70).map((review) => ({ ...review, application: 9 })),
      ],
    });
    expect(contract.ranking).toEqual([
      { id: "Q", score: 80 },
      { id: "P", score: 80 },
      { id: 9, score: 70 },
      { id: 10, score: 70 },
    ]);
  });
});

describe("fund allocate: malformed input names the item", () => {
  const base = {
    budget_yuan: 100,
    partial_funding: false,
    criteria: ONE,
    applications: [{ id: "a", requested_yuan: 10, applicant: "x" }],
  };
  const message = (input: unknown) => {
    const result = allocateFund(input);
    expect(result.ok).toBe(false);
    return result.ok ? "" : result.error.message;
  };

  it("refuses a score out of range", () => {
    expect(message({ ...base, reviews: reviews("a", [{ c: 101 }]) })).toMatch(
      /reviews\[0\]\.scores\.c.*reviewer "r1", application "a".*101 is outside 0–100/,
    );
    expect(message({ ...base, reviews: reviews("a", [{ c: -1 }]) })).toMatch(/outside 0–100/);
  });

  it("refuses a review of an unknown application", () => {
    expect(message({ ...base, reviews: reviews("zz", [{ c: 1 }]) })).toMatch(
      /reviews\[0\]\.application.*application "zz".*unknown application/,
    );
  });

  it("refuses a missing or unknown criterion", () => {
    expect(message({ ...base, reviews: reviews("a", [{}]) })).toMatch(/no score for criterion "c"/);
    expect(message({ ...base, reviews: reviews("a", [{ c: 1, other: 2 }]) })).toMatch(/unknown criterion "other"/);
  });

  it("refuses amounts with more than 2 decimals, a missing flag, duplicates and zero weights", () => {
    expect(message({ ...base, budget_yuan: 1.005, reviews: [] })).toMatch(/budget_yuan.*more than 2 decimals/);
    expect(message({ ...base, partial_funding: "yes", reviews: [] })).toMatch(/partial_funding/);
    expect(
      message({ ...base, applications: [...base.applications, { id: "a", requested_yuan: 1 }], reviews: [] }),
    ).toMatch(/applications\[1\]\.id.*"a" is listed twice/);
    expect(message({ ...base, criteria: [{ id: "c", weight: 0 }], reviews: [] })).toMatch(/add up to 0/);
    expect(message({ ...base, reviews: [...reviews("a", [{ c: 1 }]), ...reviews("a", [{ c: 2 }])] })).toMatch(
      /reviews\[1\].*second review/,
    );
    expect(message({ ...base, applications: [{ id: "a", requested_yuan: 0 }], reviews: [] })).toMatch(
      /requested_yuan.*above 0/,
    );
  });
});
