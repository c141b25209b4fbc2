/** Job routes: enqueue a job a user may run, read one job (the web app polls it for progress), list recent jobs. */
import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import Value from "typebox/value";
import { inTransaction } from "../../db/transaction";
import { errorResponses, nullable } from "../http/response-schemas";
import { requireActor, sendError, sendForbidden, sendNotFound } from "../http/request-context";
import type { ModuleDependencies, ModuleManifest } from "../module";
import { hasRole, type Actor } from "../roles";
import type { JobDefinition } from "./jobs.definition";
import { housekeepingJob } from "./jobs.housekeeping";
import { enqueueJob, findJob, type JobRecord } from "./jobs.queue";
import { jobsDb } from "./jobs.tables";
import { jobDefinitions } from "./jobs.worker";

const tags = ["jobs"];
const StatusSchema = Type.Union([Type.Literal("queued"), Type.Literal("running"), Type.Literal("succeeded"), Type.Literal("failed")]);

const JobResponse = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  status: StatusSchema,
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  progress: Type.Object({ done: Type.Number(), total: nullable(Type.Number()), label: nullable(Type.String()), percent: Type.Integer({ minimum: 0, maximum: 100 }) }),
  payload: Type.Unknown(),
  result: Type.Unknown(),
  error: nullable(Type.Object({ code: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) })),
  createdAt: Type.String({ format: "date-time" }),
  startedAt: nullable(Type.String({ format: "date-time" })),
  finishedAt: nullable(Type.String({ format: "date-time" })),
  scheduleName: nullable(Type.String()),
}, { description: "A job: its state, progress, and result or error" });
const EnqueueBody = Type.Object({ kind: Type.String({ minLength: 1, maxLength: 80 }), payload: Type.Object({}, { additionalProperties: true }) }, { additionalProperties: false });
const EnqueueResponse = Type.Object({ job: JobResponse, created: Type.Boolean({ description: "false: an open job for the same work already existed and is returned" }) });
const IdParams = Type.Object({ id: Type.String({ format: "uuid" }) }, { additionalProperties: false });
const ListQuery = Type.Object({
  kind: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  status: Type.Optional(StatusSchema),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
}, { additionalProperties: false });

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

/** A job as the API shows it; `percent` is 100 once it succeeded. */
export function presentJob(job: JobRecord, definition?: JobDefinition) {
  const done = Number(job.progress_done);
  const total = job.progress_total === null ? null : Number(job.progress_total);
  const percent = job.status === "succeeded" ? 100 : total ? Math.min(99, Math.floor((done * 100) / total)) : 0;
  return {
    id: job.id, kind: job.kind, title: definition?.title ?? job.kind, status: job.status, attempts: job.attempts, maxAttempts: job.max_attempts,
    progress: { done, total, label: job.progress_label, percent }, payload: job.payload, result: job.result ?? null, error: (job.error as { code: string; message: string } | null) ?? null,
    createdAt: iso(job.created_at)!, startedAt: iso(job.started_at), finishedAt: iso(job.finished_at), scheduleName: job.schedule_name,
  };
}

/** Administrators and auditors see every job; others their own and those of kinds they may run. */
function seesAll(actor: Actor): boolean {
  return hasRole(actor, "admin") || hasRole(actor, "auditor");
}

function kindsRunBy(actor: Actor, definitions: ReadonlyMap<string, JobDefinition>): string[] {
  return [...definitions.values()].filter((definition) => definition.mayEnqueue?.(actor)).map((definition) => definition.kind);
}

function mayRead(actor: Actor, job: JobRecord, definitions: ReadonlyMap<string, JobDefinition>): boolean {
  return seesAll(actor) || job.created_by === actor.id || (definitions.get(job.kind)?.mayEnqueue?.(actor) ?? false);
}

/** Mounts the job routes over the job kinds of `modules`. */
export function jobRoutes(instance: FastifyInstance, { db }: ModuleDependencies, definitions: ReadonlyMap<string, JobDefinition>): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.post("/jobs", { schema: { tags, body: EnqueueBody, response: { 200: EnqueueResponse, 202: EnqueueResponse, ...errorResponses } } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const definition = definitions.get(request.body.kind);
    if (!definition?.mayEnqueue) {
      return sendError(reply, 400, "unknown_job_kind", `没有可提交的任务类型 ${request.body.kind} (no job kind a user may enqueue)`, { kind: "未知的任务类型 (unknown job kind)" });
    }
    if (!definition.mayEnqueue(actor)) return sendForbidden(reply);
    const payload = request.body.payload;
    if (definition.payload && !Value.Check(definition.payload, payload)) {
      const fields: Record<string, string> = {};
      for (const error of Value.Errors(definition.payload, payload)) fields[`payload${error.instancePath.replaceAll("/", ".")}`] ??= `格式不正确 (${error.message})`;
      return sendError(reply, 400, "validation_failed", "任务参数不正确 (invalid job payload)", fields);
    }
    const { job, created } = await inTransaction(db, (trx) =>
      enqueueJob(trx, { kind: definition.kind, payload, actor, requestId: request.id, dedupeKey: definition.dedupeKey?.(payload) ?? null, maxAttempts: definition.maxAttempts }),
    );
    return reply.code(created ? 202 : 200).send({ job: presentJob(job, definition), created });
  });

  app.get("/jobs/:id", { schema: { tags, params: IdParams, response: { 200: JobResponse, ...errorResponses } } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const job = await findJob(db, request.params.id);
    if (!job || !mayRead(actor, job, definitions)) return sendNotFound(reply);
    return presentJob(job, definitions.get(job.kind));
  });

  app.get("/jobs", { schema: { tags, querystring: ListQuery, response: { 200: Type.Object({ items: Type.Array(JobResponse) }), ...errorResponses } } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const { kind, status, limit = 20 } = request.query;
    let query = jobsDb(db).selectFrom("jobs").selectAll();
    if (!seesAll(actor)) {
      const kinds = kindsRunBy(actor, definitions);
      query = query.where((eb) => eb.or([eb("created_by", "=", actor.id), ...(kinds.length ? [eb("kind", "in", kinds)] : [])]));
    }
    if (kind) query = query.where("kind", "=", kind);
    if (status) query = query.where("status", "=", status);
    const rows = await query.orderBy("created_at", "desc").orderBy("id").limit(limit).execute();
    return { items: rows.map((job) => presentJob(job, definitions.get(job.kind))) };
  });
}

/**
 * The jobs platform module: the job routes over every module's job kinds (those of `others` and its own) and the
 * platform's housekeeping schedule.
 */
export function jobsModule(others: readonly ModuleManifest[]): ModuleManifest {
  const manifest: ModuleManifest = {
    name: "jobs",
    jobs: [housekeepingJob],
    permissions: {},
    routes: (app, dependencies) => jobRoutes(app, dependencies, jobDefinitions([...others, manifest])),
  };
  return manifest;
}
