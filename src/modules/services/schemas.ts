import { Type, type Static } from "typebox";
import { PaymentFileFormatSchema } from "../../platform/payments/payment-file";

const strict = { additionalProperties: false } as const;
const date = Type.String({ format: "date" });
const yuan = Type.Union([Type.String({ maxLength: 20 }), Type.Number()]);
const score = Type.Number({ description: "0–100, at most 2 decimals" });

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 60 }) }, strict);

export const VendorRegisterBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    creditCode: Type.String({ minLength: 1, maxLength: 30 }),
    legalRepresentative: Type.String({ minLength: 1, maxLength: 60 }),
    townCode: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
    bankAccount: Type.Optional(Type.String({ maxLength: 40, description: "收款账号: 8–30 digits" })),
  },
  strict,
);
export type VendorRegisterBody = Static<typeof VendorRegisterBody>;

/** Body of PUT /services/vendors/:id/bank-account. */
export const VendorBankAccountBody = Type.Object(
  { bankAccount: Type.String({ minLength: 1, maxLength: 40, description: "收款账号: 8–30 digits" }) },
  strict,
);

export const VendorDocumentBody = Type.Object(
  { requirement: Type.String({ maxLength: 60 }), fileId: Type.String({ maxLength: 60 }) },
  strict,
);

export const VendorCheckBody = Type.Object(
  {
    requirement: Type.String({ maxLength: 60 }),
    passed: Type.Boolean(),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  strict,
);

export const QualificationBody = Type.Object(
  { categories: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 }), until: date },
  strict,
);

export const NeedBody = Type.Object(
  {
    departmentCode: Type.String({ maxLength: 60 }),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.String({ maxLength: 5000 }),
    townCode: Type.String({ maxLength: 40 }),
    budgetYuan: yuan,
    periodStart: date,
    periodEnd: date,
    requiredQualifications: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })),
    indicators: Type.Optional(
      Type.Array(
        Type.Object(
          { name: Type.String({ minLength: 1, maxLength: 200 }), target: Type.String({ maxLength: 200 }) },
          strict,
        ),
        { maxItems: 50 },
      ),
    ),
    weights: Type.Optional(
      Type.Object(
        {
          price: Type.Integer({ minimum: 0, maximum: 100 }),
          plan: Type.Integer({ minimum: 0, maximum: 100 }),
          staff: Type.Integer({ minimum: 0, maximum: 100 }),
          past: Type.Integer({ minimum: 0, maximum: 100 }),
        },
        strict,
      ),
    ),
    bidsCloseOn: date,
  },
  strict,
);
export type NeedBody = Static<typeof NeedBody>;

export const BidBody = Type.Object(
  {
    priceYuan: yuan,
    plan: Type.String({ minLength: 1, maxLength: 10000 }),
    team: Type.String({ minLength: 1, maxLength: 5000 }),
  },
  strict,
);

export const ExceptionBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, strict);

export const DeclarationBody = Type.Object(
  {
    conflicts: Type.Array(
      Type.Object(
        { vendorId: Type.String({ maxLength: 60 }), note: Type.Optional(Type.String({ maxLength: 500 })) },
        strict,
      ),
      { maxItems: 100 },
    ),
  },
  strict,
);

export const ScoreBody = Type.Object(
  { bidId: Type.String({ maxLength: 60 }), plan: score, staff: score, past: score },
  strict,
);

export const AwardBody = Type.Object(
  {
    publicityStartOn: Type.Optional(date),
    workingDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 })),
  },
  strict,
);

const IndicatorBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }), target: Type.String({ maxLength: 200 }) },
  strict,
);

export const ContractBody = Type.Object(
  {
    signedOn: Type.Optional(date),
    indicators: Type.Optional(Type.Array(IndicatorBody, { maxItems: 50 })),
    satisfactionThreshold: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    milestones: Type.Array(
      Type.Object({ title: Type.String({ maxLength: 200 }), dueOn: Type.String({ maxLength: 10 }) }, strict),
      { maxItems: 50 },
    ),
  },
  strict,
);

export const ProgressBody = Type.Object(
  {
    milestoneSeq: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
    summary: Type.String({ minLength: 1, maxLength: 5000 }),
    fileIds: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 20 })),
  },
  strict,
);

export const ProgressReviewBody = Type.Object(
  {
    reportId: Type.String({ maxLength: 60 }),
    accepted: Type.Boolean(),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  strict,
);

export const RecommendationBody = Type.Object(
  {
    kind: Type.Union([Type.Literal("assistance"), Type.Literal("other")]),
    subjectName: Type.String({ minLength: 1, maxLength: 120 }),
    townCode: Type.String({ maxLength: 40 }),
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  strict,
);

export const DecisionBody = Type.Object(
  { approved: Type.Boolean(), note: Type.Optional(Type.String({ maxLength: 2000 })) },
  strict,
);

export const SurveyBody = Type.Object(
  {
    closesOn: date,
    questions: Type.Optional(
      Type.Array(
        Type.Object(
          {
            id: Type.String({ pattern: "^[a-z][a-z0-9_]{0,29}$" }),
            text: Type.String({ minLength: 1, maxLength: 200 }),
          },
          strict,
        ),
        { minItems: 1, maxItems: 20 },
      ),
    ),
  },
  strict,
);

export const SurveyAnswerBody = Type.Object(
  { phone: Type.String({ maxLength: 30 }), answers: Type.Record(Type.String({ maxLength: 30 }), Type.Integer()) },
  strict,
);

export const EvaluationBody = Type.Object(
  {
    stage: Type.Union([Type.Literal("mid"), Type.Literal("final")]),
    evaluator: Type.Union([Type.Literal("department"), Type.Literal("third_party")]),
    evaluatorName: Type.String({ minLength: 1, maxLength: 120 }),
    results: Type.Array(
      Type.Object(
        {
          name: Type.String({ maxLength: 200 }),
          actual: Type.String({ maxLength: 200 }),
          met: Type.Boolean(),
          score: Type.Number(),
        },
        strict,
      ),
      { maxItems: 50 },
    ),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  strict,
);

export const ImprovementBody = Type.Object({ action: Type.String({ minLength: 1, maxLength: 2000 }) }, strict);
export const RecommendationQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Union([
        Type.Literal("pending"),
        Type.Literal("approved"),
        Type.Literal("rejected"),
        Type.Literal("forwarded"),
        Type.Literal("accepted"),
        Type.Literal("declined"),
      ]),
    ),
  },
  strict,
);

/** A payment of a contract: a milestone's (after its accepted report) or the final one (after the final evaluation). */
export const ContractPaymentBody = Type.Object(
  {
    stage: Type.Union([Type.Literal("milestone"), Type.Literal("final")]),
    milestoneSeq: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 1000 }), Type.Null()])),
    amountYuan: Type.Optional(yuan),
    paidOn: Type.Optional(date),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  strict,
);

/** Body of POST /services/payment-file: the payments made from `from` to `to` (inclusive), optionally of chosen contracts. */
export const ServicesPaymentFileBody = Type.Object(
  {
    from: date,
    to: date,
    contractIds: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 500 })),
    format: Type.Optional(PaymentFileFormatSchema),
  },
  strict,
);
