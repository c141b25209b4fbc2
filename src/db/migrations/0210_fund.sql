-- The social-governance innovation fund (社会管理与创新专项资金): yearly calls, applications with budget lines,
-- reviewer assignments with conflicts and scores, ranking and funding, staged payments. Amounts in integer fen.

create table fund_calls (
  id uuid primary key default gen_random_uuid(),
  year integer not null,
  title text not null,
  budget_fen bigint not null check (budget_fen > 0),
  -- [{ id, label, weight }]; default innovation 30, need 25, feasibility 25, budget 10, sustainability 10
  criteria jsonb not null,
  partial_funding boolean not null default false,
  start_share_percent integer not null default 60 check (start_share_percent between 0 and 100),
  applications_close_on date not null,
  status text not null default 'open' check (status in ('open', 'allocated')),
  publicity_list_id uuid,
  created_by uuid not null references accounts(id),
  created_at timestamptz not null default now()
);

create table fund_applications (
  id uuid primary key default gen_random_uuid(),
  call_id uuid not null references fund_calls(id),
  applicant_account_id uuid not null references accounts(id),
  applicant_name text not null,
  title text not null,
  summary text not null default '',
  requested_fen bigint not null check (requested_fen > 0),
  -- [{ item, amountFen }]
  budget_lines jsonb not null,
  payee_name text not null,
  bank_account text not null,
  score text,
  rank integer,
  outcome text,
  granted_fen bigint not null default 0,
  created_at timestamptz not null default now(),
  constraint fund_applications_one_per_applicant unique (call_id, applicant_account_id)
);

-- A reviewer's declared conflict with an application: never assigned to it, never scores it.
create table fund_conflicts (
  application_id uuid not null references fund_applications(id),
  reviewer_id uuid not null references accounts(id),
  note text not null default '',
  primary key (application_id, reviewer_id)
);

-- Assignments with the reviewer's scores per criterion (hundredths), null until scored.
create table fund_reviews (
  application_id uuid not null references fund_applications(id),
  reviewer_id uuid not null references accounts(id),
  scores jsonb,
  primary key (application_id, reviewer_id)
);

create table fund_payments (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references fund_applications(id),
  stage text not null check (stage in ('start', 'final')),
  amount_fen bigint not null check (amount_fen > 0),
  paid_on date not null,
  created_by uuid not null references accounts(id),
  created_at timestamptz not null default now(),
  constraint fund_payments_one_per_stage unique (application_id, stage)
);
