import { Type } from "typebox";
import { nullable } from "../../platform/http/response-schemas";

// Response shapes of the assistance routes (OpenAPI; Fastify serialises with them, so every field the web app
// reads is listed). Money leaves as yuan strings with two decimals ("1234.50"); dates as YYYY-MM-DD.

const date = Type.String({ format: "date" });
const instant = Type.String({ format: "date-time" });
const month = Type.String({ description: "YYYY-MM" });
const yuan = Type.String({ description: "yuan with two decimals, e.g. 1234.50" });

/** A case with its members, eligibility, deadlines and timeline. */
export const CaseResponse = Type.Object({
  id: Type.String(),
  number: Type.String(),
  householdId: Type.String(),
  townCode: Type.String(),
  communityId: nullable(Type.String()),
  channel: Type.Union([Type.Literal("online"), Type.Literal("counter")]),
  state: Type.String(),
  workCapacity: Type.Union([Type.Literal("none"), Type.Literal("partial"), Type.Literal("able")]),
  seriousIllness: Type.Boolean(),
  assetsYuan: yuan,
  secondHome: Type.Boolean(),
  vehicle: Type.Boolean(),
  payeeName: Type.String(),
  bankAccount: Type.String({ description: "masked (****1234) unless the caller sees the case in full" }),
  members: Type.Array(
    Type.Object({
      personId: Type.String(),
      name: nullable(Type.String()),
      idNumber: nullable(Type.String()),
      birthDate: nullable(date),
      relationship: Type.String(),
      monthlyIncomeYuan: yuan,
      categories: Type.Array(Type.String()),
    }),
  ),
  householdIncomeYuan: yuan,
  eligibility: Type.Object({
    month,
    eligible: Type.Boolean(),
    totalYuan: yuan,
    dibaoYuan: yuan,
    supplementYuan: yuan,
    reasons: Type.Array(
      Type.Object({
        rule: Type.String(),
        message: Type.String(),
        reference: Type.Optional(Type.String()),
        referenceZh: Type.Optional(Type.String({ description: "the policy reference in Chinese" })),
      }),
    ),
    steps: Type.Array(
      Type.Object(
        {
          key: Type.String(),
          zh: Type.String(),
          en: Type.String(),
          value: Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]),
          reference: Type.Optional(Type.String()),
          referenceZh: Type.Optional(Type.String({ description: "the policy reference in Chinese" })),
          shown: Type.Optional(
            Type.Object(
              { zh: Type.String(), en: Type.String() },
              { description: "the value in words when it is a code (the formula, the price-linkage version)" },
            ),
          ),
        },
        { description: "an explanation step of the rules engine (zh/en labels, its value, the policy reference)" },
      ),
    ),
  }),
  deadlines: Type.Object({
    submittedOn: date,
    townOpinionDueOn: date,
    publicityStartOn: nullable(date),
    publicityEndOn: nullable(date),
    decisionDueOn: nullable(date),
    appealDueOn: nullable(date),
    nextReviewOn: nullable(date),
  }),
  publicityListId: nullable(Type.String()),
  decision: nullable(Type.Union([Type.Literal("approved"), Type.Literal("refused")])),
  decidedOn: nullable(date),
  decisionLate: Type.Boolean(),
  decisionReason: nullable(Type.String()),
  startMonth: nullable(month),
  stopMonth: nullable(month),
  revision: Type.Integer(),
  version: Type.Integer(),
  timeline: Type.Array(
    Type.Object({
      id: Type.String({ description: "the event's id" }),
      kind: Type.String(),
      onDate: date,
      details: Type.Record(Type.String(), Type.Unknown(), {
        description: "what the step recorded (its shape depends on the kind)",
      }),
      fileIds: Type.Array(Type.String()),
      actorUsername: nullable(Type.String()),
      actorName: nullable(Type.String({ description: "the actor's display name" })),
      createdAt: instant,
    }),
  ),
});

/** A page of cases in the caller's scope. */
export const CasePage = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      number: Type.String(),
      townCode: Type.String(),
      state: Type.String(),
      payeeName: Type.String(),
      members: Type.Integer(),
      totalYuan: yuan,
      submittedOn: date,
      townOpinionDueOn: date,
      decisionDueOn: nullable(date),
      decision: nullable(Type.Union([Type.Literal("approved"), Type.Literal("refused")])),
      decisionLate: Type.Boolean(),
      nextReviewOn: nullable(date),
    }),
  ),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

/** The resident's own household's cases. */
export const MyCasesResponse = Type.Object({ items: Type.Array(CaseResponse) });

const TownTotals = Type.Object({
  townCode: Type.String(),
  households: Type.Integer(),
  persons: Type.Integer(),
  dibaoYuan: yuan,
  supplementYuan: yuan,
  priceSubsidyYuan: yuan,
  adjustmentYuan: yuan,
  totalYuan: yuan,
});

