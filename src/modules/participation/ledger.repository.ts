/**
 * Queries of the volunteer-hours ledger: a person's entries and totals (the hours page), one entry, what is left of
 * an entry.
 */
import { sql } from "kysely";
import type { Executor } from "../../db/transaction";
import type { Actor } from "../../platform/roles";
import { participationDb, type VolunteerCategory, type VolunteerPlace } from "./tables";
import { isOrganiserOf, signupsOfPerson } from "./volunteering.repository";

/** A ledger entry with where it came from. */
export interface LedgerEntryRecord {
  id: string;
  personId: string;
  activityId: string | null;
  activityTitle: string | null;
  organisationId: string | null;
  organisationName: string | null;
  importId: string | null;
  externalRef: string | null;
  campaignCode: string | null;
  category: VolunteerCategory;
  place: VolunteerPlace;
  servedOn: string;
  hundredths: number;
  confirmedBy: string;
  confirmedByUsername: string;
  reason: string;
  reversesEntryId: string | null;
  createdAt: Date;
}

/** A ledger entry as a route target, with whether the caller organises the activity behind it. */
export interface LedgerEntryTarget extends LedgerEntryRecord {
  organisedByCaller: boolean;
}

function entryQuery(executor: Executor) {
  return participationDb(executor)
    .selectFrom("volunteer_ledger as l")
    .leftJoin("volunteer_activities as a", "a.id", "l.activity_id")
    .leftJoin("organisations as o", "o.id", "a.organisation_id")
    .leftJoin("participation_campaigns as c", "c.id", "l.campaign_id")
    .innerJoin("accounts as u", "u.id", "l.confirmed_by")
    .select([
      "l.id",
      "l.person_id as personId",
      "l.activity_id as activityId",
      "a.title as activityTitle",
      "a.organisation_id as organisationId",
      "o.name as organisationName",
      "l.import_id as importId",
      "l.external_ref as externalRef",
      "c.code as campaignCode",
      "l.category",
      "l.place",
      "l.served_on as servedOn",
      "l.hundredths",
      "l.confirmed_by as confirmedBy",
      "u.username as confirmedByUsername",
      "l.reason",
      "l.reverses_entry_id as reversesEntryId",
      "l.created_at as createdAt",
    ]);
}

/** One ledger entry. */
export async function findLedgerEntry(executor: Executor, id: string): Promise<LedgerEntryRecord | undefined> {
  return entryQuery(executor).where("l.id", "=", id).executeTakeFirst();
}

/** One ledger entry as a target. */
export async function findLedgerEntryTarget(
  executor: Executor,
  id: string,
  actor: Actor | null,
): Promise<LedgerEntryTarget | undefined> {
  const entry = await findLedgerEntry(executor, id);
  if (!entry) return undefined;
  const organisedByCaller = entry.organisationId ? await isOrganiserOf(executor, actor, entry.organisationId) : false;
  return { ...entry, organisedByCaller };
}

/** A person's entries, newest first (the hours page). */
export async function ledgerOfPerson(executor: Executor, personId: string, limit = 500): Promise<LedgerEntryRecord[]> {
  return entryQuery(executor)
    .where("l.person_id", "=", personId)
    .orderBy("l.served_on", "desc")
    .orderBy("l.created_at", "desc")
    .limit(limit)
    .execute();
}

/** The entries of an activity, oldest first (its organisers' roster, for corrections). */
export async function ledgerOfActivity(executor: Executor, activityId: string): Promise<LedgerEntryRecord[]> {
  return entryQuery(executor)
    .where("l.activity_id", "=", activityId)
    .orderBy("l.created_at", "asc")
    .limit(5000)
    .execute();
}

/** A person's net hours by year, category and place (reversals netted). */
export async function hoursOfPerson(executor: Executor, personId: string) {
  const rows = await participationDb(executor)
    .selectFrom("volunteer_ledger")
    .where("person_id", "=", personId)
    .select([
      sql<number>`extract(year from served_on)::int`.as("year"),
      "category",
      "place",
      sql<number>`sum(hundredths)::int`.as("hundredths"),
    ])
    .groupBy([sql`extract(year from served_on)`, "category", "place"])
    .orderBy(sql`extract(year from served_on)`, "desc")
    .execute();
  return rows
    .map((row) => ({ ...row, year: Number(row.year), hundredths: Number(row.hundredths) }))
    .filter((row) => row.hundredths !== 0);
}

/**
 * Everything the resident's hours page (我的志愿服务, `GET /participation/me`) reads about one person: the Party-member
 * declaration, net hours by year, category and place, the entries (newest first) and the sign-ups.
 */
export async function volunteeringOfPerson(executor: Executor, personId: string) {
  const profile = await participationDb(executor)
    .selectFrom("volunteer_profiles")
    .select("party_member")
    .where("person_id", "=", personId)
    .executeTakeFirst();
  return {
    partyMember: profile?.party_member ?? false,
    hours: await hoursOfPerson(executor, personId),
    entries: await ledgerOfPerson(executor, personId),
    signups: await signupsOfPerson(executor, personId),
  };
}

/** What is left of an original entry after its reversals (the entry's hundredths plus its negative reversals). */
export async function remainingOf(executor: Executor, entryId: string): Promise<number> {
  const row = await participationDb(executor)
    .selectFrom("volunteer_ledger")
    .select(sql<number>`coalesce(sum(hundredths), 0)::int`.as("n"))
    .where((eb) => eb.or([eb("id", "=", entryId), eb("reverses_entry_id", "=", entryId)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The net hours already in the ledger for a person at an activity. */
export async function netHoursAt(executor: Executor, activityId: string, personId: string): Promise<number> {
  const row = await participationDb(executor)
    .selectFrom("volunteer_ledger")
    .select(sql<number>`coalesce(sum(hundredths), 0)::int`.as("n"))
    .where("activity_id", "=", activityId)
    .where("person_id", "=", personId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
