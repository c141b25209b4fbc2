import { holdsAnyRole, holdsRoleInTown, scopeIncludes, townScope, type TownScope } from "../../platform/access/scope";
import type { Actor, Role } from "../../platform/roles";

/** The registry's resources. */
export type RegistryResource = "person" | "household" | "organisation";
/** What can be done to them. */
export type RegistryAction = "search" | "read" | "create" | "update";

const cityReaders: Record<RegistryResource, readonly Role[]> = {
  person: ["programme_admin", "auditor", "verifier"],
  household: ["programme_admin", "auditor", "verifier"],
  organisation: ["programme_admin", "auditor"],
};
const cityWriters: readonly Role[] = ["programme_admin"];
const townRoles: readonly Role[] = ["clerk"];

/** The 镇区 whose records of this resource the actor may search and read (clerks: their own). */
export function registryReadScope(actor: Actor | null, resource: RegistryResource): TownScope {
  return townScope(actor, cityReaders[resource], townRoles);
}

/**
 * Access rule for registry records. Without a target it answers "may this role ever do this";
 * with a target (a record's or a new record's 镇区) it also checks the clerk's scope.
 */
export function mayOnRegistry(
  actor: Actor | null,
  resource: RegistryResource,
  action: RegistryAction,
  target?: { townCode: string },
): boolean {
  if (!actor) return false;
  if (action === "search" || action === "read") {
    const scope = registryReadScope(actor, resource);
    if (scope.kind === "towns" && scope.towns.length === 0) return false;
    return target ? scopeIncludes(scope, target.townCode) : true;
  }
  if (holdsAnyRole(actor, cityWriters)) return true;
  if (!holdsAnyRole(actor, townRoles)) return false;
  return target ? holdsRoleInTown(actor, "clerk", target.townCode) : true;
}

/**
 * Whether the actor sees a record's full ID number and phone: clerks of its 镇区, programme admins and auditors.
 * Others who may read it (verifiers) see them masked.
 */
export function seesFullRecord(actor: Actor | null, target: { townCode: string }): boolean {
  if (holdsAnyRole(actor, ["programme_admin", "auditor"])) return true;
  return holdsRoleInTown(actor, "clerk", target.townCode);
}
