import { definePermissions } from "../../platform/access/permissions";
import type { ModuleManifest } from "../../platform/module";
import { fundDeadlines } from "./deadlines";
import { fundIndicators, fundOpenData } from "./insight";
import { fundRoutes } from "./routes";
import { seedFund } from "./seeds";

export const fundPermissions = definePermissions({
  "fund.manage": {
    roles: ["programme_admin"],
    description: "发布申报、分配专家、评定资助、拨付 (open calls, assign reviewers, allocate, pay)",
  },
  "fund.read": { roles: ["programme_admin", "auditor"], description: "查看申报项目 (read applications)" },
  "fund.apply": {
    roles: ["vendor", "clerk", "verifier"],
    description: "社会组织、镇区、部门申报项目 (social organisations, towns and departments apply)",
  },
  "fund.applications.read": {
    roles: ["programme_admin", "auditor", "vendor", "clerk", "verifier"],
    description: "查看申报项目详情（申报人只见本人） (read an application; applicants their own)",
  },
  "fund.review": { roles: ["reviewer"], description: "声明利益冲突并评分 (declare conflicts and score)" },
});

/** The social-governance innovation fund (社会管理与创新专项资金). */
export const fundModule: ModuleManifest = {
  name: "fund",
  routes: fundRoutes,
  seeds: seedFund,
  permissions: fundPermissions,
  indicators: fundIndicators,
  openData: fundOpenData,
  // Reviews to score (the assigned reviewer's inbox) and reports to review (the programme admins').
  deadlines: fundDeadlines,
};
