import { definePermissions } from "../../platform/access/permissions";
import type { ModuleManifest } from "../../platform/module";
import { policyRoutes } from "./routes";
import { simulationJob } from "./simulation";

/** Who may read, try, draft and decide points policy versions. */
export const policiesPermissions = definePermissions({
  "policies.read": {
    roles: ["policy_officer", "programme_admin", "auditor"],
    description: "查看积分政策版本、运行黄金测试、查看模拟结果 (read versions, run golden tests, read simulations)",
  },
  "policies.simulate": {
    roles: ["policy_officer", "programme_admin"],
    description: "以当前申请人模拟政策草案 (simulate a draft over the current applicants)",
  },
  "policies.draft": {
    roles: ["policy_officer"],
    description: "起草积分政策新版本 (draft a new points policy version)",
  },
  "policies.decide": {
    roles: ["policy_officer", "programme_admin"],
    description: "批准（非起草人）和发布生效积分政策版本 (approve — not its author — and activate versions)",
  },
});

/**
 * Points policies on screen (政策管理): the versions under policies/ with their state and golden tests, the
 * simulation of a draft over the current applicants, drafting, approval and activation — the rules engine's
 * functions that `gongzhi policy …` runs.
 */
export const policiesModule: ModuleManifest = {
  name: "policies",
  routes: policyRoutes,
  permissions: policiesPermissions,
  jobs: [simulationJob],
};
