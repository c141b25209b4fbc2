/**
 * Insight routes: the city dashboard for staff (scoped to their 镇区) and for the public (aggregates, "<5"), its
 * XLSX export, and the open data files at stable URLs under /open-data (mounted at the site root).
 */
import { clock } from "../../core/clock";
import { err, ok, type Result } from "../../core/result";
import type { Executor } from "../../db/transaction";
import { sendRefusal } from "../../platform/http/command-reply";
import { townScope } from "../../platform/access/scope";
import { sendNotFound } from "../../platform/http/request-context";
import { defineRoute, type AnyRoute } from "../../platform/http/route";
import { goals, type OpenDataset } from "../../platform/insight/insight";
import type { ModuleManifest } from "../../platform/module";
import type { Actor } from "../../platform/roles";
import { goalTitles } from "./catalogue";
import { computeDashboard, type DashboardIndicator } from "./dashboard";
import { dashboardXlsx } from "./dashboard.export";
import { catalogEntry, datasetFiles, openDatasets } from "./opendata";
import { CatalogResponse, DashboardResponse } from "./responses";
import { monthlyReportPdf } from "./report.pdf";
import { DashboardQuery, FileParams, PublicDashboardQuery, ReportQuery } from "./schemas";

const tags = ["insight"];
/** Open-data files may be kept five minutes (the server rebuilds them at most that often); the dashboard one minute. */
const openDataCache = { maxAge: 300 };

/** The 镇区 a staff caller sees: city-wide roles the city, clerks their 镇区. */
function staffTowns(actor: Actor): string[] | null {
  const scope = townScope(actor, ["programme_admin", "policy_officer", "auditor", "verifier"], ["clerk"]);
  return scope.kind === "city" ? null : scope.towns;
}

const publicDashboardCache = new Map<string, { at: number; indicators: DashboardIndicator[] }>();

async function townNames(db: Executor): Promise<Map<string, string>> {
  return new Map((await db.selectFrom("towns").select(["code", "name"]).execute()).map((row) => [row.code, row.name]));
}

