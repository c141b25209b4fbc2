import { definePermissions } from "../../platform/access/permissions";
import type { ModuleManifest } from "../../platform/module";
import { insightRoutes } from "./routes";

/** The insight module's permissions: the staff dashboard (clerks: their 镇区); the public views need none. */
export const insightPermissions = definePermissions({
  "insight.dashboard": {
    roles: ["programme_admin", "policy_officer", "auditor", "clerk", "verifier"],
    description: "城市指标看板和导出（镇区工作人员限本镇区）(the city dashboard and its export; clerks: their town)",
  },
});

/**
 * Insight (transparency): the city dashboard under the five goals and open data, over the indicators and datasets
 * that the modules of `sources` declare in their manifests.
 */
export function insightModule(sources: readonly ModuleManifest[]): ModuleManifest {
  const routes = insightRoutes(() => sources);
  return { name: "insight", routes: routes.api, rootRoutes: routes.root, permissions: insightPermissions };
}
