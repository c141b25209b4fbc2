import { definePermissions } from "../../platform/access/permissions";
import type { ModuleManifest } from "../../platform/module";
import { tipoffDeadlines } from "./deadlines";
import { tipoffsIndicators } from "./insight";
import { verifiedTipsJob } from "./jobs";
import { officerDepartments } from "./policies";
import { tipoffsRoutes } from "./routes";
import { seedTipoffs } from "./seeds";

/** The tip-offs module's permissions; reporting and following by receipt code are public routes. */
export const tipoffsPermissions = definePermissions({
  "tipoffs.queue": {
    roles: ["verifier", "programme_admin", "auditor"],
    description:
      "查看线索队列（核查人员限本部门；举报人身份仅承办人可见）(read tip-offs: officers their department's; identity only for the handling department's officer who took the tip)",
  },
  "tipoffs.investigate": {
    roles: ["verifier"],
    rule: (actor) => officerDepartments(actor).length > 0,
    description:
      "核查线索、给举报人留言、作出结论、登记奖励（处理部门）(investigate, decide, reward: the handling department)",
  },
  "tipoffs.categories.manage": {
    roles: ["admin"],
    description: "管理举报类别及其处理部门 (manage tip-off categories and their departments)",
  },
  "open311.keys.manage": {
    roles: ["admin"],
    description: "签发和吊销 Open311 API 密钥 (issue and revoke Open311 keys)",
  },
});

/** Tip-offs (线索举报) with receipt codes, the handling department's work, and Open311 keys. */
export const tipoffsModule: ModuleManifest = {
  name: "tipoffs",
  routes: tipoffsRoutes,
  permissions: tipoffsPermissions,
  seeds: seedTipoffs,
  jobs: [verifiedTipsJob],
  deadlines: tipoffDeadlines,
  indicators: tipoffsIndicators,
};
