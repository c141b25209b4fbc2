/** TypeBox shapes of the assistance API (request bodies, params, queries). Amounts are yuan as strings or numbers, parsed exactly to fen. */
import { Type, type Static } from "typebox";

const strict = { additionalProperties: false } as const;
const date = Type.String({ format: "date" });
const month = Type.String({ pattern: "^\\d{4}-(0[1-9]|1[0-2])$" });
/** Yuan as a string ("1200.50") or a number; parsed exactly, never through binary floating point arithmetic. */
const yuan = Type.Union([Type.String({ maxLength: 20 }), Type.Number()]);
const fileIds = Type.Optional(Type.Array(Type.String({ format: "uuid" }), { maxItems: 20 }));
const text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });

/** Path parameter `:id`. */
export const IdParams = Type.Object({ id: Type.String({ format: "uuid" }) }, strict);
/** Path parameter `:month`. */
export const MonthParams = Type.Object({ month }, strict);

const member = Type.Object(
  {
    personId: Type.String({ format: "uuid" }),
    monthlyIncomeYuan: yuan,
    categories: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10 })),
  },
  strict,
);

/** Body of POST /assistance/cases (a resident for their own household, or a clerk at the counter). */
export const CaseCreateBody = Type.Object(
  {
    householdId: Type.String({ format: "uuid" }),
    workCapacity: Type.Union([Type.Literal("none"), Type.Literal("partial"), Type.Literal("able")]),
    seriousIllness: Type.Optional(Type.Boolean()),
    assetsYuan: yuan,
    secondHome: Type.Optional(Type.Boolean()),
    vehicle: Type.Optional(Type.Boolean()),
    bankAccount: Type.String({ pattern: "^[0-9]{12,30}$" }),
    payeeName: Type.Optional(text(50)),
    members: Type.Array(member, { minItems: 1, maxItems: 20 }),
    submittedOn: Type.Optional(date),
    fileIds,
  },
  strict,
);
export type CaseCreateBody = Static<typeof CaseCreateBody>;

const visit = Type.Object({ by: text(50), on: date, findings: text(2000) }, strict);

/** Body of POST /cases/:id/investigation: home visit, neighbour visits, data checks (who, when, findings). */
export const InvestigationBody = Type.Object(
  {
    homeVisit: visit,
    neighbourVisits: Type.Array(visit, { maxItems: 10 }),
    dataChecks: Type.Array(Type.Object({ source: text(100), on: date, findings: text(2000) }, strict), {
      maxItems: 20,
    }),
    fileIds,
  },
  strict,
);
export type InvestigationBody = Static<typeof InvestigationBody>;

/** Body of POST /cases/:id/appraisal: the democratic appraisal's attendance, votes and minutes. */
export const AppraisalBody = Type.Object(
  {
    heldOn: date,
    members: Type.Integer({ minimum: 1, maximum: 500 }),
    present: Type.Integer({ minimum: 0, maximum: 500 }),
    agree: Type.Integer({ minimum: 0, maximum: 500 }),
    minutes: text(5000),
    fileIds,
  },
  strict,
);
export type AppraisalBody = Static<typeof AppraisalBody>;

/** Body of POST /cases/:id/town-opinion. */
export const TownOpinionBody = Type.Object({ givenOn: date, recommend: Type.Boolean(), opinion: text(2000) }, strict);
export type TownOpinionBody = Static<typeof TownOpinionBody>;

/** Body of POST /cases/:id/publicity. */
export const PublicityBody = Type.Object({ startOn: date }, strict);
export type PublicityBody = Static<typeof PublicityBody>;

/** Body of POST /cases/:id/decision: approve or refuse (a refusal needs a written reason), with the version read. */
export const DecisionBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    decision: Type.Union([Type.Literal("approved"), Type.Literal("refused")]),
    decidedOn: date,
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  strict,
);
export type DecisionBody = Static<typeof DecisionBody>;

/** Body of POST /cases/:id/appeal. */
export const AppealBody = Type.Object({ filedOn: date, reason: text(2000, 5), fileIds }, strict);
export type AppealBody = Static<typeof AppealBody>;

/** Body of POST /cases/:id/appeal-decision. */
export const AppealDecisionBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    outcome: Type.Union([Type.Literal("granted"), Type.Literal("dismissed")]),
    decidedOn: date,
    reason: text(2000, 5),
  },
  strict,
);
export type AppealDecisionBody = Static<typeof AppealDecisionBody>;

/** Body of POST /cases/:id/changes: a resident or clerk reports a change in the household. */
export const ChangeReportBody = Type.Object(
  {
    kind: Type.Union([
      Type.Literal("employment"),
      Type.Literal("birth"),
      Type.Literal("death"),
      Type.Literal("income"),
      Type.Literal("other"),
    ]),
    happenedOn: date,
    description: text(2000),
    fileIds,
  },
  strict,
);
export type ChangeReportBody = Static<typeof ChangeReportBody>;

