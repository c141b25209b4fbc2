import { definePermissions } from "../../platform/access/permissions";
import type { ModuleManifest } from "../../platform/module";
import { participationIndicators, participationOpenData } from "./insight";
import { participationRoutes } from "./routes";
import { seedParticipation } from "./seeds";

/** The participation module's permissions. */
export const participationPermissions = definePermissions({
  "participation.campaigns.manage": {
    roles: ["programme_admin"],
    description: "新建全民参与活动 (create campaigns)",
  },
  "participation.organisers.manage": {
    roles: ["programme_admin"],
    description: "指定志愿服务组织的组织者账号 (make accounts organisers of an organisation)",
  },
  "participation.organise": {
    roles: ["organiser"],
    description:
      "发布活动、签到签退、确认时长（限本人所在组织）(publish activities, check in and out, confirm hours: one's own organisations)",
  },
  "participation.volunteer": {
    roles: ["resident"],
    rule: (actor) => actor.personId !== null,
    description: "报名志愿服务、查看本人时长和证明（须已关联人员）(sign up, see one's own hours and certificate)",
  },
  "participation.ledger.correct": {
    roles: ["programme_admin", "organiser"],
    description:
      "冲销更正志愿服务时长（组织者限本组织活动）(reverse ledger entries; organisers: their organisations' activities)",
  },
  "participation.ledger.import": {
    roles: ["programme_admin"],
    description: "导入省内其他地市志愿服务时长 (import hours served elsewhere in Guangdong)",
  },
});

/** The participation module (全民参与): campaigns and volunteering with its hours ledger. */
export const participationModule: ModuleManifest = {
  name: "participation",
  routes: participationRoutes,
  seeds: seedParticipation,
  permissions: participationPermissions,
  indicators: participationIndicators,
  openData: participationOpenData,
};
