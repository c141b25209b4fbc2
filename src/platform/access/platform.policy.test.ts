import { describe, expect, it } from "vitest";
import { roles, type Actor, type Role } from "../roles";
import { abilities, platformPermissions } from "./abilities";
import { allows } from "./permissions";

function actor(role: Role, townCode: string | null = null): Actor {
  return {
    id: role,
    username: role,
    displayName: role,
    personId: null,
    grants: [{ role, townCode, departmentCode: null }],
  };
}

const expected: Record<keyof typeof platformPermissions, Role[]> = {
  "accounts.read": ["admin", "auditor"],
  "accounts.manage": ["admin"],
  "accounts.personLookup": ["admin"],
  "audit.read": ["admin", "auditor"],
  "audit.verify": ["admin", "auditor"],
  "personalData.own": ["resident"],
  "session.own": [...roles],
};

describe("platform permissions: role × permission", () => {
  for (const role of roles) {
    for (const [name, allowed] of Object.entries(expected) as [keyof typeof platformPermissions, Role[]][]) {
      it(`${role} ${name} → ${allowed.includes(role)}`, () => {
        expect(allows(platformPermissions[name], actor(role))).toBe(allowed.includes(role));
      });
    }
  }

  it("refuses everything to anonymous callers", () => {
    expect(Object.values(abilities(null, [])).some(Boolean)).toBe(false);
  });

  it("applies a permission's further rule and admits anonymous callers only to `anyone`", () => {
    const clerkInShiqi = {
      roles: ["clerk"],
      rule: (who: Actor) => who.grants.some((grant) => grant.townCode === "shiqi"),
      description: "x",
    } as const;
    expect(allows(clerkInShiqi, actor("clerk", "shiqi"))).toBe(true);
    expect(allows(clerkInShiqi, actor("clerk", "xiaolan"))).toBe(false);
    expect(allows({ roles: "anyone", description: "x" }, null)).toBe(true);
    expect(allows({ roles: ["resident"], description: "x" }, null)).toBe(false);
  });

  it("builds the abilities map from the same permissions the routes check, modules included", () => {
    const map = abilities(actor("auditor"), [
      { name: "x", routes: [], permissions: { "x.do": { roles: ["auditor"], description: "x" } } },
    ]);
    expect(map).toMatchObject({ "accounts.read": true, "accounts.manage": false, "audit.verify": true, "x.do": true });
  });

  it("refuses a permission name declared twice", () => {
    expect(() =>
      abilities(null, [
        { name: "x", routes: [], permissions: { "audit.read": { roles: ["auditor"], description: "x" } } },
      ]),
    ).toThrow(/declared twice/);
  });
});
