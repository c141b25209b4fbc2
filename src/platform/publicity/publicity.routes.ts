import { err } from "../../core/result";
import type { Executor } from "../../db/transaction";
import { inTransactionWhenOk } from "../../db/transaction";
import { definePermissions } from "../access/permissions";
import { holdsAnyRole } from "../access/scope";
import { commandContext, notFoundProblem } from "../http/command-reply";
import { sendForbidden } from "../http/request-context";
import { attachmentDisposition } from "../http/attachment";
import { defineRoute, type AnyRoute, type RouteTarget } from "../http/route";
import type { ModuleManifest } from "../module";
import { publicityIndicators } from "./publicity.opendata";
import { publicityDeadlines } from "./publicity.deadlines";
import { hasRole, townsWithRole, type Actor } from "../roles";
import { listToPdf, listToXlsx } from "./publicity.export";
import {
  diffLists,
  finaliseList,
  findList,
  type PublicityList,
  listEntries,
  listLists,
  previousVersionId,
} from "./publicity.lists";
import { clock } from "../../core/clock";
import {
  answerObjection,
  findObjection,
  type Objection,
  forwardObjection,
  listObjections,
  objectionDeadline,
  objectionSubjects,
  raiseObjection,
} from "./publicity.objections";
import { mayAnswerObjection, mayForwardObjection, mayReadObjection, verifierDepartments } from "./publicity.policy";
import {
  presentDifference,
  presentEntry,
  presentList,
  presentObjection,
  presentObjectionOutcome,
} from "./publicity.presenters";
import {
  AnswerBody,
  DifferencesResponse,
  EntriesQuery,
  EntriesResponse,
  ExportParams,
  ForwardBody,
  IdParams,
  ListResponse,
  ListsQuery,
  ListsResponse,
  ObjectionBody,
  ObjectionOutcomesResponse,
  ObjectionResponse,
  ObjectionsQuery,
  ObjectionsResponse,
} from "./publicity.schemas";
import { publicityDb } from "./publicity.tables";

const tags = ["publicity"];

async function townNames(executor: Executor): Promise<Map<string, string>> {
  return new Map(
    (await executor.selectFrom("towns").select(["code", "name"]).execute()).map((town) => [town.code, town.name]),
  );
}

/** The objection filter a caller's roles allow; null when the role sees none. */
function objectionScope(actor: Actor): Parameters<typeof listObjections>[1] | null {
  if (holdsAnyRole(actor, ["programme_admin", "auditor"])) return {};
  if (hasRole(actor, "verifier")) {
    const departments = verifierDepartments(actor);
    return departments === "all" ? {} : { departmentCodes: departments };
  }
  if (hasRole(actor, "clerk")) return { townCodes: townsWithRole(actor, "clerk") };
  if (hasRole(actor, "resident")) return { raisedBy: actor.id };
  return null;
}

/** A published list by `:id`: public, so every list that exists is in scope. */
const publicList: RouteTarget<{ id: string }, unknown, PublicityList, Actor | null> = {
  resource: "publicityList",
  load: (executor, { params }) => findList(executor, params.id),
};

/** An objection by `:id`, in scope for who raised it, its department's verifiers, its 镇区's clerks, admins, auditors. */
const readableObjection: RouteTarget<{ id: string }, unknown, Objection> = {
  resource: "objection",
  load: (executor, { params }) => findObjection(executor, params.id),
  inScope: (actor, objection) => mayReadObjection(actor, objection),
};

const presentToday = (objection: Objection) => presentObjection(objection, clock.today());