const payrollFields = {
  month,
  status: Type.String(),
  basis: Type.Unknown({ description: "what the month's lines were computed from" }),
  households: Type.Integer(),
  persons: Type.Integer(),
  lines: Type.Integer(),
  categories: Type.Object({ dibaoYuan: yuan, supplementYuan: yuan, priceSubsidyYuan: yuan, adjustmentYuan: yuan }),
  totalYuan: yuan,
  towns: Type.Array(TownTotals),
  runBy: nullable(Type.String()),
  runAt: instant,
  approvedBy: nullable(Type.String()),
  approvedAt: nullable(instant),
  exportedAt: nullable(instant),
  version: Type.Integer(),
};
/** A payroll with totals per 镇区 and per category. */
export const PayrollResponse = Type.Object(payrollFields);
/** A payroll just run (201) or run again (200). */
export const PayrollRunResponse = Type.Object({ ...payrollFields, created: Type.Boolean() });
/** The payrolls. */
export const PayrollsResponse = Type.Object({ items: Type.Array(PayrollResponse) });
/** A cancelled payroll. */
export const PayrollCancelledResponse = Type.Object({ month, status: Type.Literal("cancelled") });
/** A page of a payroll's lines (bank accounts masked). */
export const PayrollLinesResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      caseId: Type.String(),
      kind: Type.String(),
      forMonth: month,
      townCode: Type.String(),
      members: Type.Integer(),
      standardYuan: yuan,
      dibaoYuan: yuan,
      supplementYuan: yuan,
      priceSubsidyYuan: yuan,
      totalYuan: yuan,
      payeeName: Type.String(),
      bankAccount: Type.String(),
    }),
  ),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

/** The CPI figures recorded, newest first. */
export const CpiListResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      month,
      cpiPercent: nullable(Type.String()),
      foodPercent: nullable(Type.String()),
      releasedOn: date,
      synthetic: Type.Boolean(),
      recordedBy: nullable(Type.String()),
      recordedAt: instant,
      triggered: Type.Boolean(),
      subsidyDueOn: nullable(date),
      coveredHouseholds: Type.Integer(),
      coveredPersons: Type.Integer(),
      subsidyYuan: yuan,
      version: Type.Integer(),
    }),
  ),
});
/** What recording a month's CPI triggered. */
export const CpiOutcomeResponse = Type.Object({
  month,
  triggered: Type.Boolean(),
  active: Type.Boolean(),
  dueOn: nullable(date),
  coveredHouseholds: Type.Integer(),
  coveredPersons: Type.Integer(),
  subsidyYuan: yuan,
});

/** Totals of a simulation (whole caseload or one 镇区); amounts in fen per month. */
const simulationTotals = {
  households: Type.Integer(),
  affected: Type.Integer(),
  gainers: Type.Integer(),
  losers: Type.Integer(),
  newlyEligible: Type.Integer(),
  noLongerEligible: Type.Integer(),
  baselineCostFen: Type.Integer(),
  draftCostFen: Type.Integer(),
  differenceFen: Type.Integer(),
};

/** The standards, newest first. */
export const StandardsResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      effectiveFrom: month,
      standardYuan: yuan,
      supplementYuan: yuan,
      status: Type.String(),
      basis: Type.Object(
        {
          previousFen: Type.Integer(),
          computedFen: Type.Integer(),
          perCapitaConsumptionYuan: Type.String(),
          reference: Type.Optional(Type.String()),
        },
        { description: "the basis of the proposal: the previous and computed standard (fen per month)" },
      ),
      simulation: nullable(
        Type.Object(
          {
            ...simulationTotals,
            month,
            byTown: Type.Array(Type.Object({ town: Type.String(), ...simulationTotals })),
            invalid: Type.Array(Type.Unknown({ description: "a case that could not be computed, with its refusal" })),
          },
          { description: "the simulation of the proposal's effect on the caseload (amounts in fen per month)" },
        ),
      ),
      decisionReason: nullable(Type.String()),
      version: Type.Integer(),
      createdAt: instant,
    }),
  ),
});
/** The id of a proposed standard. */
export const StandardCreatedResponse = Type.Object({ id: Type.String() });
/** A step done. */
export const OkResponse = Type.Object({ ok: Type.Boolean() });

/** A referral (转介) from another module: where it came from, whom it concerns, and its decision. */
export const ReferralResponse = Type.Object({
  id: Type.String(),
  sourceModule: Type.String({ description: "the forwarding module, e.g. services" }),
  sourceId: Type.String({ description: "its record, e.g. the services recommendation" }),
  sourceContractId: nullable(Type.String()),
  sourceName: Type.String({ description: "who recommended it (the vendor's name)" }),
  subjectName: Type.String(),
  subjectPersonId: nullable(Type.String()),
  townCode: Type.String(),
  reason: Type.String(),
  status: Type.Union([Type.Literal("pending"), Type.Literal("accepted"), Type.Literal("declined")]),
  receivedOn: date,
  dueOn: Type.String({ format: "date", description: "accept or decline by this date (10 working days)" }),
  receivedAt: instant,
  caseId: nullable(Type.String()),
  caseNumber: nullable(Type.String()),
  decidedAt: nullable(instant),
  decisionNote: Type.String(),
});
export const ReferralsResponse = Type.Object({ items: Type.Array(ReferralResponse) });
