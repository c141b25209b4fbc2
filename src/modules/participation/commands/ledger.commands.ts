/**
 * The volunteer-hours ledger: an organiser confirms a volunteer's hours at an activity that has happened (one
 * positive entry), and a correction is a reversing entry with a reason, never an edit or a delete (the database
 * refuses both). The rules refused here are those of issue 11: hours for an activity that has not happened, more
 * hours than it lasted (or than the volunteer attended), an organiser confirming their own hours, a reversal of
 * more than what is left of the entry.
 */
import { now } from "../../../core/clock";
import { toShanghaiDate } from "../../../core/dates";
import { ok, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { audit, type CommandContext } from "../../../platform/commands/context";
import { personFactsChanged } from "../../../platform/facts/person-facts";
import type { Actor } from "../../../platform/roles";
import { formatHours, hundredthsBetween, parseHours } from "../hours";
import { findLedgerEntry, netHoursAt, remainingOf, type LedgerEntryRecord } from "../ledger.repository";
import { participationDb } from "../tables";
import { refuse } from "./context";

/** Confirms a checked-out volunteer's hours: the given hours, or the attended time within the activity's period. */
export async function confirmHours(
  trx: Trx,
  context: CommandContext<Actor>,
  signupId: string,
  hoursText: string | undefined,
): Promise<Result<LedgerEntryRecord>> {
  const db = participationDb(trx);
  const signup = await db
    .selectFrom("volunteer_signups")
    .selectAll()
    .where("id", "=", signupId)
    .forUpdate()
    .executeTakeFirst();
  if (!signup) return refuse("not_found", "报名记录不存在", "no such sign-up", "signupId");
  const activity = await db
    .selectFrom("volunteer_activities")
    .selectAll()
    .where("id", "=", signup.activity_id)
    .executeTakeFirstOrThrow();
  const startsAt = new Date(activity.starts_at);
  const endsAt = new Date(activity.ends_at);
  if (endsAt > now())
    return refuse(
      "activity_not_over",
      "活动尚未结束，不能确认时长",
      "hours cannot be confirmed for an activity that has not happened yet",
      "activityId",
    );
  if (context.actor.personId !== null && context.actor.personId === signup.person_id)
    return refuse(
      "own_hours",
      "组织者不能确认本人的志愿服务时长",
      "an organiser cannot confirm their own hours",
      "personId",
    );
  if (!signup.checked_in_at)
    return refuse("not_checked_in", "尚未签到，不能确认时长", "the volunteer has not checked in", "checkedInAt");
  if (!signup.checked_out_at)
    return refuse("not_checked_out", "尚未签退，不能确认时长", "the volunteer has not checked out", "checkedOutAt");
  if ((await netHoursAt(trx, activity.id, signup.person_id)) > 0)
    return refuse(
      "hours_already_confirmed",
      "该志愿者本次活动的时长已确认，更正请冲销",
      "hours are already confirmed for this activity; correct them with a reversal",
      "signupId",
    );
  const lasted = hundredthsBetween(startsAt, endsAt);
  const checkedIn = new Date(signup.checked_in_at);
  const checkedOut = new Date(signup.checked_out_at);
  const attended = hundredthsBetween(
    checkedIn > startsAt ? checkedIn : startsAt,
    checkedOut < endsAt ? checkedOut : endsAt,
  );
  let hundredths = attended;
  if (hoursText !== undefined) {
    const parsed = parseHours(hoursText);
    if (!parsed.ok) return parsed;
    hundredths = parsed.value;
    if (hundredths > lasted)
      return refuse(
        "hours_exceed_activity",
        `时长不能超过活动时长 ${formatHours(lasted)} 小时`,
        `hours must not exceed the ${formatHours(lasted)} hours the activity lasted`,
        "hours",
      );
    if (hundredths > attended)
      return refuse(
        "hours_exceed_attendance",
        `时长不能超过签到至签退的 ${formatHours(attended)} 小时`,
        `hours must not exceed the ${formatHours(attended)} hours between check-in and check-out within the activity`,
        "hours",
      );
  }
  if (hundredths <= 0)
    return refuse(
      "no_hours",
      "签到签退时间在活动时间内不足0.01小时",
      "no time attended within the activity's period",
      "hours",
    );
  // The distribution key: the volunteer's 镇区 (the ledger is read per person).
  const volunteer = await trx
    .selectFrom("persons")
    .select("town_code")
    .where("id", "=", signup.person_id)
    .executeTakeFirstOrThrow();
  const inserted = await db
    .insertInto("volunteer_ledger")
    .values({
      person_id: signup.person_id,
      town_code: volunteer.town_code,
      activity_id: activity.id,
      campaign_id: activity.campaign_id,
      category: activity.category,
      place: "zhongshan",
      served_on: toShanghaiDate(startsAt),
      hundredths,
      confirmed_by: context.actor.id,
      reason: "",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await audit(trx, context, {
    action: "participation.ledger.confirm",
    entityType: "volunteer_ledger",
    entityId: inserted.id,
    townCode: activity.town_code,
    after: { signupId, personId: signup.person_id, activityId: activity.id, hours: formatHours(hundredths) },
  });
  await personFactsChanged(
    trx,
    signup.person_id,
    `志愿服务时长 ${formatHours(hundredths)} 小时经组织者确认（${activity.title}）`,
  );
  return ok((await findLedgerEntry(trx, inserted.id))!);
}

/** Reverses all or part of an entry (a negative entry with the reason); never more than what is left of it. */
export async function reverseEntry(
  trx: Trx,
  context: CommandContext<Actor>,
  entryId: string,
  input: { hours?: string; reason: string },
): Promise<Result<LedgerEntryRecord>> {
  const db = participationDb(trx);
  const entry = await db
    .selectFrom("volunteer_ledger")
    .selectAll()
    .where("id", "=", entryId)
    .forUpdate()
    .executeTakeFirst();
  if (!entry) return refuse("not_found", "台账记录不存在", "no such ledger entry", "entryId");
  if (entry.reverses_entry_id)
    return refuse(
      "reversal_of_reversal",
      "冲销记录不能再冲销",
      "a reversing entry cannot itself be reversed",
      "entryId",
    );
  const reason = input.reason.trim();
  if (!reason) return refuse("reason_required", "冲销须说明理由", "a reversal needs a reason", "reason");
  const remaining = await remainingOf(trx, entryId);
  let hundredths = remaining;
  if (input.hours !== undefined) {
    const parsed = parseHours(input.hours);
    if (!parsed.ok) return parsed;
    hundredths = parsed.value;
  }
  if (hundredths > remaining || remaining <= 0)
    return refuse(
      "reversal_exceeds_entry",
      `冲销时长不能超过该记录尚余的 ${formatHours(remaining)} 小时`,
      `a reversal cannot exceed the ${formatHours(remaining)} hours left of the entry`,
      "hours",
    );
  const inserted = await db
    .insertInto("volunteer_ledger")
    .values({
      person_id: entry.person_id,
      // on the shard of the entry it reverses
      town_code: entry.town_code,
      activity_id: entry.activity_id,
      import_id: entry.import_id,
      external_ref: entry.external_ref,
      campaign_id: entry.campaign_id,
      category: entry.category,
      place: entry.place,
      served_on: entry.served_on,
      hundredths: -hundredths,
      confirmed_by: context.actor.id,
      reason,
      reverses_entry_id: entry.id,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await audit(trx, context, {
    action: "participation.ledger.reverse",
    entityType: "volunteer_ledger",
    entityId: inserted.id,
    townCode: null,
    after: { reverses: entry.id, personId: entry.person_id, hours: formatHours(-hundredths), reason },
  });
  await personFactsChanged(trx, entry.person_id, `志愿服务时长冲销 ${formatHours(hundredths)} 小时：${reason}`);
  return ok((await findLedgerEntry(trx, inserted.id))!);
}
