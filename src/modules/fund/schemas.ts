import { Type } from "typebox";
import { nullable } from "../../platform/http/response-schemas";
import { PaymentFileFormatSchema } from "../../platform/payments/payment-file";

const strict = { additionalProperties: false } as const;
const date = Type.String({ format: "date" });
const yuan = Type.Union([Type.String({ maxLength: 20 }), Type.Number()]);

/** A deadline in working days (1–60). */
const workingDays = Type.Integer({ minimum: 1, maximum: 60 });

const ApplicantType = Type.Union([Type.Literal("town"), Type.Literal("department"), Type.Literal("organisation")]);

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 60 }) }, strict);

export const CallBody = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    budgetYuan: yuan,
    criteria: Type.Optional(
      Type.Array(
        Type.Object(
          {
            id: Type.String({ pattern: "^[a-z][a-z0-9_]{0,39}$" }),
            label: Type.String({ maxLength: 60 }),
            weight: Type.Integer({ minimum: 0, maximum: 100 }),
          },
          strict,
        ),
        { minItems: 1, maxItems: 20 },
      ),
    ),
    partialFunding: Type.Optional(Type.Boolean()),
    startSharePercent: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    applicationsCloseOn: date,
    reviewWorkingDays: Type.Optional(workingDays),
    reportReviewWorkingDays: Type.Optional(workingDays),
    categories: Type.Optional(
      Type.Array(
        Type.Object(
          {
            code: Type.String({ pattern: "^[a-z][a-z0-9_]{0,39}$" }),
            label: Type.String({ maxLength: 60 }),
            budgetYuan: Type.Optional(Type.Union([yuan, Type.Null()])),
          },
          strict,
        ),
        { maxItems: 20 },
      ),
    ),
    eligibleTypes: Type.Optional(Type.Array(ApplicantType, { minItems: 1, maxItems: 3 })),
    eligibleTowns: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 30 })),
  },
  strict,
);

/** Body of PATCH /fund/calls/:id/deadlines: either deadline or both. */
export const DeadlinesBody = Type.Object(
  { reviewWorkingDays: Type.Optional(workingDays), reportReviewWorkingDays: Type.Optional(workingDays) },
  strict,
);

export const ApplicationBody = Type.Object(
  {
    applicantName: Type.String({ minLength: 1, maxLength: 120 }),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    summary: Type.Optional(Type.String({ maxLength: 5000 })),
    requestedYuan: yuan,
    budgetLines: Type.Array(
      Type.Object({ item: Type.String({ minLength: 1, maxLength: 200 }), amountYuan: yuan }, strict),
      {
        maxItems: 100,
      },
    ),
    payeeName: Type.String({ minLength: 1, maxLength: 120 }),
    bankAccount: Type.String({ minLength: 4, maxLength: 40 }),
    applicantType: Type.Optional(ApplicantType),
    townCode: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
    category: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
  },
  strict,
);

export const ConflictBody = Type.Object({ note: Type.Optional(Type.String({ maxLength: 500 })) }, strict);
export const AssignBody = Type.Object(
  { reviewerIds: Type.Array(Type.String({ maxLength: 60 }), { minItems: 1, maxItems: 20 }) },
  strict,
);
export const ScoreBody = Type.Object({ scores: Type.Record(Type.String(), Type.Number()) }, strict);
export const AllocateBody = Type.Object({ publicityStartOn: Type.Optional(date) }, strict);
export const PaymentBody = Type.Object(
  { stage: Type.Union([Type.Literal("start"), Type.Literal("final")]), paidOn: date, amountYuan: Type.Optional(yuan) },
  strict,
);

/** Body of POST /fund/calls/:id/payment-file (default CSV). */
export const PaymentFileBody = Type.Object({ format: Type.Optional(PaymentFileFormatSchema) }, strict);

const Criterion = Type.Object({ id: Type.String(), label: Type.String(), weight: Type.Number() });

export const CallResponse = Type.Object({
  id: Type.String(),
  year: Type.Integer(),
  title: Type.String(),
  budgetYuan: Type.String(),
  criteria: Type.Array(Criterion),
  partialFunding: Type.Boolean(),
  startSharePercent: Type.Integer(),
  applicationsCloseOn: Type.String(),
  reviewWorkingDays: Type.Integer({ description: "working days a reviewer has to score, from the closing day" }),
  reportReviewWorkingDays: Type.Integer({ description: "working days to review a submitted report" }),
  status: Type.String({ description: "open | allocated" }),
  publicityListId: nullable(Type.String()),
  categories: Type.Array(
    Type.Object({ code: Type.String(), label: Type.String(), budgetYuan: nullable(Type.String()) }),
  ),
  eligibleTypes: Type.Array(Type.String({ description: "town | department | organisation" })),
  eligibleTowns: Type.Array(Type.String()),
});
export const CallsResponse = Type.Object({ items: Type.Array(CallResponse) });

