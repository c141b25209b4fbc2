-- Purchased services after the award: the contract with its indicators and milestones, the vendor's progress
-- reports, the vendor's recommendations that need a government decision, evaluations (mid-term and final) and
-- the satisfaction survey of the people served. Scores and percentages in integer hundredths.

create table services_contracts (
  id uuid primary key default gen_random_uuid(),
  need_id uuid not null references services_needs(id),
  vendor_id uuid not null references services_vendors(id),
  amount_fen bigint not null check (amount_fen > 0),
  -- [{ name, target }] copied from the need, editable when signing
  indicators jsonb not null default '[]',
  satisfaction_threshold integer not null default 70 check (satisfaction_threshold between 0 and 100),
  signed_on date not null,
  period_start date not null,
  period_end date not null,
  status text not null default 'active' check (status in ('active', 'completed')),
  -- null, 'flagged' (indicators met, satisfaction below the threshold) or 'addressed' (the department recorded its change)
  improvement text check (improvement in ('flagged', 'addressed')),
  improvement_evidence jsonb,
  improvement_action text,
  created_by uuid not null references accounts(id),
  created_at timestamptz not null default now(),
  constraint services_contracts_one_per_need unique (need_id)
);

create table services_milestones (
  contract_id uuid not null references services_contracts(id),
  seq integer not null,
  title text not null,
  due_on date not null,
  done_on date,
  primary key (contract_id, seq)
);

create table services_progress_reports (
  id uuid primary key default gen_random_uuid(),
  contract_id uuid not null references services_contracts(id),
  milestone_seq integer,
  summary text not null,
  file_ids uuid[] not null default '{}',
  submitted_by uuid not null references accounts(id),
  submitted_at timestamptz not null default now(),
  status text not null default 'submitted' check (status in ('submitted', 'accepted', 'returned')),
  review_note text not null default '',
  reviewed_by uuid references accounts(id),
  reviewed_at timestamptz
);

-- A vendor's recommendation (e.g. that a household receives assistance): decided only by the owning department.
create table services_recommendations (
  id uuid primary key default gen_random_uuid(),
  contract_id uuid not null references services_contracts(id),
  kind text not null check (kind in ('assistance', 'other')),
  subject_name text not null,
  town_code text not null references towns(code),
  reason text not null,
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  submitted_by uuid not null references accounts(id),
  submitted_at timestamptz not null default now(),
  decided_by uuid references accounts(id),
  decided_at timestamptz,
  decision_note text not null default ''
);

create table services_evaluations (
  id uuid primary key default gen_random_uuid(),
  contract_id uuid not null references services_contracts(id),
  stage text not null check (stage in ('mid', 'final')),
  evaluator text not null check (evaluator in ('department', 'third_party')),
  evaluator_name text not null,
  -- [{ name, target, actual, met, score (hundredths) }]
  results jsonb not null,
  score integer not null check (score between 0 and 10000),
  indicators_met boolean not null,
  satisfaction integer check (satisfaction between 0 and 10000),
  answers integer not null default 0,
  note text not null default '',
  recorded_by uuid not null references accounts(id),
  recorded_at timestamptz not null default now(),
  constraint services_evaluations_one_per_stage unique (contract_id, stage)
);

create table services_surveys (
  id uuid primary key default gen_random_uuid(),
  contract_id uuid not null references services_contracts(id),
  -- [{ id, text }]; each answered 1 (very dissatisfied) … 5 (very satisfied)
  questions jsonb not null,
  closes_on date not null,
  created_at timestamptz not null default now(),
  constraint services_surveys_one_per_contract unique (contract_id)
);

-- One answer per person: the respondent is kept only as a salted hash of the mobile number.
create table services_survey_answers (
  survey_id uuid not null references services_surveys(id),
  respondent_hash text not null,
  answers jsonb not null,
  answered_at timestamptz not null default now(),
  primary key (survey_id, respondent_hash)
);
