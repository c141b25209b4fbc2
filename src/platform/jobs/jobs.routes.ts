/** Job routes: enqueue a job a user may run, read one job (the web app polls it for progress), list recent jobs. */
import { Type } from "typebox";
import Value from "typebox/value";
import { inTransaction } from "../../db/transaction";
import { definePermissions } from "../access/permissions";
import { defineRoute, type AnyRoute, type RouteTarget } from "../http/route";
import { nullable } from "../http/response-schemas";
import { sendError, sendForbidden } from "../http/request-context";
import type { ModuleManifest } from "../module";
import { hasRole, roles, type Actor } from "../roles";
import type { JobDefinition, RegisteredJob } from "./jobs.definition";
import { housekeepingJob } from "./jobs.housekeeping";
import { enqueueJob, findJob, type JobRecord } from "./jobs.queue";
import { jobsDb } from "./jobs.tables";
import { jobDefinitions, wakeJobWorkers } from "./jobs.worker";

const tags = ["jobs"];
const StatusSchema = Type.Union([
  Type.Literal("queued"),
  Type.Literal("running"),
  Type.Literal("succeeded"),
  Type.Literal("failed"),
]);

const JobResponse = Type.Object(
  {
    id: Type.String(),
    kind: Type.String(),
    title: Type.String(),
    status: StatusSchema,
    attempts: Type.Integer(),
    maxAttempts: Type.Integer(),
    progress: Type.Object({
      done: Type.Number(),
      total: nullable(Type.Number()),
      label: nullable(Type.String()),
      percent: Type.Integer({ minimum: 0, maximum: 100 }),
    }),
    payload: Type.Unknown(),
    result: Type.Unknown(),
    error: nullable(Type.Object({ code: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) })),
    createdAt: Type.String({ format: "date-time" }),
    startedAt: nullable(Type.String({ format: "date-time" })),
    finishedAt: nullable(Type.String({ format: "date-time" })),
    scheduleName: nullable(Type.String()),
  },
  { description: "A job: its state, progress, and result or error" },
);
const EnqueueBody = Type.Object(
  { kind: Type.String({ minLength: 1, maxLength: 80 }), payload: Type.Object({}, { additionalProperties: true }) },
  { additionalProperties: false },
);
const EnqueueResponse = Type.Object({
  job: JobResponse,
  created: Type.Boolean({ description: "false: an open job for the same work already existed and is returned" }),
});
const IdParams = Type.Object({ id: Type.String({ format: "uuid" }) }, { additionalProperties: false });
const ListQuery = Type.Object(
  {
    kind: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    status: Type.Optional(StatusSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

/** A job as the API shows it; `percent` is 100 once it succeeded. */
export function presentJob(job: JobRecord, definition?: JobDefinition) {
  const done = Number(job.progress_done);
  const total = job.progress_total === null ? null : Number(job.progress_total);
  const percent = job.status === "succeeded" ? 100 : total ? Math.min(99, Math.floor((done * 100) / total)) : 0;
  return {
    id: job.id,
    kind: job.kind,
    title: definition?.title ?? job.kind,
    status: job.status,
    attempts: job.attempts,
    maxAttempts: job.max_attempts,
    progress: { done, total, label: job.progress_label, percent },
    payload: job.payload,
    result: job.result ?? null,
    error: (job.error as { code: string; message: string } | null) ?? null,
    createdAt: iso(job.created_at)!,
    startedAt: iso(job.started_at),
    finishedAt: iso(job.finished_at),
    scheduleName: job.schedule_name,
  };
}

/** Administrators and auditors see every job; others their own and those of kinds they may run. */
function seesAll(actor: Actor): boolean {
  return hasRole(actor, "admin") || hasRole(actor, "auditor");
}

function kindsRunBy(actor: Actor, definitions: ReadonlyMap<string, RegisteredJob>): string[] {
  return [...definitions.values()]
    .filter((definition) => definition.mayEnqueue?.(actor))
    .map((definition) => definition.kind);
}

function mayRead(actor: Actor, job: JobRecord, definitions: ReadonlyMap<string, RegisteredJob>): boolean {
  return seesAll(actor) || job.created_by === actor.id || (definitions.get(job.kind)?.mayEnqueue?.(actor) ?? false);
}

/** The job routes over the given job kinds. */
export function jobRoutes(definitions: ReadonlyMap<string, RegisteredJob>): readonly AnyRoute[] {
  const readableJob: RouteTarget<{ id: string }, undefined, JobRecord> = {
    resource: "job",
    load: (executor, { params }) => findJob(executor, params.id),
    inScope: (actor: Actor, job) => mayRead(actor, job, definitions),
  };
  return [
    defineRoute({
      method: "POST",
      url: "/jobs",
      summary: {
        zh: "提交任务（如排名、发放表）；同一项工作未完成时返回已有任务",
        en: "Enqueue a job (a ranking run, a payroll); an open job for the same work is returned instead",
      },
      tags,
      permission: "jobs.own",
      body: EnqueueBody,
      response: { 202: EnqueueResponse, 200: EnqueueResponse },
      handler: async ({ db, request, reply, actor, body }) => {
        const definition = definitions.get(body.kind);
        if (!definition?.mayEnqueue) {
          return sendError(
            reply,
            400,
            "unknown_job_kind",
            `没有可提交的任务类型 ${body.kind} (no job kind a user may enqueue)`,
            { kind: "未知的任务类型 (unknown job kind)" },
          );
        }
        if (!definition.mayEnqueue(actor)) return sendForbidden(reply);
        const payload = body.payload;
        if (definition.payload && !Value.Check(definition.payload, payload)) {
          const fields: Record<string, string> = {};
          for (const error of Value.Errors(definition.payload, payload))
            fields[`payload${error.instancePath.replaceAll("/", ".")}`] ??= `格式不正确 (${error.message})`;
          return sendError(reply, 400, "validation_failed", "任务参数不正确 (invalid job payload)", fields);
        }
        const { job, created } = await inTransaction(db, (trx) =>
          enqueueJob(trx, {
            kind: definition.kind,
            payload,
            actor,
            requestId: request.id,
            dedupeKey: definition.dedupeKey?.(payload) ?? null,
            maxAttempts: definition.maxAttempts,
          }),
        );
        if (created) wakeJobWorkers();
        return reply.code(created ? 202 : 200).send({ job: presentJob(job, definition), created });
      },
    }),
    defineRoute({
      method: "GET",
      url: "/jobs/:id",
      summary: { zh: "任务状态与进度（网页轮询）", en: "A job's state and progress (the web app polls it)" },
      tags,
      permission: "jobs.own",
      params: IdParams,
      target: readableJob,
      response: { 200: JobResponse },
      handler: ({ target }) => presentJob(target, definitions.get(target.kind)),
    }),
    defineRoute({
      method: "GET",
      url: "/jobs",
      summary: {
        zh: "最近的任务：本人的、可执行类型的；管理员和审计员为全部",
        en: "Recent jobs: one's own and of kinds one may run; all for administrators and auditors",
      },
      tags,
      permission: "jobs.own",
      querystring: ListQuery,
      response: { 200: Type.Object({ items: Type.Array(JobResponse) }) },
      handler: async ({ db, actor, query: { kind, status, limit = 20 } }) => {
        let query = jobsDb(db).selectFrom("jobs").selectAll();
        if (!seesAll(actor)) {
          const kinds = kindsRunBy(actor, definitions);
          query = query.where((eb) =>
            eb.or([eb("created_by", "=", actor.id), ...(kinds.length ? [eb("kind", "in", kinds)] : [])]),
          );
        }
        if (kind) query = query.where("kind", "=", kind);
        if (status) query = query.where("status", "=", status);
        const rows = await query.orderBy("created_at", "desc").orderBy("id").limit(limit).execute();
        return { items: rows.map((job) => presentJob(job, definitions.get(job.kind))) };
      },
    }),
  ];
}

/**
 * The jobs platform module: the job routes over every module's job kinds (those of `others` and its own) and the
 * platform's housekeeping schedule.
 */
export function jobsModule(others: readonly ModuleManifest[]): ModuleManifest {
  const permissions = definePermissions({
    "jobs.own": {
      roles,
      description: "提交有权执行的任务并查看其进度 (enqueue jobs one may run and follow their progress)",
    },
  });
  const jobs = [housekeepingJob];
  const self: ModuleManifest = { name: "jobs", jobs, permissions, routes: [] };
  return { ...self, routes: jobRoutes(jobDefinitions([...others, self])) };
}
