import { validateIdNumber } from "../../../core/id-number";
import { err, ok, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { findPerson, findPersonIdByIdNumber, type PersonRecord } from "../repository";
import type { PersonCreateBody } from "../schemas";
import { audit, type CommandContext } from "../../../platform/commands/context";
import { snapshot } from "./context";
import { checkOptionalPhone, checkTownAndCommunity } from "./validation";

/** Registers a person: validates the ID number (gender and birth date come from it), phone, 镇区 and community. */
export async function registerPerson(
  trx: Trx,
  context: CommandContext,
  input: PersonCreateBody,
): Promise<Result<PersonRecord>> {
  const id = validateIdNumber(input.idNumber);
  if (!id.ok) return id;
  const phone = checkOptionalPhone(input.phone);
  if (!phone.ok) return phone;
  const place = await checkTownAndCommunity(trx, input.townCode, input.communityId);
  if (!place.ok) return place;
  if (await findPersonIdByIdNumber(trx, id.value.idNumber)) {
    return err({
      code: "duplicate_id_number",
      message: "该身份证号码已登记 (ID number already registered)",
      field: "idNumber",
    });
  }
  const inserted = await trx
    .insertInto("persons")
    .values({
      name: input.name.trim(),
      id_number: id.value.idNumber,
      gender: id.value.gender,
      birth_date: id.value.birthDate,
      phone: phone.value,
      town_code: input.townCode,
      community_id: input.communityId ?? null,
      address: input.address?.trim() ?? "",
      hukou_type: input.hukouType,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const person = (await findPerson(trx, inserted.id))!;
  await audit(trx, context, {
    action: "person.create",
    entityType: "person",
    entityId: person.id,
    townCode: person.townCode,
    after: snapshot(person),
  });
  return ok(person);
}
