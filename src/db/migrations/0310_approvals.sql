-- The catalogue of administrative approval items (行政审批事项目录): each item's department, legal basis, statutory
-- and promised time limits and status (kept, cancelled, delegated to the 镇区), with the date, the document and the
-- reform round of every change; and the XLSX imports with their report of refused rows.

create table approval_items (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  department_code text not null references departments(code),
  legal_basis text not null,
  statutory_days integer check (statutory_days is null or statutory_days between 1 and 365),
  promised_days integer check (promised_days is null or promised_days between 1 and 365),
  status text not null check (status in ('kept', 'cancelled', 'delegated')),
  status_on date not null,
  status_document text not null,
  synthetic boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index approval_items_department on approval_items (department_code, status);

create table approval_item_changes (
  id uuid primary key default gen_random_uuid(),
  item_id uuid not null references approval_items(id),
  status text not null check (status in ('kept', 'cancelled', 'delegated')),
  changed_on date not null,
  document text not null,
  round text not null default '',
  note text not null default '',
  recorded_by text not null,
  import_id uuid,
  created_at timestamptz not null default now()
);

create index approval_item_changes_item on approval_item_changes (item_id, changed_on);
create index approval_item_changes_round on approval_item_changes (round, changed_on);

create table approval_imports (
  id uuid primary key default gen_random_uuid(),
  file_name text not null,
  imported_by text not null,
  rows_total integer not null,
  rows_created integer not null,
  rows_updated integer not null,
  rows_refused integer not null,
  report jsonb not null default '[]',
  created_at timestamptz not null default now()
);
