import { describe, expect, it } from "vitest";
import { routeTable } from "../../http/route-table";
import { formatRouteRows, routeRows } from "./routes";

describe("gongzhi routes", () => {
  it("lists every route with its permission and the roles allowed", async () => {
    const rows = await routeRows();
    expect(rows).toHaveLength(routeTable().length);
    expect(rows).toContainEqual(
      expect.objectContaining({
        method: "PATCH",
        path: "/api/v1/persons/:id",
        permission: "registry.write",
        roles: "programme_admin, clerk",
      }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        method: "GET",
        path: "/api/v1/towns",
        permission: "public",
        roles: "anyone (no sign-in)",
      }),
    );
    expect(rows.find((row) => row.permission === "assistance.apply")?.roles).toBe("resident (with a further rule)");
    const lines = formatRouteRows(rows.slice(0, 2)).split("\n");
    expect(lines[0]).toMatch(/^METHOD\s+PATH\s+PERMISSION\s+ROLES$/);
    expect(lines).toHaveLength(3);
  });
});
