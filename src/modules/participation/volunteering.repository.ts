/** Queries of volunteering: organisations and their organisers, activities, sign-ups. */
import { sql } from "kysely";
import type { Executor } from "../../db/transaction";
import type { Actor } from "../../platform/roles";
import { participationDb, type SignupStatus, type VolunteerCategory } from "./tables";

/** An activity with its organisation and campaign, and the counts of its sign-ups. */
export interface ActivityRecord {
  id: string;
  organisationId: string;
  organisationName: string;
  campaignId: string | null;
  campaignCode: string | null;
  campaignName: string | null;
  title: string;
  description: string;
  category: VolunteerCategory;
  place: string;
  townCode: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  status: "published" | "cancelled";
  confirmedCount: number;
  waitingCount: number;
}

/** An activity as a route target: the record plus whether the caller organises it. */
export interface ActivityTarget extends ActivityRecord {
  organisedByCaller: boolean;
}

function activityQuery(executor: Executor) {
  return participationDb(executor)
    .selectFrom("volunteer_activities as a")
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .leftJoin("participation_campaigns as c", "c.id", "a.campaign_id")
    .select((eb) => [
      "a.id",
      "a.organisation_id as organisationId",
      "o.name as organisationName",
      "a.campaign_id as campaignId",
      "c.code as campaignCode",
      "c.name as campaignName",
      "a.title",
      "a.description",
      "a.category",
      "a.place",
      "a.town_code as townCode",
      "a.starts_at as startsAt",
      "a.ends_at as endsAt",
      "a.capacity",
      "a.status",
      eb
        .selectFrom("volunteer_signups as s")
        .whereRef("s.activity_id", "=", "a.id")
        .where("s.status", "=", "confirmed")
        .select(sql<number>`count(*)::int`.as("n"))
        .as("confirmedCount"),
      eb
        .selectFrom("volunteer_signups as s")
        .whereRef("s.activity_id", "=", "a.id")
        .where("s.status", "=", "waiting")
        .select(sql<number>`count(*)::int`.as("n"))
        .as("waitingCount"),
    ]);
}

function normalise<T extends { confirmedCount: number | null; waitingCount: number | null }>(row: T) {
  return { ...row, confirmedCount: Number(row.confirmedCount ?? 0), waitingCount: Number(row.waitingCount ?? 0) };
}

/** One activity. */
export async function findActivity(executor: Executor, id: string): Promise<ActivityRecord | undefined> {
  const row = await activityQuery(executor).where("a.id", "=", id).executeTakeFirst();
  return row ? normalise(row) : undefined;
}

/** One activity as a target, with whether the actor is an organiser of its organisation. */
export async function findActivityTarget(
  executor: Executor,
  id: string,
  actor: Actor | null,
): Promise<ActivityTarget | undefined> {
  const activity = await findActivity(executor, id);
  if (!activity) return undefined;
  return { ...activity, organisedByCaller: await isOrganiserOf(executor, actor, activity.organisationId) };
}

/** Published activities, filtered, soonest first; `from` limits to those ending after it. */
export async function listActivities(
  executor: Executor,
  filter: { from?: Date; campaignCode?: string; townCode?: string; organisationIds?: string[]; limit?: number },
): Promise<ActivityRecord[]> {
  let query = activityQuery(executor);
  if (filter.organisationIds) {
    if (filter.organisationIds.length === 0) return [];
    query = query.where("a.organisation_id", "in", filter.organisationIds);
  } else {
    query = query.where("a.status", "=", "published");
  }
  if (filter.from) query = query.where("a.ends_at", ">=", filter.from);
  if (filter.campaignCode) query = query.where("c.code", "=", filter.campaignCode);
  if (filter.townCode) query = query.where("a.town_code", "=", filter.townCode);
  const rows = await query
    .orderBy("a.starts_at", filter.organisationIds ? "desc" : "asc")
    .limit(filter.limit ?? 200)
    .execute();
  return rows.map(normalise);
}

/** The organisations whose activities the account organises. */
export async function organisationsOf(executor: Executor, accountId: string): Promise<{ id: string; name: string }[]> {
  return participationDb(executor)
    .selectFrom("volunteer_organisers as m")
    .innerJoin("organisations as o", "o.id", "m.organisation_id")
    .where("m.account_id", "=", accountId)
    .select(["o.id", "o.name"])
    .orderBy("o.name")
    .execute();
}

/** An organiser account of an organisation. */
export interface OrganiserRecord {
  accountId: string;
  username: string;
  displayName: string;
  disabled: boolean;
  since: string;
}

/** The organiser accounts of an organisation, by username. */
export async function organisersOf(executor: Executor, organisationId: string): Promise<OrganiserRecord[]> {
  return participationDb(executor)
    .selectFrom("volunteer_organisers as m")
    .innerJoin("accounts as a", "a.id", "m.account_id")
    .where("m.organisation_id", "=", organisationId)
    .select(["a.id as accountId", "a.username", "a.display_name as displayName", "a.disabled", "m.since"])
    .orderBy("a.username")
    .execute();
}

