-- Idempotency keys are reserved before the command runs: the row is inserted first (the primary key makes a
-- concurrent second insert a no-op), with status_code null while the first request is still running, then
-- completed with the response. A second request with the same key meanwhile is refused, not run again.
alter table idempotency_keys alter column status_code drop not null;
