/** Response schemas of the policy screens (OpenAPI, and the serialiser: every field the web app reads). */
import { Type } from "typebox";
import { nullable } from "../../platform/http/response-schemas";

const Title = Type.Object({ zh: Type.String(), en: Type.String() });
const PolicyStatus = Type.Union([
  Type.Literal("draft"),
  Type.Literal("approved"),
  Type.Literal("active"),
  Type.Literal("superseded"),
]);

/** A version in the list: id, title, state, period, legal document, the people behind it. */
const summaryProperties = {
  id: Type.String(),
  family: Type.String(),
  title: Title,
  status: PolicyStatus,
  effectiveFrom: Type.String({ format: "date" }),
  effectiveTo: nullable(Type.String({ format: "date" })),
  reference: Type.String({ description: "the legal document the version cites, e.g. 中府〔2014〕106号" }),
  goldenTests: Type.Integer({ description: "how many golden cases the version has" }),
  author: nullable(Type.String({ description: "who drafted it on the screen, by username (null: written as a file)" })),
  authorName: nullable(Type.String({ description: "the drafter's display name" })),
  approvedBy: nullable(Type.String({ description: "who approved it, by username" })),
  approvedByName: nullable(Type.String({ description: "the approver's display name" })),
  activatedBy: nullable(Type.String({ description: "who activated it, by username" })),
  activatedByName: nullable(Type.String({ description: "the activator's display name" })),
};
export const VersionSummary = Type.Object(summaryProperties);

export const VersionListResponse = Type.Object({
  items: Type.Array(VersionSummary),
  /** Folders that do not load (a broken file) with the loader's message. */
  problems: Type.Array(Type.String()),
});

const Indicator = Type.Object({
  id: Type.String(),
  zh: Type.String(),
  en: Type.String(),
  reference: Type.String({ description: "the clause (document + annex item)" }),
  section: Type.String(),
  kind: Type.String(),
  subscore: nullable(Type.String()),
  purposes: Type.Array(Type.String()),
  points: nullable(Type.Number()),
  valuePoints: nullable(Type.Array(Type.Object({ value: Type.String(), points: Type.Number() }))),
  tiers: nullable(Type.Array(Type.Object({ from: Type.Number(), points: Type.Number() }))),
  unit: nullable(Type.Number()),
  cap: nullable(Type.Number()),
  expression: nullable(Type.String()),
});

/** A version with its purposes, sub-scores and scorecard rows (points in decimal points). */
export const VersionDetail = Type.Object({
  ...summaryProperties,
  purposes: Type.Array(
    Type.Object({
      name: Type.String(),
      zh: Type.String(),
      en: Type.String(),
      threshold: Type.Number(),
      reference: Type.String(),
    }),
  ),
  subscores: Type.Array(Type.Object({ id: Type.String(), zh: Type.String(), en: Type.String() })),
  multiplier: nullable(
    Type.Object({ factor: Type.Number(), zh: Type.String(), en: Type.String(), reference: Type.String() }),
  ),
  indicators: Type.Array(Indicator),
});

/** The answer of an activation: the version now in force and those it superseded. */
export const ActivationResponse = Type.Object({ activated: VersionSummary, superseded: Type.Array(VersionSummary) });

/** The golden tests of a version, run now: each case with pass/fail and its differences in both languages. */
export const GoldenRunResponse = Type.Object({
  versionId: Type.String(),
  passed: Type.Integer(),
  failed: Type.Integer(),
  cases: Type.Array(
    Type.Object({
      name: Type.String(),
      file: Type.String(),
      purpose: nullable(Type.String()),
      purposeZh: nullable(Type.String()),
      town: nullable(Type.String()),
      date: nullable(Type.String()),
      passed: Type.Boolean(),
      failures: Type.Array(Type.Object({ zh: Type.String(), en: Type.String() })),
    }),
  ),
});

const VersionRef = Type.Object({ id: Type.String(), zh: Type.String(), en: Type.String() });

/** A finished simulation: totals, movement per 镇区, eligibility per purpose, and every applicant who moves. */
export const SimulationResponse = Type.Object({
  jobId: Type.String(),
  draft: VersionRef,
  baseline: VersionRef,
  cycle: nullable(Type.Object({ id: Type.String(), year: Type.Integer(), title: Type.String() })),
  date: nullable(Type.String()),
  applicants: Type.Integer(),
  scored: Type.Integer(),
  refused: Type.Object({ draft: Type.Integer(), baseline: Type.Integer(), examples: Type.Array(Type.String()) }),
  ignoredFacts: Type.Object({ draft: Type.Array(Type.String()), baseline: Type.Array(Type.String()) }),
  gained: Type.Integer(),
  lost: Type.Integer(),
  unchanged: Type.Integer(),
  towns: Type.Array(
    Type.Object({
      townCode: Type.String(),
      townName: Type.String(),
      scored: Type.Integer(),
      gained: Type.Integer(),
      lost: Type.Integer(),
      unchanged: Type.Integer(),
      totalChange: Type.Number(),
      averageChange: Type.Number(),
      eligibleBefore: Type.Integer(),
      eligibleAfter: Type.Integer(),
    }),
  ),
  purposes: Type.Array(
    Type.Object({
      purpose: Type.String(),
      zh: Type.String(),
      eligibleBefore: Type.Integer(),
      eligibleAfter: Type.Integer(),
    }),
  ),
  movers: Type.Array(
    Type.Object({
      applicationId: Type.String(),
      name: Type.String({ description: "masked (张*明)" }),
      purpose: Type.String(),
      townCode: Type.String(),
      baseline: Type.Number(),
      draft: Type.Number(),
      change: Type.Number(),
      eligibleBefore: Type.Boolean(),
      eligibleAfter: Type.Boolean(),
    }),
  ),
});
