import { validateIdNumber } from "../../../core/id-number";
import { err, ok, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { findPerson, findPersonIdByIdNumber, type PersonRecord } from "../repository";
import type { PersonPatchBody } from "../schemas";
import { audit, type CommandContext } from "../../../platform/commands/context";
import { snapshot } from "./context";
import { checkOptionalPhone, checkTownAndCommunity } from "./validation";

/** The answer when somebody saved the record after the caller read it. */
export function versionConflict() {
  return err({
    code: "version_conflict",
    message: "记录已被他人修改，请刷新后重试 (record changed since you read it)",
    field: "version",
  });
}

/** Edits a person with an optimistic version check; changing the ID number re-derives gender and birth date. */
export async function editPerson(
  trx: Trx,
  context: CommandContext,
  current: PersonRecord,
  input: PersonPatchBody,
): Promise<Result<PersonRecord>> {
  if (input.version !== current.version) return versionConflict();
  const changes: Record<string, unknown> = {};
  if (input.idNumber !== undefined) {
    const id = validateIdNumber(input.idNumber);
    if (!id.ok) return id;
    const holder = await findPersonIdByIdNumber(trx, id.value.idNumber);
    if (holder && holder !== current.id) {
      return err({
        code: "duplicate_id_number",
        message: "该身份证号码已登记 (ID number already registered)",
        field: "idNumber",
      });
    }
    Object.assign(changes, { id_number: id.value.idNumber, gender: id.value.gender, birth_date: id.value.birthDate });
  }
  if (input.phone !== undefined) {
    const phone = checkOptionalPhone(input.phone);
    if (!phone.ok) return phone;
    changes.phone = phone.value;
  }
  const townCode = input.townCode ?? current.townCode;
  // Moving to another 镇区 without naming a community clears the old community (it belongs to the old 镇区).
  const movesTown = townCode !== current.townCode;
  const communityId = input.communityId !== undefined ? input.communityId : movesTown ? null : current.communityId;
  if (input.townCode !== undefined || input.communityId !== undefined) {
    const place = await checkTownAndCommunity(trx, townCode, communityId);
    if (!place.ok) return place;
    Object.assign(changes, { town_code: townCode, community_id: communityId });
  }
  if (input.name !== undefined) changes.name = input.name.trim();
  if (input.address !== undefined) changes.address = input.address.trim();
  if (input.hukouType !== undefined) changes.hukou_type = input.hukouType;
  const updated = await trx
    .updateTable("persons")
    .set({ ...changes, version: current.version + 1, updated_at: new Date() })
    .where("id", "=", current.id)
    .where("version", "=", input.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return versionConflict();
  const person = (await findPerson(trx, current.id))!;
  await audit(trx, context, {
    action: "person.update",
    entityType: "person",
    entityId: person.id,
    townCode: person.townCode,
    before: snapshot(current),
    after: snapshot(person),
  });
  return ok(person);
}
