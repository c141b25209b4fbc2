import { Type } from "typebox";
import { nullable, Page } from "../../platform/http/response-schemas";
import { RowProblemSchema } from "../../platform/imports";

// Response shapes of the registry routes (see presenters.ts; docs/api.md). Masked values are still strings.

const timestamp = Type.String({ format: "date-time" });
const date = Type.String({ description: "YYYY-MM-DD" });

/** A person record (idNumber and phone masked for callers without full access). */
export const PersonResponse = Type.Object({
  id: Type.String(),
  name: Type.String(),
  idNumber: Type.String(),
  gender: Type.String(),
  birthDate: date,
  phone: nullable(Type.String()),
  townCode: Type.String(),
  communityId: nullable(Type.String()),
  address: nullable(Type.String()),
  hukouType: Type.String(),
  householdId: nullable(Type.String()),
  version: Type.Integer(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** A person in search results (always masked): the record without address and times. */
export const PersonSummaryResponse = Type.Omit(PersonResponse, ["address", "createdAt", "updatedAt"]);

/** A household with its current members. */
export const HouseholdResponse = Type.Object({
  id: Type.String(),
  townCode: Type.String(),
  communityId: nullable(Type.String()),
  address: Type.String(),
  headPersonId: nullable(Type.String()),
  members: Type.Array(
    Type.Object({
      personId: Type.String(),
      name: Type.String(),
      idNumber: Type.String(),
      relationship: Type.String(),
      since: nullable(date),
    }),
  ),
  version: Type.Integer(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** A household in search results. */
export const HouseholdSummaryResponse = Type.Object({
  id: Type.String(),
  townCode: Type.String(),
  communityId: nullable(Type.String()),
  address: Type.String(),
  headName: nullable(Type.String()),
  headIdNumber: nullable(Type.String()),
  memberCount: Type.Integer(),
});

/** A social organisation or company. */
export const OrganisationResponse = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  creditCode: nullable(Type.String()),
  townCode: Type.String(),
  address: nullable(Type.String()),
  contactPhone: nullable(Type.String()),
  version: Type.Integer(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const Label = Type.Object({ zh: Type.String(), en: Type.String() });

/** A record's history: its audit entries, newest first (before/after only for callers who see full data). */
export const HistoryResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      position: Type.Integer(),
      at: timestamp,
      action: Type.String(),
      actorUsername: nullable(Type.String()),
      changedFields: Type.Array(Type.String()),
      before: Type.Optional(Type.Unknown()),
      after: Type.Optional(Type.Unknown()),
      summary: Label,
      changes: Type.Array(
        Type.Object({ field: Type.String(), label: Label, before: nullable(Label), after: nullable(Label) }),
        { description: "the recorded fields with labels; values only for callers who see the full record" },
      ),
    }),
  ),
});

/** The 24 镇区. */
export const TownsResponse = Type.Array(
  Type.Object({
    code: Type.String(),
    name: Type.String(),
    pinyin: Type.String(),
    kind: Type.String(),
    centralDistrict: Type.Boolean(),
  }),
);

/** Communities of a 镇区. */
export const CommunitiesResponse = Type.Array(
  Type.Object({
    id: Type.String(),
    townCode: Type.String(),
    name: Type.String(),
    synthetic: Type.Boolean(),
    located: Type.Boolean({ description: "its centre is recorded, so a school application may name it" }),
  }),
);

/** What a communities import did: rows written (added, corrected), how many have a centre, every bad row. */
export const CommunitiesImportResponse = Type.Object({
  fileName: Type.String(),
  rows: Type.Integer({ description: "good rows written" }),
  created: Type.Integer({ description: "communities added" }),
  updated: Type.Integer({ description: "known communities given the position in the file" }),
  located: Type.Integer({ description: "rows with a centre (x and y)" }),
  refused: Type.Array(RowProblemSchema, { description: "every bad row (good_rows mode), not imported" }),
});

/** City departments and the facts each owns. */
export const DepartmentsResponse = Type.Array(
  Type.Object({
    code: Type.String(),
    name: Type.String(),
    clause: nullable(Type.String()),
    owns: Type.Array(Type.String()),
  }),
);

/** A resident's own record and household (unmasked). */
export const ProfileResponse = Type.Object({ person: PersonResponse, household: nullable(HouseholdResponse) });

/** Search answers. */
export const PersonPage = Page(PersonSummaryResponse);
export const HouseholdPage = Page(HouseholdSummaryResponse);
export const OrganisationPage = Page(OrganisationResponse);
