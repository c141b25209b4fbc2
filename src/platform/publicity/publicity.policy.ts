import { holdsAnyRole, holdsRoleInTown } from "../access/scope";
import { hasRole, type Actor } from "../roles";
import type { Objection } from "./publicity.objections";

/** The departments a verifier answers for (a verifier grant without a department covers every department). */
export function verifierDepartments(actor: Actor | null): string[] | "all" {
  const grants = actor?.grants.filter((grant) => grant.role === "verifier") ?? [];
  if (grants.some((grant) => grant.departmentCode === null)) return "all";
  return grants.map((grant) => grant.departmentCode!);
}

function verifiesFor(actor: Actor | null, departmentCode: string | null): boolean {
  const departments = verifierDepartments(actor);
  return departments === "all"
    ? hasRole(actor, "verifier")
    : departmentCode !== null && departments.includes(departmentCode);
}

/** Who may see an objection: who raised it, its department's verifiers, clerks of its 镇区, programme admins, auditors. */
export function mayReadObjection(actor: Actor | null, objection: Objection): boolean {
  if (!actor) return false;
  if (objection.raisedBy === actor.id) return true;
  if (holdsAnyRole(actor, ["programme_admin", "auditor"])) return true;
  if (verifiesFor(actor, objection.departmentCode)) return true;
  return objection.townCode !== null && holdsRoleInTown(actor, "clerk", objection.townCode);
}

/** Who may forward a received objection to a department: programme admins and clerks of its 镇区. */
export function mayForwardObjection(actor: Actor | null, objection?: Objection): boolean {
  if (hasRole(actor, "programme_admin")) return true;
  if (!objection) return hasRole(actor, "clerk");
  return objection.townCode !== null && holdsRoleInTown(actor, "clerk", objection.townCode);
}

/** Who may answer: programme admins (ruling on any objection) and verifiers of its department once forwarded. */
export function mayAnswerObjection(actor: Actor | null, objection?: Objection): boolean {
  if (hasRole(actor, "programme_admin")) return true;
  if (!objection) return hasRole(actor, "verifier");
  return objection.status === "forwarded" && verifiesFor(actor, objection.departmentCode);
}
