/** 「我的待办」: the caller's tasks from every module that publishes deadlines with assignees. */
import { clock } from "../../../core/clock";
import { openDeadlines } from "../../../platform/deadlines/deadlines";
import { inboxTasks } from "../../../platform/deadlines/inbox";
import { defineRoute, type AnyRoute } from "../../../platform/http/route";
import type { ModuleManifest } from "../../../platform/module";
import { InboxResponse } from "../responses";

/** The inbox route over the given modules' deadline sources (read when a request comes, never their tables). */
export function inboxRoutes(sources: () => readonly ModuleManifest[]): AnyRoute[] {
  return [
    defineRoute({
      method: "GET",
      url: "/inbox",
      summary: {
        zh: "我的待办：各模块交给本人的任务，含期限、剩余工作日和办理经过",
        en: "My inbox: the caller's tasks from every module, with deadline, working days left and history",
      },
      tags: ["coordination"],
      permission: "coordination.inbox",
      response: { 200: InboxResponse },
      handler: async ({ db, actor }) => {
        const modules = sources();
        const today = clock.today();
        return {
          today,
          modules: modules.filter((module) => module.deadlines).map((module) => module.name),
          items: inboxTasks(await openDeadlines(modules, db), actor, today),
        };
      },
    }),
  ];
}
