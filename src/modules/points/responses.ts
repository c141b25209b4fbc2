import { Type } from "typebox";
import { nullable } from "../../platform/http/response-schemas";
import { RowProblemSchema as RowProblemResponse } from "../../platform/imports";
import { ObjectionResponse } from "../../platform/publicity/publicity.schemas";

// Response shapes of the points routes (OpenAPI; Fastify serialises with them, so every field the web app reads
// is listed). Points are numbers exact to the hundredth; dates are YYYY-MM-DD strings, instants ISO strings.

const date = Type.String({ format: "date" });
const instant = Type.String({ format: "date-time" });
const pointsValue = Type.Number({ description: "points, exact to the hundredth" });
const Subscores = Type.Record(Type.String(), pointsValue);
const Purpose = Type.Union([Type.Literal("school"), Type.Literal("housing"), Type.Literal("hukou")]);

/** An enrolment header (ID numbers masked unless the caller sees them in full). */
export const EnrolmentResponse = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  name: Type.String(),
  idNumber: Type.String(),
  townCode: Type.String(),
  residencePermitNumber: nullable(Type.String()),
  workStartedOn: date,
  enrolledOn: date,
  status: Type.String(),
  barredReason: nullable(Type.String()),
  barredOn: nullable(date),
  version: Type.Integer(),
});

/** A declared fact with its evidence and verification state. */
export const FactResponse = Type.Object({
  id: Type.String(),
  enrolmentId: Type.String(),
  fact: Type.String(),
  value: Type.Unknown({ description: "the declared value (its type depends on the fact)" }),
  status: Type.String(),
  departmentCode: nullable(Type.String()),
  fileIds: Type.Array(Type.String()),
  declaredOn: date,
  forwardDue: date,
  sentOn: nullable(date),
  checkDue: nullable(date),
  decidedOn: nullable(date),
  reason: nullable(Type.String()),
  townCode: Type.String(),
  version: Type.Integer(),
});

/** An application's result in a published run (one row of the allocation). */
export const ApplicationResultResponse = Type.Object({
  applicationId: Type.String(),
  purpose: Purpose,
  townCode: Type.String(),
  grade: Type.Optional(Type.String()),
  rank: nullable(Type.Integer()),
  rankScope: nullable(Type.String()),
  outcome: Type.String(),
  round: Type.Optional(Type.Integer()),
  cityRank: Type.Optional(Type.Integer()),
  cityTieBreak: Type.Optional(Type.String()),
  schoolId: Type.Optional(Type.String()),
  distance: Type.Optional(Type.Number()),
  tieBreak: Type.Optional(Type.String()),
});

/** An application with its score. */
export const ApplicationResponse = Type.Object({
  id: Type.String(),
  cycleId: Type.String(),
  enrolmentId: Type.String(),
  personId: Type.String(),
  townCode: Type.String(),
  purpose: Purpose,
  grade: nullable(Type.String()),
  childName: nullable(Type.String()),
  childIdNumber: nullable(Type.String()),
  communityId: nullable(Type.String({ description: "the community the applicant lives in (school applications)" })),
  communityName: nullable(Type.String()),
  propertyKey: nullable(Type.String()),
  conditions: Type.Unknown({ description: "the purpose's declared conditions" }),
  appliedAt: instant,
  status: Type.String(),
  placementRefusedOn: nullable(date),
  total: pointsValue,
  eligible: Type.Boolean(),
  subscores: Subscores,
  policyId: Type.String(),
  version: Type.Integer(),
});

const ScoreHistory = Type.Array(
  Type.Object({ at: instant, total: pointsValue, eligible: Type.Boolean(), reason: Type.String() }),
);
const PublishedResult = nullable(
  Type.Intersect([ApplicationResultResponse, Type.Object({ runId: Type.String(), runStatus: Type.String() })]),
);

/** One explained step of a score: the indicator, its points and the clause (as the self-check shows them). */
const ScoreStep = Type.Object({
  indicator: Type.String(),
  zh: Type.String(),
  en: Type.String(),
  reference: Type.Unknown({ description: "the article of the rules" }),
  facts: Type.Unknown({ description: "the facts the step read" }),
  points: Type.Number({ description: "points, exact to the hundredth" }),
  rule: Type.Unknown({ description: "the rule applied" }),
});

/** An application with its score history, the per-clause breakdown of its current score and its published result. */
export const ApplicationDetailResponse = Type.Intersect([
  ApplicationResponse,
  Type.Object({
    history: ScoreHistory,
    breakdown: Type.Array(ScoreStep, {
      description: "the current score explained step by step from the facts that count (the self-check's steps)",
    }),
    result: PublishedResult,
  }),
]);

/** The whole case file of an enrolment. */
export const CaseFileResponse = Type.Object({
  enrolment: EnrolmentResponse,
  facts: Type.Array(FactResponse),
  applications: Type.Array(ApplicationDetailResponse),
  messages: Type.Array(Type.Object({ at: instant, text: Type.String() })),
  volunteerLedger: Type.Array(
    Type.Object({
      fact: Type.String({ description: "the scorecard fact read from the volunteer-hours ledger" }),
      value: Type.Integer({ description: "whole hours, the fact's value" }),
      hours: Type.String({ description: "the exact net hours, two decimals" }),
      source: Type.String(),
      from: date,
      to: date,
      entries: Type.Array(
        Type.Object({
          id: Type.String(),
          servedOn: date,
          hours: Type.String(),
          category: Type.String(),
          place: Type.String(),
        }),
      ),
    }),
    { description: "the ledger entries behind the volunteer indicators (last five years)" },
  ),
});

