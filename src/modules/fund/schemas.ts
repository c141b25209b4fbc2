import { Type } from "typebox";
import { nullable } from "../../platform/http/response-schemas";

const strict = { additionalProperties: false } as const;
const date = Type.String({ format: "date" });
const yuan = Type.Union([Type.String({ maxLength: 20 }), Type.Number()]);

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
  },
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
  status: Type.String(),
  publicityListId: nullable(Type.String()),
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
});
export const ApplicationsResponse = Type.Object({ items: Type.Array(ApplicationResponse) });

/** The public result of an allocated call: ranked and unranked applications with grants. */
export const ResultsResponse = Type.Object({
  call: CallResponse,
  items: Type.Array(ApplicationResponse),
});

export const ConflictResponse = Type.Object({ applicationId: Type.String(), conflict: Type.Boolean() });
export const ScoredResponse = Type.Object({
  applicationId: Type.String(),
  scores: Type.Record(Type.String(), Type.Number()),
});
