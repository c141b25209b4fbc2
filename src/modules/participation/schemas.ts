import { ImportModeSchema } from "../../platform/imports";
import { Type, type Static } from "typebox";

const strict = { additionalProperties: false } as const;
const date = Type.String({ format: "date" });

/** Path parameter `:code` of a campaign. */
export const CampaignCodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) }, strict);

/** Body of POST /participation/campaigns. */
export const CampaignCreateBody = Type.Object(
  {
    code: Type.String({ minLength: 2, maxLength: 40 }),
    name: Type.String({ minLength: 1, maxLength: 60 }),
    goal: Type.Optional(Type.String({ maxLength: 2000 })),
    startsOn: date,
    endsOn: Type.Optional(Type.Union([date, Type.Null()])),
    departmentCode: Type.String({ minLength: 1, maxLength: 60 }),
  },
  strict,
);
export type CampaignCreateBody = Static<typeof CampaignCreateBody>;

/** Path parameter `:id` (a UUID). */
export const IdParams = Type.Object({ id: Type.String({ format: "uuid" }) }, strict);

const category = Type.Union([
  Type.Literal("general"),
  Type.Literal("anti_drug"),
  Type.Literal("online_civility"),
  Type.Literal("safety_publicity"),
]);

/** Body of POST /participation/activities. */
export const ActivityCreateBody = Type.Object(
  {
    organisationId: Type.String({ format: "uuid" }),
    campaignCode: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
    title: Type.String({ minLength: 1, maxLength: 100 }),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    category,
    place: Type.String({ minLength: 1, maxLength: 200 }),
    townCode: Type.String({ minLength: 1, maxLength: 40 }),
    startsAt: Type.String({ format: "date-time" }),
    endsAt: Type.String({ format: "date-time" }),
    capacity: Type.Integer({ minimum: 1, maximum: 10000 }),
  },
  strict,
);
export type ActivityCreateBody = Static<typeof ActivityCreateBody>;

/** Query of the public activity list. */
export const ActivityListQuery = Type.Object(
  {
    campaign: Type.Optional(Type.String({ maxLength: 40 })),
    town: Type.Optional(Type.String({ maxLength: 40 })),
  },
  strict,
);

/** Body of a check-in or check-out from the list: the time, now when omitted. */
export const CheckTimeBody = Type.Object({ at: Type.Optional(Type.String({ format: "date-time" })) }, strict);

/** Body of a check-in by the token the volunteer shows as a QR code. */
export const TokenCheckInBody = Type.Object({ token: Type.String({ minLength: 10, maxLength: 64 }) }, strict);

/** Body of the confirmation of hours: the hours, or the attended time when omitted. */
export const ConfirmHoursBody = Type.Object(
  { hours: Type.Optional(Type.String({ minLength: 1, maxLength: 10 })) },
  strict,
);

/** Body of a reversal: the hours reversed (all that is left when omitted) and the reason. */
export const ReversalBody = Type.Object(
  {
    hours: Type.Optional(Type.String({ minLength: 1, maxLength: 10 })),
    reason: Type.String({ minLength: 1, maxLength: 500 }),
  },
  strict,
);

/** Body of an import of hours served elsewhere in Guangdong. */
export const LedgerImportBody = Type.Object(
  {
    fileName: Type.String({ minLength: 1, maxLength: 200 }),
    xlsxBase64: Type.String({ minLength: 1, maxLength: 20_000_000 }),
    mode: Type.Optional(ImportModeSchema),
  },
  strict,
);

/** Body of a volunteer's own declaration. */
export const ProfileBody = Type.Object({ partyMember: Type.Boolean() }, strict);

/** Body of adding an organiser account to an organisation. */
export const OrganiserBody = Type.Object({ username: Type.String({ minLength: 1, maxLength: 60 }) }, strict);

/** Path of one organiser of an organisation. */
export const OrganiserParams = Type.Object(
  { id: Type.String({ format: "uuid" }), accountId: Type.String({ format: "uuid" }) },
  strict,
);

/** Query of the organiser-account search: part of a username or display name. */
export const OrganiserAccountQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 60 })) }, strict);

/** Query of the certificate: one year, or all years when omitted. */
export const CertificateQuery = Type.Object(
  { year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) },
  strict,
);