/** Publicity routes: public lists (masked, no login), exports, objections and their queue. */
export const publicityRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "GET",
    url: "/public/publicity/lists",
    summary: { zh: "公示名单（公开，已打码）", en: "Published lists (public, masked)" },
    tags,
    permission: "public",
    querystring: ListsQuery,
    response: { 200: ListsResponse },
    handler: async ({ db, query }) => {
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 100;
      const { items, total } = await listLists(db, { ...query, page, pageSize });
      return { items: items.map((list) => presentList(list, clock.today())), total, page, pageSize };
    },
  }),
  defineRoute({
    method: "GET",
    url: "/public/publicity/lists/:id",
    summary: { zh: "一份公示名单的表头", en: "One published list's header" },
    tags,
    permission: "public",
    params: IdParams,
    target: publicList,
    response: { 200: ListResponse },
    handler: ({ target }) => presentList(target, clock.today()),
  }),
  defineRoute({
    method: "GET",
    url: "/public/publicity/lists/:id/entries",
    summary: {
      zh: "公示名单条目（可搜索打码姓名、证件号可见位或名次）",
      en: "A list's entries (search the masked name, visible ID digits or rank)",
    },
    tags,
    permission: "public",
    params: IdParams,
    querystring: EntriesQuery,
    target: publicList,
    response: { 200: EntriesResponse },
    handler: async ({ db, query, target: list }) => {
      const { q, page = 1, pageSize = 50 } = query;
      const found = await listEntries(db, list.id, { q, page, pageSize });
      return { items: found.items.map(presentEntry), total: found.total, page, pageSize };
    },
  }),
  defineRoute({
    method: "GET",
    url: "/public/publicity/lists/:id/export/:format",
    summary: { zh: "导出公示名单（xlsx 或 pdf）", en: "Export a list as xlsx or pdf" },
    tags,
    permission: "public",
    params: ExportParams,
    target: publicList as RouteTarget<{ id: string; format: "xlsx" | "pdf" }, unknown, PublicityList, Actor | null>,
    response: { 200: { mediaType: "application/octet-stream", description: "the list as an xlsx workbook or a PDF" } },
    handler: async ({ db, reply, params, target: list }) => {
      const entries = (await listEntries(db, list.id)).items;
      const names = await townNames(db);
      const pdf = params.format === "pdf";
      const bytes = pdf ? await listToPdf(list, entries, names) : await listToXlsx(list, entries, names);
      const type = pdf ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
      return reply
        .header("content-type", type)
        .header(
          "content-disposition",
          attachmentDisposition(
            `${list.title}-第${list.version}版.${params.format}`,
            `publicity-v${list.version}.${params.format}`,
          ),
        )
        .header("x-content-type-options", "nosniff")
        .send(bytes);
    },
  }),
  defineRoute({
    method: "GET",
    url: "/public/publicity/lists/:id/objections",
    summary: { zh: "已答复的异议（不显示提出人）", en: "The answered objections of a list (never who raised them)" },
    tags,
    permission: "public",
    params: IdParams,
    target: publicList,
    response: { 200: ObjectionOutcomesResponse },
    handler: async ({ db, target: list }) => {
      const objections = await listObjections(db, { listId: list.id });
      const entries = new Map((await listEntries(db, list.id)).items.map((entry) => [entry.id, entry]));
      const answered = objections.filter(
        (objection) => objection.status === "upheld" || objection.status === "rejected",
      );
      return {
        pending: objections.length - answered.length,
        items: answered.map((objection) =>
          presentObjectionOutcome(
            objection,
            entries.get(objection.entryId)?.rank ?? null,
            entries.get(objection.entryId)?.maskedName ?? "",
          ),
        ),
      };
    },
  }),
  defineRoute({
    method: "GET",
    url: "/public/publicity/lists/:id/differences",
    summary: { zh: "与上一版本的差异", en: "Differences from the previous version" },
    tags,
    permission: "public",
    params: IdParams,
    target: publicList,
    response: { 200: DifferencesResponse },
    handler: async ({ db, target: list }) => {
      const previous = await previousVersionId(db, list);
      if (!previous) return { previousVersion: null, items: [] };
      return {
        previousVersion: list.version - 1,
        items: (await diffLists(db, previous, list.id)).map(presentDifference),
      };
    },
  }),
  defineRoute({
    method: "POST",
    url: "/publicity/lists/:id/objections",
    summary: { zh: "公示期内提出异议", en: "Raise an objection during publicity" },
    tags,
    permission: "publicity.objections.raise",
    params: IdParams,
    target: publicList as RouteTarget<{ id: string }, unknown, PublicityList>,
    body: ObjectionBody,
    response: { 201: ObjectionResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, (trx) =>
        raiseObjection(trx, commandContext(request, actor), { listId: params.id, ...body }, clock.today()),
      ),
    present: presentToday,
  }),
  defineRoute({
    method: "GET",
    url: "/publicity/objections",
    summary: {
      zh: "异议列表（按角色范围：本人、本部门、本镇区或全市）",
      en: "Objections in the caller's scope (own, department, town or city)",
    },
    tags,
    permission: "publicity.objections.read",
    querystring: ObjectionsQuery,
    response: { 200: ObjectionsResponse },
    handler: async ({ db, reply, actor, query }) => {
      const scope = objectionScope(actor);
      if (!scope) return sendForbidden(reply);
      const today = clock.today();
      const { status, listId, overdue } = query;
      const found = await listObjections(db, { ...scope, listId, statuses: status ? [status] : undefined });
      const items = found.filter(
        (objection) => overdue === undefined || objectionDeadline(objection, today).overdue === overdue,
      );
      const subjects = await objectionSubjects(db, items);
      return { items: items.map((objection) => presentObjection(objection, today, subjects.get(objection.id))) };
    },
  }),
  defineRoute({
    method: "GET",
    url: "/publicity/objections/:id",
    summary: { zh: "查看异议", en: "Read an objection" },
    tags,
    permission: "publicity.objections.read",
    params: IdParams,
    target: readableObjection,
    // A staff read is in the access log; whoever raised the objection reading it is not.
    accessLog: (objection, actor) =>
      objection.raisedBy === actor.id
        ? null
        : { action: "objection.read", entityType: "objection", entityId: objection.id, townCode: objection.townCode },
    response: { 200: ObjectionResponse },
    handler: ({ target }) => presentToday(target),
  }),
  defineRoute({
    method: "POST",
    url: "/publicity/objections/:id/forward",
    summary: { zh: "将异议转交主管部门", en: "Forward an objection to the owning department" },
    tags,
    permission: "publicity.objections.forward",
    params: IdParams,
    body: ForwardBody,
    target: {
      ...readableObjection,
      inScope: (actor, objection) => mayReadObjection(actor, objection) && mayForwardObjection(actor, objection),
    },
    response: { 200: ObjectionResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) => {
        const objection = await findObjection(trx, params.id);
        if (!objection) return err(notFoundProblem);
        return forwardObjection(trx, commandContext(request, actor), objection, body.departmentCode);
      }),
    present: presentToday,
  }),
  defineRoute({
    method: "POST",
    url: "/publicity/objections/:id/answer",
    summary: { zh: "答复异议（维持或更正）", en: "Answer an objection (upheld or rejected)" },
    tags,
    permission: "publicity.objections.answer",
    params: IdParams,
    body: AnswerBody,
    target: readableObjection,
    response: { 200: ObjectionResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) => {
        const objection = await findObjection(trx, params.id);
        if (!objection) return err(notFoundProblem);
        if (!mayAnswerObjection(actor, objection)) {
          return err({
            code: "objection_not_forwarded",
            field: "status",
            message: "异议尚未转交本部门 (not yet forwarded to your department)",
          });
        }
        return answerObjection(trx, commandContext(request, actor), objection, body, clock.today());
      }),
    present: presentToday,
  }),
  defineRoute({
    method: "POST",
    url: "/publicity/lists/:id/finalise",
    summary: { zh: "公示期满后定稿（须无未答复异议）", en: "Finalise a list after publicity (no open objections)" },
    tags,
    permission: "publicity.finalise",
    params: IdParams,
    target: publicList as RouteTarget<{ id: string }, unknown, PublicityList>,
    response: { 200: ListResponse },
    command: ({ db, request, actor, params }) =>
      inTransactionWhenOk(db, async (trx) => {
        const pending = await publicityDb(trx)
          .selectFrom("publicity_objections")
          .select("id")
          .where("list_id", "=", params.id)
          .where("status", "in", ["received", "forwarded"])
          .executeTakeFirst();
        if (pending)
          return err({
            code: "objections_pending",
            field: "objections",
            message: "仍有未答复的异议 (objections still open)",
          });
        return finaliseList(trx, commandContext(request, actor), params.id, clock.today());
      }),
    present: (list) => presentList(list, clock.today()),
  }),
];

