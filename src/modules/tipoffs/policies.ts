/**
 * Who may do what with tip-offs. The rule that matters: the reporter's identity is read only by the officer
 * (verifier) of the tip's handling department who has taken the tip (its assigned officer); the department's other
 * officers work the queue, and programme admins and auditors supervise it, without it.
 */
import { holdsAnyRole } from "../../platform/access/scope";
import type { Actor } from "../../platform/roles";

/** The departments where the actor is an officer (verifier grants). */
export function officerDepartments(actor: Actor | null): string[] {
  if (!actor) return [];
  return actor.grants
    .filter((grant) => grant.role === "verifier" && grant.departmentCode)
    .map((grant) => grant.departmentCode!);
}

/** Tells whether the actor is an officer of the tip's handling department. */
export function isHandlingOfficer(actor: Actor | null, tipoff: { departmentCode: string }): boolean {
  return officerDepartments(actor).includes(tipoff.departmentCode);
}

/** Tells whether the actor reads the reporter's identity: the handling department's officer assigned to the tip. */
export function readsReporter(
  actor: Actor | null,
  tipoff: { departmentCode: string; assignedAccountId: string | null },
): boolean {
  return actor !== null && isHandlingOfficer(actor, tipoff) && tipoff.assignedAccountId === actor.id;
}

/** Tells whether the actor supervises every tip (without the reporter's identity). */
export function supervisesTipoffs(actor: Actor | null): boolean {
  return holdsAnyRole(actor, ["programme_admin", "auditor"]);
}

/** Tells whether the actor may read a tip-off (its handling department's officers, supervisors). */
export function mayReadTipoff(actor: Actor | null, tipoff: { departmentCode: string }): boolean {
  return isHandlingOfficer(actor, tipoff) || supervisesTipoffs(actor);
}

/** The departments whose queue the actor sees. */
export function queueDepartments(actor: Actor | null): string[] | "all" {
  return supervisesTipoffs(actor) ? "all" : officerDepartments(actor);
}
