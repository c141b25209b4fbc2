-- Participation (全民参与): the campaigns that tag volunteer activities, hours, tip-offs and suggestions.
-- A campaign is owned by one department; the code is stable (URLs, imports, other modules' tags).

-- The campaigns of 全民修身 and 全民创文 are led by the civilisation office (文明办), not yet a department row.
insert into departments (code, name, clause, owns)
values ('civilisation_office', '市文明办', '全民修身、全民创文行动', '{}')
on conflict (code) do nothing;

create table participation_campaigns (
  id uuid primary key default gen_random_uuid(),
  code text not null,
  name text not null,
  goal text not null default '',
  starts_on date not null,
  ends_on date,
  department_code text not null references departments(code),
  created_at timestamptz not null default now(),
  constraint participation_campaigns_code unique (code),
  constraint participation_campaigns_code_format check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  constraint participation_campaigns_period check (ends_on is null or ends_on >= starts_on)
);
