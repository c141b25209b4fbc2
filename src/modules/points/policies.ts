import { holdsAnyRole, holdsRoleInTown } from "../../platform/access/scope";
import { verifierDepartments } from "../../platform/publicity/publicity.policy";
import { hasRole, type Actor } from "../../platform/roles";

/** What can be done to an enrolment and its facts and applications. */
export type EnrolmentAction = "read" | "declare" | "counter" | "apply";

/**
 * Access rule for an enrolment: the resident it belongs to reads, declares and applies; clerks of its 镇区 do
 * counter work (enter, confirm, send, fraud) and apply on the resident's behalf; programme admins everything;
 * auditors and verifiers read.
 */
export function mayOnEnrolment(
  actor: Actor | null,
  action: EnrolmentAction,
  enrolment: { person_id: string; town_code: string },
): boolean {
  if (!actor) return false;
  if (hasRole(actor, "programme_admin")) return true;
  if (holdsRoleInTown(actor, "clerk", enrolment.town_code)) return true;
  const own = hasRole(actor, "resident") && actor.personId === enrolment.person_id;
  if (own && action !== "counter") return true;
  return action === "read" && holdsAnyRole(actor, ["auditor", "verifier"]);
}

/** Who may enrol someone: a resident themselves, clerks (their 镇区), programme admins. */
export function mayEnrol(actor: Actor | null): boolean {
  return holdsAnyRole(actor, ["resident", "clerk", "programme_admin"]);
}

/** Who runs the programme: cycles, quotas, schools, ranking runs, publishing. */
export function mayAdministerPoints(actor: Actor | null): boolean {
  return hasRole(actor, "programme_admin");
}

/** Who reads programme data (cycles, runs): programme admins and auditors. */
export function mayReadProgramme(actor: Actor | null): boolean {
  return holdsAnyRole(actor, ["programme_admin", "auditor"]);
}

/** Whether a verifier decides facts of this department. */
export function mayDecideForDepartment(actor: Actor | null, departmentCode: string | null): boolean {
  if (!hasRole(actor, "verifier")) return false;
  const departments = verifierDepartments(actor);
  return departments === "all" || (departmentCode !== null && departments.includes(departmentCode));
}

/** Who may report deduction events: verifiers (the department is checked per kind). */
export function mayReportDeduction(actor: Actor | null): boolean {
  return hasRole(actor, "verifier");
}
