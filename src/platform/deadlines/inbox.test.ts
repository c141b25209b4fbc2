import { describe, expect, it } from "vitest";
import type { Actor, RoleGrant } from "../roles";
import type { OpenDeadline } from "./deadlines";
import { inboxTasks } from "./inbox";

const actor = (...grants: Partial<RoleGrant>[]): Actor => ({
  id: "a",
  username: "u",
  displayName: "u",
  personId: null,
  grants: grants.map((grant) => ({ role: "clerk", townCode: null, departmentCode: null, ...grant })),
});
const deadline = (overrides: Partial<OpenDeadline>): OpenDeadline => ({
  module: "points",
  kind: "points.fact_check",
  label: "check",
  entityType: "points_fact",
  entityId: "1",
  reference: "r",
  townCode: "shiqi",
  dueOn: "2026-12-08",
  recompute: () => "2026-12-08",
  ...overrides,
});
const open = [
  deadline({
    entityId: "f1",
    assignees: [{ role: "verifier", departmentCode: "education" }],
    link: "/console/points/queue",
  }),
  deadline({
    module: "assistance",
    kind: "assistance.town_opinion",
    entityId: "c1",
    dueOn: "2026-12-02",
    assignees: [{ role: "clerk", townCode: "shiqi" }],
    history: [{ on: "2026-11-20", label: "受理" }],
  }),
  deadline({ module: "publicity", kind: "publicity.list_end", entityId: "l1" }),
  deadline({
    module: "assistance",
    kind: "assistance.decision",
    entityId: "c2",
    assignees: [{ role: "programme_admin" }],
  }),
];

describe("one inbox per officer across modules", () => {
  it("gives each officer the tasks whose assignees match their grants, most urgent first", () => {
    const clerk = inboxTasks(open, actor({ townCode: "shiqi" }), "2026-12-04");
    expect(clerk.map((task) => task.id)).toEqual(["assistance.town_opinion:c1"]);
    expect(clerk[0]).toMatchObject({
      overdue: true,
      workingDaysLeft: -2,
      history: [{ on: "2026-11-20", label: "受理" }],
    });
    expect(inboxTasks(open, actor({ townCode: "xiaolan" }), "2026-12-04")).toEqual([]);
    const verifier = inboxTasks(open, actor({ role: "verifier", departmentCode: "education" }), "2026-12-04");
    expect(verifier.map((task) => [task.id, task.workingDaysLeft, task.link])).toEqual([
      ["points.fact_check:f1", 2, "/console/points/queue"],
    ]);
    expect(inboxTasks(open, actor({ role: "verifier", departmentCode: "civil_affairs" }), "2026-12-04")).toEqual([]);
    // A deadline without assignees (a publicity's end) is nobody's task.
    const everyone = inboxTasks(
      open,
      actor({ townCode: "shiqi" }, { role: "verifier", departmentCode: "education" }, { role: "programme_admin" }),
      "2026-12-04",
    );
    expect(everyone.map((task) => task.module)).toEqual(["assistance", "points", "assistance"]);
  });

  it("marks due dates in a provisional calendar year", () => {
    const [task] = inboxTasks(
      [deadline({ dueOn: "2031-03-03", assignees: [{ role: "clerk" }] })],
      actor({}),
      "2026-12-04",
    );
    expect(task.provisional).toBe(true);
  });
});
