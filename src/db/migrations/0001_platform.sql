-- Platform tables: reference data (towns, departments), accounts, sessions, idempotency, the audit log.

create table towns (
  code text primary key,
  name text not null unique,
  pinyin text not null,
  kind text not null,
  central_district boolean not null,
  resident_2021 integer,
  hukou_2021 integer
);

create table departments (
  code text primary key,
  name text not null unique,
  clause text not null,
  owns text[] not null default '{}'
);

create table accounts (
  id uuid primary key default gen_random_uuid(),
  username text not null unique,
  display_name text not null,
  password_hash text not null,
  person_id uuid,
  disabled boolean not null default false,
  failure_count integer not null default 0,
  failure_window_start timestamptz,
  locked_until timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table account_roles (
  account_id uuid not null references accounts(id) on delete cascade,
  role text not null,
  town_code text references towns(code),
  department_code text references departments(code)
);
create index account_roles_account on account_roles(account_id);

create table sessions (
  token_hash text primary key,
  account_id uuid not null references accounts(id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_account on sessions(account_id);

create table idempotency_keys (
  account_id uuid not null references accounts(id) on delete cascade,
  key text not null,
  method text not null,
  path text not null,
  status_code integer not null,
  body jsonb,
  created_at timestamptz not null default now(),
  primary key (account_id, key)
);

-- The audit log: append-only, hash-chained. Position is dense (1, 2, 3, ...) and assigned under a lock,
-- so a gap means a deleted entry; hash = sha256(canonical content including previous_hash).
create table audit_entries (
  position bigint primary key,
  id uuid not null unique,
  at timestamptz not null,
  actor_id uuid,
  actor_username text,
  action text not null,
  entity_type text not null,
  entity_id text not null,
  town_code text,
  before jsonb,
  after jsonb,
  request_id text,
  previous_hash text not null,
  hash text not null
);
create index audit_entries_entity on audit_entries(entity_type, entity_id);
create index audit_entries_actor on audit_entries(actor_id);
create index audit_entries_action on audit_entries(action);

-- Refuses UPDATE, DELETE and TRUNCATE on the audit log. A superuser can still disable this trigger;
-- `gongzhi audit verify` detects what such a bypass changed.
create function audit_entries_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit entries are append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_entries_append_only before update or delete on audit_entries
  for each row execute function audit_entries_refuse_change();
create trigger audit_entries_no_truncate before truncate on audit_entries
  for each statement execute function audit_entries_refuse_change();
