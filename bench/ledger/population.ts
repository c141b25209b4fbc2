/**
 * A city-sized volunteer-hours ledger, generated set-based (generate_series, one statement per table) into a
 * migrated database: `volunteers` persons, 200 volunteer organisations, one activity per 25 activity entries over
 * the last six years (so about a sixth of the hours lie outside the five-year window), `entries` ledger entries —
 * nine in ten from activities in Zhongshan, one in ten imported from elsewhere in Guangdong — plus a reversal of
 * about one entry in 128, the sign-ups (checked in and out) behind the last year's activity entries, Party-member
 * declarations of one volunteer in five, and `applicants` points applications of volunteers spread evenly over the
 * population. Half the entries go to an active tenth of the volunteers (about 55 entries each), the other half to
 * everyone (about 5 each). Deterministic but for the generated ids: the choices come from `hashtext` of the row
 * number. Foreign keys are not checked while loading when the role may skip them (superuser), since every row
 * references a row generated before it, and the ledger's secondary indexes are rebuilt after the load.
 */
import { sql, type Kysely } from "kysely";
import { today } from "../../src/core/clock";
import type { Database } from "../../src/db/schema";
import { inTransaction } from "../../src/db/transaction";
import { loadDepartments, loadTowns } from "../../src/demo/reference";
import { seedCampaigns } from "../../src/modules/participation/seeds";

/** The sizes of a generated ledger. */
export interface LedgerSizes {
  volunteers: number;
  entries: number;
  applicants: number;
}

/** What was generated: the counts read back and the cycle the applicants applied in. */
export interface LedgerPopulation {
  persons: number;
  entries: number;
  reversals: number;
  activities: number;
  signups: number;
  applicants: number;
  cycleId: string;
  today: string;
}

/** Days of history: six years, one more than the scorecard's window. */
const HISTORY_DAYS = 2190;
const ENTRIES_PER_ACTIVITY = 25;