/** A verification queue item: the fact with its stage, deadline and whether it is overdue. */
/** An evidence file of a queue item, by its original name. */
const QueueFile = Type.Object({ id: Type.String(), name: Type.String() });
const QueueFact = Type.Intersect([
  FactResponse,
  Type.Object({
    stage: Type.Union([Type.Literal("forward"), Type.Literal("check")]),
    due: nullable(date),
    overdue: Type.Boolean(),
    personName: Type.String({ description: "whose fact: the full name for a clerk of its 镇区, masked otherwise" }),
    files: Type.Array(QueueFile),
  }),
]);
const QueueObjection = Type.Intersect([ObjectionResponse, Type.Object({ files: Type.Array(QueueFile) })]);
/** The verification queue (or the overdue items): facts and objections. */
export const QueueResponse = Type.Object({ facts: Type.Array(QueueFact), objections: Type.Array(QueueObjection) });

/** A reported deduction event. */
export const DeductionResponse = Type.Object({
  id: Type.String(),
  enrolmentId: Type.String(),
  dueOn: date,
  appliedOn: date,
});

/** An application cycle. */
export const CycleResponse = Type.Object({
  id: Type.String(),
  year: Type.Integer(),
  title: Type.String(),
  policyId: Type.String(),
  opensOn: date,
  closesOn: date,
  quotasDueOn: Type.Optional(date),
  housingUnits: Type.Optional(Type.Integer()),
});
/** The cycles, newest first. */
export const CyclesResponse = Type.Object({ items: Type.Array(CycleResponse) });

/** A cycle's quotas and schools. */
export const QuotasResponse = Type.Object({
  quotas: Type.Array(
    Type.Object({
      purpose: Purpose,
      townCode: Type.String(),
      grade: nullable(Type.String()),
      places: Type.Integer(),
      synthetic: Type.Boolean(),
      source: Type.String(),
    }),
  ),
  schools: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      townCode: Type.String(),
      grade: Type.String(),
      seats: Type.Integer(),
      x: Type.Number(),
      y: Type.Number(),
      synthetic: Type.Boolean(),
    }),
  ),
});
/** The answer of a quota import. */
export const QuotaImportResponse = Type.Object({
  imported: Type.Integer(),
  /** The rows left out (mode good_rows): number, column and reason. */
  refused: Type.Array(RowProblemResponse),
});
/** The answer of replacing a cycle's schools. */
export const SchoolsResponse = Type.Object({ schools: Type.Integer() });

const GroupSummary = Type.Object({
  purpose: Purpose,
  townCode: nullable(Type.String()),
  grade: Type.Optional(Type.String()),
  quota: Type.Integer(),
  seats: Type.Optional(Type.Integer()),
  secondRoundCap: Type.Optional(Type.Integer()),
  applications: Type.Integer(),
  eligible: Type.Integer(),
  admitted: Type.Integer(),
  admittedSecondRound: Type.Optional(Type.Integer()),
  forfeited: Type.Integer(),
  propertyRefused: Type.Integer(),
  cutoffTotal: nullable(Type.Number()),
});

const RunHeader = {
  id: Type.String(),
  sequence: Type.Integer(),
  status: Type.String(),
  policyId: Type.String(),
  inputHash: Type.String(),
  resultHash: Type.String(),
  createdAt: instant,
  publishedAt: nullable(instant),
};
/** A cycle's ranking runs, newest first. */
export const RunsResponse = Type.Object({ items: Type.Array(Type.Object(RunHeader)) });
/** A run for review: hashes, counts, summaries and one page of per-application results (no personal data). */
export const RunResponse = Type.Object({
  ...RunHeader,
  cycleId: Type.String(),
  listIds: Type.Array(Type.String()),
  applicationCount: Type.Integer(),
  eligibleCount: Type.Integer(),
  admittedCount: Type.Integer(),
  summaries: Type.Array(GroupSummary),
  hukouSecondRound: Type.Object({
    places: Type.Integer(),
    candidates: Type.Integer(),
    admitted: Type.Integer(),
    cutoffTotal: nullable(Type.Number()),
  }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  applications: Type.Array(ApplicationResultResponse),
});

/** The fact vocabulary of the current policy (for the self-check and the declare form). */
export const FactsVocabularyResponse = Type.Object({
  policyId: Type.String(),
  facts: Type.Array(
    Type.Object({
      name: Type.String(),
      type: Type.String(),
      values: Type.Unknown({ description: "allowed values, or null" }),
      fields: Type.Unknown({ description: "fields of a structured fact, or null" }),
      zh: Type.String(),
      subsetOf: Type.Unknown({ description: "the fact this one is a subset of, or null" }),
    }),
  ),
});

const Outcome = Type.Object({
  purpose: Type.String(),
  policy: Type.String(),
  total: pointsValue,
  threshold: pointsValue,
  eligible: Type.Boolean(),
  subscores: Subscores,
  steps: Type.Array(
    Type.Object({
      indicator: Type.String(),
      zh: Type.String(),
      en: Type.String(),
      reference: Type.Unknown({ description: "the article of the rules" }),
      facts: Type.Unknown({ description: "the facts the step read" }),
      points: pointsValue,
      rule: Type.Unknown({ description: "the rule applied" }),
    }),
  ),
});
/** The self-check: an outcome per purpose; nothing is stored. */
export const SelfCheckResponse = Type.Object({
  policyId: Type.String(),
  date,
  town: Type.String(),
  results: Type.Record(Type.String(), Outcome),
});
