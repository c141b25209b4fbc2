import { holdsAnyRole, holdsRoleInTown } from "../access/scope";
import { hasRole, type Actor } from "../roles";

/** What the access rule needs of a file: who uploaded it, the 镇区 of the case it belongs to, and its owner's 镇区. */
export interface FileTarget {
  ownerAccountId: string;
  townCode: string | null;
  /** The owner's 镇区 (registered person, clerk grants): the file's scope when it was uploaded without a town. */
  ownerTowns?: readonly string[];
}

/**
 * Who may read a file: its owner, the clerks of its 镇区, verifiers, programme admins and auditors.
 * A file uploaded without a 镇区 has its owner's scope: clerks of the owner's 镇区 (a resident's registered
 * 镇区, a clerk's own), none when the owner has none. Never the public, and never another resident.
 */
export function mayReadFile(actor: Actor | null, file: FileTarget): boolean {
  if (!actor) return false;
  if (file.ownerAccountId === actor.id) return true;
  if (holdsAnyRole(actor, ["verifier", "programme_admin", "auditor"])) return true;
  if (!hasRole(actor, "clerk")) return false;
  if (file.townCode !== null) return holdsRoleInTown(actor, "clerk", file.townCode);
  return (file.ownerTowns ?? []).some((town) => holdsRoleInTown(actor, "clerk", town));
}
