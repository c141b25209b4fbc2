import { err, ok, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { findHousehold, type HouseholdRecord } from "../repository";
import type { MemberAddBody } from "../schemas";
import { audit, type CommandContext } from "../../../platform/commands/context";
import { checkJoinablePerson, insertMembership } from "./household.register";
import { clock } from "../../../core/clock";
import { notFoundProblem } from "../../../platform/http/command-reply";

/** Adds a person to a household; refused when the person already belongs to one. */
export async function addMember(
  trx: Trx,
  context: CommandContext,
  household: HouseholdRecord,
  input: MemberAddBody,
): Promise<Result<HouseholdRecord>> {
  const becomesHead = input.relationship === "head";
  if (becomesHead && (household.headPersonId || household.members.some((member) => member.relationship === "head"))) {
    return err({
      code: "household_has_head",
      message: "本户已有户主。如需更换户主，请在户信息中变更户主 (the household already has a head)",
      field: "relationship",
    });
  }
  const joinable = await checkJoinablePerson(trx, input.personId, household.townCode, "personId");
  if (!joinable.ok) return joinable;
  const since = input.since ?? clock.today();
  const joined = await insertMembership(
    trx,
    {
      householdId: household.id,
      personId: input.personId,
      townCode: household.townCode,
      relationship: input.relationship,
      since,
    },
    "personId",
  );
  if (!joined.ok) return joined;
  await trx
    .updateTable("households")
    .set({
      version: household.version + 1,
      updated_at: new Date(),
      ...(becomesHead ? { head_person_id: input.personId } : {}),
    })
    .where("id", "=", household.id)
    .execute();
  await audit(trx, context, {
    action: "household.member_add",
    entityType: "household",
    entityId: household.id,
    townCode: household.townCode,
    after: { personId: input.personId, relationship: input.relationship, since },
  });
  return ok((await findHousehold(trx, household.id))!);
}

/** Ends a person's current membership of a household (the row stays, with `until` set, as history). */
export async function endMembership(
  trx: Trx,
  context: CommandContext,
  household: HouseholdRecord,
  personId: string,
): Promise<Result<HouseholdRecord>> {
  const member = household.members.find((candidate) => candidate.personId === personId);
  // Not a current member of this household (or no such person): the one "not found" of a guessed path id.
  if (!member) return err(notFoundProblem);
  const until = clock.today();
  await trx
    .updateTable("household_members")
    .set({ until })
    .where("household_id", "=", household.id)
    .where("person_id", "=", personId)
    .where("until", "is", null)
    .execute();
  const clearsHead = household.headPersonId === personId;
  await trx
    .updateTable("households")
    .set({ version: household.version + 1, updated_at: new Date(), ...(clearsHead ? { head_person_id: null } : {}) })
    .where("id", "=", household.id)
    .execute();
  await audit(trx, context, {
    action: "household.member_end",
    entityType: "household",
    entityId: household.id,
    townCode: household.townCode,
    before: { personId, relationship: member.relationship, since: member.since },
    after: { personId, until },
  });
  return ok((await findHousehold(trx, household.id))!);
}
