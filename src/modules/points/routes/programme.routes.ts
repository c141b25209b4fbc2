import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { err } from "../../../core/result";
import { inTransactionWhenOk } from "../../../db/transaction";
import { commandContext, notFoundProblem, sendRefusal } from "../../../platform/http/command-reply";
import { requireActor, sendError, sendForbidden, sendNotFound } from "../../../platform/http/request-context";
import type { ModuleDependencies } from "../../../platform/module";
import type { Executor } from "../../../db/transaction";
import type { AllocationResult, GroupSummary } from "../allocation";
import { createCycle, importQuotas, quotaRowsFromTable, setSchools, tableFromCsv, tableFromXlsx } from "../commands/cycle";
import { finaliseRun, publishRun, runRanking } from "../commands/ranking";
import { pointsDb } from "../points.tables";
import { mayAdministerPoints, mayReadProgramme } from "../policies";
import { findCycle, findRun, type RunRecord } from "../repository";
import { runResultPage } from "../run/run.rows";
import { CycleBody, IdParams, QuotaBody, RunPageQuery, SchoolsBody } from "../schemas";

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
    id: run.id, cycleId: run.cycle_id, sequence: run.sequence, status: run.status, policyId: run.policy_id, inputHash: run.input_hash, resultHash: run.result_hash,
    createdAt: new Date(run.created_at).toISOString(), publishedAt: run.published_at ? new Date(run.published_at).toISOString() : null, listIds: run.list_ids,
    applicationCount: run.application_count, eligibleCount: run.eligible_count, admittedCount: run.admitted_count,
    summaries: summary.summaries, hukouSecondRound: summary.hukouSecondRound,
    page, pageSize, applications: await runResultPage(executor, run.id, { offset: (page - 1) * pageSize, limit: pageSize }),
  };
}

