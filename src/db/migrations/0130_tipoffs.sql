-- Tip-offs (线索举报) and Open311: categories with their handling department, reports with a receipt code
-- (only its sha256 is stored), the reporter's identity in its own table (read only for the handling
-- department's officers), the public timeline, photos (metadata stripped), wrong receipt guesses, Open311 keys.

create table tipoff_categories (
  code text primary key check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  name text not null,
  description text not null default '',
  department_code text not null references departments(code),
  -- offered on Open311 and listable by anyone: only categories that are public and non-confidential
  public boolean not null default false,
  investigation_days integer not null default 15 check (investigation_days between 1 and 60),
  active boolean not null default true,
  created_at timestamptz not null default now()
);

-- A 镇区 whose tips of a category go to another department than the category's (e.g. a town's own fire team).
create table tipoff_routing (
  category_code text not null references tipoff_categories(code),
  town_code text not null references towns(code),
  department_code text not null references departments(code),
  primary key (category_code, town_code)
);

create table tipoffs (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique,
  receipt_hash text not null unique,
  -- the Open311 token (random, not secret: it only finds the request id)
  token text not null unique,
  category_code text not null references tipoff_categories(code),
  town_code text not null references towns(code),
  place text not null,
  latitude double precision,
  longitude double precision,
  description text not null,
  channel text not null check (channel in ('web', 'open311')),
  anonymous boolean not null,
  department_code text not null references departments(code),
  state text not null check (state in ('submitted', 'investigating', 'verified', 'not_verified')),
  submitted_on date not null,
  submitted_at timestamptz not null default now(),
  due_on date not null,
  investigation_days integer not null,
  assigned_account_id uuid references accounts(id),
  outcome_note text,
  decided_on date,
  reward_fen bigint check (reward_fen is null or reward_fen > 0),
  reward_note text,
  reward_granted_on date,
  reward_collected_on date,
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index tipoffs_department on tipoffs(department_code, state);
create index tipoffs_category on tipoffs(category_code, submitted_at);

-- Who reported: only the handling department's officers read this table's rows.
create table tipoff_reporters (
  tipoff_id uuid primary key references tipoffs(id),
  account_id uuid references accounts(id),
  person_id uuid,
  name text,
  phone text,
  email text,
  id_number text
);
create index tipoff_reporters_person on tipoff_reporters(person_id);

-- The case's timeline: what the reporter added, what the department told the reporter, state changes.
create table tipoff_events (
  id uuid primary key default gen_random_uuid(),
  tipoff_id uuid not null references tipoffs(id),
  author text not null check (author in ('reporter', 'department', 'system')),
  kind text not null check (kind in ('submitted', 'information', 'message', 'taken', 'verified', 'not_verified', 'reward', 'reward_collected')),
  text text not null default '',
  -- shown to the reporter with the receipt code (department messages), or only to staff
  to_reporter boolean not null default true,
  created_at timestamptz not null default now()
);
create index tipoff_events_tipoff on tipoff_events(tipoff_id, created_at);

create table tipoff_photos (
  id uuid primary key default gen_random_uuid(),
  tipoff_id uuid not null references tipoffs(id),
  media_type text not null check (media_type in ('image/jpeg', 'image/png')),
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null,
  storage_key text not null unique,
  created_at timestamptz not null default now()
);
create index tipoff_photos_tipoff on tipoff_photos(tipoff_id);

-- Wrong receipt codes per client address, for the rate limit on guesses.
create table tipoff_receipt_failures (
  address text not null,
  at timestamptz not null default now()
);
create index tipoff_receipt_failures_address on tipoff_receipt_failures(address, at);

create table open311_keys (
  id uuid primary key default gen_random_uuid(),
  label text not null,
  key_hash text not null unique,
  key_hint text not null,
  created_by text not null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
alter table tipoffs add column open311_key_id uuid references open311_keys(id);

-- The verified-tip counts last reported to the points scheme per person (a daily job sends the changes, so a
-- score change is never tied to the moment, or the request, of one tip's decision).
create table tipoff_points_reported (
  person_id uuid primary key,
  verified_count integer not null,
  reported_on date not null
);
