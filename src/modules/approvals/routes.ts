/**
 * Approvals catalogue routes: the public list with search, one item with the history of its changes, the reform
 * in figures (per round and per department); for the programme admin the XLSX import with its report of refused
 * rows, and the template to fill in.
 */
import { inTransactionWhenOk } from "../../db/transaction";
import { commandContext } from "../../platform/http/command-reply";
import { sendNotFound } from "../../platform/http/request-context";
import { defineRoute, type AnyRoute } from "../../platform/http/route";
import { importApprovalItems, importTemplateXlsx } from "./import";
import { presentItem } from "./presenters";
import { findItem, listItems, reformFigures } from "./repository";
import { ImportReportResponse, ItemPageResponse, ItemsResponse, ReformResponse } from "./responses";
import { ImportBody, ItemCodeParams, ItemsQuery } from "./schemas";

const tags = ["approvals"];

export const approvalsRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "GET",
    url: "/public/approvals/items",
    summary: {
      zh: "行政审批事项目录（公开，可按名称、编码、依据搜索，按状态和部门筛选）",
      en: "The catalogue of approval items (public; search by name, code or legal basis; filter by status, department)",
    },
    tags,
    permission: "public",
    querystring: ItemsQuery,
    cache: { maxAge: 300 },
    response: { 200: ItemsResponse },
    handler: async ({ db, query }) => {
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 20;
      const { total, items } = await listItems(db, {
        q: query.q?.trim() || undefined,
        status: query.status,
        departmentCode: query.departmentCode,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { items: items.map(presentItem), total, page, pageSize };
    },
  }),
  defineRoute({
    method: "GET",
    url: "/public/approvals/items/:code",
    summary: { zh: "审批事项及其变更历史（公开）", en: "An approval item and the history of its changes (public)" },
    tags,
    permission: "public",
    params: ItemCodeParams,
    cache: { maxAge: 300 },
    response: { 200: ItemPageResponse },
    handler: async ({ db, params, reply }) => {
      const found = await findItem(db, params.code);
      if (!found) return sendNotFound(reply);
      return {
        item: presentItem(found.item),
        history: found.changes.map((change) => ({
          status: change.status,
          changedOn: change.changed_on,
          document: change.document,
          round: change.round,
          note: change.note,
        })),
      };
    },
  }),
  defineRoute({
    method: "GET",
    url: "/public/approvals/reform",
    summary: {
      zh: "审批制度改革历程：各批次保留、取消、下放的事项数和各部门现状（公开）",
      en: "The history of the reform: items kept, cancelled and delegated per round, and per department (public)",
    },
    tags,
    permission: "public",
    cache: { maxAge: 300 },
    response: { 200: ReformResponse },
    handler: async ({ db }) => {
      return reformFigures(db);
    },
  }),
  defineRoute({
    method: "POST",
    url: "/approvals/imports",
    summary: {
      zh: "从 XLSX 导入审批事项目录（逐行检查，列出不合格行）",
      en: "Import the approvals catalogue from XLSX (each row checked; refused rows listed)",
    },
    tags,
    permission: "approvals.import",
    body: ImportBody,
    response: { 201: ImportReportResponse },
    command: ({ db, request, actor, body }) =>
      inTransactionWhenOk(db, (trx) => importApprovalItems(trx, commandContext(request, actor), body)),
    present: (report) => report,
  }),
  defineRoute({
    method: "GET",
    url: "/approvals/import-template.xlsx",
    summary: { zh: "审批事项导入模板（XLSX）", en: "The import template (XLSX)" },
    tags,
    permission: "approvals.import",
    response: {
      200: {
        mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        description: "the template",
      },
    },
    handler: async ({ reply }) =>
      reply
        .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", 'attachment; filename="approval-items-template.xlsx"')
        .header("x-content-type-options", "nosniff")
        .send(await importTemplateXlsx()),
  }),
];
