/** Pure access rules of the coordination module: who sees and acts on joint cases, tasks and meetings. */
import { hasRole, type Actor } from "../../platform/roles";

/** The departments a verifier acts for (null: the caller sees every department). */
export function departmentsOf(actor: Actor): string[] | null {
  if (hasRole(actor, "programme_admin") || hasRole(actor, "auditor")) return null;
  const grants = actor.grants.filter((grant) => grant.role === "verifier");
  if (grants.some((grant) => grant.departmentCode === null)) return null;
  return grants.map((grant) => grant.departmentCode!);
}

/** Whether the caller may read a case: city-wide roles always, a verifier when their department leads or has a task. */
export function mayReadCase(
  actor: Actor,
  record: { lead_department: string; tasks: { department_code: string }[] },
): boolean {
  const departments = departmentsOf(actor);
  if (departments === null) return true;
  return (
    departments.includes(record.lead_department) ||
    record.tasks.some((task) => departments.includes(task.department_code))
  );
}

/** Whether the caller may complete a task: a programme admin, or a verifier of the task's department. */
export function mayCompleteTask(actor: Actor, task: { department_code: string }): boolean {
  if (hasRole(actor, "programme_admin")) return true;
  return actor.grants.some(
    (grant) =>
      grant.role === "verifier" && (grant.departmentCode === null || grant.departmentCode === task.department_code),
  );
}
