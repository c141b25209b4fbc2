import { definePermissions } from "../../platform/access/permissions";
import type { ModuleManifest } from "../../platform/module";
import { approvalsIndicators, approvalsOpenData } from "./insight";
import { approvalsRoutes } from "./routes";
import { seedApprovals } from "./seeds";

/** Reading the catalogue is public; only the programme admin imports it. */
export const approvalsPermissions = definePermissions({
  "approvals.import": {
    roles: ["programme_admin"],
    description: "导入行政审批事项目录 (import the approvals catalogue from XLSX)",
  },
});

/** The catalogue of administrative approval items (行政审批事项目录) and the history of the reform. */
export const approvalsModule: ModuleManifest = {
  name: "approvals",
  routes: approvalsRoutes,
  permissions: approvalsPermissions,
  seeds: seedApprovals,
  openData: approvalsOpenData,
  indicators: approvalsIndicators,
};
