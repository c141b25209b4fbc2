import { inTransactionWhenOk } from "../../../db/transaction";
import { commandContext } from "../../../platform/http/command-reply";
import { defineRoute, type AnyRoute, type RouteTarget } from "../../../platform/http/route";
import { createCategory, setRouting, updateCategory } from "../commands/category.commands";
import { findCampaignByCode } from "../../participation/repository";
import { campaignTipoffFigures, findCategory, listCategories, type CategoryRecord } from "../repository";
import { CampaignTipoffFigures, CategoryList, CategoryResponse } from "../responses";
import { CategoryCreateBody, CategoryPatchBody, CodeParams, RoutingBody, RoutingParams } from "../schemas";

const tags = ["tipoffs"];

const category: RouteTarget<{ code: string }, unknown, CategoryRecord> = {
  resource: "tipoffCategory",
  load: (executor, { params }) => findCategory(executor, params.code),
};

/** Tip-off categories: the active ones for everyone, all of them and their changes for admins. */
export const categoryRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "GET",
    url: "/tipoffs/categories",
    summary: { zh: "举报类别（在用）", en: "Tip-off categories in use" },
    tags,
    permission: "public",
    response: { 200: CategoryList },
    handler: async ({ db }) => ({ items: await listCategories(db, { activeOnly: true }) }),
  }),
  defineRoute({
    method: "GET",
    url: "/tipoffs/campaigns/:code/figures",
    summary: {
      zh: "全民参与活动的线索数据：举报数、查实数（公开，仅汇总）",
      en: "A campaign's tip-off figures: reported and verified (public, aggregates only)",
    },
    tags,
    permission: "public",
    params: CodeParams,
    target: {
      resource: "campaign",
      load: (executor, { params }) => findCampaignByCode(executor, params.code),
    },
    response: { 200: CampaignTipoffFigures },
    handler: async ({ db, target }) => ({ code: target.code, ...(await campaignTipoffFigures(db, target.id)) }),
  }),
  defineRoute({
    method: "GET",
    url: "/tipoffs/categories/all",
    summary: { zh: "全部举报类别（含停用）", en: "Every tip-off category, inactive ones too" },
    tags,
    permission: "tipoffs.categories.manage",
    response: { 200: CategoryList },
    handler: async ({ db }) => ({ items: await listCategories(db) }),
  }),
  defineRoute({
    method: "POST",
    url: "/tipoffs/categories",
    summary: { zh: "新增举报类别", en: "Add a tip-off category" },
    tags,
    permission: "tipoffs.categories.manage",
    body: CategoryCreateBody,
    response: { 201: CategoryResponse },
    command: ({ db, request, actor, body }) =>
      inTransactionWhenOk(db, (trx) => createCategory(trx, commandContext(request, actor), body)),
  }),
  defineRoute({
    method: "PATCH",
    url: "/tipoffs/categories/:code",
    summary: {
      zh: "修改举报类别（名称、处理部门、是否公开、核查期限、停用）",
      en: "Change a category (name, department, public, deadline, active)",
    },
    tags,
    permission: "tipoffs.categories.manage",
    params: CodeParams,
    body: CategoryPatchBody,
    target: category,
    response: { 200: CategoryResponse },
    command: ({ db, request, actor, target, body }) =>
      inTransactionWhenOk(db, (trx) => updateCategory(trx, commandContext(request, actor), target, body)),
  }),
  defineRoute({
    method: "PUT",
    url: "/tipoffs/categories/:code/routing/:townCode",
    summary: {
      zh: "按镇区指定处理部门（null 恢复类别默认部门）",
      en: "Route a category's tips of one town to a department (null: the category's own)",
    },
    tags,
    permission: "tipoffs.categories.manage",
    params: RoutingParams,
    body: RoutingBody,
    target: category,
    response: { 200: CategoryResponse },
    command: ({ db, request, actor, target, params, body }) =>
      inTransactionWhenOk(db, (trx) =>
        setRouting(trx, commandContext(request, actor), target, params.townCode, body.departmentCode),
      ),
  }),
];
