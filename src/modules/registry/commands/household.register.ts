import { err, ok, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { findCurrentMembership, findHousehold, findPerson, type HouseholdRecord } from "../repository";
import type { HouseholdCreateBody } from "../schemas";
import { audit, isUniqueViolation, type CommandContext } from "../../../platform/commands/context";
import { snapshot } from "./context";
import { checkTownAndCommunity } from "./validation";
import { clock } from "../../../core/clock";

/** The answer when a person already belongs to a household. */
export function alreadyInHousehold(field: string) {
  return err({
    code: "already_in_household",
    message: "此人已属于另一户，请先结束原户籍关系 (person already belongs to a household)",
    field,
  });
}

/** Checks that a person exists in the household's 镇区 and has no current household; the same answer for both "missing" cases. */
export async function checkJoinablePerson(
  trx: Trx,
  personId: string,
  townCode: string,
  field: string,
): Promise<Result<null>> {
  const person = await findPerson(trx, personId);
  if (!person || person.townCode !== townCode) {
    return err({ code: "unknown_person", message: "该镇区内没有此人 (no such person in this town)", field });
  }
  if (await findCurrentMembership(trx, personId)) return alreadyInHousehold(field);
  return ok(null);
}

/** Inserts a membership, mapping a race on the one-current-household index to the same refusal. */
export async function insertMembership(
  trx: Trx,
  values: { householdId: string; personId: string; townCode: string; relationship: string; since: string },
  field: string,
): Promise<Result<null>> {
  try {
    await trx
      .insertInto("household_members")
      .values({
        household_id: values.householdId,
        person_id: values.personId,
        town_code: values.townCode,
        relationship: values.relationship,
        since: values.since,
      })
      .execute();
    return ok(null);
  } catch (error) {
    if (isUniqueViolation(error, "household_members_one_current")) return alreadyInHousehold(field);
    throw error;
  }
}

/** Registers a household; the head, when given, becomes its first member. Run it inside inTransactionWhenOk. */
export async function registerHousehold(
  trx: Trx,
  context: CommandContext,
  input: HouseholdCreateBody,
): Promise<Result<HouseholdRecord>> {
  const place = await checkTownAndCommunity(trx, input.townCode, input.communityId);
  if (!place.ok) return place;
  const headPersonId = input.headPersonId ?? null;
  const inserted = await trx
    .insertInto("households")
    .values({
      town_code: input.townCode,
      community_id: input.communityId ?? null,
      address: input.address.trim(),
      head_person_id: headPersonId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (headPersonId) {
    // The household row exists by now: a refusal here rolls the whole transaction back (the caller commits only ok).
    const joinable = await checkJoinablePerson(trx, headPersonId, input.townCode, "headPersonId");
    if (!joinable.ok) return joinable;
    const joined = await insertMembership(
      trx,
      {
        householdId: inserted.id,
        personId: headPersonId,
        townCode: input.townCode,
        relationship: "head",
        since: clock.today(),
      },
      "headPersonId",
    );
    if (!joined.ok) return joined;
  }
  const household = (await findHousehold(trx, inserted.id))!;
  await audit(trx, context, {
    action: "household.create",
    entityType: "household",
    entityId: household.id,
    townCode: household.townCode,
    after: snapshot(household),
  });
  return ok(household);
}
