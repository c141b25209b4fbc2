import { err, ok, type Result } from "../../core/result";
import type { Trx } from "../../db/transaction";
import { audit, type CommandContext } from "../commands/context";
import { isRole, type Actor, type RoleGrant } from "../roles";
import { loadGrants } from "./accounts.repository";
import { checkPasswordStrength, hashPassword } from "./password";
import { hashToken } from "./sessions";

/** A role grant as callers send it. */
export interface GrantInput {
  role: string;
  townCode?: string | null;
  departmentCode?: string | null;
}

/** Input of createAccount. */
export interface AccountCreateInput {
  username: string;
  displayName: string;
  password: string;
  roles: GrantInput[];
  personId?: string | null;
}

/** Input of updateAccount. */
export interface AccountUpdateInput {
  version: number;
  displayName?: string;
  roles?: GrantInput[];
  disabled?: boolean;
  password?: string;
  /** Links the account to a person (a resident's own record), or unlinks it with null. */
  personId?: string | null;
}

/** An account as the API shows it (never the password hash). */
export interface AccountView {
  id: string;
  username: string;
  displayName: string;
  personId: string | null;
  roles: RoleGrant[];
  disabled: boolean;
  version: number;
  createdAt: string;
}

/** Loads one account as the API shows it. */
export async function findAccountView(trx: Trx, id: string): Promise<AccountView | undefined> {
  const row = await trx.selectFrom("accounts").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  const grants = await loadGrants(trx, [row.id]);
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    personId: row.person_id,
    roles: grants.get(row.id) ?? [],
    disabled: row.disabled,
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}

/** Checks role grants: known roles, clerks need a known 镇区, verifiers a known department. */
export async function checkGrants(trx: Trx, grants: GrantInput[]): Promise<Result<RoleGrant[]>> {
  if (grants.length === 0)
    return err({ code: "roles_required", message: "至少需要一个角色 (at least one role)", field: "roles" });
  const checked: RoleGrant[] = [];
  for (const [index, grant] of grants.entries()) {
    const field = `roles.${index}`;
    if (!isRole(grant.role))
      return err({ code: "unknown_role", message: `未知角色 "${grant.role}"`, field: `${field}.role` });
    const townCode = grant.townCode ?? null;
    const departmentCode = grant.departmentCode ?? null;
    if (grant.role === "clerk" && !townCode) {
      return err({
        code: "town_required",
        message: "办事员必须指定镇区 (a clerk needs a town)",
        field: `${field}.townCode`,
      });
    }
    if (grant.role === "verifier" && !departmentCode) {
      return err({
        code: "department_required",
        message: "核查员必须指定部门 (a verifier needs a department)",
        field: `${field}.departmentCode`,
      });
    }
    if (townCode && !(await trx.selectFrom("towns").select("code").where("code", "=", townCode).executeTakeFirst())) {
      return err({ code: "unknown_town", message: `未知的镇区代码 "${townCode}"`, field: `${field}.townCode` });
    }
    if (
      departmentCode &&
      !(await trx.selectFrom("departments").select("code").where("code", "=", departmentCode).executeTakeFirst())
    ) {
      return err({
        code: "unknown_department",
        message: `未知的部门代码 "${departmentCode}"`,
        field: `${field}.departmentCode`,
      });
    }
    checked.push({ role: grant.role, townCode, departmentCode });
  }
  return ok(checked);
}

