import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { err } from "../../core/result";
import type { Executor } from "../../db/transaction";
import { inTransactionWhenOk } from "../../db/transaction";
import { holdsAnyRole } from "../access/scope";
import { commandContext, notFoundProblem, sendRefusal } from "../http/command-reply";
import { requireActor, sendForbidden, sendNotFound } from "../http/request-context";
import type { ModuleDependencies, ModuleManifest } from "../module";
import { hasRole, townsWithRole, type Actor } from "../roles";
import { listToPdf, listToXlsx } from "./publicity.export";
import { diffLists, finaliseList, findList, listEntries, listLists, previousVersionId } from "./publicity.lists";
import { answerObjection, findObjection, forwardObjection, listObjections, objectionDeadline, raiseObjection } from "./publicity.objections";
import { mayAnswerObjection, mayForwardObjection, mayRaiseObjection, mayReadObjection, verifierDepartments } from "./publicity.policy";
import { presentDifference, presentEntry, presentList, presentObjection, presentObjectionOutcome } from "./publicity.presenters";
import { AnswerBody, EntriesQuery, ExportParams, ForwardBody, IdParams, ListsQuery, ObjectionBody, ObjectionsQuery } from "./publicity.schemas";
import { publicityDb } from "./publicity.tables";
import { clock } from "../../core/clock";

const tags = ["publicity"];

