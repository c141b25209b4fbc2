import type { ColumnType, Generated } from "kysely";

/** A timestamptz column: read as Date, written as Date or ISO string, defaulted on insert. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A jsonb column holding any JSON value. */
type Json = ColumnType<unknown, string | null, string | null>;

/** The 24 镇区 of Zhongshan (reference data). */
export interface TownsTable {
  code: string;
  name: string;
  pinyin: string;
  kind: string;
  central_district: boolean;
  resident_2021: number | null;
  hukou_2021: number | null;
}

/** City departments that verify points facts (Impl. rules Art. 15). */
export interface DepartmentsTable {
  code: string;
  name: string;
  clause: string;
  owns: ColumnType<string[], string[] | undefined, string[]>;
}

/** Sign-in accounts. */
export interface AccountsTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  person_id: string | null;
  disabled: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Failed sign-ins per (username as typed, client address); see migration 0050. */
export interface LoginThrottlesTable {
  username_key: string;
  address: string;
  failure_count: number;
  window_start: Date;
  blocked_until: Date | null;
}

/** Role grants of an account, each with an optional town or department scope. */
export interface AccountRolesTable {
  account_id: string;
  role: string;
  town_code: string | null;
  department_code: string | null;
}

/** Server-side sessions, keyed by the sha256 of the cookie token. */
export interface SessionsTable {
  token_hash: string;
  account_id: string;
  csrf_token: string;
  created_at: Timestamp;
  /** The absolute end: signed in again after this, however active. */
  expires_at: Date;
  /** Moved on by use (at most once a minute); idle for longer than the idle limit ends the session. */
  last_seen_at: Generated<Date>;
}

/** Stored responses of POST requests sent with an Idempotency-Key; `status_code` null = reserved, still running. */
export interface IdempotencyKeysTable {
  account_id: string;
  key: string;
  method: string;
  path: string;
  status_code: number | null;
  body: Json;
  created_at: Timestamp;
}

/** The columns of an audit entry's content, chained or waiting. */
export interface AuditContentColumns {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_username: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  town_code: string | null;
  before: Json;
  after: Json;
  request_id: string | null;
}

/** The append-only, hash-chained audit log. */
export interface AuditEntriesTable extends AuditContentColumns {
  position: number;
  previous_hash: string;
  hash: string;
  /** HMAC-SHA256 of `hash` with the audit key (kept outside the database); null only on entries not yet sealed. */
  mac: Generated<string | null>;
}

/** An audit entry waiting for its place in the chain (migration 0390; src/platform/audit/audit.pending.ts). */
export interface AuditPendingTable extends AuditContentColumns {
  /** HMAC-SHA256 of the entry's canonical content with the audit key. */
  content_mac: string;
}

export interface AuditHeadTable {
  singleton: Generated<boolean>;
  position: number;
  hash: string;
  updated_at: Generated<Date>;
}

/** Communities (社区/村) inside a 镇区. */
export interface CommunitiesTable {
  id: Generated<string>;
  town_code: string;
  name: string;
  synthetic: Generated<boolean>;
  /** The community's centre on the city grid of points_schools (metres); null until the 镇区 records it. */
  x: number | null;
  y: number | null;
}

/** Registered persons, local or migrant. */
export interface PersonsTable {
  id: Generated<string>;
  name: string;
  id_number: string;
  gender: string;
  birth_date: string;
  phone: string | null;
  town_code: string;
  community_id: string | null;
  address: Generated<string>;
  hukou_type: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Households (户). */
export interface HouseholdsTable {
  id: Generated<string>;
  town_code: string;
  community_id: string | null;
  address: string;
  head_person_id: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Memberships of persons in households; `until` null means current. */
export interface HouseholdMembersTable {
  id: Generated<string>;
  household_id: string;
  person_id: string;
  town_code: string;
  relationship: string;
  since: string;
  until: string | null;
}

/** Social organisations, companies and public institutions. */
export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  kind: string;
  credit_code: string | null;
  town_code: string;
  address: Generated<string>;
  contact_phone: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Applied migrations. */
export interface SchemaMigrationsTable {
  name: string;
  applied_at: Timestamp;
}

/** All tables, for Kysely. */
export interface Database {
  towns: TownsTable;
  departments: DepartmentsTable;
  accounts: AccountsTable;
  account_roles: AccountRolesTable;
  login_throttles: LoginThrottlesTable;
  sessions: SessionsTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_entries: AuditEntriesTable;
  audit_head: AuditHeadTable;
  audit_pending: AuditPendingTable;
  communities: CommunitiesTable;
  persons: PersonsTable;
  households: HouseholdsTable;
  household_members: HouseholdMembersTable;
  organisations: OrganisationsTable;
  schema_migrations: SchemaMigrationsTable;
}
