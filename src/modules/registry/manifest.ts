import { definePermissions } from "../../platform/access/permissions";
import type { ModuleManifest } from "../../platform/module";
import { registryRoutes } from "./routes";
import { registryRecordNames } from "./record-names";

/** The registry's permissions: who may ever search, register or edit; the 镇区 scope is checked per record. */
export const registryPermissions = definePermissions({
  "registry.search": {
    roles: ["programme_admin", "auditor", "verifier", "clerk"],
    description:
      "搜索和查看人员、家庭户（镇区工作人员限本镇区）(search and read persons and households; clerks: their town)",
  },
  "registry.write": {
    roles: ["programme_admin", "clerk"],
    description:
      "登记和修改人员、家庭户（镇区工作人员限本镇区）(register and edit persons and households; clerks: their town)",
  },
  "organisations.read": {
    roles: ["programme_admin", "auditor", "clerk"],
    description: "搜索和查看社会组织 (search and read organisations)",
  },
  "organisations.write": {
    roles: ["programme_admin", "clerk"],
    description: "登记和修改社会组织 (register and edit organisations)",
  },
  "registry.communities.import": {
    roles: ["programme_admin"],
    description:
      "导入或更正各镇区的社区（村）及其中心坐标（CSV 或 XLSX）(import or correct the communities of the towns and their centres)",
  },
  "profile.read": { roles: ["resident"], description: "查看本人档案 (read one's own profile)" },
});

/** The registry module: towns, communities, departments, persons, households, organisations. */
export const registryModule: ModuleManifest = {
  name: "registry",
  routes: registryRoutes,
  permissions: registryPermissions,
  recordNames: registryRecordNames,
};
