import { definePermissions } from "../../platform/access/permissions";
import type { ModuleManifest } from "../../platform/module";
import { consultationsOpenData } from "./insight";
import { consultationRoutes } from "./routes";
import { seedConsultations } from "./seeds";

/** The consultations module's permissions; reading public consultations is public. */
export const consultationsPermissions = definePermissions({
  "consultations.manage": {
    roles: ["programme_admin", "policy_officer"],
    description: "发布征求意见稿 (publish drafts for public consultation)",
  },
  "consultations.community": {
    roles: ["programme_admin", "clerk"],
    description: "发起村居议事、记录议事会议（镇区工作人员限本镇区）(community deliberations: clerks of the town)",
  },
  "consultations.moderate": {
    roles: ["programme_admin", "policy_officer", "clerk"],
    description:
      "按规则隐藏意见、发布报告和最终决定（村居议事限本镇区）(moderate, publish the report and the decision)",
  },
  "consultations.comment": {
    roles: ["resident"],
    rule: (actor) => actor.personId !== null,
    description: "对征求意见稿提出和支持意见（须已关联人员）(comment and support comments)",
  },
});

/** Public consultations (公开征求意见) and community deliberations (村居议事). */
export const consultationsModule: ModuleManifest = {
  name: "consultations",
  routes: consultationRoutes,
  permissions: consultationsPermissions,
  seeds: seedConsultations,
  openData: consultationsOpenData,
};
