import { Type, type Static } from "typebox";
import { ImportModeSchema } from "../../platform/imports";

const strict = { additionalProperties: false } as const;

/** Relationships of a member to the household head. */
export const relationships = [
  "head",
  "spouse",
  "child",
  "parent",
  "sibling",
  "grandchild",
  "grandparent",
  "other",
] as const;

/** Path parameter `:id` (a UUID). */
export const IdParams = Type.Object({ id: Type.String({ format: "uuid" }) }, strict);
/** Path parameters of a membership. */
export const MemberParams = Type.Object(
  { id: Type.String({ format: "uuid" }), personId: Type.String({ format: "uuid" }) },
  strict,
);
/** Path parameter `:code` of a town. */
export const TownParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) }, strict);

/**
 * Body of POST /communities/imports: the file's name and its bytes in base64, as CSV (UTF-8 with or without a
 * byte-order mark, or GBK) or as XLSX — exactly one of the two — and the mode (all or nothing by default).
 */
export const CommunitiesImportBody = Type.Object(
  {
    fileName: Type.String({ minLength: 1, maxLength: 200 }),
    csvBase64: Type.Optional(Type.String({ minLength: 1, maxLength: 1_000_000 })),
    xlsxBase64: Type.Optional(Type.String({ minLength: 1, maxLength: 1_000_000 })),
    mode: Type.Optional(ImportModeSchema),
  },
  strict,
);

/** Search query: q with at least 2 characters that are not spaces (a blank q would list the whole scope). */
export const SearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 2, maxLength: 100, pattern: "\\S.*\\S" }),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  strict,
);
export type SearchQuery = Static<typeof SearchQuery>;

const hukouType = Type.Union([Type.Literal("local"), Type.Literal("migrant")]);
const nullableUuid = Type.Union([Type.String({ format: "uuid" }), Type.Null()]);

/** Body of POST /persons. Gender and birth date are read from the ID number. */
export const PersonCreateBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 50 }),
    idNumber: Type.String({ minLength: 1, maxLength: 30 }),
    phone: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Null()])),
    townCode: Type.String({ minLength: 1, maxLength: 40 }),
    communityId: Type.Optional(nullableUuid),
    address: Type.Optional(Type.String({ maxLength: 200 })),
    hukouType,
  },
  strict,
);
export type PersonCreateBody = Static<typeof PersonCreateBody>;

/** Body of PATCH /persons/:id: the version read plus the fields to change. */
export const PersonPatchBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    idNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 30 })),
    phone: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Null()])),
    townCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    communityId: Type.Optional(nullableUuid),
    address: Type.Optional(Type.String({ maxLength: 200 })),
    hukouType: Type.Optional(hukouType),
  },
  strict,
);
export type PersonPatchBody = Static<typeof PersonPatchBody>;

const relationship = Type.Union(relationships.map((value) => Type.Literal(value)));

/** Body of POST /households; the head becomes a member with relationship "head". */
export const HouseholdCreateBody = Type.Object(
  {
    townCode: Type.String({ minLength: 1, maxLength: 40 }),
    communityId: Type.Optional(nullableUuid),
    address: Type.String({ minLength: 1, maxLength: 200 }),
    headPersonId: Type.Optional(nullableUuid),
  },
  strict,
);
export type HouseholdCreateBody = Static<typeof HouseholdCreateBody>;

/** Body of PATCH /households/:id. */
export const HouseholdPatchBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    communityId: Type.Optional(nullableUuid),
    address: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    headPersonId: Type.Optional(nullableUuid),
  },
  strict,
);
export type HouseholdPatchBody = Static<typeof HouseholdPatchBody>;

/** Body of POST /households/:id/members. */
export const MemberAddBody = Type.Object(
  {
    personId: Type.String({ format: "uuid" }),
    relationship,
    since: Type.Optional(Type.String({ format: "date" })),
  },
  strict,
);
export type MemberAddBody = Static<typeof MemberAddBody>;

const organisationKind = Type.Union([
  Type.Literal("social_organisation"),
  Type.Literal("company"),
  Type.Literal("public_institution"),
]);

/** Body of POST /organisations. */
export const OrganisationCreateBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    kind: organisationKind,
    creditCode: Type.Optional(Type.Union([Type.String({ maxLength: 18 }), Type.Null()])),
    townCode: Type.String({ minLength: 1, maxLength: 40 }),
    address: Type.Optional(Type.String({ maxLength: 200 })),
    contactPhone: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Null()])),
  },
  strict,
);
export type OrganisationCreateBody = Static<typeof OrganisationCreateBody>;

/** Body of PATCH /organisations/:id. */
export const OrganisationPatchBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    kind: Type.Optional(organisationKind),
    creditCode: Type.Optional(Type.Union([Type.String({ maxLength: 18 }), Type.Null()])),
    address: Type.Optional(Type.String({ maxLength: 200 })),
    contactPhone: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Null()])),
  },
  strict,
);
export type OrganisationPatchBody = Static<typeof OrganisationPatchBody>;
