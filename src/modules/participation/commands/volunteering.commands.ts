/**
 * Volunteering commands: organisers of organisations, activities, sign-ups with a waiting list (the first in the
 * queue is promoted when a confirmed volunteer cancels), check-in and check-out, a volunteer's own declaration.
 */
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { now, today } from "../../../core/clock";
import { err, ok, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { audit, isUniqueViolation, type CommandContext } from "../../../platform/commands/context";
import { notFoundProblem } from "../../../platform/http/command-reply";
import type { Actor } from "../../../platform/roles";
import { findCampaignByCode } from "../repository";
import type { ActivityCreateBody } from "../schemas";
import { participationDb } from "../tables";
import {
  findActivity,
  findSignup,
  isOrganiserOf,
  type ActivityRecord,
  type SignupRecord,
} from "../volunteering.repository";
import { instantOf, refuse } from "./context";

/** Makes an account an organiser of an organisation (programme admins): its accounts then publish activities. */
export async function addOrganiser(
  trx: Trx,
  context: CommandContext<Actor | null>,
  organisationId: string,
  username: string,
): Promise<Result<{ organisationId: string; accountId: string; username: string }>> {
  const account = await trx
    .selectFrom("accounts")
    .select(["id", "username"])
    .where("username", "=", username.trim())
    .executeTakeFirst();
  if (!account) return refuse("unknown_account", "账号不存在", "no such account", "username");
  const grant = await trx
    .selectFrom("account_roles")
    .select("role")
    .where("account_id", "=", account.id)
    .where("role", "=", "organiser")
    .executeTakeFirst();
  if (!grant)
    return refuse(
      "not_an_organiser",
      "该账号没有组织者角色",
      "the account does not hold the organiser role",
      "username",
    );
  const organisation = await trx
    .selectFrom("organisations")
    .select(["id", "town_code"])
    .where("id", "=", organisationId)
    .executeTakeFirst();
  if (!organisation) return refuse("not_found", "组织不存在", "no such organisation", "organisationId");
  const inserted = await participationDb(trx)
    .insertInto("volunteer_organisers")
    .values({ organisation_id: organisationId, account_id: account.id, since: today() })
    .onConflict((oc) => oc.doNothing())
    .returning("account_id")
    .executeTakeFirst();
  if (!inserted)
    return refuse("already_organiser", "该账号已是本组织的组织者", "already an organiser of it", "username");
  await audit(trx, context, {
    action: "participation.organiser.add",
    entityType: "organisation",
    entityId: organisationId,
    townCode: organisation.town_code,
    after: { accountId: account.id, username: account.username },
  });
  return ok({ organisationId, accountId: account.id, username: account.username });
}

/**
 * Ends an account's organisership of an organisation (programme admins): it no longer publishes or runs the
 * organisation's activities. Activities it published and hours it confirmed stay as they are.
 */
export async function removeOrganiser(
  trx: Trx,
  context: CommandContext<Actor | null>,
  organisationId: string,
  accountId: string,
): Promise<Result<{ organisationId: string; accountId: string; username: string }>> {
  const organisation = await trx
    .selectFrom("organisations")
    .select(["id", "town_code"])
    .where("id", "=", organisationId)
    .executeTakeFirst();
  if (!organisation) return err(notFoundProblem);
  const removed = await participationDb(trx)
    .deleteFrom("volunteer_organisers")
    .where("organisation_id", "=", organisationId)
    .where("account_id", "=", accountId)
    .returning(["account_id", "since"])
    .executeTakeFirst();
  // An account that is not an organiser of it, or no account at all: the one "not found".
  if (!removed) return err(notFoundProblem);
  const account = await trx
    .selectFrom("accounts")
    .select("username")
    .where("id", "=", accountId)
    .executeTakeFirstOrThrow();
  await audit(trx, context, {
    action: "participation.organiser.remove",
    entityType: "organisation",
    entityId: organisationId,
    townCode: organisation.town_code,
    before: { accountId, username: account.username, since: removed.since },
  });
  return ok({ organisationId, accountId, username: account.username });
}

/** Publishes an activity of one of the organiser's organisations. */
export async function createActivity(
  trx: Trx,
  context: CommandContext<Actor>,
  input: ActivityCreateBody,
): Promise<Result<ActivityRecord>> {
  if (!(await isOrganiserOf(trx, context.actor, input.organisationId)))
    return refuse(
      "forbidden",
      "您不是该组织的组织者",
      "you are not an organiser of this organisation",
      "organisationId",
    );
  const title = input.title.trim();
  if (!title) return refuse("invalid_title", "活动名称不能为空", "title must not be empty", "title");
  const place = input.place.trim();
  if (!place) return refuse("invalid_place", "活动地点不能为空", "place must not be empty", "place");
  const town = await trx.selectFrom("towns").select("code").where("code", "=", input.townCode).executeTakeFirst();
  if (!town) return refuse("unknown_town", "未知的镇区", "unknown town", "townCode");
  const startsAt = instantOf(input.startsAt, now(), "startsAt");
  if (!startsAt.ok) return startsAt;
  const endsAt = instantOf(input.endsAt, now(), "endsAt");
  if (!endsAt.ok) return endsAt;
  if (endsAt.value <= startsAt.value)
    return refuse("invalid_period", "结束时间须晚于开始时间", "endsAt must be after startsAt", "endsAt");
  if (endsAt.value.getTime() - startsAt.value.getTime() > 24 * 3_600_000)
    return refuse("invalid_period", "一次活动不能超过24小时", "an activity lasts at most 24 hours", "endsAt");
  let campaignId: string | null = null;
  if (input.campaignCode) {
    const campaign = await findCampaignByCode(trx, input.campaignCode);
    if (!campaign) return refuse("unknown_campaign", "未知的全民参与活动", "unknown campaign", "campaignCode");
    campaignId = campaign.id;
  }
  const inserted = await participationDb(trx)
    .insertInto("volunteer_activities")
    .values({
      organisation_id: input.organisationId,
      campaign_id: campaignId,
      title,
      description: input.description?.trim() ?? "",
      category: input.category,
      place,
      town_code: input.townCode,
      starts_at: startsAt.value,
      ends_at: endsAt.value,
      capacity: input.capacity,
      created_by: context.actor.id,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const activity = (await findActivity(trx, inserted.id))!;
  await audit(trx, context, {
    action: "participation.activity.create",
    entityType: "volunteer_activity",
    entityId: activity.id,
    townCode: activity.townCode,
    after: { ...input, campaignId },
  });
  return ok(activity);
}

async function lockActivity(trx: Trx, activityId: string) {
  return participationDb(trx)
    .selectFrom("volunteer_activities")
    .selectAll()
    .where("id", "=", activityId)
    .forUpdate()
    .executeTakeFirst();
}

/** Signs a resident up: a place while there is one, else the waiting list. */
export async function signUp(
  trx: Trx,
  context: CommandContext<Actor>,
  activityId: string,
): Promise<Result<SignupRecord>> {
  const personId = context.actor.personId;
  if (!personId)
    return refuse("no_person", "账号未关联人员，不能报名", "the account is not linked to a person", "personId");
  const activity = await lockActivity(trx, activityId);
  if (!activity) return refuse("not_found", "活动不存在", "no such activity", "activityId");
  if (activity.status !== "published")
    return refuse("activity_cancelled", "活动已取消", "the activity was cancelled", "activityId");
  if (new Date(activity.starts_at) <= now())
    return refuse(
      "signup_closed",
      "活动已开始，报名已截止",
      "the activity has started; sign-up is closed",
      "activityId",
    );
  const db = participationDb(trx);
  const taken = await db
    .selectFrom("volunteer_signups")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("activity_id", "=", activityId)
    .where("status", "=", "confirmed")
    .executeTakeFirstOrThrow();
  const status = Number(taken.n) < activity.capacity ? "confirmed" : "waiting";
  const existing = await db
    .selectFrom("volunteer_signups")
    .select("id")
    .where("activity_id", "=", activityId)
    .where("person_id", "=", personId)
    .where("status", "<>", "cancelled")
    .executeTakeFirst();
  if (existing)
    return refuse("already_signed_up", "您已报名该活动", "already signed up for this activity", "activityId");
  let id: string;
  try {
    const inserted = await db
      .insertInto("volunteer_signups")
      .values({
        activity_id: activityId,
        person_id: personId,
        town_code: activity.town_code,
        status,
        queue_position: sql`nextval('volunteer_signup_queue')`,
        token: randomBytes(16).toString("base64url"),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    id = inserted.id;
  } catch (error) {
    if (isUniqueViolation(error, "volunteer_signups_one_live"))
      return refuse("already_signed_up", "您已报名该活动", "already signed up for this activity", "activityId");
    throw error;
  }
  await audit(trx, context, {
    action: "participation.signup.create",
    entityType: "volunteer_signup",
    entityId: id,
    townCode: activity.town_code,
    after: { activityId, personId, status },
  });
  return ok((await findSignup(trx, id))!);
}

/** Cancels a sign-up before the activity starts; a freed place goes to the first on the waiting list. */
export async function cancelSignup(
  trx: Trx,
  context: CommandContext<Actor>,
  signupId: string,
): Promise<Result<{ signup: SignupRecord; promoted: SignupRecord | null }>> {
  const current = await findSignup(trx, signupId);
  if (!current) return refuse("not_found", "报名记录不存在", "no such sign-up", "signupId");
  const activity = await lockActivity(trx, current.activityId);
  const signup = (await findSignup(trx, signupId))!;
  if (signup.status === "cancelled")
    return refuse("already_cancelled", "该报名已取消", "the sign-up is already cancelled", "signupId");
  if (new Date(activity!.starts_at) <= now())
    return refuse("signup_closed", "活动已开始，不能取消报名", "the activity has started; cannot cancel", "signupId");
  const db = participationDb(trx);
  await db
    .updateTable("volunteer_signups")
    .set({ status: "cancelled", cancelled_at: now() })
    .where("id", "=", signupId)
    .execute();
  await audit(trx, context, {
    action: "participation.signup.cancel",
    entityType: "volunteer_signup",
    entityId: signupId,
    townCode: signup.townCode,
    before: { status: signup.status },
    after: { status: "cancelled" },
  });
  let promoted: SignupRecord | null = null;
  if (signup.status === "confirmed") {
    const next = await db
      .selectFrom("volunteer_signups")
      .select("id")
      .where("activity_id", "=", signup.activityId)
      .where("status", "=", "waiting")
      .orderBy("queue_position")
      .limit(1)
      .executeTakeFirst();
    if (next) {
      await db.updateTable("volunteer_signups").set({ status: "confirmed" }).where("id", "=", next.id).execute();
      await audit(trx, context, {
        action: "participation.signup.promote",
        entityType: "volunteer_signup",
        entityId: next.id,
        townCode: signup.townCode,
        before: { status: "waiting" },
        after: { status: "confirmed", freedBy: signupId },
      });
      promoted = (await findSignup(trx, next.id))!;
    }
  }
  return ok({ signup: (await findSignup(trx, signupId))!, promoted });
}

/** Checks a volunteer in (from the list, or by the QR token they show); a confirmed place is needed. */
export async function checkIn(
  trx: Trx,
  context: CommandContext<Actor>,
  signupId: string,
  at?: string,
): Promise<Result<SignupRecord>> {
  const signup = await findSignup(trx, signupId);
  if (!signup) return refuse("not_found", "报名记录不存在", "no such sign-up", "signupId");
  if (signup.status !== "confirmed")
    return refuse(
      "not_confirmed",
      signup.status === "waiting" ? "候补人员尚未获得名额，不能签到" : "报名已取消，不能签到",
      signup.status === "waiting" ? "a volunteer on the waiting list cannot check in" : "the sign-up is cancelled",
      "signupId",
    );
  if (signup.checkedInAt) return refuse("already_checked_in", "已签到", "already checked in", "checkedInAt");
  const instant = instantOf(at, now(), "at");
  if (!instant.ok) return instant;
  if (instant.value > now()) return refuse("future_time", "签到时间不能晚于现在", "at must not be in the future", "at");
  if (instant.value >= new Date(signup.endsAt))
    return refuse("activity_over", "活动结束后不能签到", "check-in must be before the activity ends", "at");
  await participationDb(trx)
    .updateTable("volunteer_signups")
    .set({ checked_in_at: instant.value, checked_in_by: context.actor.id })
    .where("id", "=", signupId)
    .execute();
  await audit(trx, context, {
    action: "participation.signup.check_in",
    entityType: "volunteer_signup",
    entityId: signupId,
    townCode: signup.townCode,
    after: { checkedInAt: instant.value.toISOString() },
  });
  return ok((await findSignup(trx, signupId))!);
}

/** Checks a volunteer out; refused before their check-in. */
export async function checkOut(
  trx: Trx,
  context: CommandContext<Actor>,
  signupId: string,
  at?: string,
): Promise<Result<SignupRecord>> {
  const signup = await findSignup(trx, signupId);
  if (!signup) return refuse("not_found", "报名记录不存在", "no such sign-up", "signupId");
  if (!signup.checkedInAt)
    return refuse("not_checked_in", "尚未签到，不能签退", "check in before checking out", "checkedInAt");
  if (signup.checkedOutAt) return refuse("already_checked_out", "已签退", "already checked out", "checkedOutAt");
  const instant = instantOf(at, now(), "at");
  if (!instant.ok) return instant;
  if (instant.value > now()) return refuse("future_time", "签退时间不能晚于现在", "at must not be in the future", "at");
  if (instant.value < new Date(signup.checkedInAt))
    return refuse(
      "checkout_before_checkin",
      "签退时间不能早于签到时间",
      "the check-out time is before the check-in time",
      "at",
    );
  await participationDb(trx)
    .updateTable("volunteer_signups")
    .set({ checked_out_at: instant.value, checked_out_by: context.actor.id })
    .where("id", "=", signupId)
    .execute();
  await audit(trx, context, {
    action: "participation.signup.check_out",
    entityType: "volunteer_signup",
    entityId: signupId,
    townCode: signup.townCode,
    after: { checkedOutAt: instant.value.toISOString() },
  });
  return ok((await findSignup(trx, signupId))!);
}

/** Records a volunteer's own declaration (党员志愿者), shown only in aggregates and to their organisations. */
export async function declareProfile(
  trx: Trx,
  context: CommandContext<Actor>,
  partyMember: boolean,
): Promise<Result<{ partyMember: boolean }>> {
  const personId = context.actor.personId;
  if (!personId) return refuse("no_person", "账号未关联人员", "the account is not linked to a person", "personId");
  await participationDb(trx)
    .insertInto("volunteer_profiles")
    .values({ person_id: personId, party_member: partyMember, declared_at: now() })
    .onConflict((oc) => oc.column("person_id").doUpdateSet({ party_member: partyMember, declared_at: now() }))
    .execute();
  await audit(trx, context, {
    action: "participation.profile.declare",
    entityType: "person",
    entityId: personId,
    townCode: null,
    after: { partyMember },
  });
  return ok({ partyMember });
}
