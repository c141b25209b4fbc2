// Shapes of the v1 API (docs/api.md). Where a route declares a response schema the type is an alias of the generated
// one (web/generated/openapi.ts, `npm run gen:api-types`), so it is written once, on the server.
import type { ApiResponse, ItemOf } from "./schema";

/** The answer of `/auth/me` and `/auth/login`. */
export type SessionPayload = ApiResponse<"/auth/me">;

/** The signed-in account as `/auth/me` returns it. */
export type SessionUser = SessionPayload["user"];

/** A role grant of an account: the role, and the 镇区 or department it is limited to. */
export type RoleGrant = SessionUser["roles"][number];

/** Ability name → allowed; the UI shows navigation and buttons from this map only. */
export type Abilities = SessionPayload["abilities"];

/** One of the 24 镇区. */
export type Town = ItemOf<ApiResponse<"/towns">>;

/** A community (社区/村) of a 镇区. */
export type Community = ItemOf<ApiResponse<"/towns/{code}/communities">>;

/** A city department. */
export type Department = ItemOf<ApiResponse<"/departments">>;

/** A person of the registry (GET /persons/{id}); idNumber and phone may arrive masked. */
export type Person = ApiResponse<"/persons/{id}">;

/** A person as the registry search lists it (GET /persons). */
export type PersonSummary = ItemOf<ApiResponse<"/persons">>;

/** A household with its members (GET /households/{id}). */
export type Household = ApiResponse<"/households/{id}">;

/** A member of a household. */
export type HouseholdMember = Household["members"][number];

/** A household as the registry search lists it (GET /households): the head's name, masked ID number, member count. */
export type HouseholdSummary = ItemOf<ApiResponse<"/households">>;

/** A social organisation, company or public institution (public business data, not masked). */
export type Organisation = ApiResponse<"/organisations/{id}">;

/** An organisation as the search lists it (GET /organisations). */
export type OrganisationSummary = ItemOf<ApiResponse<"/organisations">>;

/** An account with its role grants (admin view). */
export type Account = ItemOf<ApiResponse<"/accounts">>;

/** The answer of `/accounts/person-lookup`: the one person with that exact ID number, name masked. */
export type PersonLookup = ApiResponse<"/accounts/person-lookup">;

/** An entry of a record's history (GET /persons/{id}/history, /households/{id}/history). */
export type HistoryEntry = ItemOf<ApiResponse<"/persons/{id}/history">>;

/** The resident's own record from `/me/profile`. */
export type Profile = ApiResponse<"/me/profile">;

/** An entry of the hash-chained audit log (GET /audit). */
export type AuditEntry = ItemOf<ApiResponse<"/audit">>;

/** The answer of `/audit/verify`. */
export type AuditVerification = ApiResponse<"/audit/verify">;

/** A page of a paginated list. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A publicity list header, points and assistance lists alike (GET /public/publicity/lists). */
export type PublicityList = ItemOf<ApiResponse<"/public/publicity/lists">>;

/** A masked entry of a publicity list (GET /public/publicity/lists/{id}/entries). */
export type PublicityEntry = ItemOf<ApiResponse<"/public/publicity/lists/{id}/entries">>;
