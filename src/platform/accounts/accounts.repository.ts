import type { Executor } from "../../db/transaction";
import { isRole, type Actor, type RoleGrant } from "../roles";

/** Loads the role grants of several accounts at once, keyed by account id. */
export async function loadGrants(executor: Executor, accountIds: string[]): Promise<Map<string, RoleGrant[]>> {
  const grants = new Map<string, RoleGrant[]>();
  if (accountIds.length === 0) return grants;
  const rows = await executor.selectFrom("account_roles").selectAll().where("account_id", "in", accountIds).execute();
  for (const row of rows) {
    if (!isRole(row.role)) continue;
    const list = grants.get(row.account_id) ?? [];
    list.push({ role: row.role, townCode: row.town_code, departmentCode: row.department_code });
    grants.set(row.account_id, list);
  }
  return grants;
}

/** Loads an enabled account as an Actor (identity plus role grants), or null. */
export async function loadActor(executor: Executor, accountId: string): Promise<Actor | null> {
  const account = await executor
    .selectFrom("accounts")
    .select(["id", "username", "display_name", "person_id", "disabled"])
    .where("id", "=", accountId)
    .executeTakeFirst();
  if (!account || account.disabled) return null;
  const grants = await loadGrants(executor, [account.id]);
  return {
    id: account.id,
    username: account.username,
    displayName: account.display_name,
    personId: account.person_id,
    grants: grants.get(account.id) ?? [],
  };
}
