-- Publicity (公示): published lists with masked entries, versions per subject, and objections with deadlines.
-- Entries hold only masked personal data: the public endpoints read these tables and nothing else.

create table publicity_lists (
  id uuid primary key default gen_random_uuid(),
  kind text not null,
  subject_key text not null,
  version integer not null,
  title text not null,
  town_code text references towns(code),
  start_date date not null,
  working_days integer not null check (working_days > 0),
  end_date date not null,
  status text not null check (status in ('publicised', 'final', 'superseded')),
  columns jsonb not null default '[]',
  published_by uuid references accounts(id),
  published_at timestamptz not null default now(),
  unique (subject_key, version)
);
create index publicity_lists_kind on publicity_lists(kind, status);

create table publicity_entries (
  id uuid primary key default gen_random_uuid(),
  list_id uuid not null references publicity_lists(id),
  position integer not null,
  rank integer,
  masked_name text not null,
  masked_id_number text not null,
  town_code text references towns(code),
  "values" jsonb not null default '{}',
  subject_type text not null,
  subject_id text not null,
  unique (list_id, position)
);
create index publicity_entries_subject on publicity_entries(subject_type, subject_id);

create table publicity_objections (
  id uuid primary key default gen_random_uuid(),
  list_id uuid not null references publicity_lists(id),
  entry_id uuid not null references publicity_entries(id),
  town_code text references towns(code),
  indicator text,
  department_code text references departments(code),
  reason text not null,
  raised_by uuid not null references accounts(id),
  raised_on date not null,
  forward_due date not null,
  check_due date not null,
  status text not null check (status in ('received', 'forwarded', 'upheld', 'rejected')),
  forwarded_at timestamptz,
  answer text,
  answered_by uuid references accounts(id),
  answered_on date,
  file_ids uuid[] not null default '{}',
  version integer not null default 1,
  created_at timestamptz not null default now()
);
create index publicity_objections_list on publicity_objections(list_id);
create index publicity_objections_department on publicity_objections(department_code, status);
