-- Social assistance (低保): cases with their members and input revisions, the workflow timeline, CPI figures
-- entered by the price department, approved standards (dated overrides of the policy's parameters), and the
-- monthly payroll with its lines and totals. Every large table carries its town code.

-- The price department (市发展和改革局) enters monthly CPI figures; verifiers of it need a department row.
insert into departments (code, name, clause, owns)
values ('development_reform', '市发展和改革局（价格）', '社会救助和保障标准与物价上涨挂钩联动机制', '{}')
on conflict (code) do nothing;

create sequence assistance_case_numbers;

create table assistance_cases (
  id uuid primary key default gen_random_uuid(),
  number text not null unique,
  household_id uuid not null references households(id),
  town_code text not null references towns(code),
  community_id uuid references communities(id),
  applicant_person_id uuid references persons(id),
  channel text not null check (channel in ('online', 'counter')),
  state text not null check (state in ('submitted', 'investigated', 'appraised', 'town_reviewed', 'publicised',
    'active', 'refused', 'appealed', 'stopped', 'withdrawn')),
  work_capacity text not null check (work_capacity in ('none', 'partial', 'able')),
  serious_illness boolean not null default false,
  assets_fen bigint not null check (assets_fen >= 0),
  second_home boolean not null default false,
  vehicle boolean not null default false,
  payee_name text not null,
  bank_account text not null,
  revision integer not null default 1,
  eligibility jsonb not null,
  submitted_on date not null,
  town_due_on date not null,
  publicity_start_on date,
  publicity_end_on date,
  publicity_list_id uuid,
  decision_due_on date,
  decided_on date,
  decision text check (decision in ('approved', 'refused')),
  decision_late boolean not null default false,
  decision_reason text,
  start_month text,
  stop_month text,
  next_review_on date,
  appeal_due_on date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index assistance_cases_town_state on assistance_cases(town_code, state);
create index assistance_cases_paid on assistance_cases(start_month) where decision = 'approved';
-- One open case per household at a time.
create unique index assistance_cases_one_open on assistance_cases(household_id)
  where state not in ('refused', 'stopped', 'withdrawn');

-- Current members of a case; a person is in at most one open case.
create table assistance_case_members (
  case_id uuid not null references assistance_cases(id),
  person_id uuid not null references persons(id),
  town_code text not null references towns(code),
  relationship text not null,
  monthly_income_fen bigint not null check (monthly_income_fen >= 0),
  categories text[] not null default '{}',
  open boolean not null default true,
  primary key (case_id, person_id)
);
create unique index assistance_case_members_one_open on assistance_case_members(person_id) where open;

-- The inputs the rules engine computed from, one row per change, so a paid month can be recomputed exactly.
create table assistance_case_revisions (
  case_id uuid not null references assistance_cases(id),
  revision integer not null,
  from_month text,
  town_code text not null,
  members jsonb not null,
  assets_fen bigint not null,
  created_at timestamptz not null default now(),
  primary key (case_id, revision)
);

-- The timeline: investigation, appraisal, opinions, publicity, decisions, appeals, changes, reviews, stops.
create table assistance_case_events (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references assistance_cases(id),
  town_code text not null,
  kind text not null,
  on_date date not null,
  details jsonb not null default '{}',
  file_ids uuid[] not null default '{}',
  actor_id uuid references accounts(id),
  actor_username text,
  created_at timestamptz not null default now()
);
create index assistance_case_events_case on assistance_case_events(case_id, created_at);

-- Monthly price indices (year-on-year, hundredths of a percent), who entered them and when.
create table assistance_cpi (
  month text primary key,
  cpi_hundredths integer,
  food_hundredths integer,
  released_on date not null,
  synthetic boolean not null default false,
  recorded_by uuid references accounts(id),
  recorded_by_username text,
  recorded_at timestamptz not null default now(),
  triggered boolean not null default false,
  subsidy_due_on date,
  covered_households integer not null default 0,
  covered_persons integer not null default 0,
  subsidy_fen bigint not null default 0,
  version integer not null default 1
);

-- Standards proposed by the policy officer; approved ones are dated overrides of the policy's parameters.
create table assistance_standards (
  id uuid primary key default gen_random_uuid(),
  effective_from date not null,
  standard_fen bigint not null check (standard_fen > 0),
  supplement_fen bigint not null check (supplement_fen >= 0),
  status text not null check (status in ('proposed', 'submitted', 'approved', 'rejected')),
  basis jsonb not null,
  simulation jsonb,
  proposed_by uuid references accounts(id),
  decided_by uuid references accounts(id),
  decided_at timestamptz,
  decision_reason text,
  version integer not null default 1,
  created_at timestamptz not null default now()
);
create unique index assistance_standards_one_approved on assistance_standards(effective_from) where status = 'approved';

-- One payroll per month, produced once; `basis` is what its lines were computed from (standard, supplement,
-- price indices), updated when a later payroll pays the difference after a late decision.
create table assistance_payrolls (
  month text primary key,
  status text not null check (status in ('computed', 'approved')),
  basis jsonb not null,
  households integer not null,
  persons integer not null,
  lines integer not null,
  dibao_fen bigint not null,
  supplement_fen bigint not null,
  price_subsidy_fen bigint not null,
  adjustment_fen bigint not null,
  total_fen bigint not null,
  run_by_username text,
  run_at timestamptz not null default now(),
  approved_by_username text,
  approved_at timestamptz,
  exported_at timestamptz,
  version integer not null default 1
);

create table assistance_payroll_lines (
  month text not null references assistance_payrolls(month),
  case_id uuid not null,
  kind text not null check (kind in ('regular', 'adjustment')),
  for_month text not null,
  town_code text not null,
  revision integer not null,
  members integer not null,
  standard_fen bigint not null,
  dibao_fen bigint not null,
  supplement_fen bigint not null,
  price_subsidy_fen bigint not null,
  total_fen bigint not null,
  payee_name text not null,
  bank_account text not null,
  primary key (month, case_id, kind, for_month)
);
create index assistance_payroll_lines_paid on assistance_payroll_lines(for_month, case_id);

create table assistance_payroll_totals (
  month text not null references assistance_payrolls(month),
  town_code text not null,
  households integer not null,
  persons integer not null,
  dibao_fen bigint not null,
  supplement_fen bigint not null,
  price_subsidy_fen bigint not null,
  adjustment_fen bigint not null,
  total_fen bigint not null,
  primary key (month, town_code)
);
