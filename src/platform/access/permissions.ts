import { hasRole, roles, type Actor, type Role } from "../roles";

/**
 * A permission as data: the roles that hold it and, optionally, a further rule over the caller (for example
 * "a clerk with at least one 镇区"). The routes check it (403 when refused) and the web app receives it in
 * `abilities`, so a screen and its route read the same permission.
 */
export interface PermissionSpec {
  /** The roles that may; `"anyone"` also admits anonymous callers (public pages). */
  roles: readonly Role[] | "anyone";
  /** A further condition over a signed-in caller that holds one of the roles. */
  rule?: (actor: Actor) => boolean;
  /** What the permission allows, Chinese then English. */
  description: string;
}

/** A module's (or the platform's) permissions by name, e.g. `"registry.search"`. */
export type PermissionTable = Readonly<Record<string, PermissionSpec>>;

/** Declares a permission table (keeps the literal names for type checks). */
export function definePermissions<const T extends Record<string, PermissionSpec>>(table: T): T {
  return table;
}

/** Tells whether the caller holds the permission. */
export function allows(permission: PermissionSpec, actor: Actor | null): boolean {
  if (permission.roles === "anyone") return actor === null || !permission.rule || permission.rule(actor);
  if (!actor) return false;
  if (!permission.roles.some((role) => hasRole(actor, role))) return false;
  return permission.rule ? permission.rule(actor) : true;
}

/** The roles a permission names (every role for `"anyone"`); a rule may narrow them further per account. */
export function rolesOf(permission: PermissionSpec): readonly Role[] {
  return permission.roles === "anyone" ? roles : permission.roles;
}
