import { err, ok, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { findOrganisation, type OrganisationRecord } from "../repository";
import type { OrganisationCreateBody, OrganisationPatchBody } from "../schemas";
import { audit, isUniqueViolation, type CommandContext } from "../../../platform/commands/context";
import { snapshot } from "./context";
import { versionConflict } from "./person.edit";
import { checkCreditCode, checkOptionalPhone, checkTownAndCommunity } from "./validation";

function duplicateCreditCode() {
  return err({
    code: "duplicate_credit_code",
    message: "该统一社会信用代码已登记 (credit code already registered)",
    field: "creditCode",
  });
}

/** Registers a social organisation, company or public institution. */
export async function registerOrganisation(
  trx: Trx,
  context: CommandContext,
  input: OrganisationCreateBody,
): Promise<Result<OrganisationRecord>> {
  const place = await checkTownAndCommunity(trx, input.townCode, null);
  if (!place.ok) return place;
  const creditCode = checkCreditCode(input.creditCode);
  if (!creditCode.ok) return creditCode;
  const phone = checkOptionalPhone(input.contactPhone, "contactPhone");
  if (!phone.ok) return phone;
  if (creditCode.value) {
    const holder = await trx
      .selectFrom("organisations")
      .select("id")
      .where("credit_code", "=", creditCode.value)
      .executeTakeFirst();
    if (holder) return duplicateCreditCode();
  }
  const inserted = await trx
    .insertInto("organisations")
    .values({
      name: input.name.trim(),
      kind: input.kind,
      credit_code: creditCode.value,
      town_code: input.townCode,
      address: input.address?.trim() ?? "",
      contact_phone: phone.value,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const organisation = (await findOrganisation(trx, inserted.id))!;
  await audit(trx, context, {
    action: "organisation.create",
    entityType: "organisation",
    entityId: organisation.id,
    townCode: organisation.townCode,
    after: snapshot(organisation),
  });
  return ok(organisation);
}

/** Edits an organisation with an optimistic version check. */
export async function editOrganisation(
  trx: Trx,
  context: CommandContext,
  current: OrganisationRecord,
  input: OrganisationPatchBody,
): Promise<Result<OrganisationRecord>> {
  if (input.version !== current.version) return versionConflict();
  const changes: Record<string, unknown> = {};
  if (input.creditCode !== undefined) {
    const creditCode = checkCreditCode(input.creditCode);
    if (!creditCode.ok) return creditCode;
    changes.credit_code = creditCode.value;
  }
  if (input.contactPhone !== undefined) {
    const phone = checkOptionalPhone(input.contactPhone, "contactPhone");
    if (!phone.ok) return phone;
    changes.contact_phone = phone.value;
  }
  if (input.name !== undefined) changes.name = input.name.trim();
  if (input.kind !== undefined) changes.kind = input.kind;
  if (input.address !== undefined) changes.address = input.address.trim();
  try {
    const updated = await trx
      .updateTable("organisations")
      .set({ ...changes, version: current.version + 1, updated_at: new Date() })
      .where("id", "=", current.id)
      .where("version", "=", input.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return versionConflict();
  } catch (error) {
    if (isUniqueViolation(error, "organisations_credit_code_key")) return duplicateCreditCode();
    throw error;
  }
  const organisation = (await findOrganisation(trx, current.id))!;
  await audit(trx, context, {
    action: "organisation.update",
    entityType: "organisation",
    entityId: organisation.id,
    townCode: organisation.townCode,
    before: snapshot(current),
    after: snapshot(organisation),
  });
  return ok(organisation);
}
