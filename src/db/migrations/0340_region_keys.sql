-- The region key (镇区 code, the Citus distribution key) on the large child tables that lacked it. Each row takes
-- its parent's 镇区, so it lives on the same shard as the row it is read with:
--   volunteer_signups              ← the activity (capacity and the waiting list are counted per activity)
--   volunteer_ledger               ← the volunteer (the ledger is read and summed per person; an imported row has
--                                    no activity), the person's 镇区 when the entry is written
--   points_score_history           ← the application
--   points_messages                ← the enrolment
--   tipoff_events, tipoff_reporters, tipoff_photos ← the tip-off
--   suggestion_supports            ← the suggestion (supports are counted per suggestion)
--   consultation_comments          ← a community deliberation's 镇区; for a city-wide public consultation (no
--                                    镇区) the commenter's, so a large consultation's comments spread over the shards
--   consultation_comment_supports  ← the comment supported
-- Every parent always has a 镇区 (persons, activities, applications, enrolments, tip-offs and suggestions are
-- NOT NULL; a community deliberation always has one and a public one falls back to the commenter), so every new
-- column is NOT NULL. The classification of every table is src/db/distribution.ts.
--
-- Kept fast on big tables: the column is added without a default (no rewrite), filled by one UPDATE … FROM per
-- table, then made NOT NULL and given its foreign key, each validated in one pass. No new index: these tables are
-- read by their parent's id (indexed already); under Citus the key routes to the shard and needs none.

alter table volunteer_signups add column town_code text;
update volunteer_signups s set town_code = a.town_code from volunteer_activities a where a.id = s.activity_id;
alter table volunteer_signups alter column town_code set not null;
alter table volunteer_signups add constraint volunteer_signups_town foreign key (town_code) references towns(code);

-- The ledger refuses every UPDATE (append-only); only this one-time fill of the new column is let through.
alter table volunteer_ledger add column town_code text;
alter table volunteer_ledger disable trigger volunteer_ledger_append_only;
update volunteer_ledger l set town_code = p.town_code from persons p where p.id = l.person_id;
alter table volunteer_ledger enable trigger volunteer_ledger_append_only;
alter table volunteer_ledger alter column town_code set not null;
alter table volunteer_ledger add constraint volunteer_ledger_town foreign key (town_code) references towns(code);

alter table points_score_history add column town_code text;
update points_score_history h set town_code = a.town_code from points_applications a where a.id = h.application_id;
alter table points_score_history alter column town_code set not null;
alter table points_score_history add constraint points_score_history_town foreign key (town_code) references towns(code);

alter table points_messages add column town_code text;
update points_messages m set town_code = e.town_code from points_enrolments e where e.id = m.enrolment_id;
alter table points_messages alter column town_code set not null;
alter table points_messages add constraint points_messages_town foreign key (town_code) references towns(code);

alter table tipoff_events add column town_code text;
update tipoff_events e set town_code = t.town_code from tipoffs t where t.id = e.tipoff_id;
alter table tipoff_events alter column town_code set not null;
alter table tipoff_events add constraint tipoff_events_town foreign key (town_code) references towns(code);

alter table tipoff_reporters add column town_code text;
update tipoff_reporters r set town_code = t.town_code from tipoffs t where t.id = r.tipoff_id;
alter table tipoff_reporters alter column town_code set not null;
alter table tipoff_reporters add constraint tipoff_reporters_town foreign key (town_code) references towns(code);

alter table tipoff_photos add column town_code text;
update tipoff_photos p set town_code = t.town_code from tipoffs t where t.id = p.tipoff_id;
alter table tipoff_photos alter column town_code set not null;
alter table tipoff_photos add constraint tipoff_photos_town foreign key (town_code) references towns(code);

alter table suggestion_supports add column town_code text;
update suggestion_supports s set town_code = g.town_code from suggestions g where g.id = s.suggestion_id;
alter table suggestion_supports alter column town_code set not null;
alter table suggestion_supports add constraint suggestion_supports_town foreign key (town_code) references towns(code);

-- The comment trigger refuses changes to text and author only: setting the new column passes it.
alter table consultation_comments add column town_code text;
update consultation_comments k set town_code = coalesce(c.town_code, p.town_code)
  from consultations c, persons p where c.id = k.consultation_id and p.id = k.person_id;
alter table consultation_comments alter column town_code set not null;
alter table consultation_comments add constraint consultation_comments_town foreign key (town_code) references towns(code);

alter table consultation_comment_supports add column town_code text;
update consultation_comment_supports s set town_code = k.town_code from consultation_comments k where k.id = s.comment_id;
alter table consultation_comment_supports alter column town_code set not null;
alter table consultation_comment_supports add constraint consultation_comment_supports_town
  foreign key (town_code) references towns(code);
