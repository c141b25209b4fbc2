-- Ranking runs at city scale: the input snapshot and the result as rows keyed by run id (a million
-- applications per run), instead of two JSON blobs. The run keeps the policy version, the counts, the small
-- context (towns, quotas, schools), the per-scope summaries, the snapshot hash (input_hash) and the result hash.

create table points_run_inputs (
  run_id uuid not null references points_runs(id) on delete cascade,
  row_number integer not null,
  application_id uuid not null,
  person_id uuid not null,
  town_code text not null,
  purpose text not null,
  grade text,
  total integer not null,
  personal_quality integer not null,
  insurance integer not null,
  residence integer not null,
  applied_at timestamptz not null,
  home_x double precision,
  home_y double precision,
  eligible boolean not null,
  refused boolean not null,
  property_key text,
  household_key text,
  primary key (run_id, row_number)
);

create table points_run_results (
  run_id uuid not null references points_runs(id) on delete cascade,
  application_id uuid not null,
  town_code text not null,
  purpose text not null,
  grade text,
  total integer not null,
  rank integer,
  rank_scope text,
  outcome text not null,
  round smallint,
  city_rank integer,
  city_tie_break text,
  school_id uuid,
  distance double precision,
  tie_break text,
  primary key (run_id, application_id)
);
-- A page of one published list: purpose, 镇区 (school lists by grade), best rank first.
create index points_run_results_list on points_run_results(run_id, purpose, town_code, grade, rank);

alter table points_runs add column application_count integer not null default 0;
alter table points_runs add column eligible_count integer not null default 0;
alter table points_runs add column admitted_count integer not null default 0;
alter table points_runs add column context jsonb not null default '{}';
alter table points_runs add column summary jsonb not null default '{}';

-- Runs made before this migration: move their JSON into the rows (their input_hash keeps its old definition).
insert into points_run_inputs (run_id, row_number, application_id, person_id, town_code, purpose, grade, total, personal_quality, insurance,
  residence, applied_at, home_x, home_y, eligible, refused, property_key, household_key)
select r.id, a.ordinality::integer, (a.value->>'applicationId')::uuid, (a.value->>'personId')::uuid, a.value->>'townCode', a.value->>'purpose',
  a.value->>'grade', (a.value->>'total')::integer, (a.value->>'personalQuality')::integer, (a.value->>'insurance')::integer,
  (a.value->>'residence')::integer, (a.value->>'appliedAt')::timestamptz, (a.value->'home'->>'x')::double precision,
  (a.value->'home'->>'y')::double precision, (a.value->>'eligible')::boolean,
  coalesce(r.input_snapshot->'input'->'refused', '[]'::jsonb) ? (a.value->>'applicationId'), a.value->>'propertyId', a.value->>'householdId'
from points_runs r, jsonb_array_elements(r.input_snapshot->'input'->'applicants') with ordinality a;

insert into points_run_results (run_id, application_id, town_code, purpose, grade, total, rank, rank_scope, outcome, round, city_rank,
  city_tie_break, school_id, distance, tie_break)
select r.id, (a.value->>'applicationId')::uuid, a.value->>'townCode', a.value->>'purpose', a.value->>'grade', i.total,
  (a.value->>'rank')::integer, a.value->>'rankScope', a.value->>'outcome', (a.value->>'round')::smallint, (a.value->>'cityRank')::integer,
  a.value->>'cityTieBreak', (a.value->>'schoolId')::uuid, (a.value->>'distance')::double precision, a.value->>'tieBreak'
from points_runs r
cross join jsonb_array_elements(r.result->'applications') a
join points_run_inputs i on i.run_id = r.id and i.application_id = (a.value->>'applicationId')::uuid;

update points_runs r set
  summary = jsonb_build_object('summaries', r.result->'summaries', 'hukouSecondRound', r.result->'hukouSecondRound'),
  context = jsonb_build_object('towns', r.input_snapshot->'input'->'towns', 'quotas', r.input_snapshot->'input'->'quotas',
    'schools', r.input_snapshot->'input'->'schools'),
  application_count = (select count(*) from points_run_results x where x.run_id = r.id),
  eligible_count = (select count(*) from points_run_inputs x where x.run_id = r.id and x.eligible),
  admitted_count = (select count(*) from points_run_results x where x.run_id = r.id and x.outcome = 'admitted');

alter table points_runs drop column input_snapshot;
alter table points_runs drop column result;
