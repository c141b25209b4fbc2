import { hasRole, townsWithRole, type Actor, type Role } from "../roles";

/** Which 镇区 an actor may see: the whole city, or a list of town codes. */
export type TownScope = { kind: "city" } | { kind: "towns"; towns: string[] };

/** Tells whether the actor holds `role` for this 镇区 (a grant with no town code covers the whole city). */
export function holdsRoleInTown(actor: Actor | null, role: Role, townCode: string): boolean {
  return (
    actor?.grants.some((grant) => grant.role === role && (grant.townCode === null || grant.townCode === townCode)) ??
    false
  );
}

/** Tells whether the actor holds any of the roles. */
export function holdsAnyRole(actor: Actor | null, wanted: readonly Role[]): boolean {
  return wanted.some((role) => hasRole(actor, role));
}

/**
 * The towns a caller sees through its roles: city-wide roles give the city; a clerk's grants give their towns.
 * A clerk grant without a town code is treated as city-wide.
 */
export function townScope(actor: Actor | null, cityRoles: readonly Role[], townRoles: readonly Role[]): TownScope {
  if (holdsAnyRole(actor, cityRoles)) return { kind: "city" };
  const cityWideTownRole = actor?.grants.some((grant) => townRoles.includes(grant.role) && grant.townCode === null);
  if (cityWideTownRole) return { kind: "city" };
  return { kind: "towns", towns: townRoles.flatMap((role) => townsWithRole(actor, role)) };
}

/** Tells whether a 镇区 is inside a scope. */
export function scopeIncludes(scope: TownScope, townCode: string): boolean {
  return scope.kind === "city" || scope.towns.includes(townCode);
}
