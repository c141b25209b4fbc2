-- The innovation fund, continued: categories with optional sub-budgets and eligibility on the call; the
-- applicant's type, 镇区 and category on the application; progress and final reports reviewed by the officer (the
-- accepted final report is the final evaluation the last payment waits for).

alter table fund_calls add column categories jsonb not null default '[]';
alter table fund_calls add column eligible_types text[] not null default '{town,department,organisation}';
alter table fund_calls add column eligible_towns text[] not null default '{}';

alter table fund_applications add column category text;
alter table fund_applications add column applicant_type text not null default 'organisation'
  check (applicant_type in ('town', 'department', 'organisation'));
alter table fund_applications add column town_code text references towns(code);

create table fund_reports (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references fund_applications(id),
  kind text not null check (kind in ('progress', 'final')),
  summary text not null,
  spent_fen bigint not null default 0 check (spent_fen >= 0),
  file_ids uuid[] not null default '{}',
  submitted_by uuid not null references accounts(id),
  submitted_at timestamptz not null default now(),
  status text not null default 'submitted' check (status in ('submitted', 'accepted', 'returned')),
  -- the final evaluation's score (0–10000 hundredths), given when a final report is accepted
  score integer check (score between 0 and 10000),
  review_note text not null default '',
  reviewed_by uuid references accounts(id),
  reviewed_at timestamptz
);