/** The insight routes over the given modules' indicators and datasets. */
export function insightRoutes(sources: () => readonly ModuleManifest[]): { api: AnyRoute[]; root: AnyRoute[] } {
  const goalList = goals.map((goal) => ({ goal, title: goalTitles[goal] }));
  /**
   * The public figures of a year, for the city or one 镇区 (an unknown 镇区 is refused): aggregates only, people
   * and households 1–4 as "<5"; kept for five minutes per year and 镇区.
   */
  const publicFigures = async (
    db: Executor,
    query: { year?: number; townCode?: string },
  ): Promise<Result<{ year: number; townCode: string | null; indicators: DashboardIndicator[] }>> => {
    const year = query.year ?? Number(clock.today().slice(0, 4));
    const townCode = query.townCode ?? null;
    if (townCode && !(await db.selectFrom("towns").select("code").where("code", "=", townCode).executeTakeFirst()))
      return err({ code: "unknown_town", field: "townCode", message: `未知镇区 "${townCode}" (unknown town)` });
    const key = `${year}:${townCode ?? ""}`;
    const now = clock.now().getTime();
    let cached = publicDashboardCache.get(key);
    if (!cached || now - cached.at > 300_000) {
      cached = {
        at: now,
        indicators: await computeDashboard(db, sources(), {
          year,
          townCode: townCode ?? undefined,
          towns: null,
          publicView: true,
        }),
      };
      publicDashboardCache.set(key, cached);
    }
    return ok({ year, townCode, indicators: cached.indicators });
  };
  const api: AnyRoute[] = [
    defineRoute({
      method: "GET",
      url: "/insight/indicators",
      summary: {
        zh: "城市指标看板（工作人员；镇区工作人员限本镇区）",
        en: "The city dashboard (staff; clerks see their town)",
      },
      tags,
      permission: "insight.dashboard",
      querystring: DashboardQuery,
      response: { 200: DashboardResponse },
      command: async ({ db, actor, query }) => {
        const towns = staffTowns(actor);
        if (query.townCode && towns && !towns.includes(query.townCode))
          return err({ code: "town_out_of_scope", message: "无权查看该镇区 (town out of scope)", field: "townCode" });
        const year = query.year ?? Number(clock.today().slice(0, 4));
        const indicators = await computeDashboard(db, sources(), {
          year,
          townCode: query.townCode,
          towns,
          publicView: false,
        });
        return {
          ok: true,
          value: {
            year,
            asOf: clock.today(),
            townCode: query.townCode ?? null,
            public: false,
            scope: towns ?? "city",
            goals: goalList,
            indicators,
          },
        };
      },
      present: (value) => value,
    }),
    defineRoute({
      method: "GET",
      url: "/insight/indicators.xlsx",
      summary: { zh: "导出城市指标（XLSX）", en: "Export the dashboard as XLSX" },
      tags,
      permission: "insight.dashboard",
      querystring: DashboardQuery,
      response: {
        200: {
          mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          description: "the indicators",
        },
      },
      handler: async ({ db, actor, query, reply }) => {
        const towns = staffTowns(actor);
        const year = query.year ?? Number(clock.today().slice(0, 4));
        const townCode = query.townCode && (!towns || towns.includes(query.townCode)) ? query.townCode : undefined;
        const indicators = await computeDashboard(db, sources(), { year, townCode, towns, publicView: false });
        const names = await townNames(db);
        return reply
          .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .header("content-disposition", `attachment; filename="indicators-${year}.xlsx"`)
          .header("x-content-type-options", "nosniff")
          .send(await dashboardXlsx(year, indicators, names));
      },
    }),
    defineRoute({
      method: "GET",
      url: "/insight/report.pdf",
      summary: {
        zh: "月度指标报告（PDF，可打印；镇区工作人员限本镇区）",
        en: "The printable monthly report (PDF; clerks: their town)",
      },
      tags,
      permission: "insight.dashboard",
      querystring: ReportQuery,
      response: { 200: { mediaType: "application/pdf", description: "the monthly report" } },
      handler: async ({ db, actor, query, reply }) => {
        const towns = staffTowns(actor);
        const today = clock.today();
        const year = query.year ?? Number(today.slice(0, 4));
        const month = query.month ?? (year === Number(today.slice(0, 4)) ? Number(today.slice(5, 7)) : 12);
        const townCode =
          query.townCode && (!towns || towns.includes(query.townCode))
            ? query.townCode
            : towns?.length === 1
              ? towns[0]
              : undefined;
        const indicators = await computeDashboard(db, sources(), { year, townCode, towns, publicView: false });
        const names = await townNames(db);
        const pdf = await monthlyReportPdf(
          { year, month, townName: townCode ? (names.get(townCode) ?? townCode) : null, madeOn: today },
          indicators,
          names,
        );
        return reply
          .header("content-type", "application/pdf")
          .header(
            "content-disposition",
            `attachment; filename="report-${year}-${String(month).padStart(2, "0")}${townCode ? `-${townCode}` : ""}.pdf"`,
          )
          .header("x-content-type-options", "nosniff")
          .send(pdf);
      },
    }),
    defineRoute({
      method: "GET",
      url: "/public/insight/indicators",
      summary: {
        zh: "城市指标（公开，仅汇总，可按镇区筛选，不足5人显示为“<5”）",
        en: 'The city dashboard (public: aggregates only, optionally one town, "<5" for small cells)',
      },
      tags,
      permission: "public",
      querystring: PublicDashboardQuery,
      response: { 200: DashboardResponse },
      command: async ({ db, query }) => {
        const figures = await publicFigures(db, query);
        if (!figures.ok) return figures;
        const { year, townCode, indicators } = figures.value;
        return {
          ok: true,
          value: {
            year,
            asOf: clock.today(),
            townCode,
            public: true,
            scope: "city" as const,
            goals: goalList,
            indicators,
          },
        };
      },
      present: (value) => value,
    }),
    defineRoute({
      method: "GET",
      url: "/public/insight/indicators.xlsx",
      summary: {
        zh: "导出公开城市指标（XLSX，与公开看板相同的汇总数字，可按镇区筛选）",
        en: "Export the public dashboard as XLSX (the same aggregates, optionally one town)",
      },
      tags,
      permission: "public",
      querystring: PublicDashboardQuery,
      response: {
        200: {
          mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          description: "the public indicators",
        },
      },
      handler: async ({ db, query, reply }) => {
        const figures = await publicFigures(db, query);
        if (!figures.ok) return sendRefusal(reply, figures.error);
        const { year, townCode, indicators } = figures.value;
        const names = await townNames(db);
        return reply
          .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .header(
            "content-disposition",
            `attachment; filename="indicators-${year}${townCode ? `-${townCode}` : ""}.xlsx"`,
          )
          .header("x-content-type-options", "nosniff")
          .send(await dashboardXlsx(year, indicators, names));
      },
    }),
  ];
  const find = (id: string): OpenDataset | undefined => openDatasets(sources()).find((dataset) => dataset.id === id);
  const root: AnyRoute[] = [
    defineRoute({
      method: "GET",
      url: "/open-data/catalog.json",
      summary: { zh: "开放数据目录", en: "The open data catalogue" },
      tags,
      permission: "public",
      cache: openDataCache,
      response: { 200: CatalogResponse },
      handler: async ({ db }) => {
        const datasets = [];
        for (const dataset of openDatasets(sources()))
          datasets.push(catalogEntry(dataset, (await datasetFiles(db, dataset)).updated));
        return { datasets };
      },
    }),
    defineRoute({
      method: "GET",
      url: "/open-data/:file",
      summary: {
        zh: "开放数据文件：<编号>.csv（UTF-8 带 BOM）、<编号>.json、<编号>.dictionary.json",
        en: "An open data file: <id>.csv (UTF-8 with BOM), <id>.json, <id>.dictionary.json",
      },
      tags,
      permission: "public",
      params: FileParams,
      cache: openDataCache,
      response: { 200: { mediaType: "application/octet-stream", description: "CSV or JSON" } },
      handler: async ({ db, params, reply }) => {
        const [, id, extension] = /^([a-z0-9-]+)\.(csv|json|dictionary\.json)$/.exec(params.file)!;
        const dataset = find(id);
        if (!dataset) return sendNotFound(reply);
        reply.header("x-content-type-options", "nosniff");
        if (extension === "dictionary.json")
          return reply.header("content-type", "application/json; charset=utf-8").send(
            JSON.stringify({
              id: dataset.id,
              title: dataset.title,
              description: dataset.description,
              columns: dataset.columns,
            }),
          );
        const files = await datasetFiles(db, dataset);
        if (extension === "csv")
          return reply
            .header("content-type", "text/csv; charset=utf-8")
            .header("content-disposition", `attachment; filename="${dataset.id}.csv"`)
            .send(files.csv);
        return reply
          .header("content-type", "application/json; charset=utf-8")
          .send(JSON.stringify({ id: dataset.id, updated: files.updated, rows: files.rows }));
      },
    }),
  ];
  return { api, root };
}