/** Fills a migrated, empty database with the ledger; `log` is told each step. */
export async function seedLedger(
  db: Kysely<Database>,
  sizes: LedgerSizes,
  log: (line: string) => void = () => {},
): Promise<LedgerPopulation> {
  const { volunteers, entries, applicants } = sizes;
  if (volunteers < 10 || applicants > volunteers || entries < volunteers)
    throw new Error("sizes: at least 10 volunteers, no more applicants than volunteers, as many entries as volunteers");
  const day = today();
  const year = Number(day.slice(0, 4));
  await inTransaction(db, async (trx) => {
    await loadTowns(trx);
    await loadDepartments(trx);
    await seedCampaigns(trx);
  });
  const fromActivities = Math.round(entries * 0.9);
  const imported = entries - fromActivities;
  const activities = Math.max(1, Math.round(fromActivities / ENTRIES_PER_ACTIVITY));
  const active = Math.max(1, Math.floor(volunteers / 10));
  return db.connection().execute(async (connection) => {
    const run = async (label: string, query: ReturnType<typeof sql>) => {
      const start = performance.now();
      await query.execute(connection);
      log(`${label} (${Math.round(performance.now() - start)} ms)`);
    };
    try {
      await sql`set session_replication_role = replica`.execute(connection);
    } catch {
      log("foreign keys checked while loading (the role may not skip them)");
    }
    await run(
      `${volunteers} persons`,
      sql`insert into persons (name, id_number, gender, birth_date, town_code, hukou_type)
        select '志愿者' || g, '4420009' || lpad(g::text, 11, '0'), case when g % 2 = 0 then 'female' else 'male' end,
          date '1960-01-01' + (g % 15000), (array(select code from towns order by code))[1 + g % (select count(*) from towns)::int],
          case when g % 3 = 0 then 'local' else 'migrant' end
        from generate_series(1, ${volunteers}::int) g`,
    );
    await run(
      "volunteer index",
      sql`create unlogged table bench_volunteers as
        select row_number() over (order by id_number)::int as n, id, town_code from persons`,
    );
    await sql`create unique index bench_volunteers_n on bench_volunteers(n)`.execute(connection);
    const account = await sql<{ id: string }>`insert into accounts (username, display_name, password_hash)
      values ('bench_organiser', '基准测试组织者', 'bench-no-sign-in') returning id`.execute(connection);
    const accountId = account.rows[0].id;
    await run(
      "200 organisations",
      sql`insert into organisations (name, kind, town_code)
        select '志愿服务队' || g, 'social_organisation',
          (array(select code from towns order by code))[1 + g % (select count(*) from towns)::int]
        from generate_series(1, 200) g`,
    );
    await run(
      `${activities} activities`,
      sql`create unlogged table bench_activities as
        select g as n, gen_random_uuid() as id, (${day}::date - (hashtext('activity' || g) & 2147483647) % ${HISTORY_DAYS}::int) as served_on,
          (array['general', 'general', 'general', 'anti_drug', 'online_civility', 'safety_publicity'])[1 + g % 6] as category,
          (array(select id from participation_campaigns order by code))[1 + g % 6] as campaign_id,
          (array(select id from organisations order by name))[1 + g % 200] as organisation_id,
          (array(select code from towns order by code))[1 + g % (select count(*) from towns)::int] as town_code
        from generate_series(1, ${activities}::int) g`,
    );
    await sql`create unique index bench_activities_n on bench_activities(n)`.execute(connection);
    await sql`insert into volunteer_activities (id, organisation_id, campaign_id, title, category, place, town_code,
        starts_at, ends_at, capacity, created_by, created_at)
      select id, organisation_id, campaign_id, '志愿服务活动' || n, category, '社区服务站', town_code,
        (served_on + time '09:00') at time zone 'Asia/Shanghai', (served_on + time '12:00') at time zone 'Asia/Shanghai',
        60, ${accountId}, (served_on - 7 + time '10:00') at time zone 'Asia/Shanghai'
      from bench_activities`.execute(connection);
    const imports = await sql<{ id: string }>`insert into volunteer_imports (file_name, imported_by, rows_total,
        rows_accepted, rows_refused, report)
      values ('广东省志愿服务平台导出.xlsx', ${accountId}, ${imported}::int, ${imported}::int, 0, '{"rows": []}') returning id`.execute(
      connection,
    );
    // The ledger's secondary indexes are built once after the load (the same definitions, read back from the
    // catalogue): maintaining five indexes row by row through millions of inserts is several times slower.
    const indexes = await sql<{ indexname: string; indexdef: string }>`select indexname, indexdef from pg_indexes
      where schemaname = current_schema() and tablename = 'volunteer_ledger'
        and indexname not in (select conname from pg_constraint where conrelid = 'volunteer_ledger'::regclass)
      order by indexname`.execute(connection);
    for (const index of indexes.rows) await sql`drop index ${sql.id(index.indexname)}`.execute(connection);
    // Half the entries go to the active tenth of the volunteers, half to anyone.
    await run(
      `${fromActivities} entries from activities`,
      sql`insert into volunteer_ledger (person_id, town_code, activity_id, campaign_id, category, place, served_on,
          hundredths, confirmed_by, created_at)
        select v.id, v.town_code, a.id, a.campaign_id, a.category, 'zhongshan', a.served_on, 50 + ((s.h >> 8) & 511), ${accountId},
          (a.served_on + time '20:00') at time zone 'Asia/Shanghai'
        from (select g, hashtext(g::text) & 2147483647 as h from generate_series(1, ${fromActivities}::int) g) s
        join bench_activities a on a.n = 1 + s.g % ${activities}::int
        join bench_volunteers v on v.n = 1 + s.h % (case when s.g % 2 = 0 then ${volunteers}::int else ${active}::int end)`,
    );
    await run(
      `${imported} imported entries`,
      sql`insert into volunteer_ledger (person_id, town_code, import_id, external_ref, category, place, served_on,
          hundredths, confirmed_by, created_at)
        select v.id, v.town_code, ${imports.rows[0].id}, 'GD' || lpad(s.g::text, 12, '0'),
          (array['general', 'general', 'anti_drug', 'online_civility'])[1 + (s.h >> 4) % 4], 'guangdong_other',
          ${day}::date - (s.h % ${HISTORY_DAYS}::int), 100 + ((s.h >> 8) & 255), ${accountId},
          (${day}::date - (s.h % ${HISTORY_DAYS}::int) + 30 + time '10:00') at time zone 'Asia/Shanghai'
        from (select g, hashtext('import' || g) & 2147483647 as h from generate_series(1, ${imported}::int) g) s
        join bench_volunteers v on v.n = 1 + s.h % (case when s.g % 2 = 0 then ${volunteers}::int else ${active}::int end)`,
    );
    await run(
      "reversals",
      sql`insert into volunteer_ledger (person_id, town_code, activity_id, import_id, external_ref, campaign_id,
          category, place, served_on, hundredths, confirmed_by, reason, reverses_entry_id, created_at)
        select person_id, town_code, activity_id, import_id, external_ref, campaign_id, category, place, served_on,
          -least(hundredths, 50), confirmed_by, '更正：签退时间登记有误', id, created_at + interval '2 days'
        from volunteer_ledger where (hashtext(id::text) & 127) = 0`,
    );
    for (const index of indexes.rows) await run(`index ${index.indexname}`, sql.raw(index.indexdef));
    await run(
      "sign-ups of the last year",
      sql`insert into volunteer_signups (activity_id, person_id, town_code, status, queue_position, token,
          signed_up_at, checked_in_at, checked_in_by, checked_out_at, checked_out_by)
        select distinct on (l.activity_id, l.person_id) l.activity_id, l.person_id, a.town_code, 'confirmed',
          nextval('volunteer_signup_queue'), md5(l.id::text), a.starts_at - interval '3 days', a.starts_at,
          ${accountId}, a.ends_at, ${accountId}
        from volunteer_ledger l join volunteer_activities a on a.id = l.activity_id
        where l.reverses_entry_id is null and l.served_on > ${day}::date - 365
        order by l.activity_id, l.person_id`,
    );
    await run(
      "Party-member declarations",
      sql`insert into volunteer_profiles (person_id, party_member)
        select id, n % 3 = 0 from bench_volunteers where n % 5 = 0`,
    );
    const cycle = await sql<{ id: string }>`insert into points_cycles (year, title, policy_id, opens_on, closes_on,
        quotas_due_on)
      values (${year}, 'bench', 'zhongshan-points-2014', ${`${year}-03-01`}, ${`${year}-04-30`}, ${`${year}-02-15`})
      returning id`.execute(connection);
    const cycleId = cycle.rows[0].id;
    const step = Math.max(1, Math.floor(volunteers / Math.max(1, applicants)));
    await run(
      `${applicants} points applicants`,
      sql`insert into points_enrolments (person_id, town_code, residence_permit_number, work_started_on, enrolled_on,
          status)
        select p.id, p.town_code, 'RP' || p.id_number, date '2015-01-01', ${`${year}-03-02`}, 'enrolled'
        from bench_volunteers v join persons p on p.id = v.id
        where v.n % ${step}::int = 0 order by v.n limit ${applicants}::int`,
    );
    await sql`insert into points_applications (cycle_id, enrolment_id, person_id, town_code, purpose, applied_at,
        applied_on, status, policy_id)
      select ${cycleId}, e.id, e.person_id, e.town_code,
        (array['school', 'housing', 'hukou'])[1 + (hashtext(e.id::text) & 2147483647) % 3],
        ${`${year}-03-10T02:00:00Z`}, ${`${year}-03-10`}, 'accepted', 'zhongshan-points-2014'
      from points_enrolments e`.execute(connection);
    await sql`set session_replication_role = default`.execute(connection).catch(() => undefined);
    await sql`drop table bench_activities`.execute(connection);
    await sql`drop table bench_volunteers`.execute(connection);
    await run("analyze", sql`analyze`);
    const counts = await sql<Record<string, string>>`select
        (select count(*) from persons) as persons,
        (select count(*) from volunteer_ledger) as entries,
        (select count(*) from volunteer_ledger where reverses_entry_id is not null) as reversals,
        (select count(*) from volunteer_activities) as activities,
        (select count(*) from volunteer_signups) as signups,
        (select count(*) from points_applications where cycle_id = ${cycleId}) as applicants`.execute(connection);
    const row = counts.rows[0];
    return {
      persons: Number(row.persons),
      entries: Number(row.entries),
      reversals: Number(row.reversals),
      activities: Number(row.activities),
      signups: Number(row.signups),
      applicants: Number(row.applicants),
      cycleId,
      today: day,
    };
  });
}
