-- The audit head: one row holding the position and hash of the newest audit entry, updated in the same
-- transaction as each append. Deleting the newest entries then leaves a head that points past the end of the
-- table, which `gongzhi audit verify` reports as a truncated tail. A superuser can rewrite both; that is why the
-- head hash is also printed by `audit verify` for the operator to keep elsewhere (`--expect-head`).
create table audit_head (
  singleton boolean primary key default true check (singleton),
  position bigint not null,
  hash text not null,
  updated_at timestamptz not null default now()
);

insert into audit_head (singleton, position, hash)
select true,
  coalesce((select position from audit_entries order by position desc limit 1), 0),
  coalesce((select hash from audit_entries order by position desc limit 1), repeat('0', 64));

-- The head only moves forward and is never removed (a superuser can still disable this trigger).
create function audit_head_refuse_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and new.position > old.position then
    return new;
  end if;
  raise exception 'the audit head only moves forward (% refused)', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_head_forward_only before update or delete on audit_head
  for each row execute function audit_head_refuse_change();
create trigger audit_head_no_truncate before truncate on audit_head
  for each statement execute function audit_head_refuse_change();