/** Body of POST /cases/:id/reviews: the periodic review's findings. */
export const ReviewBody = Type.Object({ reviewedOn: date, findings: text(2000), fileIds }, strict);
export type ReviewBody = Static<typeof ReviewBody>;

/** Body of POST /cases/:id/adjustments: new members/incomes/assets from a month, with the reason the household receives. */
export const AdjustmentBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    fromMonth: month,
    reason: text(2000, 5),
    members: Type.Array(member, { minItems: 1, maxItems: 20 }),
    assetsYuan: yuan,
    workCapacity: Type.Optional(Type.Union([Type.Literal("none"), Type.Literal("partial"), Type.Literal("able")])),
    seriousIllness: Type.Optional(Type.Boolean()),
  },
  strict,
);
export type AdjustmentBody = Static<typeof AdjustmentBody>;

/** Body of POST /cases/:id/stop. */
export const StopBody = Type.Object(
  { version: Type.Integer({ minimum: 1 }), fromMonth: month, reason: text(2000, 5) },
  strict,
);
export type StopBody = Static<typeof StopBody>;

/** Body of POST /cases/:id/fraud: stop, recover what was paid since a month, fine 1–3 times it. */
export const FraudBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    fraudSince: month,
    fromMonth: month,
    fineMultiple: Type.Union([Type.Literal(1), Type.Literal(1.5), Type.Literal(2), Type.Literal(2.5), Type.Literal(3)]),
    reason: text(2000, 5),
  },
  strict,
);
export type FraudBody = Static<typeof FraudBody>;

/** Query of GET /assistance/cases. */
export const CaseListQuery = Type.Object(
  {
    state: Type.Optional(Type.String({ maxLength: 20 })),
    townCode: Type.Optional(Type.String({ maxLength: 40 })),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    overdue: Type.Optional(Type.Boolean()),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  strict,
);
export type CaseListQuery = Static<typeof CaseListQuery>;

/** Body of PUT /assistance/cpi/:month: year-on-year percent rises (e.g. "3.6"), the release date. */
export const CpiBody = Type.Object(
  {
    cpiPercent: Type.Union([Type.String({ maxLength: 10 }), Type.Number(), Type.Null()]),
    foodPercent: Type.Union([Type.String({ maxLength: 10 }), Type.Number(), Type.Null()]),
    releasedOn: date,
    synthetic: Type.Optional(Type.Boolean()),
  },
  strict,
);
export type CpiBody = Static<typeof CpiBody>;

/** Body of POST /assistance/payrolls. */
export const PayrollRunBody = Type.Object({ month }, strict);
/** Body of POST /assistance/payrolls/:month/approval. */
export const PayrollApproveBody = Type.Object({ version: Type.Integer({ minimum: 1 }) }, strict);
/** Body of POST /assistance/payrolls/:month/cancellation: the version read and why the payroll is cancelled. */
export const PayrollCancelBody = Type.Object({ version: Type.Integer({ minimum: 1 }), reason: text(2000, 2) }, strict);
/** Body of POST /assistance/payrolls/:month/bank-file. */
export const BankFileBody = Type.Object(
  { format: Type.Optional(Type.Union([Type.Literal("csv"), Type.Literal("xlsx")])) },
  strict,
);
/** Query of GET /assistance/payrolls/:month/lines. */
export const PayrollLinesQuery = Type.Object(
  {
    townCode: Type.Optional(Type.String({ maxLength: 40 })),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  strict,
);

/** Body of POST /assistance/standards: a proposal by the natural-growth rule. */
export const StandardProposeBody = Type.Object(
  {
    effectiveFrom: date,
    perCapitaConsumptionYuan: yuan,
    simulateMonth: Type.Optional(month),
  },
  strict,
);
export type StandardProposeBody = Static<typeof StandardProposeBody>;

/** Body of POST /assistance/standards/:id/decision. */
export const StandardDecisionBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    decision: Type.Union([Type.Literal("approved"), Type.Literal("rejected")]),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  strict,
);
export type StandardDecisionBody = Static<typeof StandardDecisionBody>;

/** Query of GET /assistance/referrals. */
export const ReferralListQuery = Type.Object(
  {
    status: Type.Optional(Type.Union([Type.Literal("pending"), Type.Literal("accepted"), Type.Literal("declined")])),
  },
  strict,
);

/** Body of POST /assistance/referrals/:id/case-link: a case of the referral's 镇区 already open. */
export const ReferralLinkBody = Type.Object(
  { caseNumber: Type.String({ minLength: 1, maxLength: 30 }), note: Type.Optional(Type.String({ maxLength: 500 })) },
  strict,
);
export type ReferralLinkBody = Static<typeof ReferralLinkBody>;

/** Body of POST /assistance/referrals/:id/decline: the reason the source receives. */
export const ReferralDeclineBody = Type.Object({ reason: Type.String({ maxLength: 500 }) }, strict);
export type ReferralDeclineBody = Static<typeof ReferralDeclineBody>;
