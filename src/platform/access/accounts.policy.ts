import type { Actor } from "../roles";
import { holdsAnyRole } from "./scope";

/** What can be done with accounts. */
export type AccountAction = "list" | "create" | "update" | "lookupPerson";

/** Access rule for accounts: admins manage them (and look up a person by exact ID number to link), auditors may list them, nobody else. */
export function mayOnAccounts(actor: Actor | null, action: AccountAction): boolean {
  if (action === "list") return holdsAnyRole(actor, ["admin", "auditor"]);
  return holdsAnyRole(actor, ["admin"]);
}
