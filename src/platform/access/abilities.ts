import type { ModuleManifest } from "../module";
import { roles, type Actor } from "../roles";
import { allows, definePermissions, type PermissionTable } from "./permissions";

/** The platform's own permissions (accounts and audit); modules add theirs through their manifests. */
export const platformPermissions = definePermissions({
  "accounts.read": { roles: ["admin", "auditor"], description: "查看账号列表 (list accounts)" },
  "accounts.manage": { roles: ["admin"], description: "创建和修改账号 (create and edit accounts)" },
  "accounts.personLookup": {
    roles: ["admin"],
    description: "按身份证号查找人员以关联账号 (look up a person by exact ID number)",
  },
  "audit.read": { roles: ["auditor", "admin"], description: "查阅审计日志 (read the audit log)" },
  "audit.verify": { roles: ["auditor", "admin"], description: "校验审计哈希链 (verify the audit chain)" },
  "personalData.own": {
    roles: ["resident"],
    description: "下载本系统保存的本人全部信息 (download everything held about oneself)",
  },
  "session.own": {
    roles,
    description: "查看和结束自己的会话 (see and end one's own session)",
  },
});

/** Every permission by name: the platform's and each module's. A name declared twice is a programming error. */
export function permissionTable(modules: readonly ModuleManifest[]): PermissionTable {
  const table: Record<string, PermissionTable[string]> = { ...platformPermissions };
  for (const module of modules) {
    for (const [name, permission] of Object.entries(module.permissions)) {
      if (table[name]) throw new Error(`permission "${name}" of module ${module.name} is declared twice`);
      table[name] = permission;
    }
  }
  return table;
}

/** The abilities map sent to the web app: the same permissions the routes check, evaluated for this caller. */
export function abilities(actor: Actor | null, modules: readonly ModuleManifest[]): Record<string, boolean> {
  const map: Record<string, boolean> = {};
  for (const [name, permission] of Object.entries(permissionTable(modules))) map[name] = allows(permission, actor);
  return map;
}
