-- The ledger's (person, day) index carries the three columns the five-year volunteer facts sum (category, place,
-- hours), so the refresh of a cycle's applicants and the resident's hours page can answer from the index alone
-- (an index-only scan: the ledger is append-only, so its pages stay all-visible once vacuumed) instead of reading
-- each entry's heap row. It replaces the plain (person_id, served_on) index, which it contains.
create index volunteer_ledger_person_facts on volunteer_ledger (person_id, served_on)
  include (category, place, hundredths);
drop index volunteer_ledger_person;
