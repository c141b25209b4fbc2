import { definePermissions } from "../../platform/access/permissions";
import type { ModuleManifest } from "../../platform/module";
import { onReferralDecided } from "../../platform/referrals/referrals";
import { followReferral } from "./commands/contracts";
import { servicesDeadlines } from "./deadlines";
import { servicesOpenData } from "./insight";
import { recommendationDeadlines } from "./recommendation-deadlines";
import { servicesRoutes } from "./routes";
import { seedServices } from "./seeds";

/** The services module's permissions. */
export const servicesPermissions = definePermissions({
  "services.vendors.register": {
    roles: ["vendor"],
    description: "登记本机构、提交资质材料 (register one's organisation and its documents)",
  },
  "services.vendors.review": {
    roles: ["reviewer", "programme_admin"],
    description: "审核机构资质并授予有效期 (check vendors' requirements and grant qualification)",
  },
  "services.needs.manage": {
    roles: ["programme_admin"],
    description: "发布服务需求、记录例外、评定中标 (publish needs, record exceptions, award)",
  },
  "services.needs.read": {
    roles: ["programme_admin", "auditor"],
    description: "开标后查看投标、评分和排名 (read opened bids, scores and ranking)",
  },
  "services.bids.submit": {
    roles: ["vendor"],
    description: "合格机构在截止前投标 (qualified vendors bid before the deadline)",
  },
  "services.contracts.manage": {
    roles: ["programme_admin"],
    description:
      "签订合同、审阅进展、评估、满意度调查、协议改进 (contracts, progress review, evaluation, survey, improvement)",
  },
  "services.contracts.pay": {
    roles: ["programme_admin"],
    description:
      "按里程碑和尾款支付合同款（不含服务机构） (pay a contract by milestone and the final payment; never the vendor)",
  },
  "services.contracts.read": {
    roles: ["programme_admin", "auditor", "vendor"],
    description: "查看服务合同（机构只见本机构） (read contracts; a vendor its own)",
  },
  "services.contracts.report": {
    roles: ["vendor"],
    description: "中标机构报告进展、提出建议 (the contracted vendor reports progress and recommends)",
  },
  "services.recommendations.decide": {
    roles: ["programme_admin", "clerk"],
    description: "主管部门审批机构建议（镇区办事员限本镇区） (the owning department decides vendors' recommendations)",
  },
  "services.performance.read": {
    roles: ["reviewer", "programme_admin", "auditor"],
    description: "查看机构以往履约评分 (read a vendor's past performance)",
  },
  "services.stations.manage": {
    roles: ["programme_admin"],
    description: "登记镇区社工站 (record the social-work station of each 镇区)",
  },
  "services.panel": {
    roles: ["reviewer"],
    description: "声明利益冲突并评分 (declare conflicts of interest and score bids)",
  },
});

// A forwarded assistance recommendation follows its referral's decision in the assistance module.
onReferralDecided("services", followReferral);

/** The purchased-services module (政府购买服务): vendors, qualification, needs, sealed bids, panel, award. */
export const servicesModule: ModuleManifest = {
  name: "services",
  routes: servicesRoutes,
  seeds: seedServices,
  permissions: servicesPermissions,
  // Qualification expiries and bid deadlines, then recommendations awaiting a decision (inbox tasks).
  deadlines: async (db) => [...(await servicesDeadlines(db)), ...(await recommendationDeadlines(db))],
  openData: servicesOpenData,
};
