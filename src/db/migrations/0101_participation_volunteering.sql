-- Volunteering: organisations (the registry's organisations) and their organiser accounts, activities with
-- sign-ups (waiting list, check-in and check-out), a person's own 党员志愿者 declaration, and the hours ledger.

create table volunteer_organisers (
  organisation_id uuid not null references organisations(id),
  account_id uuid not null references accounts(id),
  since date not null,
  created_at timestamptz not null default now(),
  primary key (organisation_id, account_id)
);
create index volunteer_organisers_account on volunteer_organisers(account_id);

-- A person's own declarations as a volunteer (shown only in aggregates and to their organisations).
create table volunteer_profiles (
  person_id uuid primary key references persons(id),
  party_member boolean not null default false,
  declared_at timestamptz not null default now()
);

create table volunteer_activities (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations(id),
  campaign_id uuid references participation_campaigns(id),
  title text not null,
  description text not null default '',
  category text not null check (category in ('general', 'anti_drug', 'online_civility', 'safety_publicity')),
  place text not null,
  town_code text not null references towns(code),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  capacity integer not null check (capacity > 0),
  status text not null default 'published' check (status in ('published', 'cancelled')),
  created_by uuid not null references accounts(id),
  created_at timestamptz not null default now(),
  constraint volunteer_activities_period check (ends_at > starts_at)
);
create index volunteer_activities_starts on volunteer_activities(starts_at);
create index volunteer_activities_organisation on volunteer_activities(organisation_id, starts_at);
create index volunteer_activities_campaign on volunteer_activities(campaign_id);

create table volunteer_signups (
  id uuid primary key default gen_random_uuid(),
  activity_id uuid not null references volunteer_activities(id),
  person_id uuid not null references persons(id),
  status text not null check (status in ('confirmed', 'waiting', 'cancelled')),
  -- The order of the waiting list (and of sign-up): a sequence, so two sign-ups never tie.
  queue_position bigint not null,
  -- The code the volunteer shows as a QR code at check-in (128 random bits, base64url).
  token text not null,
  signed_up_at timestamptz not null default now(),
  cancelled_at timestamptz,
  checked_in_at timestamptz,
  checked_in_by uuid references accounts(id),
  checked_out_at timestamptz,
  checked_out_by uuid references accounts(id),
  constraint volunteer_signups_token unique (token),
  constraint volunteer_signups_check_order check (checked_out_at is null or (checked_in_at is not null and checked_out_at >= checked_in_at))
);
create sequence volunteer_signup_queue;
-- One live sign-up per person and activity.
create unique index volunteer_signups_one_live on volunteer_signups(activity_id, person_id) where status <> 'cancelled';
create index volunteer_signups_activity on volunteer_signups(activity_id, status, queue_position);
create index volunteer_signups_person on volunteer_signups(person_id);

-- Imports of hours served elsewhere in Guangdong, from the provincial platform's XLSX.
create table volunteer_imports (
  id uuid primary key default gen_random_uuid(),
  file_name text not null,
  imported_by uuid not null references accounts(id),
  imported_at timestamptz not null default now(),
  rows_total integer not null,
  rows_accepted integer not null,
  rows_refused integer not null,
  report jsonb not null
);

-- The ledger of volunteer hours: append-only. Hours are exact hundredths of an hour; a correction is a reversing
-- entry (negative hundredths, the entry it reverses and a reason), never an edit or a delete.
create table volunteer_ledger (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references persons(id),
  activity_id uuid references volunteer_activities(id),
  import_id uuid references volunteer_imports(id),
  external_ref text,
  campaign_id uuid references participation_campaigns(id),
  category text not null check (category in ('general', 'anti_drug', 'online_civility', 'safety_publicity')),
  place text not null check (place in ('zhongshan', 'guangdong_other')),
  served_on date not null,
  hundredths integer not null check (hundredths <> 0),
  confirmed_by uuid not null references accounts(id),
  reason text not null default '',
  reverses_entry_id uuid references volunteer_ledger(id),
  created_at timestamptz not null default now(),
  constraint volunteer_ledger_source check ((activity_id is null) <> (import_id is null)),
  constraint volunteer_ledger_sign check ((reverses_entry_id is null) = (hundredths > 0)),
  constraint volunteer_ledger_reversal_reason check (reverses_entry_id is null or length(trim(reason)) > 0)
);
create index volunteer_ledger_person on volunteer_ledger(person_id, served_on);
create index volunteer_ledger_activity on volunteer_ledger(activity_id, person_id);
create index volunteer_ledger_reverses on volunteer_ledger(reverses_entry_id) where reverses_entry_id is not null;
create index volunteer_ledger_campaign on volunteer_ledger(campaign_id);
-- A row of the provincial platform is imported once.
create unique index volunteer_ledger_external_ref on volunteer_ledger(external_ref)
  where external_ref is not null and reverses_entry_id is null;

create function volunteer_ledger_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'volunteer ledger entries are append-only (% refused); correct with a reversing entry', tg_op
    using errcode = 'insufficient_privilege';
end;
$$;
create trigger volunteer_ledger_append_only before update or delete on volunteer_ledger
  for each row execute function volunteer_ledger_refuse_change();
create trigger volunteer_ledger_no_truncate before truncate on volunteer_ledger
  for each statement execute function volunteer_ledger_refuse_change();