/** Creates an account with hashed password and role grants, and records it in the audit log. */
export async function createAccount(
  trx: Trx,
  context: CommandContext<Actor | null>,
  input: AccountCreateInput,
): Promise<Result<AccountView>> {
  if (!/^[a-z0-9][a-z0-9._-]{2,39}$/.test(input.username)) {
    return err({
      code: "invalid_username",
      message: "用户名为3–40位小写字母、数字、点、下划线或连字符",
      field: "username",
    });
  }
  const strength = checkPasswordStrength(input.password);
  if (!strength.ok) return strength;
  const grants = await checkGrants(trx, input.roles);
  if (!grants.ok) return grants;
  const linked = checkResidentLink(grants.value, input.personId ?? null);
  if (!linked.ok) return linked;
  if (await trx.selectFrom("accounts").select("id").where("username", "=", input.username).executeTakeFirst()) {
    return err({ code: "duplicate_username", message: "用户名已存在 (username taken)", field: "username" });
  }
  if (
    input.personId &&
    !(await trx.selectFrom("persons").select("id").where("id", "=", input.personId).executeTakeFirst())
  ) {
    return err({ code: "unknown_person", message: "人员不存在 (unknown person)", field: "personId" });
  }
  const inserted = await trx
    .insertInto("accounts")
    .values({
      username: input.username,
      display_name: input.displayName.trim(),
      password_hash: await hashPassword(input.password),
      person_id: input.personId ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await insertGrants(trx, inserted.id, grants.value);
  const view = (await findAccountView(trx, inserted.id))!;
  await audit(trx, context, {
    action: "account.create",
    entityType: "account",
    entityId: view.id,
    townCode: null,
    after: view,
  });
  return ok(view);
}

/** A resident account is a person's own way in: it must be linked to that person's record. */
function checkResidentLink(grants: { role: string }[], personId: string | null): Result<null> {
  if (personId || !grants.some((grant) => grant.role === "resident")) return ok(null);
  return err({
    code: "person_required",
    message:
      "居民账户必须关联本人的人员记录，请选择人员 (a resident account must be linked to the person it belongs to)",
    field: "personId",
  });
}

/**
 * Keeps the platform administrable: nobody disables their own account or takes away their own admin role
 * (they could not undo it), and the last enabled administrator stays one.
 */
async function checkAdminKept(
  trx: Trx,
  actorId: string,
  current: AccountView,
  disables: boolean,
  grants: RoleGrant[] | undefined,
): Promise<Result<null>> {
  const wasAdmin = !current.disabled && current.roles.some((grant) => grant.role === "admin");
  const losesAdmin = grants !== undefined && !grants.some((grant) => grant.role === "admin");
  if (current.id === actorId && (disables || (wasAdmin && losesAdmin))) {
    return err({
      code: "own_account",
      message: disables
        ? "不能停用自己的账户，请由另一位管理员操作 (you cannot disable your own account; ask another administrator)"
        : "不能取消自己的管理员角色，请由另一位管理员操作 (you cannot remove your own admin role; ask another administrator)",
      field: disables ? "disabled" : "roles",
    });
  }
  if (!wasAdmin || !(disables || losesAdmin)) return ok(null);
  const others = await trx
    .selectFrom("accounts")
    .innerJoin("account_roles", "account_roles.account_id", "accounts.id")
    .select("accounts.id")
    .where("account_roles.role", "=", "admin")
    .where("accounts.disabled", "=", false)
    .where("accounts.id", "<>", current.id)
    .executeTakeFirst();
  if (others) return ok(null);
  return err({
    code: "last_admin",
    message: "这是最后一位可用的管理员，请先为另一账户授予管理员角色 (this is the last enabled administrator)",
    field: disables ? "disabled" : "roles",
  });
}

async function insertGrants(trx: Trx, accountId: string, grants: RoleGrant[]): Promise<void> {
  await trx
    .insertInto("account_roles")
    .values(
      grants.map((grant) => ({
        account_id: accountId,
        role: grant.role,
        town_code: grant.townCode,
        department_code: grant.departmentCode,
      })),
    )
    .execute();
}

/**
 * Edits an account (name, roles, disabled, password, linked person) with an optimistic version check. A new
 * password ends the account's sessions (all but the caller's own when admins change their own password);
 * disabling ends them all.
 */
export async function updateAccount(
  trx: Trx,
  context: CommandContext & { sessionToken?: string | null },
  current: AccountView,
  input: AccountUpdateInput,
): Promise<Result<AccountView>> {
  const conflict = err({
    code: "version_conflict",
    message: "账户已被他人修改 (account changed since you read it)",
    field: "version",
  });
  if (input.version !== current.version) return conflict;
  const changes: Record<string, unknown> = {};
  if (input.displayName !== undefined) changes.display_name = input.displayName.trim();
  if (input.disabled !== undefined) changes.disabled = input.disabled;
  if (input.personId !== undefined) {
    if (
      input.personId &&
      !(await trx.selectFrom("persons").select("id").where("id", "=", input.personId).executeTakeFirst())
    ) {
      return err({ code: "unknown_person", message: "人员不存在 (unknown person)", field: "personId" });
    }
    changes.person_id = input.personId;
  }
  if (input.password !== undefined) {
    const strength = checkPasswordStrength(input.password);
    if (!strength.ok) return strength;
    changes.password_hash = await hashPassword(input.password);
  }
  let grants: RoleGrant[] | undefined;
  if (input.roles !== undefined) {
    const checked = await checkGrants(trx, input.roles);
    if (!checked.ok) return checked;
    grants = checked.value;
  }
  const kept = await checkAdminKept(trx, context.actor.id, current, input.disabled === true, grants);
  if (!kept.ok) return kept;
  const linked = checkResidentLink(
    grants ?? current.roles,
    input.personId !== undefined ? input.personId : current.personId,
  );
  if (!linked.ok) return linked;
  const updated = await trx
    .updateTable("accounts")
    .set({ ...changes, version: current.version + 1, updated_at: new Date() })
    .where("id", "=", current.id)
    .where("version", "=", input.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return conflict;
  if (grants) {
    await trx.deleteFrom("account_roles").where("account_id", "=", current.id).execute();
    await insertGrants(trx, current.id, grants);
  }
  if (input.disabled) await trx.deleteFrom("sessions").where("account_id", "=", current.id).execute();
  else if (input.password !== undefined) {
    let ended = trx.deleteFrom("sessions").where("account_id", "=", current.id);
    if (context.sessionToken && current.id === context.actor.id)
      ended = ended.where("token_hash", "<>", hashToken(context.sessionToken));
    await ended.execute();
  }
  const view = (await findAccountView(trx, current.id))!;
  await audit(trx, context, {
    action: "account.update",
    entityType: "account",
    entityId: view.id,
    townCode: null,
    before: current,
    after: { ...view, passwordChanged: input.password !== undefined },
  });
  return ok(view);
}
