/**
 * Access rules of the assistance module, pure functions of the caller (and a case's 镇区 when given).
 * Clerks work only on cases of their own 镇区; civil affairs (programme admins) decide, pay and stop;
 * auditors read everything and never write; the price department enters CPI figures; policy officers
 * propose standards that a programme admin approves; a resident applies for and follows their own household.
 */
import { holdsAnyRole, holdsRoleInTown, scopeIncludes, townScope, type TownScope } from "../../platform/access/scope";
import { hasRole, type Actor } from "../../platform/roles";

/** What can be done in the module. */
export type AssistanceAction =
  | "case.read"
  | "case.create"
  | "case.process"
  | "case.decide"
  | "cpi.read"
  | "cpi.record"
  | "payroll.read"
  | "payroll.run"
  | "standard.read"
  | "standard.propose"
  | "standard.approve";

/** The department whose verifiers enter price indices (migration 0020 adds it). */
export const priceDepartment = "development_reform";

/** Tells whether the actor is an officer of the price department. */
export function isPriceOfficer(actor: Actor | null): boolean {
  return actor?.grants.some((grant) => grant.role === "verifier" && grant.departmentCode === priceDepartment) ?? false;
}

/** The 镇区 whose cases the actor may see as staff (clerks: their own; civil affairs and auditors: the city). */
export function caseScope(actor: Actor | null): TownScope {
  return townScope(actor, ["programme_admin", "auditor"], ["clerk"]);
}

/**
 * The access rule. Without a target it answers "may this role ever do this"; with a case's town it also
 * checks the clerk's scope. Residents' own cases are checked by `isOwnCase` in the routes.
 */
export function mayOnAssistance(actor: Actor | null, action: AssistanceAction, target?: { townCode: string }): boolean {
  if (!actor) return false;
  switch (action) {
    case "case.read": {
      const scope = caseScope(actor);
      if (scope.kind === "towns" && scope.towns.length === 0) return false;
      return target ? scopeIncludes(scope, target.townCode) : true;
    }
    case "case.create":
    case "case.process":
      if (holdsAnyRole(actor, ["programme_admin"])) return true;
      if (!hasRole(actor, "clerk")) return false;
      return target ? holdsRoleInTown(actor, "clerk", target.townCode) : true;
    case "case.decide":
    case "payroll.run":
    case "standard.approve":
      return hasRole(actor, "programme_admin");
    case "payroll.read":
      return holdsAnyRole(actor, ["programme_admin", "auditor"]);
    case "cpi.record":
      return hasRole(actor, "programme_admin") || isPriceOfficer(actor);
    case "cpi.read":
      return holdsAnyRole(actor, ["programme_admin", "auditor", "policy_officer", "clerk"]) || isPriceOfficer(actor);
    case "standard.read":
      return holdsAnyRole(actor, ["programme_admin", "auditor", "policy_officer"]);
    case "standard.propose":
      return hasRole(actor, "policy_officer");
  }
}

/** Whether a resident may apply online: a resident linked to a registered person. */
export function mayApplyOnline(actor: Actor | null): boolean {
  return hasRole(actor, "resident") && actor?.personId !== null && actor?.personId !== undefined;
}

/** Whether the staff caller sees full ID numbers of a case's members (clerks of its 镇区, civil affairs, auditors). */
export function seesFullCase(actor: Actor | null, target: { townCode: string }): boolean {
  if (holdsAnyRole(actor, ["programme_admin", "auditor"])) return true;
  return holdsRoleInTown(actor, "clerk", target.townCode);
}
