/** The roles an account can hold. */
export const roles = [
  "resident",
  "clerk",
  "verifier",
  "programme_admin",
  "policy_officer",
  "vendor",
  "organiser",
  "reviewer",
  "auditor",
  "admin",
] as const;

/** One role name. */
export type Role = (typeof roles)[number];

/** A role held by an account, scoped to a 镇区 (clerks) or a department (verifiers) when set. */
export interface RoleGrant {
  role: Role;
  townCode: string | null;
  departmentCode: string | null;
}

/** The signed-in caller as every access rule sees it. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  personId: string | null;
  grants: RoleGrant[];
}

/** Tells whether a string names a known role. */
export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** Tells whether the actor holds a role at all (any scope). */
export function hasRole(actor: Actor | null, role: Role): boolean {
  return actor?.grants.some((grant) => grant.role === role) ?? false;
}

/** The 镇区 codes where the actor holds a role; used to scope clerks to their own 镇区. */
export function townsWithRole(actor: Actor | null, role: Role): string[] {
  if (!actor) return [];
  return actor.grants.filter((grant) => grant.role === role && grant.townCode).map((grant) => grant.townCode!);
}
