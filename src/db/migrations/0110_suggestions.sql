-- Suggestions (金点子): a resident proposes an idea; other residents support it once each; at the support threshold
-- the owning department must answer publicly within a number of working days (configurable defaults: 100, 15).

create table suggestion_settings (
  id boolean primary key default true check (id),
  support_threshold integer not null default 100 check (support_threshold between 1 and 1000000),
  answer_working_days integer not null default 15 check (answer_working_days between 1 and 120),
  updated_at timestamptz not null default now()
);
insert into suggestion_settings (id) values (true);

create sequence suggestion_number_seq;

create table suggestions (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique,
  title text not null,
  body text not null,
  campaign_id uuid references participation_campaigns(id),
  town_code text not null references towns(code),
  department_code text not null references departments(code),
  proposer_account_id uuid references accounts(id),  -- null: entered for the demo, not by an account
  proposer_person_id uuid not null references persons(id),
  state text not null default 'submitted'
    check (state in ('submitted', 'under_review', 'adopted', 'partly_adopted', 'not_adopted', 'implemented')),
  support_count integer not null default 0 check (support_count >= 0),
  support_threshold integer not null check (support_threshold >= 1),
  answer_working_days integer not null,
  submitted_on date not null,
  threshold_reached_on date,
  answer_due_on date,
  answer text,
  answered_on date,
  answered_by uuid references accounts(id),
  created_at timestamptz not null default now(),
  constraint suggestions_due_with_threshold check ((threshold_reached_on is null) = (answer_due_on is null)),
  constraint suggestions_answer_when_decided
    check (state in ('submitted', 'under_review') or (answer is not null and answered_on is not null))
);
create index suggestions_state on suggestions (state, submitted_on desc);
create index suggestions_campaign on suggestions (campaign_id);

-- One support per person; account_id is null only for the synthetic supports of the demo seed.
create table suggestion_supports (
  suggestion_id uuid not null references suggestions(id),
  person_id uuid not null references persons(id),
  account_id uuid references accounts(id),
  created_at timestamptz not null default now(),
  constraint suggestion_supports_once primary key (suggestion_id, person_id)
);

-- Progress notes of an adopted idea's implementation (public), appended only.
create table suggestion_progress (
  id uuid primary key default gen_random_uuid(),
  suggestion_id uuid not null references suggestions(id),
  text text not null,
  implemented boolean not null default false,
  author_account_id uuid not null references accounts(id),
  created_at timestamptz not null default now()
);
create index suggestion_progress_of on suggestion_progress (suggestion_id, created_at);
