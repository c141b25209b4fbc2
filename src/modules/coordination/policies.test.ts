import { describe, expect, it } from "vitest";
import type { Actor, RoleGrant } from "../../platform/roles";
import { mayCompleteTask, mayReadCase } from "./policies";

const actor = (...grants: Partial<RoleGrant>[]): Actor => ({
  id: "a",
  username: "u",
  displayName: "u",
  personId: null,
  grants: grants.map((grant) => ({ role: "verifier", townCode: null, departmentCode: null, ...grant })),
});
const jointCase = { lead_department: "civil_affairs", tasks: [{ department_code: "education" }] };

describe("coordination access rules", () => {
  it("lets verifiers read the cases their department leads or has a task in, and no others", () => {
    expect(mayReadCase(actor({ departmentCode: "education" }), jointCase)).toBe(true);
    expect(mayReadCase(actor({ departmentCode: "civil_affairs" }), jointCase)).toBe(true);
    expect(mayReadCase(actor({ departmentCode: "public_security" }), jointCase)).toBe(false);
    expect(mayReadCase(actor({ role: "programme_admin" }), jointCase)).toBe(true);
    expect(mayReadCase(actor({ role: "auditor" }), jointCase)).toBe(true);
  });

  it("lets only the task's department (or a programme admin) complete a task", () => {
    expect(mayCompleteTask(actor({ departmentCode: "education" }), { department_code: "education" })).toBe(true);
    expect(mayCompleteTask(actor({ departmentCode: "civil_affairs" }), { department_code: "education" })).toBe(false);
    expect(mayCompleteTask(actor({ role: "programme_admin" }), { department_code: "education" })).toBe(true);
    expect(mayCompleteTask(actor({ role: "auditor" }), { department_code: "education" })).toBe(false);
  });
});
