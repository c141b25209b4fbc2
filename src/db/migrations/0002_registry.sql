-- The registry: communities, persons, households and memberships, organisations.
-- Every large table carries its town code (the distribution key for Citus, the scope key for clerks).

create table communities (
  id uuid primary key default gen_random_uuid(),
  town_code text not null references towns(code),
  name text not null,
  synthetic boolean not null default false,
  unique (town_code, name)
);

create table persons (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  id_number text not null unique,
  gender text not null check (gender in ('male', 'female')),
  birth_date date not null,
  phone text,
  town_code text not null references towns(code),
  community_id uuid references communities(id),
  address text not null default '',
  hukou_type text not null check (hukou_type in ('local', 'migrant')),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index persons_town_name on persons(town_code, name);
create index persons_name on persons(name text_pattern_ops);
create index persons_phone on persons(phone);
create index persons_id_last4 on persons(right(id_number, 4));

create table households (
  id uuid primary key default gen_random_uuid(),
  town_code text not null references towns(code),
  community_id uuid references communities(id),
  address text not null,
  head_person_id uuid references persons(id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index households_town on households(town_code);
create index households_head on households(head_person_id);

create table household_members (
  id uuid primary key default gen_random_uuid(),
  household_id uuid not null references households(id),
  person_id uuid not null references persons(id),
  town_code text not null references towns(code),
  relationship text not null,
  since date not null,
  until date
);
-- A person belongs to at most one household at a time.
create unique index household_members_one_current on household_members(person_id) where until is null;
create index household_members_household on household_members(household_id);

create table organisations (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  kind text not null check (kind in ('social_organisation', 'company', 'public_institution')),
  credit_code text unique,
  town_code text not null references towns(code),
  address text not null default '',
  contact_phone text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index organisations_town_name on organisations(town_code, name);

alter table accounts add constraint accounts_person foreign key (person_id) references persons(id);
