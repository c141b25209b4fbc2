-- Sessions end after a time without use (idle) as well as at their absolute expiry: last_seen_at is moved on by
-- each authenticated request (at most once a minute). The account-level lock of 0001 has been dead since 0050
-- (failures are counted per username and address in login_throttles): its columns go.
alter table sessions add column last_seen_at timestamptz not null default now();
alter table accounts drop column failure_count;
alter table accounts drop column failure_window_start;
alter table accounts drop column locked_until;
