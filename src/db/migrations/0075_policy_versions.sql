-- Who wrote, approved and activated the points policy versions made on the policy screens. The versions
-- themselves stay files under policies/ (scorecard.yaml, as the CLI reads and writes them); this table only
-- remembers the people, so a draft's approver can be checked against its author (four eyes).

create table policy_version_people (
  version_id text primary key,
  folder text not null,
  author_id uuid references accounts(id),
  author_username text,
  created_at timestamptz not null default now(),
  approved_by uuid references accounts(id),
  approved_at timestamptz,
  activated_by uuid references accounts(id),
  activated_at timestamptz
);
