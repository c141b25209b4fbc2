import { Type } from "typebox";
import { definePermissions } from "../access/permissions";
import { nullable } from "../http/response-schemas";
import { defineRoute, type AnyRoute } from "../http/route";
import type { ModuleManifest } from "../module";
import { roles } from "../roles";
import { listNotifications, notificationKinds } from "./notifications";

/** The caller's notifications, newest first. */
export const NotificationsResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      at: Type.String({ format: "date-time" }),
      kind: Type.Union(Object.keys(notificationKinds).map((kind) => Type.Literal(kind))),
      text: Type.String(),
      link: nullable(Type.String({ description: "a web app path, or an API path starting /api/v1/ (a download)" })),
    }),
  ),
});

/** Notification routes: each account reads its own, nobody reads another's. */
export const notificationRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "GET",
    url: "/me/notifications",
    summary: {
      zh: "我的通知（异议答复、名单正式公布等）",
      en: "My notifications (objection answers, final lists published)",
    },
    tags: ["notifications"],
    permission: "notifications.own",
    response: { 200: NotificationsResponse },
    handler: async ({ db, actor }) => ({ items: await listNotifications(db, actor.id) }),
  }),
];

/** In-app notifications as a module: one route, every signed-in role reads its own. */
export const notificationsModule: ModuleManifest = {
  name: "notifications",
  routes: notificationRoutes,
  permissions: definePermissions({
    "notifications.own": { roles: [...roles], description: "查看本人的站内通知 (read one's own notifications)" },
  }),
};
