import type { Command } from "commander";

/** One row of `gongzhi routes`. */
export interface RouteRow {
  method: string;
  path: string;
  permission: string;
  roles: string;
  module: string;
  summary: string;
}

/** The rows of the route table: every route under /api/v1 with its permission and the roles that hold it. */
export async function routeRows(): Promise<RouteRow[]> {
  const { allPermissions, routeTable } = await import("../../http/route-table");
  const { rolesOf } = await import("../../platform/access/permissions");
  const permissions = allPermissions();
  return routeTable().map(({ module, route }) => {
    const permission = permissions[route.permission];
    const roles =
      route.permission === "public"
        ? "anyone (no sign-in)"
        : permission.roles === "anyone"
          ? "anyone"
          : rolesOf(permission).join(", ");
    return {
      method: route.method,
      path: `/api/v1${route.url}`,
      permission: route.permission,
      roles: permission?.rule ? `${roles} (with a further rule)` : roles,
      module,
      summary: `${route.summary.zh} (${route.summary.en})`,
    };
  });
}

/** Lays the rows out as aligned columns: method, path, permission, roles. */
export function formatRouteRows(rows: readonly RouteRow[]): string {
  const header: RouteRow = {
    method: "METHOD",
    path: "PATH",
    permission: "PERMISSION",
    roles: "ROLES",
    module: "",
    summary: "",
  };
  const all = [header, ...rows];
  const width = (key: "method" | "path" | "permission") => Math.max(...all.map((row) => row[key].length));
  const [method, path, permission] = [width("method"), width("path"), width("permission")];
  return all
    .map(
      (row) =>
        `${row.method.padEnd(method)}  ${row.path.padEnd(path)}  ${row.permission.padEnd(permission)}  ${row.roles}`,
    )
    .join("\n");
}

/** `gongzhi routes`: who may call what, read from the route table (no database needed). */
export function registerRoutesCommand(program: Command): void {
  program
    .command("routes")
    .description("list every API route with the permission it needs and the roles allowed")
    .option("--json", "print JSON (with module and description) instead of a table")
    .option("--permission <name>", "only routes needing this permission")
    .action(async (options: { json?: boolean; permission?: string }) => {
      const rows = (await routeRows()).filter((row) => !options.permission || row.permission === options.permission);
      process.stdout.write(options.json ? `${JSON.stringify(rows, null, 2)}\n` : `${formatRouteRows(rows)}\n`);
    });
}
