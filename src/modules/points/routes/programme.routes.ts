import { err, ok } from "../../../core/result";
import { rowsRefusedProblem, settleImport } from "../../../platform/imports";
import { inTransactionWhenOk } from "../../../db/transaction";
import { commandContext, notFoundProblem, sendRefusal } from "../../../platform/http/command-reply";
import { sendError } from "../../../platform/http/request-context";
import { defineRoute, type AnyRoute } from "../../../platform/http/route";
import type { Executor } from "../../../db/transaction";
import type { AllocationResult, GroupSummary } from "../allocation";
import { createCycle, importQuotas, quotaRowsFromTable, setSchools, quotaTable } from "../commands/cycle";
import { finaliseRun, publishRun, runRanking } from "../commands/ranking";
import { pointsDb } from "../points.tables";
import { findCycle, findRun, type RunRecord } from "../repository";
import {
  CycleResponse,
  CyclesResponse,
  QuotaImportResponse,
  QuotasResponse,
  RunResponse,
  RunsResponse,
  SchoolsResponse,
} from "../responses";
import { runResultPage } from "../run/run.rows";
import { CycleBody, IdParams, QuotaBody, RunPageQuery, SchoolsBody } from "../schemas";
import { cycleTarget, runTarget } from "./targets";

const tags = ["points"];

/** Applications per review page unless `pageSize` says otherwise. */
const DEFAULT_RESULT_PAGE = 1000;

/**
 * A run for review: hashes, policy, counts, summaries, and one page of the per-application results (ids only, no
 * personal data; `page` from 1 and `pageSize` up to 10,000 (RunPageQuery), ordered by application id).
 */
async function presentRun(executor: Executor, run: RunRecord, paging: { page?: number; pageSize?: number } = {}) {
  const summary = run.summary as { summaries: GroupSummary[]; hukouSecondRound: AllocationResult["hukouSecondRound"] };
  const page = paging.page ?? 1;
  const pageSize = paging.pageSize ?? DEFAULT_RESULT_PAGE;
  return {
    id: run.id,
    cycleId: run.cycle_id,
    sequence: run.sequence,
    status: run.status,
    policyId: run.policy_id,
    inputHash: run.input_hash,
    resultHash: run.result_hash,
    createdAt: new Date(run.created_at).toISOString(),
    publishedAt: run.published_at ? new Date(run.published_at).toISOString() : null,
    listIds: run.list_ids,
    applicationCount: run.application_count,
    eligibleCount: run.eligible_count,
    admittedCount: run.admitted_count,
    summaries: summary.summaries,
    hukouSecondRound: summary.hukouSecondRound,
    page,
    pageSize,
    applications: await runResultPage(executor, run.id, { offset: (page - 1) * pageSize, limit: pageSize }),
  };
}

