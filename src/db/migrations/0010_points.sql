-- Points for migrants (流动人员积分制): enrolments, declared facts with evidence, cycles, quotas, schools,
-- applications with their score history, the department verification queue, deduction events, ranking runs.

create table points_enrolments (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null unique references persons(id),
  town_code text not null references towns(code),
  residence_permit_number text not null,
  work_started_on date not null,
  enrolled_on date not null,
  status text not null check (status in ('enrolled', 'barred')),
  barred_reason text,
  barred_on date,
  version integer not null default 1,
  created_at timestamptz not null default now()
);
create index points_enrolments_town on points_enrolments(town_code);

create table points_facts (
  id uuid primary key default gen_random_uuid(),
  enrolment_id uuid not null references points_enrolments(id),
  town_code text not null references towns(code),
  fact text not null,
  value jsonb not null,
  status text not null check (status in ('declared', 'confirmed', 'with_department', 'corrected', 'rejected')),
  department_code text references departments(code),
  file_ids uuid[] not null default '{}',
  declared_on date not null,
  forward_due date not null,
  sent_on date,
  check_due date,
  decided_on date,
  reason text,
  version integer not null default 1,
  unique (enrolment_id, fact)
);
create index points_facts_queue on points_facts(department_code, status);

create table points_cycles (
  id uuid primary key default gen_random_uuid(),
  year integer not null unique,
  title text not null,
  policy_id text not null,
  opens_on date not null,
  closes_on date not null,
  quotas_due_on date not null,
  housing_units integer not null default 0,
  created_at timestamptz not null default now()
);

create table points_quotas (
  cycle_id uuid not null references points_cycles(id),
  purpose text not null check (purpose in ('school', 'hukou')),
  town_code text not null references towns(code),
  grade text not null default '' check (grade in ('', 'primary_1', 'junior_1')),
  places integer not null check (places >= 0),
  synthetic boolean not null default false,
  source text not null,
  primary key (cycle_id, purpose, town_code, grade)
);

create table points_schools (
  id uuid primary key default gen_random_uuid(),
  cycle_id uuid not null references points_cycles(id),
  town_code text not null references towns(code),
  name text not null,
  grade text not null check (grade in ('primary_1', 'junior_1')),
  seats integer not null check (seats >= 0),
  x double precision not null,
  y double precision not null,
  synthetic boolean not null default false,
  unique (cycle_id, name, grade)
);

create table points_applications (
  id uuid primary key default gen_random_uuid(),
  cycle_id uuid not null references points_cycles(id),
  enrolment_id uuid not null references points_enrolments(id),
  person_id uuid not null references persons(id),
  town_code text not null references towns(code),
  purpose text not null check (purpose in ('school', 'housing', 'hukou')),
  child_name text,
  child_id_number text,
  grade text,
  home_x double precision,
  home_y double precision,
  property_key text,
  household_key text,
  conditions jsonb not null default '{}',
  applied_at timestamptz not null,
  applied_on date not null,
  status text not null check (status in ('accepted', 'disqualified')),
  score_total integer not null default 0,
  score_subscores jsonb not null default '{}',
  eligible boolean not null default false,
  policy_id text not null,
  version integer not null default 1,
  unique (cycle_id, person_id, purpose)
);
create unique index points_applications_child on points_applications(cycle_id, child_id_number) where purpose = 'school';
create index points_applications_cycle on points_applications(cycle_id, purpose, town_code);

create table points_score_history (
  id bigint generated always as identity primary key,
  application_id uuid not null references points_applications(id),
  at timestamptz not null default now(),
  total integer not null,
  subscores jsonb not null,
  eligible boolean not null,
  reason text not null
);
create index points_score_history_application on points_score_history(application_id);

create table points_messages (
  id bigint generated always as identity primary key,
  enrolment_id uuid not null references points_enrolments(id),
  at timestamptz not null default now(),
  text text not null
);
create index points_messages_enrolment on points_messages(enrolment_id);

create table points_deductions (
  id uuid primary key default gen_random_uuid(),
  enrolment_id uuid not null references points_enrolments(id),
  kind text not null check (kind in ('administrative_detention', 'criminal_penalty', 'out_of_policy_birth')),
  department_code text not null references departments(code),
  occurred_on date not null,
  reference text not null,
  reported_on date not null,
  due_on date not null,
  applied_on date not null
);

create table points_runs (
  id uuid primary key default gen_random_uuid(),
  cycle_id uuid not null references points_cycles(id),
  sequence integer not null,
  status text not null check (status in ('completed', 'published', 'final')),
  policy_id text not null,
  input_snapshot jsonb not null,
  input_hash text not null,
  result jsonb not null,
  result_hash text not null,
  list_ids uuid[] not null default '{}',
  created_by uuid references accounts(id),
  created_at timestamptz not null default now(),
  published_at timestamptz,
  unique (cycle_id, sequence)
);