export const ApplicationResponse = Type.Object({
  id: Type.String(),
  callId: Type.String(),
  applicantName: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  requestedYuan: Type.String(),
  budgetLines: Type.Array(Type.Object({ item: Type.String(), amountYuan: Type.String() })),
  score: nullable(Type.String()),
  rank: nullable(Type.Integer()),
  outcome: nullable(Type.String()),
  grantedYuan: Type.String(),
  paidYuan: Type.String(),
  category: nullable(Type.String()),
  applicantType: Type.String({ description: "town | department | organisation" }),
  townCode: nullable(Type.String()),
});
export const ApplicationsResponse = Type.Object({ items: Type.Array(ApplicationResponse) });

/** The public result of an allocated call: ranked and unranked applications with grants. */
export const ResultsResponse = Type.Object({
  call: CallResponse,
  items: Type.Array(ApplicationResponse),
});

/**
 * The public results page (创新资金评审结果): every allocated call with its projects, ranked — the applicant
 * organisation, project, category, score, rank, outcome and grant; no payee, bank account, summary or budget lines.
 */
export const PublicResultsResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      year: Type.Integer(),
      title: Type.String(),
      budgetYuan: Type.String(),
      grantedYuan: Type.String({ description: "the sum of the grants" }),
      fundedCount: Type.Integer(),
      applicationCount: Type.Integer(),
      publicityStartOn: nullable(Type.String({ format: "date" })),
      publicityEndOn: nullable(Type.String({ format: "date" })),
      projects: Type.Array(
        Type.Object({
          rank: nullable(Type.Integer()),
          organisation: Type.String(),
          applicantType: Type.String({ description: "town | department | organisation" }),
          townCode: nullable(Type.String()),
          title: Type.String(),
          category: nullable(Type.String()),
          categoryLabel: nullable(Type.String()),
          score: nullable(Type.String()),
          outcome: nullable(Type.String()),
          requestedYuan: Type.String(),
          grantedYuan: Type.String(),
        }),
      ),
    }),
  ),
});

export const ConflictResponse = Type.Object({ applicationId: Type.String(), conflict: Type.Boolean() });
export const ScoredResponse = Type.Object({
  applicationId: Type.String(),
  scores: Type.Record(Type.String(), Type.Number()),
});

export const ReportBody = Type.Object(
  {
    kind: Type.Union([Type.Literal("progress"), Type.Literal("final")]),
    summary: Type.String({ minLength: 1, maxLength: 5000 }),
    spentYuan: Type.Optional(yuan),
    fileIds: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 20 })),
  },
  strict,
);
export const ReportReviewBody = Type.Object(
  {
    reportId: Type.String({ maxLength: 60 }),
    accepted: Type.Boolean(),
    score: Type.Optional(Type.Number()),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  strict,
);

export const ReportResponse = Type.Object({
  id: Type.String(),
  applicationId: Type.String(),
  kind: Type.String({ description: "progress | final" }),
  summary: Type.String(),
  spentYuan: Type.String(),
  fileIds: Type.Array(Type.String()),
  submittedAt: Type.String({ format: "date-time" }),
  status: Type.String({ description: "submitted | accepted | returned" }),
  score: nullable(Type.String()),
  reviewNote: Type.String(),
});

const PaymentResponse = Type.Object({ stage: Type.String(), amountYuan: Type.String(), paidOn: Type.String() });

/** One application with its call, reports and payments (the applicant's own, or officers'). */
export const ApplicationDetailResponse = Type.Object({
  application: ApplicationResponse,
  call: CallResponse,
  reports: Type.Array(ReportResponse),
  payments: Type.Array(PaymentResponse),
});
export const MyApplicationsResponse = Type.Object({ items: Type.Array(ApplicationDetailResponse) });

/** What a reviewer sees: the applications of open calls and those assigned to them, with their own state. */
export const ReviewerWorkResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      application: ApplicationResponse,
      callTitle: Type.String(),
      callStatus: Type.String(),
      criteria: Type.Array(Criterion),
      assigned: Type.Boolean(),
      conflict: Type.Boolean(),
      myScores: nullable(Type.Record(Type.String(), Type.String())),
    }),
  ),
});

export const ReviewersResponse = Type.Object({
  items: Type.Array(Type.Object({ id: Type.String(), username: Type.String(), displayName: Type.String() })),
});

export const AssignmentsResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      applicationId: Type.String(),
      reviewerId: Type.String(),
      reviewerName: Type.String(),
      scored: Type.Boolean(),
    }),
  ),
  conflicts: Type.Array(Type.Object({ applicationId: Type.String(), reviewerId: Type.String() })),
});
