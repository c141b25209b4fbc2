-- The keyed hash of each audit entry: HMAC-SHA256 over its chain hash with the audit key, a secret kept outside
-- the database (src/platform/audit/audit.key.ts). Someone who can edit the table but not read the key cannot
-- rewrite an entry and re-hash the chain after it: the keyed hashes no longer match. Entries written before this
-- migration have none until `gongzhi audit seal` adds them (only to that leading run, after checking the chain).
alter table audit_entries add column mac text;

-- Entries stay append-only; the one update allowed is sealing: setting a missing keyed hash, nothing else.
create or replace function audit_entries_refuse_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' then
    if old.mac is null and new.mac is not null and (to_jsonb(new) - 'mac') = (to_jsonb(old) - 'mac') then
      return new;
    end if;
  end if;
  raise exception 'audit entries are append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end;
$$;
