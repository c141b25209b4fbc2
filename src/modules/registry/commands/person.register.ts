import { validateIdNumber } from "../../../core/id-number";
import { err, ok, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { sql } from "kysely";
import type { PersonRecord } from "../repository";
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
  // One statement: the insert skips an ID number already registered (the unique index decides, so two concurrent
  // registrations of the same number cannot both pass) and returns the new row; a new person has no household yet.
  const person: PersonRecord | undefined = await trx
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
    .onConflict((conflict) => conflict.column("id_number").doNothing())
    .returning([
      "id",
      "name",
      "id_number as idNumber",
      "gender",
      "birth_date as birthDate",
      "phone",
      "town_code as townCode",
      "community_id as communityId",
      "address",
      "hukou_type as hukouType",
      sql<null>`null::uuid`.as("householdId"),
      "version",
      "created_at as createdAt",
      "updated_at as updatedAt",
    ])
    .executeTakeFirst();
  if (!person) {
    return err({
      code: "duplicate_id_number",
      message: "该身份证号码已登记 (ID number already registered)",
      field: "idNumber",
    });
  }
  await audit(trx, context, {
    action: "person.create",
    entityType: "person",
    entityId: person.id,
    townCode: person.townCode,
    after: snapshot(person),
  });
  return ok(person);
}
