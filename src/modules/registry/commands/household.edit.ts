import { err, ok, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { findHousehold, type HouseholdRecord } from "../repository";
import type { HouseholdPatchBody } from "../schemas";
import { audit, type CommandContext } from "../../../platform/commands/context";
import { snapshot } from "./context";
import { versionConflict } from "./person.edit";
import { checkTownAndCommunity } from "./validation";

/** Edits a household's address, community or head (the head must be a current member), with a version check. */
export async function editHousehold(
  trx: Trx,
  context: CommandContext,
  current: HouseholdRecord,
  input: HouseholdPatchBody,
): Promise<Result<HouseholdRecord>> {
  if (input.version !== current.version) return versionConflict();
  const changes: Record<string, unknown> = {};
  if (input.communityId !== undefined) {
    const place = await checkTownAndCommunity(trx, current.townCode, input.communityId);
    if (!place.ok) return place;
    changes.community_id = input.communityId;
  }
  if (input.address !== undefined) changes.address = input.address.trim();
  if (input.headPersonId !== undefined) {
    if (input.headPersonId !== null && !current.members.some((member) => member.personId === input.headPersonId)) {
      return err({
        code: "head_not_member",
        message: "户主必须是本户成员 (the head must be a current member)",
        field: "headPersonId",
      });
    }
    changes.head_person_id = input.headPersonId;
  }
  const updated = await trx
    .updateTable("households")
    .set({ ...changes, version: current.version + 1, updated_at: new Date() })
    .where("id", "=", current.id)
    .where("version", "=", input.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return versionConflict();
  if (input.headPersonId !== undefined && input.headPersonId !== current.headPersonId) {
    // One 户主 per household: the former head's relationship to the new head is not known, so it becomes
    // "other" until a clerk records it; the new head's membership says "head".
    await trx
      .updateTable("household_members")
      .set({ relationship: "other" })
      .where("household_id", "=", current.id)
      .where("until", "is", null)
      .where("relationship", "=", "head")
      .execute();
    if (input.headPersonId !== null) {
      await trx
        .updateTable("household_members")
        .set({ relationship: "head" })
        .where("household_id", "=", current.id)
        .where("until", "is", null)
        .where("person_id", "=", input.headPersonId)
        .execute();
    }
  }
  const household = (await findHousehold(trx, current.id))!;
  await audit(trx, context, {
    action: "household.update",
    entityType: "household",
    entityId: household.id,
    townCode: household.townCode,
    before: snapshot(current),
    after: snapshot(household),
  });
  return ok(household);
}
