-- Evidence files: metadata here, bytes on disk outside the web root (GONGZHI_FILES or <data>/files).

create table stored_files (
  id uuid primary key default gen_random_uuid(),
  owner_account_id uuid not null references accounts(id),
  town_code text references towns(code),
  original_name text not null,
  media_type text not null check (media_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null,
  storage_key text not null unique,
  created_at timestamptz not null default now()
);
create index stored_files_owner on stored_files(owner_account_id);
