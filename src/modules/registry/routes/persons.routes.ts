import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { err } from "../../../core/result";
import { inTransaction, inTransactionWhenOk } from "../../../db/transaction";
import { commandContext, notFoundProblem, outOfScopeProblem, sendRefusal } from "../../../platform/http/command-reply";
import { requireActor, sendForbidden, sendNotFound } from "../../../platform/http/request-context";
import type { ModuleDependencies } from "../../../platform/module";
import { editPerson } from "../commands/person.edit";
import { registerPerson } from "../commands/person.register";
import { recordFullRead } from "../commands/record.read";
import { mayOnRegistry, registryReadScope, seesFullRecord } from "../policies";
import { presentHistoryEntry, presentPerson, presentPersonSummary } from "../presenters";
import { findPerson, searchPersons } from "../repository";
import { IdParams, PersonCreateBody, PersonPatchBody, SearchQuery } from "../schemas";
import { loadHistory } from "./history";
import { errorResponses } from "../../../platform/http/response-schemas";
import { HistoryResponse, PersonPage, PersonResponse } from "../responses";

const tags = ["registry"];

/** Person routes: search first, register, read (logged), edit with version, history. */
export function personRoutes(instance: FastifyInstance, { db }: ModuleDependencies): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get("/persons", { schema: { tags, querystring: SearchQuery, response: { 200: PersonPage, ...errorResponses } } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnRegistry(actor, "person", "search")) return sendForbidden(reply);
    const { q, page = 1, pageSize = 20 } = request.query;
    const found = await searchPersons(db, { q, scope: registryReadScope(actor, "person"), page, pageSize });
    return { items: found.items.map(presentPersonSummary), total: found.total, page, pageSize };
  });

  app.post("/persons", { schema: { tags, body: PersonCreateBody, response: { 201: PersonResponse, ...errorResponses } } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnRegistry(actor, "person", "create")) return sendForbidden(reply);
    const body = request.body;
    const result = await inTransactionWhenOk(db, async (trx) => {
      if (!mayOnRegistry(actor, "person", "create", { townCode: body.townCode })) return err(outOfScopeProblem("townCode"));
      return registerPerson(trx, commandContext(request, actor), body);
    });
    if (!result.ok) return sendRefusal(reply, result.error);
    return reply.code(201).send(presentPerson(actor, result.value));
  });

  app.get("/persons/:id", { schema: { tags, params: IdParams, response: { 200: PersonResponse, ...errorResponses } } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnRegistry(actor, "person", "read")) return sendForbidden(reply);
    const presented = await inTransaction(db, async (trx) => {
      const person = await findPerson(trx, request.params.id);
      if (!person || !mayOnRegistry(actor, "person", "read", person)) return null;
      await recordFullRead(trx, commandContext(request, actor), { entityType: "person", entityId: person.id, townCode: person.townCode });
      return presentPerson(actor, person);
    });
    return presented ?? sendNotFound(reply);
  });

  app.patch("/persons/:id", { schema: { tags, params: IdParams, body: PersonPatchBody, response: { 200: PersonResponse, ...errorResponses } } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnRegistry(actor, "person", "update")) return sendForbidden(reply);
    const body = request.body;
    const result = await inTransactionWhenOk(db, async (trx) => {
      const current = await findPerson(trx, request.params.id);
      if (!current || !mayOnRegistry(actor, "person", "read", current)) return err(notFoundProblem);
      if (!mayOnRegistry(actor, "person", "update", current)) return err(notFoundProblem);
      if (body.townCode && !mayOnRegistry(actor, "person", "update", { townCode: body.townCode })) {
        return err(outOfScopeProblem("townCode"));
      }
      return editPerson(trx, commandContext(request, actor), current, body);
    });
    if (!result.ok) return sendRefusal(reply, result.error);
    return presentPerson(actor, result.value);
  });

  app.get("/persons/:id/history", { schema: { tags, params: IdParams, response: { 200: HistoryResponse, ...errorResponses } } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnRegistry(actor, "person", "read")) return sendForbidden(reply);
    const person = await findPerson(db, request.params.id);
    if (!person || !mayOnRegistry(actor, "person", "read", person)) return sendNotFound(reply);
    const entries = await loadHistory(db, "person", person.id);
    return { items: entries.map((entry) => presentHistoryEntry(entry, seesFullRecord(actor, person))) };
  });
}
