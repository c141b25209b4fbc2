import { permissionTable } from "../platform/access/abilities";
import type { PermissionTable } from "../platform/access/permissions";
import type { AnyRoute } from "../platform/http/route";
import type { ModuleManifest } from "../platform/module";
import { modules as defaultModules } from "./modules";
import { accountRoutes } from "./routes/accounts.routes";
import { auditRoutes } from "./routes/audit.routes";
import { authRoutes } from "./routes/auth.routes";
import { personalDataRoutes } from "./routes/personal-data.routes";

/** Options of the platform's own routes. */
export interface PlatformRouteOptions {
  loginRateLimitPerMinute: number;
  secureCookies: boolean;
}

/** One mounted route and the module (or "platform") that declares it. */
export interface RouteEntry {
  module: string;
  route: AnyRoute;
}

/** The platform's routes: sign-in and session, accounts, audit, a resident's copy of their data. */
export function platformRoutes(modules: readonly ModuleManifest[], options: PlatformRouteOptions): readonly AnyRoute[] {
  return [...authRoutes({ modules, ...options }), ...accountRoutes, ...auditRoutes, ...personalDataRoutes];
}

/** The whole route table under /api/v1, in mounting order: what OpenAPI, `gongzhi routes` and the generated tests read. */
export function routeTable(
  modules: readonly ModuleManifest[] = defaultModules,
  options: PlatformRouteOptions = { loginRateLimitPerMinute: 30, secureCookies: false },
): RouteEntry[] {
  return [
    ...platformRoutes(modules, options).map((route) => ({ module: "platform", route })),
    ...modules.flatMap((module) => module.routes.map((route) => ({ module: module.name, route }))),
  ];
}

/** Every permission by name (platform and modules). */
export function allPermissions(modules: readonly ModuleManifest[] = defaultModules): PermissionTable {
  return permissionTable(modules);
}