/** The publicity service as a module: public lists, exports, objections. */
export const publicityModule: ModuleManifest = {
  name: "publicity",
  routes: publicityRoutes,
  deadlines: publicityDeadlines,
  indicators: publicityIndicators,
  recordNames: {
    publicity_list: async (executor, ids) => {
      const rows = await publicityDb(executor)
        .selectFrom("publicity_lists")
        .select(["id", "title", "version"])
        .where("id", "in", [...ids])
        .execute();
      return new Map(rows.map((row) => [row.id, `${row.title}（第${row.version}版）`]));
    },
  },
  permissions: definePermissions({
    "publicity.objections.queue": {
      roles: ["programme_admin", "auditor", "verifier", "clerk"],
      description: "异议办理队列（界面）(the objection queue screen)",
    },
    "publicity.objections.read": {
      roles: ["resident", "clerk", "verifier", "programme_admin", "auditor"],
      description: "查看异议：本人提出的、本部门、本镇区或全市 (read objections: own, department, town or city)",
    },
    "publicity.objections.raise": {
      roles: ["resident", "clerk"],
      description: "提出异议（居民本人或窗口代办）(raise an objection)",
    },
    "publicity.objections.forward": {
      roles: ["programme_admin", "clerk"],
      description: "转交异议（镇区工作人员限本镇区）(forward objections; clerks: their town)",
    },
    "publicity.objections.answer": {
      roles: ["programme_admin", "verifier"],
      description: "答复异议（核查部门限已转交本部门的）(answer objections)",
    },
    "publicity.finalise": { roles: ["programme_admin"], description: "公示定稿 (finalise a list)" },
  }),
};
