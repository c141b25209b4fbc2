// Shapes of the v1 API (docs/api.md). Only what the web app reads is typed; the server owns the rest.

/** A role grant of an account: the role, and the 镇区 or department it is limited to. */
export interface RoleGrant {
  role: string;
  townCode?: string | null;
  departmentCode?: string | null;
}

/** The signed-in account as `/auth/me` returns it. */
export interface SessionUser {
  id: string | number;
  username: string;
  displayName?: string | null;
  roles: RoleGrant[];
  personId?: string | number | null;
}

/** Ability name → allowed; the UI shows navigation and buttons from this map only. */
export type Abilities = Record<string, boolean>;

/** The answer of `/auth/me` and `/auth/login`. */
export interface SessionPayload {
  user: SessionUser;
  abilities: Abilities;
  csrfToken: string;
}

/** One of the 24 镇区. */
export interface Town {
  code: string;
  name: string;
  pinyin: string;
  kind: string;
  centralDistrict: boolean;
}

/** A community (社区/村) of a 镇区. */
export interface Community {
  id: string | number;
  name: string;
  townCode?: string;
  kind?: string;
}

/** A city department. */
export interface Department {
  code: string;
  name: string;
  owns?: string[] | string;
}

/** A person of the registry; idNumber and phone may arrive masked. */
export interface Person {
  id: string | number;
  name: string;
  idNumber: string;
  gender?: "male" | "female" | string | null;
  birthDate?: string | null;
  phone?: string | null;
  townCode: string;
  communityId?: string | number | null;
  address?: string | null;
  hukouType?: "local" | "migrant" | string | null;
  householdId?: string | number | null;
  version?: number;
  createdAt?: string;
  updatedAt?: string;
}

/** A member of a household. */
export interface HouseholdMember {
  personId: string | number;
  name: string;
  relationship: string;
  since?: string | null;
}

/** A household with its members. */
export interface Household {
  id: string | number;
  townCode: string;
  communityId?: string | number | null;
  address: string;
  headPersonId?: string | number | null;
  headName?: string | null;
  /** Masked, in search results. */
  headIdNumber?: string | null;
  members?: HouseholdMember[];
  memberCount?: number;
  version?: number;
}

/** A social organisation, company or public institution (public business data, not masked). */
export interface Organisation {
  id: string;
  name: string;
  kind: "social_organisation" | "company" | "public_institution" | string;
  creditCode?: string | null;
  townCode: string;
  address?: string | null;
  contactPhone?: string | null;
  version: number;
  createdAt?: string;
  updatedAt?: string;
}

/** An account with its role grants (admin view). */
export interface Account {
  id: string | number;
  username: string;
  displayName?: string | null;
  roles: RoleGrant[];
  disabled?: boolean;
  personId?: string | number | null;
  version: number;
  createdAt?: string;
  lockedUntil?: string | null;
}

/** The answer of `/accounts/person-lookup`: the one person with that exact ID number, name masked. */
export interface PersonLookup {
  personId: string;
  maskedName: string;
  linkedAccounts: string[];
}

/** An entry of the hash-chained audit log. */
export interface AuditEntry {
  /** Absent in a record's history, present in the audit log. */
  id?: string | number;
  position: number;
  at: string;
  actorId?: string | null;
  actorUsername?: string | null;
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  townCode?: string | null;
  /** The record before and after the change; absent when the caller may not see the full record. */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Names of the fields that changed (history entries). */
  changedFields?: string[];
  requestId?: string | null;
  hash?: string;
}

/** The answer of `/audit/verify`. */
export interface AuditVerification {
  ok: boolean;
  checked: number;
  problems: { position: number; id: string | number; reason: string }[];
  /** The newest entry as the audit head records it (null when its record is missing). */
  head: { position: number; hash: string } | null;
}

/** A page of a paginated list. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The resident's own record from `/me/profile`. */
export interface Profile {
  person: Person | null;
  household: Household | null;
}
