import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { err } from "../../../core/result";
import { inTransactionWhenOk } from "../../../db/transaction";
import { commandContext, notFoundProblem, outOfScopeProblem, sendRefusal } from "../../../platform/http/command-reply";
import { requireActor, sendForbidden, sendNotFound } from "../../../platform/http/request-context";
import type { ModuleDependencies } from "../../../platform/module";
import { editOrganisation, registerOrganisation } from "../commands/organisation.commands";
import { mayOnRegistry, registryReadScope } from "../policies";
import { presentOrganisation } from "../presenters";
import { findOrganisation, searchOrganisations } from "../repository";
import { IdParams, OrganisationCreateBody, OrganisationPatchBody, SearchQuery } from "../schemas";
import { errorResponses } from "../../../platform/http/response-schemas";
import { OrganisationPage, OrganisationResponse } from "../responses";

const tags = ["registry"];

/** Organisation routes: search, register, read, edit with version. */
export function organisationRoutes(instance: FastifyInstance, { db }: ModuleDependencies): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get("/organisations", { schema: { tags, querystring: SearchQuery, response: { 200: OrganisationPage, ...errorResponses } } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnRegistry(actor, "organisation", "search")) return sendForbidden(reply);
    const { q, page = 1, pageSize = 20 } = request.query;
    const found = await searchOrganisations(db, { q, scope: registryReadScope(actor, "organisation"), page, pageSize });
    return { items: found.items.map(presentOrganisation), total: found.total, page, pageSize };
  });

  app.post("/organisations", { schema: { tags, body: OrganisationCreateBody, response: { 201: OrganisationResponse, ...errorResponses } } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnRegistry(actor, "organisation", "create")) return sendForbidden(reply);
    const body = request.body;
    const result = await inTransactionWhenOk(db, async (trx) => {
      if (!mayOnRegistry(actor, "organisation", "create", { townCode: body.townCode })) return err(outOfScopeProblem("townCode"));
      return registerOrganisation(trx, commandContext(request, actor), body);
    });
    if (!result.ok) return sendRefusal(reply, result.error);
    return reply.code(201).send(presentOrganisation(result.value));
  });

  app.get("/organisations/:id", { schema: { tags, params: IdParams, response: { 200: OrganisationResponse, ...errorResponses } } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnRegistry(actor, "organisation", "read")) return sendForbidden(reply);
    const organisation = await findOrganisation(db, request.params.id);
    if (!organisation || !mayOnRegistry(actor, "organisation", "read", organisation)) return sendNotFound(reply);
    return presentOrganisation(organisation);
  });

  app.patch("/organisations/:id", { schema: { tags, params: IdParams, body: OrganisationPatchBody, response: { 200: OrganisationResponse, ...errorResponses } } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnRegistry(actor, "organisation", "update")) return sendForbidden(reply);
    const result = await inTransactionWhenOk(db, async (trx) => {
      const current = await findOrganisation(trx, request.params.id);
      if (!current || !mayOnRegistry(actor, "organisation", "read", current)) return err(notFoundProblem);
      if (!mayOnRegistry(actor, "organisation", "update", current)) return err(notFoundProblem);
      return editOrganisation(trx, commandContext(request, actor), current, request.body);
    });
    if (!result.ok) return sendRefusal(reply, result.error);
    return presentOrganisation(result.value);
  });
}
