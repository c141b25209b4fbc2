-- Purchased social services (政府购买服务): vendors and their qualification, service needs, sealed bids,
-- panel declarations and scores, awards. Amounts in integer fen; scores in integer hundredths (0–10000).

create table services_vendors (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references accounts(id),
  name text not null,
  credit_code text not null,
  legal_representative text not null,
  town_code text references towns(code),
  -- service categories the qualification covers (e.g. social_work, elderly_care), granted by a reviewer
  qualifications text[] not null default '{}',
  qualified_on date,
  qualified_until date,
  qualified_by uuid references accounts(id),
  created_at timestamptz not null default now(),
  constraint services_vendors_account unique (account_id),
  constraint services_vendors_credit_code unique (credit_code),
  constraint services_vendors_qualified check (qualified_until is null or qualified_until >= qualified_on)
);

-- One row per qualification requirement: the vendor's document (a stored file) and the reviewer's check.
create table services_vendor_requirements (
  vendor_id uuid not null references services_vendors(id),
  requirement text not null,
  file_id uuid references stored_files(id),
  passed boolean,
  check_note text not null default '',
  checked_by uuid references accounts(id),
  checked_on date,
  primary key (vendor_id, requirement)
);

create table services_needs (
  id uuid primary key default gen_random_uuid(),
  department_code text not null references departments(code),
  title text not null,
  description text not null,
  town_code text not null references towns(code),
  budget_fen bigint not null check (budget_fen > 0),
  period_start date not null,
  period_end date not null,
  required_qualifications text[] not null default '{}',
  indicators jsonb not null default '[]',
  weights jsonb not null,
  bids_close_on date not null,
  status text not null default 'open' check (status in ('open', 'awarded', 'not_awarded')),
  exception_reason text,
  award jsonb,
  winner_bid_id uuid,
  publicity_list_id uuid,
  created_by uuid not null references accounts(id),
  created_at timestamptz not null default now(),
  constraint services_needs_period check (period_end >= period_start)
);

-- Bids: sealed until the day after bids_close_on; never read by a route before then.
create table services_bids (
  id uuid primary key default gen_random_uuid(),
  need_id uuid not null references services_needs(id),
  vendor_id uuid not null references services_vendors(id),
  price_fen bigint not null,
  plan text not null,
  team text not null,
  submitted_at timestamptz not null default now(),
  constraint services_bids_one_per_vendor unique (need_id, vendor_id)
);

-- A reviewer's declaration on a need's panel, made before seeing the bids.
create table services_panel_members (
  need_id uuid not null references services_needs(id),
  reviewer_id uuid not null references accounts(id),
  declared_at timestamptz not null default now(),
  primary key (need_id, reviewer_id)
);

-- One review per reviewer and bid: a conflict (recused, no scores) or scores per criterion in hundredths.
create table services_reviews (
  bid_id uuid not null references services_bids(id),
  reviewer_id uuid not null references accounts(id),
  conflict boolean not null,
  conflict_note text not null default '',
  plan integer check (plan between 0 and 10000),
  staff integer check (staff between 0 and 10000),
  past integer check (past between 0 and 10000),
  scored_at timestamptz,
  primary key (bid_id, reviewer_id),
  constraint services_reviews_conflict_unscored check (not conflict or (plan is null and staff is null and past is null))
);