/** Accounts holding the organiser role whose username or display name contains q (at most `limit`, by username). */
export async function searchOrganiserAccounts(
  executor: Executor,
  q: string | undefined,
  limit: number,
): Promise<{ id: string; username: string; displayName: string; disabled: boolean }[]> {
  let select = executor
    .selectFrom("accounts as a")
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("account_roles as r")
          .select("r.role")
          .whereRef("r.account_id", "=", "a.id")
          .where("r.role", "=", "organiser"),
      ),
    );
  const text = q?.trim();
  if (text) {
    const pattern = `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    select = select.where((eb) => eb.or([eb("a.username", "like", pattern), eb("a.display_name", "like", pattern)]));
  }
  return select
    .select(["a.id", "a.username", "a.display_name as displayName", "a.disabled"])
    .orderBy("a.username")
    .limit(limit)
    .execute();
}

/** Whether the actor is an organiser of the organisation. */
export async function isOrganiserOf(executor: Executor, actor: Actor | null, organisationId: string): Promise<boolean> {
  if (!actor) return false;
  const row = await participationDb(executor)
    .selectFrom("volunteer_organisers")
    .select("account_id")
    .where("organisation_id", "=", organisationId)
    .where("account_id", "=", actor.id)
    .executeTakeFirst();
  return row !== undefined;
}

/** A sign-up with its activity's organisation and times. */
export interface SignupRecord {
  id: string;
  activityId: string;
  personId: string;
  personName: string;
  status: SignupStatus;
  queuePosition: number;
  waitingPosition: number | null;
  token: string;
  signedUpAt: Date;
  cancelledAt: Date | null;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
  organisationId: string;
  activityTitle: string;
  startsAt: Date;
  endsAt: Date;
  townCode: string;
}

/** A sign-up as a route target: the record plus whether the caller organises its activity. */
export interface SignupTarget extends SignupRecord {
  organisedByCaller: boolean;
}

function signupQuery(executor: Executor) {
  return participationDb(executor)
    .selectFrom("volunteer_signups as s")
    .innerJoin("volunteer_activities as a", "a.id", "s.activity_id")
    .innerJoin("persons as p", "p.id", "s.person_id")
    .select([
      sql<
        number | null
      >`case when s.status = 'waiting' then (select count(*)::int from volunteer_signups w where w.activity_id = s.activity_id and w.status = 'waiting' and w.queue_position <= s.queue_position) end`.as(
        "waitingPosition",
      ),
      "s.id",
      "s.activity_id as activityId",
      "s.person_id as personId",
      "p.name as personName",
      "s.status",
      "s.queue_position as queuePosition",
      "s.token",
      "s.signed_up_at as signedUpAt",
      "s.cancelled_at as cancelledAt",
      "s.checked_in_at as checkedInAt",
      "s.checked_out_at as checkedOutAt",
      "a.organisation_id as organisationId",
      "a.title as activityTitle",
      "a.starts_at as startsAt",
      "a.ends_at as endsAt",
      "a.town_code as townCode",
    ]);
}

/** One sign-up. */
export async function findSignup(executor: Executor, id: string): Promise<SignupRecord | undefined> {
  return signupQuery(executor).where("s.id", "=", id).executeTakeFirst();
}

/** One sign-up as a target, with whether the actor organises its activity. */
export async function findSignupTarget(
  executor: Executor,
  id: string,
  actor: Actor | null,
): Promise<SignupTarget | undefined> {
  const signup = await findSignup(executor, id);
  if (!signup) return undefined;
  return { ...signup, organisedByCaller: await isOrganiserOf(executor, actor, signup.organisationId) };
}

/** The live sign-up of a token within an activity (what the QR code carries). */
export async function findSignupByToken(
  executor: Executor,
  activityId: string,
  token: string,
): Promise<SignupRecord | undefined> {
  return signupQuery(executor)
    .where("s.activity_id", "=", activityId)
    .where("s.token", "=", token)
    .where("s.status", "<>", "cancelled")
    .executeTakeFirst();
}

/** The roster of an activity (live sign-ups in queue order) with each volunteer's party-member declaration. */
export async function activityRoster(executor: Executor, activityId: string) {
  return signupQuery(executor)
    .leftJoin("volunteer_profiles as v", "v.person_id", "s.person_id")
    .select((eb) => [
      eb.fn.coalesce("v.party_member", sql<boolean>`false`).as("partyMember"),
      eb
        .selectFrom("volunteer_ledger as l")
        .whereRef("l.activity_id", "=", "s.activity_id")
        .whereRef("l.person_id", "=", "s.person_id")
        .select(sql<number>`coalesce(sum(l.hundredths), 0)::int`.as("h"))
        .as("confirmedHundredths"),
    ])
    .where("s.activity_id", "=", activityId)
    .where("s.status", "<>", "cancelled")
    .orderBy("s.queue_position")
    .execute();
}

/** A person's sign-ups, newest activity first. */
export async function signupsOfPerson(executor: Executor, personId: string) {
  return signupQuery(executor).where("s.person_id", "=", personId).orderBy("a.starts_at", "desc").limit(200).execute();
}
