import { maskName } from "../../core/masking";
import { validateIdNumber } from "../../core/id-number";
import { err, ok, type Result } from "../../core/result";
import type { Trx } from "../../db/transaction";
import { audit, type CommandContext } from "../commands/context";

/** What an admin learns from a lookup: enough to link an account, not a registry record. */
export interface PersonLookup {
  personId: string;
  /** The name masked (张*明): confirms the right person without disclosing the record. */
  maskedName: string;
  /** Usernames of accounts already linked to this person. */
  linkedAccounts: string[];
}

/**
 * Finds the one person with exactly this ID number, for linking a resident account (admins only; no search,
 * no fragments), and records the read as a `person.lookup` audit entry on that person.
 */
export async function lookupPersonByIdNumber(
  trx: Trx,
  context: CommandContext,
  idNumberInput: string,
): Promise<Result<PersonLookup>> {
  const checked = validateIdNumber(idNumberInput);
  if (!checked.ok) return err({ ...checked.error, field: "idNumber" });
  const person = await trx
    .selectFrom("persons")
    .select(["id", "name", "town_code"])
    .where("id_number", "=", checked.value.idNumber)
    .executeTakeFirst();
  if (!person)
    return err({
      code: "not_found",
      message: "没有该身份证号的人员 (no person with this ID number)",
      field: "idNumber",
    });
  const linked = await trx
    .selectFrom("accounts")
    .select("username")
    .where("person_id", "=", person.id)
    .orderBy("username")
    .execute();
  await audit(trx, context, {
    action: "person.lookup",
    entityType: "person",
    entityId: person.id,
    townCode: person.town_code,
    after: { purpose: "account link" },
  });
  return ok({
    personId: person.id,
    maskedName: maskName(person.name),
    linkedAccounts: linked.map((row) => row.username),
  });
}