/** Programme administration routes: cycles, quota import, schools, ranking runs, publishing and the final list. */
export const programmeRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "GET",
    url: "/points/cycles",
    summary: { zh: "申请周期（最新在前）", en: "Application cycles, newest first" },
    tags,
    permission: "points.cycles.read",
    response: { 200: CyclesResponse },
    handler: async ({ db }) => {
      const cycles = await pointsDb(db).selectFrom("points_cycles").selectAll().orderBy("year", "desc").execute();
      return {
        items: cycles.map((cycle) => ({
          id: cycle.id,
          year: cycle.year,
          title: cycle.title,
          policyId: cycle.policy_id,
          opensOn: cycle.opens_on,
          closesOn: cycle.closes_on,
          quotasDueOn: cycle.quotas_due_on,
          housingUnits: cycle.housing_units,
        })),
      };
    },
  }),
  defineRoute({
    method: "POST",
    url: "/points/cycles",
    summary: { zh: "创建申请周期", en: "Create an application cycle" },
    tags,
    permission: "points.programme",
    body: CycleBody,
    response: { 201: CycleResponse },
    command: ({ db, request, actor, body }) =>
      inTransactionWhenOk(db, (trx) => createCycle(trx, commandContext(request, actor), body)),
    present: (cycle) => ({
      id: cycle.id,
      year: cycle.year,
      title: cycle.title,
      policyId: cycle.policy_id,
      opensOn: cycle.opens_on,
      closesOn: cycle.closes_on,
    }),
  }),
  defineRoute({
    method: "GET",
    url: "/points/cycles/:id/quotas",
    summary: { zh: "周期的指标和学校", en: "A cycle's quotas and schools" },
    tags,
    permission: "points.programme.read",
    params: IdParams,
    target: cycleTarget,
    response: { 200: QuotasResponse },
    handler: async ({ db, params }) => {
      const rows = await pointsDb(db)
        .selectFrom("points_quotas")
        .selectAll()
        .where("cycle_id", "=", params.id)
        .orderBy("purpose")
        .orderBy("town_code")
        .orderBy("grade")
        .execute();
      const schools = await pointsDb(db)
        .selectFrom("points_schools")
        .selectAll()
        .where("cycle_id", "=", params.id)
        .orderBy("town_code")
        .orderBy("name")
        .execute();
      return {
        quotas: rows.map((row) => ({
          purpose: row.purpose,
          townCode: row.town_code,
          grade: row.grade || null,
          places: row.places,
          synthetic: row.synthetic,
          source: row.source,
        })),
        schools: schools.map((school) => ({
          id: school.id,
          name: school.name,
          townCode: school.town_code,
          grade: school.grade,
          seats: school.seats,
          x: school.x,
          y: school.y,
          synthetic: school.synthetic,
        })),
      };
    },
  }),
  defineRoute({
    method: "POST",
    url: "/points/cycles/:id/quotas",
    summary: { zh: "导入指标（CSV 或 XLSX）", en: "Import quotas from CSV or XLSX" },
    tags,
    permission: "points.programme",
    params: IdParams,
    body: QuotaBody,
    target: cycleTarget,
    response: { 200: QuotaImportResponse },
    handler: async ({ db, request, reply, actor, params, body }) => {
      const given = [body.csv, body.csvBase64, body.xlsxBase64].filter((item) => item !== undefined).length;
      if (given !== 1)
        return sendError(
          reply,
          400,
          "validation_failed",
          "请提供 csv、csvBase64 或 xlsxBase64 之一 (send one of csv, csvBase64, xlsxBase64)",
          { csv: "csv, csvBase64 or xlsxBase64" },
        );
      const table = await quotaTable(body);
      if (!table.ok) return sendRefusal(reply, table.error);
      const source = body.xlsxBase64 !== undefined ? "xlsx" : "csv";
      const result = await inTransactionWhenOk(db, async (trx) => {
        const cycle = await findCycle(trx, params.id);
        if (!cycle) return err(notFoundProblem);
        const towns = new Set((await trx.selectFrom("towns").select("code").execute()).map((town) => town.code));
        const read = quotaRowsFromTable(table.value, towns);
        if (!read.ok) return read;
        const settled = settleImport(body.mode, read.value.problems);
        if (!settled.ok) return settled;
        // Good rows asked for, but there are none: the report of the bad ones is the answer.
        if (read.value.rows.length === 0 && read.value.problems.length > 0)
          return err(rowsRefusedProblem(read.value.problems));
        const imported = await importQuotas(trx, commandContext(request, actor), cycle, read.value.rows, source);
        if (!imported.ok) return imported;
        return ok({ imported: imported.value.imported, refused: read.value.problems });
      });
      if (!result.ok) return sendRefusal(reply, result.error);
      return result.value;
    },
  }),
  defineRoute({
    method: "PUT",
    url: "/points/cycles/:id/schools",
    summary: { zh: "设置周期的学校和学位", en: "Set a cycle's schools and seats" },
    tags,
    permission: "points.programme",
    params: IdParams,
    body: SchoolsBody,
    target: cycleTarget,
    response: { 200: SchoolsResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) => {
        const cycle = await findCycle(trx, params.id);
        if (!cycle) return err(notFoundProblem);
        return setSchools(trx, commandContext(request, actor), cycle, body.schools);
      }),
  }),
  defineRoute({
    method: "POST",
    url: "/points/cycles/:id/runs",
    summary: { zh: "运行排名（生成新的排名批次）", en: "Run the ranking (a new run)" },
    tags,
    permission: "points.programme",
    params: IdParams,
    target: cycleTarget,
    response: { 201: RunResponse },
    command: ({ db, request, actor, params }) =>
      inTransactionWhenOk(db, async (trx) => {
        const cycle = await findCycle(trx, params.id);
        if (!cycle) return err(notFoundProblem);
        return runRanking(trx, commandContext(request, actor), cycle);
      }),
    present: (run, { db }) => presentRun(db, run),
  }),
  defineRoute({
    method: "GET",
    url: "/points/cycles/:id/runs",
    summary: { zh: "周期的排名批次（最新在前）", en: "A cycle's ranking runs, newest first" },
    tags,
    permission: "points.programme.read",
    params: IdParams,
    target: cycleTarget,
    response: { 200: RunsResponse },
    handler: async ({ db, params }) => {
      const runs = await pointsDb(db)
        .selectFrom("points_runs")
        .select(["id", "sequence", "status", "policy_id", "input_hash", "result_hash", "created_at", "published_at"])
        .where("cycle_id", "=", params.id)
        .orderBy("sequence", "desc")
        .execute();
      return {
        items: runs.map((run) => ({
          id: run.id,
          sequence: run.sequence,
          status: run.status,
          policyId: run.policy_id,
          inputHash: run.input_hash,
          resultHash: run.result_hash,
          createdAt: new Date(run.created_at).toISOString(),
          publishedAt: run.published_at ? new Date(run.published_at).toISOString() : null,
        })),
      };
    },
  }),
  defineRoute({
    method: "GET",
    url: "/points/runs/:id",
    summary: { zh: "审阅排名批次：哈希、汇总和一页结果", en: "Review a run: hashes, summaries and a page of results" },
    tags,
    permission: "points.programme.read",
    params: IdParams,
    querystring: RunPageQuery,
    target: runTarget,
    response: { 200: RunResponse },
    handler: ({ db, query, target }) => presentRun(db, target, query),
  }),
  ...(
    [
      ["publish", { zh: "公示排名结果", en: "Publish a run's lists for publicity" }],
      ["finalise", { zh: "公布正式名单", en: "Publish the final list" }],
    ] as const
  ).map(([path, summary]) =>
    defineRoute({
      method: "POST",
      url: `/points/runs/:id/${path}`,
      summary,
      tags,
      permission: "points.programme",
      params: IdParams,
      target: runTarget,
      response: { 200: RunResponse },
      handler: async ({ db, request, reply, actor, params }) => {
        const result = await inTransactionWhenOk(db, async (trx) => {
          const run = await findRun(trx, params.id);
          const cycle = run ? await findCycle(trx, run.cycle_id) : undefined;
          if (!run || !cycle) return err(notFoundProblem);
          return path === "publish"
            ? publishRun(trx, commandContext(request, actor), run, cycle)
            : finaliseRun(trx, commandContext(request, actor), run);
        });
        if (!result.ok) return sendRefusal(reply, result.error);
        return presentRun(db, result.value);
      },
    }),
  ),
];
