-- Joint cases across departments (联席联动): a lead department, co-department tasks with working-day deadlines and
-- escalation when overdue; joint meetings with an agenda of overdue and escalated tasks, attendance, minutes,
-- decisions and action items that become tasks.

create table coordination_cases (
  id uuid primary key default gen_random_uuid(),
  number text not null unique,
  title text not null,
  description text not null default '',
  lead_department text not null references departments(code),
  town_code text references towns(code),
  status text not null check (status in ('open', 'closed')),
  opened_on date not null,
  closed_on date,
  synthetic boolean not null default false,
  created_by uuid references accounts(id),
  created_at timestamptz not null default now()
);

create table coordination_meetings (
  id uuid primary key default gen_random_uuid(),
  number text not null unique,
  title text not null,
  held_on date not null,
  status text not null check (status in ('planned', 'held')),
  attendees jsonb not null default '[]',
  minutes text not null default '',
  decisions jsonb not null default '[]',
  synthetic boolean not null default false,
  created_by uuid references accounts(id),
  created_at timestamptz not null default now()
);

create table coordination_tasks (
  id uuid primary key default gen_random_uuid(),
  case_id uuid references coordination_cases(id),
  meeting_id uuid references coordination_meetings(id),
  department_code text not null references departments(code),
  description text not null,
  started_on date not null,
  working_days integer not null check (working_days between 1 and 60),
  due_on date not null,
  status text not null check (status in ('open', 'done')),
  escalation_level integer not null default 0 check (escalation_level between 0 and 3),
  escalated_on date,
  done_on date,
  answer text,
  created_at timestamptz not null default now(),
  check (case_id is not null or meeting_id is not null)
);
create index coordination_tasks_open on coordination_tasks(status, due_on);
create index coordination_tasks_case on coordination_tasks(case_id);

create table coordination_task_events (
  id uuid primary key default gen_random_uuid(),
  task_id uuid not null references coordination_tasks(id),
  on_date date not null,
  kind text not null,
  note text not null default '',
  username text not null,
  created_at timestamptz not null default now()
);
create index coordination_task_events_task on coordination_task_events(task_id, created_at);

create table coordination_agenda_items (
  meeting_id uuid not null references coordination_meetings(id),
  task_id uuid not null references coordination_tasks(id),
  reason text not null check (reason in ('overdue', 'escalated')),
  added_on date not null,
  primary key (meeting_id, task_id)
);
