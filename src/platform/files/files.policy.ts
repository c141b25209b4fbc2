import { holdsAnyRole, holdsRoleInTown } from "../access/scope";
import { hasRole, type Actor } from "../roles";

/** What the access rule needs of a file: who uploaded it and the 镇区 of the case it belongs to. */
export interface FileTarget {
  ownerAccountId: string;
  townCode: string | null;
}

/**
 * Who may read a file: its owner, the clerks of its 镇区, verifiers, programme admins and auditors.
 * Never the public, and never another resident.
 */
export function mayReadFile(actor: Actor | null, file: FileTarget): boolean {
  if (!actor) return false;
  if (file.ownerAccountId === actor.id) return true;
  if (holdsAnyRole(actor, ["verifier", "programme_admin", "auditor"])) return true;
  if (!hasRole(actor, "clerk")) return false;
  return file.townCode === null ? actor.grants.some((grant) => grant.role === "clerk") : holdsRoleInTown(actor, "clerk", file.townCode);
}
