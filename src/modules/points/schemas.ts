import { Type, type Static } from "typebox";
import { ImportModeSchema } from "../../platform/imports";

const strict = { additionalProperties: false } as const;
const uuid = Type.String({ format: "uuid" });
const date = Type.String({ minLength: 10, maxLength: 10 });

/** Path parameter `:id`. */
export const IdParams = Type.Object({ id: uuid }, strict);
/** Path parameters of a fact. */
export const FactParams = Type.Object({ id: uuid, fact: Type.String({ minLength: 1, maxLength: 60 }) }, strict);

/** Query of GET /points/enrolments: the enrolment of one person. */
export const PersonQuery = Type.Object({ personId: uuid }, strict);

/** Body of the public self-check: 镇区, optional grade and date, facts in the policy vocabulary. */
export const SelfCheckBody = Type.Object(
  {
    town: Type.String({ minLength: 1, maxLength: 40 }),
    grade: Type.Optional(Type.Union([Type.Literal("primary_1"), Type.Literal("junior_1")])),
    date: Type.Optional(date),
    facts: Type.Record(Type.String(), Type.Unknown()),
  },
  strict,
);
export type SelfCheckBody = Static<typeof SelfCheckBody>;

/** Body of POST /points/enrolments. */
export const EnrolBody = Type.Object(
  {
    personId: Type.Optional(uuid),
    residencePermitNumber: Type.String({ minLength: 1, maxLength: 40 }),
    workStartedOn: date,
  },
  strict,
);

/** Body of PUT /points/enrolments/:id/facts/:fact. */
export const FactBody = Type.Object(
  {
    value: Type.Unknown(),
    fileIds: Type.Optional(Type.Array(uuid, { maxItems: 10 })),
    sendToDepartment: Type.Optional(Type.Boolean()),
  },
  strict,
);

/** Body of POST /points/facts/:id/decide. */
export const DecideBody = Type.Object(
  {
    decision: Type.Union([Type.Literal("confirmed"), Type.Literal("corrected"), Type.Literal("rejected")]),
    value: Type.Optional(Type.Unknown()),
    reason: Type.String({ minLength: 1, maxLength: 500 }),
  },
  strict,
);

/** Body of POST /points/enrolments/:id/fraud. */
export const FraudBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000 }) }, strict);

/** Body of POST /points/applications. */
export const ApplicationBody = Type.Object(
  {
    enrolmentId: uuid,
    cycleId: uuid,
    purpose: Type.Union([Type.Literal("school"), Type.Literal("housing"), Type.Literal("hukou")]),
    child: Type.Optional(
      Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 50 }),
          idNumber: Type.String({ minLength: 1, maxLength: 30 }),
          grade: Type.Union([Type.Literal("primary_1"), Type.Literal("junior_1")]),
          attended: Type.Union([Type.Literal("none"), Type.Literal("primary"), Type.Literal("junior")]),
        },
        strict,
      ),
    ),
    communityId: Type.Optional(
      Type.String({ format: "uuid", description: "the community the applicant lives in (school applications)" }),
    ),
    home: Type.Optional(
      Type.Object(
        { x: Type.Number(), y: Type.Number() },
        { ...strict, description: "a position on the city grid (metres), instead of communityId" },
      ),
    ),
    propertyKey: Type.Optional(Type.String({ maxLength: 60 })),
    householdKey: Type.Optional(Type.String({ maxLength: 60 })),
    conditions: Type.Optional(
      Type.Object(
        {
          insurancePaidLastMonth: Type.Optional(Type.Boolean()),
          continuousWorkMonths: Type.Optional(Type.Integer({ minimum: 0, maximum: 1200 })),
          ownsHomeInZhongshan: Type.Optional(Type.Boolean()),
          lastOutOfPolicyBirthOn: Type.Optional(date),
        },
        strict,
      ),
    ),
  },
  strict,
);
export type ApplicationBody = Static<typeof ApplicationBody>;

/** Body of POST /points/deductions. */
export const DeductionBody = Type.Object(
  {
    idNumber: Type.String({ minLength: 1, maxLength: 30 }),
    kind: Type.Union([
      Type.Literal("administrative_detention"),
      Type.Literal("criminal_penalty"),
      Type.Literal("out_of_policy_birth"),
    ]),
    occurredOn: date,
    reference: Type.String({ minLength: 1, maxLength: 200 }),
  },
  strict,
);

/** Body of POST /points/cycles. */
export const CycleBody = Type.Object(
  {
    year: Type.Integer({ minimum: 2014, maximum: 2100 }),
    opensOn: date,
    closesOn: date,
    quotasDueOn: date,
    housingUnits: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
    policyId: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  },
  strict,
);

/** Body of POST /points/cycles/:id/quotas: CSV text, CSV bytes (UTF-8 or GBK) or an XLSX workbook, in base64. */
export const QuotaBody = Type.Object(
  {
    csv: Type.Optional(Type.String({ maxLength: 200_000 })),
    csvBase64: Type.Optional(Type.String({ maxLength: 700_000 })),
    xlsxBase64: Type.Optional(Type.String({ maxLength: 700_000 })),
    mode: Type.Optional(ImportModeSchema),
  },
  strict,
);

/** Body of PUT /points/cycles/:id/schools. */
export const SchoolsBody = Type.Object(
  {
    schools: Type.Array(
      Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 80 }),
          townCode: Type.String({ minLength: 1, maxLength: 40 }),
          grade: Type.Union([Type.Literal("primary_1"), Type.Literal("junior_1")]),
          seats: Type.Integer({ minimum: 0, maximum: 100_000 }),
          x: Type.Number(),
          y: Type.Number(),
          synthetic: Type.Optional(Type.Boolean()),
        },
        strict,
      ),
      { maxItems: 5000 },
    ),
  },
  strict,
);

/** Paging of a run's per-application results in review (`page` from 1; at most 10,000 per page). */
export const RunPageQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  },
  strict,
);
