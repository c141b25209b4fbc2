/**
 * The working-day calendar over HTTP: which years are official and which provisional (public, so any screen can
 * mark a deadline in a provisional year), and for staff the open deadlines the last official notice changed.
 */
import { Type } from "typebox";
import { calendarYear, calendarYears, lastOfficialYear } from "../../core/calendar";
import { clock } from "../../core/clock";
import { definePermissions } from "../access/permissions";
import { scopeIncludes, townScope } from "../access/scope";
import { defineRoute, type AnyRoute } from "../http/route";
import type { ModuleManifest } from "../module";
import type { DeadlineChange } from "../deadlines/deadlines";

const tags = ["calendar"];

const CalendarYearsResponse = Type.Object({
  lastOfficialYear: Type.Integer({ description: "the last year with a State Council notice in the data" }),
  items: Type.Array(
    Type.Object({
      year: Type.Integer(),
      provisional: Type.Boolean({
        description: "computed from the statutory holiday rules; may change when the notice comes",
      }),
      source: Type.String(),
    }),
  ),
});

const DeadlineChangesResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      year: Type.String({ description: "the year whose official notice was imported" }),
      importedAt: Type.String(),
      module: Type.String(),
      kind: Type.String(),
      label: Type.String(),
      entityType: Type.String(),
      entityId: Type.String(),
      reference: Type.String(),
      townCode: Type.Union([Type.String(), Type.Null()]),
      dueOn: Type.String({ description: "the deadline as stored (not moved)" }),
      recomputedOn: Type.String({ description: "the date the official calendar gives" }),
    }),
  ),
});

/** The calendar's permissions (the years are public): staff read the deadlines a notice changed. */
export const calendarPermissions = definePermissions({
  "calendar.changes": {
    roles: ["programme_admin", "auditor", "verifier", "clerk"],
    description: "查看放假通知改变的未结期限 (read the open deadlines an official notice changed)",
  },
});

export const calendarRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "GET",
    url: "/calendar/years",
    summary: {
      zh: "工作日历：各年为正式通知或暂定推算",
      en: "Working-day calendar: each year, official or provisional",
    },
    tags,
    permission: "public",
    response: { 200: CalendarYearsResponse },
    handler: () => {
      const thisYear = Number(clock.today().slice(0, 4));
      const last = lastOfficialYear();
      const first = Math.max(calendarYears()[0], Math.min(thisYear, last) - 1);
      const items = [];
      for (let year = first; year <= Math.max(thisYear, last) + 2; year += 1) {
        const entry = calendarYear(year);
        items.push({ year, provisional: entry.provisional === true, source: entry.source });
      }
      return { lastOfficialYear: last, items };
    },
  }),
  defineRoute({
    method: "GET",
    url: "/calendar/deadline-changes",
    summary: {
      zh: "放假通知导入后变化的未结期限（未自动调整）",
      en: "Open deadlines an imported holiday notice changed (not moved)",
    },
    tags,
    permission: "calendar.changes",
    response: { 200: DeadlineChangesResponse },
    handler: async ({ db, actor }) => {
      const scope = townScope(actor, ["programme_admin", "auditor", "verifier"], ["clerk"]);
      const imports = await db
        .selectFrom("audit_entries")
        .select(["entity_id", "at", "after"])
        .where("action", "=", "calendar.import")
        .orderBy("position", "desc")
        .limit(5)
        .execute();
      const items = imports.flatMap((entry) =>
        ((entry.after as { changes?: DeadlineChange[] } | null)?.changes ?? [])
          .filter((change) => change.townCode === null || scopeIncludes(scope, change.townCode))
          .map((change) => ({ ...change, year: entry.entity_id, importedAt: new Date(entry.at).toISOString() })),
      );
      return { items };
    },
  }),
];

/** The calendar as a platform module. */
export const calendarModule: ModuleManifest = {
  name: "calendar",
  routes: calendarRoutes,
  permissions: calendarPermissions,
};