/** Programme administration routes: cycles, quota import, schools, ranking runs, publishing and the final list. */
export function programmeRoutes(instance: FastifyInstance, { db }: ModuleDependencies): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get("/points/cycles", { schema: { tags } }, async (request, reply) => {
    if (!requireActor(request, reply)) return reply;
    const cycles = await pointsDb(db).selectFrom("points_cycles").selectAll().orderBy("year", "desc").execute();
    return { items: cycles.map((cycle) => ({ id: cycle.id, year: cycle.year, title: cycle.title, policyId: cycle.policy_id, opensOn: cycle.opens_on, closesOn: cycle.closes_on, quotasDueOn: cycle.quotas_due_on, housingUnits: cycle.housing_units })) };
  });

  app.post("/points/cycles", { schema: { tags, body: CycleBody } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayAdministerPoints(actor)) return sendForbidden(reply);
    const result = await inTransactionWhenOk(db, (trx) => createCycle(trx, commandContext(request, actor), request.body));
    if (!result.ok) return sendRefusal(reply, result.error);
    return reply.code(201).send({ id: result.value.id, year: result.value.year, title: result.value.title, policyId: result.value.policy_id, opensOn: result.value.opens_on, closesOn: result.value.closes_on });
  });

  app.get("/points/cycles/:id/quotas", { schema: { tags, params: IdParams } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayReadProgramme(actor)) return sendForbidden(reply);
    const rows = await pointsDb(db).selectFrom("points_quotas").selectAll().where("cycle_id", "=", request.params.id).orderBy("purpose").orderBy("town_code").orderBy("grade").execute();
    const schools = await pointsDb(db).selectFrom("points_schools").selectAll().where("cycle_id", "=", request.params.id).orderBy("town_code").orderBy("name").execute();
    return {
      quotas: rows.map((row) => ({ purpose: row.purpose, townCode: row.town_code, grade: row.grade || null, places: row.places, synthetic: row.synthetic, source: row.source })),
      schools: schools.map((school) => ({ id: school.id, name: school.name, townCode: school.town_code, grade: school.grade, seats: school.seats, x: school.x, y: school.y, synthetic: school.synthetic })),
    };
  });

  app.post("/points/cycles/:id/quotas", { schema: { tags, params: IdParams, body: QuotaBody } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayAdministerPoints(actor)) return sendForbidden(reply);
    const { csv, xlsxBase64 } = request.body;
    if ((csv === undefined) === (xlsxBase64 === undefined)) return sendError(reply, 400, "validation_failed", "请提供 csv 或 xlsxBase64 之一 (send csv or xlsxBase64)", { csv: "csv or xlsxBase64" });
    const table = csv !== undefined ? tableFromCsv(csv) : await tableFromXlsx(Buffer.from(xlsxBase64!, "base64"));
    if (!table.ok) return sendRefusal(reply, table.error);
    const result = await inTransactionWhenOk(db, async (trx) => {
      const cycle = await findCycle(trx, request.params.id);
      if (!cycle) return err(notFoundProblem);
      const towns = new Set((await trx.selectFrom("towns").select("code").execute()).map((town) => town.code));
      const rows = quotaRowsFromTable(table.value, towns);
      if (!rows.ok) return rows;
      return importQuotas(trx, commandContext(request, actor), cycle, rows.value, csv !== undefined ? "csv" : "xlsx");
    });
    if (!result.ok) return sendRefusal(reply, result.error);
    return result.value;
  });

  app.put("/points/cycles/:id/schools", { schema: { tags, params: IdParams, body: SchoolsBody } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayAdministerPoints(actor)) return sendForbidden(reply);
    const result = await inTransactionWhenOk(db, async (trx) => {
      const cycle = await findCycle(trx, request.params.id);
      if (!cycle) return err(notFoundProblem);
      return setSchools(trx, commandContext(request, actor), cycle, request.body.schools);
    });
    if (!result.ok) return sendRefusal(reply, result.error);
    return result.value;
  });

  app.post("/points/cycles/:id/runs", { schema: { tags, params: IdParams } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayAdministerPoints(actor)) return sendForbidden(reply);
    const result = await inTransactionWhenOk(db, async (trx) => {
      const cycle = await findCycle(trx, request.params.id);
      if (!cycle) return err(notFoundProblem);
      return runRanking(trx, commandContext(request, actor), cycle);
    });
    if (!result.ok) return sendRefusal(reply, result.error);
    return reply.code(201).send(await presentRun(db, result.value));
  });

  app.get("/points/cycles/:id/runs", { schema: { tags, params: IdParams } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayReadProgramme(actor)) return sendForbidden(reply);
    const runs = await pointsDb(db).selectFrom("points_runs").select(["id", "sequence", "status", "policy_id", "input_hash", "result_hash", "created_at", "published_at"])
      .where("cycle_id", "=", request.params.id).orderBy("sequence", "desc").execute();
    return { items: runs.map((run) => ({ id: run.id, sequence: run.sequence, status: run.status, policyId: run.policy_id, inputHash: run.input_hash, resultHash: run.result_hash, createdAt: new Date(run.created_at).toISOString(), publishedAt: run.published_at ? new Date(run.published_at).toISOString() : null })) };
  });

  app.get("/points/runs/:id", { schema: { tags, params: IdParams, querystring: RunPageQuery } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayReadProgramme(actor)) return sendForbidden(reply);
    const run = await findRun(db, request.params.id);
    return run ? presentRun(db, run, request.query) : sendNotFound(reply);
  });

  for (const [path, command] of [["publish", "publish"], ["finalise", "finalise"]] as const) {
    app.post(`/points/runs/:id/${path}`, { schema: { tags, params: IdParams } }, async (request, reply) => {
      const actor = requireActor(request, reply);
      if (!actor) return reply;
      if (!mayAdministerPoints(actor)) return sendForbidden(reply);
      const result = await inTransactionWhenOk(db, async (trx) => {
        const run = await findRun(trx, request.params.id);
        const cycle = run ? await findCycle(trx, run.cycle_id) : undefined;
        if (!run || !cycle) return err(notFoundProblem);
        return command === "publish" ? publishRun(trx, commandContext(request, actor), run, cycle) : finaliseRun(trx, commandContext(request, actor), run);
      });
      if (!result.ok) return result.error.code === "already_published" ? sendError(reply, 409, result.error.code, result.error.message) : sendRefusal(reply, result.error);
      return presentRun(db, result.value);
    });
  }
}
