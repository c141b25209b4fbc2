import { Type } from "typebox";
import { definePermissions } from "../../platform/access/permissions";
import type { ModuleManifest } from "../../platform/module";
import { coordinationDeadlines } from "./deadlines";
import { coordinationIndicators } from "./insight";
import { escalationJob } from "./jobs";
import { caseRoutes } from "./routes/cases.routes";
import { inboxRoutes } from "./routes/inbox.routes";
import { meetingRoutes } from "./routes/meetings.routes";
import { seedCoordination } from "./seeds";

/** The coordination module's permissions; a verifier's department is checked per case and task. */
export const coordinationPermissions = definePermissions({
  "coordination.inbox": {
    roles: ["clerk", "verifier", "programme_admin", "reviewer"],
    description: "我的待办：各模块交给本人的任务 (my inbox: tasks from every module)",
  },
  "coordination.cases.read": {
    roles: ["programme_admin", "verifier", "auditor"],
    description: "查看联办案件（核查部门限本部门参与的）(read joint cases; verifiers: their department's)",
  },
  "coordination.cases.manage": {
    roles: ["programme_admin"],
    description: "立联办案件、交办任务、办结案件、执行升级 (open joint cases, assign tasks, close, escalate)",
  },
  "coordination.tasks.complete": {
    roles: ["programme_admin", "verifier"],
    description: "办结本部门任务 (complete a task of one's department)",
  },
  "coordination.meetings.read": {
    roles: ["programme_admin", "verifier", "auditor"],
    description: "查看联席会议和纪要 (read joint meetings and minutes)",
  },
  "coordination.meetings.manage": {
    roles: ["programme_admin"],
    description: "安排和记录联席会议 (plan and record joint meetings)",
  },
});

/**
 * Coordination (联席联动): joint cases with co-department tasks and escalation, joint meetings, and the one inbox
 * per officer over the deadline sources of `sources` (the other modules) and its own.
 */
export function coordinationModule(sources: readonly ModuleManifest[]): ModuleManifest {
  const manifest: ModuleManifest = {
    name: "coordination",
    routes: [...inboxRoutes(() => [...sources, manifest]), ...caseRoutes, ...meetingRoutes],
    permissions: coordinationPermissions,
    seeds: seedCoordination,
    jobs: [{ ...escalationJob, payload: Type.Object({}, { additionalProperties: false }) }],
    deadlines: coordinationDeadlines,
    indicators: coordinationIndicators,
  };
  return manifest;
}
