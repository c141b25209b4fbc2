import { describe, expect, it } from "vitest";
import { roles, type Actor, type Role } from "../roles";
import { abilities } from "./abilities";
import { mayOnAccounts, type AccountAction } from "./accounts.policy";
import { mayOnAudit, type AuditAction } from "./audit.policy";

function actor(role: Role): Actor {
  return { id: role, username: role, displayName: role, personId: null, grants: [{ role, townCode: null, departmentCode: null }] };
}

const accountTable: Record<AccountAction, Role[]> = { list: ["admin", "auditor"], create: ["admin"], update: ["admin"], lookupPerson: ["admin"] };
const auditTable: Record<AuditAction, Role[]> = { read: ["admin", "auditor"], verify: ["admin", "auditor"] };

describe("platform access rules: role × action", () => {
  for (const role of roles) {
    for (const [action, allowed] of Object.entries(accountTable) as [AccountAction, Role[]][]) {
      it(`${role} ${action} accounts → ${allowed.includes(role)}`, () => {
        expect(mayOnAccounts(actor(role), action)).toBe(allowed.includes(role));
      });
    }
    for (const [action, allowed] of Object.entries(auditTable) as [AuditAction, Role[]][]) {
      it(`${role} ${action} audit → ${allowed.includes(role)}`, () => {
        expect(mayOnAudit(actor(role), action)).toBe(allowed.includes(role));
      });
    }
  }

  it("refuses everything to anonymous callers", () => {
    expect(mayOnAccounts(null, "list")).toBe(false);
    expect(mayOnAudit(null, "read")).toBe(false);
    expect(Object.values(abilities(null, [])).some(Boolean)).toBe(false);
  });

  it("builds the abilities map from the rules and module permissions", () => {
    const map = abilities(actor("auditor"), [{ name: "x", routes: () => {}, permissions: { "x.do": (who) => who?.username === "auditor" } }]);
    expect(map).toMatchObject({ "accounts.read": true, "accounts.manage": false, "audit.verify": true, "x.do": true });
  });
});
