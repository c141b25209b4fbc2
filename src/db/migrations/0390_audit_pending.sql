-- Audit entries waiting for their place in the chain. A write appends its entry to the chain itself when the
-- chain's head is free; when another transaction holds the head (many writes at once), it stores the entry here
-- instead, in its own transaction and under a keyed hash of its content made with the audit key (kept outside the
-- database), and the entry is chained right after its commit by one sealing transaction for everything waiting
-- (src/platform/audit/audit.pending.ts). So concurrent writes no longer wait for each other on the head.
create table audit_pending (
  id uuid primary key,
  at timestamptz not null,
  actor_id uuid,
  actor_username text,
  action text not null,
  entity_type text not null,
  entity_id text not null,
  town_code text,
  before jsonb,
  after jsonb,
  request_id text,
  -- HMAC-SHA256 of the entry's canonical content with the audit key: checked before the entry is chained
  content_mac text not null
);
create index audit_pending_order on audit_pending (at, id);

-- Waiting entries are inserted by writes and deleted by the sealer as it chains them, never changed.
create function audit_pending_refuse_update() returns trigger language plpgsql as $$
begin
  raise exception 'audit entries waiting for the chain are not changed (% refused)', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_pending_no_update before update on audit_pending
  for each row execute function audit_pending_refuse_update();
