import { describe, expect, it } from "vitest";
import type { Actor, RoleGrant } from "../../platform/roles";
import { mayOnAssistance, type AssistanceAction } from "./policies";

function actor(...grants: Partial<RoleGrant>[]): Actor {
  return {
    id: "a",
    username: "u",
    displayName: "u",
    personId: null,
    grants: grants.map((grant) => ({
      role: grant.role!,
      townCode: grant.townCode ?? null,
      departmentCode: grant.departmentCode ?? null,
    })),
  };
}

const callers = {
  clerkShiqi: actor({ role: "clerk", townCode: "shiqi" }),
  admin: actor({ role: "programme_admin" }),
  auditor: actor({ role: "auditor" }),
  policy: actor({ role: "policy_officer" }),
  price: actor({ role: "verifier", departmentCode: "development_reform" }),
  education: actor({ role: "verifier", departmentCode: "education" }),
  resident: actor({ role: "resident" }),
};

// Each row: action, target town (or none), and the callers allowed.
const table: [AssistanceAction, string | undefined, (keyof typeof callers)[]][] = [
  ["case.read", "shiqi", ["clerkShiqi", "admin", "auditor"]],
  ["case.read", "xiaolan", ["admin", "auditor"]],
  ["case.process", "shiqi", ["clerkShiqi", "admin"]],
  ["case.process", "xiaolan", ["admin"]],
  ["case.decide", undefined, ["admin"]],
  ["payroll.run", undefined, ["admin"]],
  ["payroll.read", undefined, ["admin", "auditor"]],
  ["cpi.record", undefined, ["admin", "price"]],
  ["standard.propose", undefined, ["policy"]],
  ["standard.approve", undefined, ["admin"]],
  ["standard.read", undefined, ["admin", "auditor", "policy"]],
];

describe("assistance access rules (role × action)", () => {
  for (const [action, town, allowed] of table) {
    it(`${action}${town ? ` in ${town}` : ""}`, () => {
      for (const [name, caller] of Object.entries(callers)) {
        expect(mayOnAssistance(caller, action, town ? { townCode: town } : undefined), name).toBe(
          allowed.includes(name as keyof typeof callers),
        );
      }
      expect(mayOnAssistance(null, action)).toBe(false);
    });
  }
});