async function townNames(executor: Executor): Promise<Map<string, string>> {
  return new Map((await executor.selectFrom("towns").select(["code", "name"]).execute()).map((town) => [town.code, town.name]));
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

/** Publicity routes: public lists (masked, no login), exports, objections and their queue. */
export function publicityRoutes(instance: FastifyInstance, { db }: ModuleDependencies): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get("/public/publicity/lists", { schema: { tags, querystring: ListsQuery } }, async (request) => {
    const lists = await listLists(db, request.query);
    return { items: lists.map(presentList) };
  });

  app.get("/public/publicity/lists/:id", { schema: { tags, params: IdParams } }, async (request, reply) => {
    const list = await findList(db, request.params.id);
    return list ? presentList(list) : sendNotFound(reply);
  });

  app.get("/public/publicity/lists/:id/entries", { schema: { tags, params: IdParams, querystring: EntriesQuery } }, async (request, reply) => {
    const list = await findList(db, request.params.id);
    if (!list) return sendNotFound(reply);
    const { q, page = 1, pageSize = 50 } = request.query;
    const found = await listEntries(db, list.id, { q, page, pageSize });
    return { items: found.items.map(presentEntry), total: found.total, page, pageSize };
  });

  app.get("/public/publicity/lists/:id/export/:format", { schema: { tags, params: ExportParams } }, async (request, reply) => {
    const list = await findList(db, request.params.id);
    if (!list) return sendNotFound(reply);
    const entries = (await listEntries(db, list.id)).items;
    const names = await townNames(db);
    const pdf = request.params.format === "pdf";
    const bytes = pdf ? await listToPdf(list, entries, names) : await listToXlsx(list, entries, names);
    const type = pdf ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    return reply
      .header("content-type", type)
      .header("content-disposition", `attachment; filename="publicity-${list.id}-v${list.version}.${request.params.format}"`)
      .header("x-content-type-options", "nosniff")
      .send(bytes);
  });

  app.get("/public/publicity/lists/:id/objections", { schema: { tags, params: IdParams } }, async (request, reply) => {
    const list = await findList(db, request.params.id);
    if (!list) return sendNotFound(reply);
    const objections = await listObjections(db, { listId: list.id });
    const entries = new Map((await listEntries(db, list.id)).items.map((entry) => [entry.id, entry]));
    const answered = objections.filter((objection) => objection.status === "upheld" || objection.status === "rejected");
    return {
      pending: objections.length - answered.length,
      items: answered.map((objection) => presentObjectionOutcome(objection, entries.get(objection.entryId)?.rank ?? null, entries.get(objection.entryId)?.maskedName ?? "")),
    };
  });

  app.get("/public/publicity/lists/:id/differences", { schema: { tags, params: IdParams } }, async (request, reply) => {
    const list = await findList(db, request.params.id);
    if (!list) return sendNotFound(reply);
    const previous = await previousVersionId(db, list);
    if (!previous) return { previousVersion: null, items: [] };
    return { previousVersion: list.version - 1, items: (await diffLists(db, previous, list.id)).map(presentDifference) };
  });

  app.post("/publicity/lists/:id/objections", { schema: { tags, params: IdParams, body: ObjectionBody } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayRaiseObjection(actor)) return sendForbidden(reply);
    const result = await inTransactionWhenOk(db, (trx) =>
      raiseObjection(trx, commandContext(request, actor), { listId: request.params.id, ...request.body }, clock.today()),
    );
    if (!result.ok) return sendRefusal(reply, result.error);
    return reply.code(201).send(presentObjection(result.value, clock.today()));
  });

  app.get("/publicity/objections", { schema: { tags, querystring: ObjectionsQuery } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const scope = objectionScope(actor);
    if (!scope) return sendForbidden(reply);
    const today = clock.today();
    const { status, listId, overdue } = request.query;
    const found = await listObjections(db, { ...scope, listId, statuses: status ? [status] : undefined });
    const items = found.filter((objection) => overdue === undefined || objectionDeadline(objection, today).overdue === overdue);
    return { items: items.map((objection) => presentObjection(objection, today)) };
  });

  app.get("/publicity/objections/:id", { schema: { tags, params: IdParams } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const objection = await findObjection(db, request.params.id);
    if (!objection || !mayReadObjection(actor, objection)) return sendNotFound(reply);
    return presentObjection(objection, clock.today());
  });

  app.post("/publicity/objections/:id/forward", { schema: { tags, params: IdParams, body: ForwardBody } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayForwardObjection(actor)) return sendForbidden(reply);
    const result = await inTransactionWhenOk(db, async (trx) => {
      const objection = await findObjection(trx, request.params.id);
      if (!objection || !mayReadObjection(actor, objection) || !mayForwardObjection(actor, objection)) return err(notFoundProblem);
      return forwardObjection(trx, commandContext(request, actor), objection, request.body.departmentCode);
    });
    if (!result.ok) return sendRefusal(reply, result.error);
    return presentObjection(result.value, clock.today());
  });

  app.post("/publicity/objections/:id/answer", { schema: { tags, params: IdParams, body: AnswerBody } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayAnswerObjection(actor)) return sendForbidden(reply);
    const result = await inTransactionWhenOk(db, async (trx) => {
      const objection = await findObjection(trx, request.params.id);
      if (!objection || !mayReadObjection(actor, objection)) return err(notFoundProblem);
      if (!mayAnswerObjection(actor, objection)) {
        return err({ code: "objection_not_forwarded", field: "status", message: "异议尚未转交本部门 (not yet forwarded to your department)" });
      }
      return answerObjection(trx, commandContext(request, actor), objection, request.body, clock.today());
    });
    if (!result.ok) return sendRefusal(reply, result.error);
    return presentObjection(result.value, clock.today());
  });

  app.post("/publicity/lists/:id/finalise", { schema: { tags, params: IdParams } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!hasRole(actor, "programme_admin")) return sendForbidden(reply);
    const result = await inTransactionWhenOk(db, async (trx) => {
      const pending = await publicityDb(trx).selectFrom("publicity_objections").select("id").where("list_id", "=", request.params.id)
        .where("status", "in", ["received", "forwarded"]).executeTakeFirst();
      if (pending) return err({ code: "objections_pending", field: "objections", message: "仍有未答复的异议 (objections still open)" });
      return finaliseList(trx, commandContext(request, actor), request.params.id, clock.today());
    });
    if (!result.ok) return sendRefusal(reply, result.error);
    return presentList(result.value);
  });
}

/** The publicity service as a module: public lists, exports, objections. */
export const publicityModule: ModuleManifest = {
  name: "publicity",
  routes: publicityRoutes,
  permissions: {
    "publicity.objections.queue": (actor) => holdsAnyRole(actor, ["programme_admin", "auditor", "verifier", "clerk"]),
    "publicity.objections.raise": mayRaiseObjection,
    "publicity.finalise": (actor) => hasRole(actor, "programme_admin"),
  },
};
