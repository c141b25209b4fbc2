-- The number of entries of a published list, kept on the list (a list's entries are written once, when it is
-- published, and never change): the public list of lists pages through lists without counting every list's
-- entries on each read (a school list of a large 镇区 has tens of thousands).
alter table publicity_lists add column entry_count integer not null default 0;
update publicity_lists l set entry_count = c.n
  from (select list_id, count(*)::int as n from publicity_entries group by list_id) c
  where c.list_id = l.id;
create index publicity_lists_public_order on publicity_lists (published_at desc, id) where status <> 'superseded';
