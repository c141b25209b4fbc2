import { definePermissions } from "../../platform/access/permissions";
import type { ModuleManifest } from "../../platform/module";
import { participationRoutes } from "./routes";
import { seedParticipation } from "./seeds";

/** The participation module's permissions. */
export const participationPermissions = definePermissions({
  "participation.campaigns.manage": {
    roles: ["programme_admin"],
    description: "新建全民参与活动 (create campaigns)",
  },
});

/** The participation module (全民参与): campaigns and volunteering with its hours ledger. */
export const participationModule: ModuleManifest = {
  name: "participation",
  routes: participationRoutes,
  seeds: seedParticipation,
  permissions: participationPermissions,
};
