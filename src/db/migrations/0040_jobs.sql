-- Durable jobs: long operations and schedules run as rows that any Gongzhi process sharing the database may
-- claim. A worker claims a row with `for update skip locked` and holds it by a lease (owner + expiry) that it
-- renews while it works; a lease that expires (the process died) lets another worker claim the job again, and
-- because a job's work commits in the same transaction as its `succeeded` status, a repeat never duplicates it.
create table jobs (
  id uuid primary key default gen_random_uuid(),
  kind text not null,
  payload jsonb not null default '{}'::jsonb,
  status text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed')),
  attempts integer not null default 0,
  max_attempts integer not null default 3 check (max_attempts >= 1),
  run_after timestamptz not null default now(),
  -- The worker holding the job (running), or the last one that held it (finished or queued to retry).
  lease_owner text,
  lease_expires_at timestamptz,
  progress_done bigint not null default 0,
  progress_total bigint,
  progress_label text,
  result jsonb,
  error jsonb,
  -- Two requests for the same work (two clicks on "run payroll for 2026-05") share one job while it is open.
  dedupe_key text,
  created_by uuid references accounts(id),
  request_id text,
  -- A scheduled occurrence: the schedule's name and the time it was due; unique, so it is enqueued once.
  schedule_name text,
  occurrence timestamptz,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz not null default now(),
  constraint jobs_schedule_occurrence unique (schedule_name, occurrence),
  constraint jobs_occurrence_has_schedule check ((schedule_name is null) = (occurrence is null))
);

create unique index jobs_open_dedupe on jobs (dedupe_key) where dedupe_key is not null and status in ('queued', 'running');
create index jobs_claimable on jobs (run_after) where status in ('queued', 'running');
create index jobs_created_by on jobs (created_by, created_at desc);
create index jobs_kind_created on jobs (kind, created_at desc);

-- Recurring jobs: one row per schedule declared in a module manifest, with the time of the next occurrence.
-- Whichever worker finds it due enqueues that occurrence and moves `next_run_at` on, under a row lock.
create table job_schedules (
  name text primary key,
  kind text not null,
  every_seconds integer not null check (every_seconds > 0),
  next_run_at timestamptz not null,
  last_occurrence timestamptz,
  updated_at timestamptz not null default now()
);
