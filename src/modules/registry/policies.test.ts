import { describe, expect, it } from "vitest";
import type { Actor, Role } from "../../platform/roles";
import {
  mayOnRegistry,
  registryReadScope,
  seesFullRecord,
  type RegistryAction,
  type RegistryResource,
} from "./policies";

function actor(role: Role, scope: { townCode?: string; departmentCode?: string } = {}): Actor {
  return {
    id: role,
    username: role,
    displayName: role,
    personId: null,
    grants: [{ role, townCode: scope.townCode ?? null, departmentCode: scope.departmentCode ?? null }],
  };
}

const actors: Record<string, Actor | null> = {
  clerk: actor("clerk", { townCode: "shiqi" }),
  verifier: actor("verifier", { departmentCode: "education" }),
  programme_admin: actor("programme_admin"),
  policy_officer: actor("policy_officer"),
  vendor: actor("vendor"),
  reviewer: actor("reviewer"),
  auditor: actor("auditor"),
  admin: actor("admin"),
  resident: actor("resident"),
  anonymous: null,
};

const own = { townCode: "shiqi" };
const other = { townCode: "xiaolan" };
// For each resource and action: who may act on a record of the clerk's own 镇区, and on one of another 镇区.
const table: [RegistryResource, RegistryAction, string[], string[]][] = [
  ["person", "search", ["clerk", "verifier", "programme_admin", "auditor"], ["verifier", "programme_admin", "auditor"]],
  ["person", "read", ["clerk", "verifier", "programme_admin", "auditor"], ["verifier", "programme_admin", "auditor"]],
  ["person", "create", ["clerk", "programme_admin"], ["programme_admin"]],
  ["person", "update", ["clerk", "programme_admin"], ["programme_admin"]],
  [
    "household",
    "read",
    ["clerk", "verifier", "programme_admin", "auditor"],
    ["verifier", "programme_admin", "auditor"],
  ],
  ["household", "update", ["clerk", "programme_admin"], ["programme_admin"]],
  ["organisation", "read", ["clerk", "programme_admin", "auditor"], ["programme_admin", "auditor"]],
  ["organisation", "update", ["clerk", "programme_admin"], ["programme_admin"]],
];

describe("registry access rules: role × action", () => {
  for (const [resource, action, allowedOwn, allowedOther] of table) {
    for (const [name, candidate] of Object.entries(actors)) {
      it(`${name} ${action} ${resource}: own 镇区 ${allowedOwn.includes(name)}, other ${allowedOther.includes(name)}`, () => {
        expect(mayOnRegistry(candidate, resource, action, own)).toBe(allowedOwn.includes(name));
        expect(mayOnRegistry(candidate, resource, action, other)).toBe(allowedOther.includes(name));
      });
    }
  }

  it("scopes a clerk's reads to their 镇区 and gives city roles the city", () => {
    expect(registryReadScope(actors.clerk, "person")).toEqual({ kind: "towns", towns: ["shiqi"] });
    expect(registryReadScope(actors.auditor, "person")).toEqual({ kind: "city" });
    expect(registryReadScope(actors.resident, "person")).toEqual({ kind: "towns", towns: [] });
  });

  it("shows full ID numbers to the clerk of the 镇区, programme admins and auditors only", () => {
    expect(seesFullRecord(actors.clerk, own)).toBe(true);
    expect(seesFullRecord(actors.clerk, other)).toBe(false);
    expect(seesFullRecord(actors.verifier, own)).toBe(false);
    expect(seesFullRecord(actors.auditor, other)).toBe(true);
  });
});
