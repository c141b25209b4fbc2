import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { err, type Result } from "../../../core/result";
import { inTransaction, inTransactionWhenOk, type Trx } from "../../../db/transaction";
import { commandContext, notFoundProblem, outOfScopeProblem, sendRefusal } from "../../../platform/http/command-reply";
import { requireActor, sendForbidden, sendNotFound } from "../../../platform/http/request-context";
import type { ModuleDependencies } from "../../../platform/module";
import type { Actor } from "../../../platform/roles";
import { editHousehold } from "../commands/household.edit";
import { addMember, endMembership } from "../commands/household.members";
import { registerHousehold } from "../commands/household.register";
import { recordFullRead } from "../commands/record.read";
import { mayOnRegistry, registryReadScope, seesFullRecord } from "../policies";
import { presentHistoryEntry, presentHousehold, presentHouseholdSummary } from "../presenters";
import { findHousehold, searchHouseholds, type HouseholdRecord } from "../repository";
import { HouseholdCreateBody, HouseholdPatchBody, IdParams, MemberAddBody, MemberParams, SearchQuery } from "../schemas";
import { loadHistory } from "./history";
import { errorResponses } from "../../../platform/http/response-schemas";
import { HistoryResponse, HouseholdPage, HouseholdResponse } from "../responses";

const tags = ["registry"];

/** Loads a household the actor may change, or the single not-found answer. */
async function loadWritable(trx: Trx, actor: Actor, id: string): Promise<Result<HouseholdRecord>> {
  const household = await findHousehold(trx, id);
  if (!household || !mayOnRegistry(actor, "household", "read", household)) return err(notFoundProblem);
  if (!mayOnRegistry(actor, "household", "update", household)) return err(notFoundProblem);
  return { ok: true, value: household };
}

/** Household routes: search, register, read (logged), edit with version, members, history. */
export function householdRoutes(instance: FastifyInstance, { db }: ModuleDependencies): void {
  /** Runs one change of a household the caller may change: 403 for a role that never may, the single 404, a refusal, or the household. */
  const changeHousehold = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    status: 200 | 201,
    change: (trx: Trx, context: ReturnType<typeof commandContext>, household: HouseholdRecord) => Promise<Result<HouseholdRecord>>,
  ) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnRegistry(actor, "household", "update")) return sendForbidden(reply);
    const result = await inTransactionWhenOk(db, async (trx) => {
      const current = await loadWritable(trx, actor, id);
      if (!current.ok) return current;
      return change(trx, commandContext(request, actor), current.value);
    });
    if (!result.ok) return sendRefusal(reply, result.error);
    return reply.code(status).send(presentHousehold(actor, result.value));
  };

  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get("/households", { schema: { tags, querystring: SearchQuery, response: { 200: HouseholdPage, ...errorResponses } } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnRegistry(actor, "household", "search")) return sendForbidden(reply);
    const { q, page = 1, pageSize = 20 } = request.query;
    const found = await searchHouseholds(db, { q, scope: registryReadScope(actor, "household"), page, pageSize });
    return { items: found.items.map(presentHouseholdSummary), total: found.total, page, pageSize };
  });

  app.post("/households", { schema: { tags, body: HouseholdCreateBody, response: { 201: HouseholdResponse, ...errorResponses } } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnRegistry(actor, "household", "create")) return sendForbidden(reply);
    const body = request.body;
    const result = await inTransactionWhenOk(db, async (trx) => {
      if (!mayOnRegistry(actor, "household", "create", { townCode: body.townCode })) return err(outOfScopeProblem("townCode"));
      return registerHousehold(trx, commandContext(request, actor), body);
    });
    if (!result.ok) return sendRefusal(reply, result.error);
    return reply.code(201).send(presentHousehold(actor, result.value));
  });

  app.get("/households/:id", { schema: { tags, params: IdParams, response: { 200: HouseholdResponse, ...errorResponses } } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnRegistry(actor, "household", "read")) return sendForbidden(reply);
    const presented = await inTransaction(db, async (trx) => {
      const household = await findHousehold(trx, request.params.id);
      if (!household || !mayOnRegistry(actor, "household", "read", household)) return null;
      await recordFullRead(trx, commandContext(request, actor), {
        entityType: "household",
        entityId: household.id,
        townCode: household.townCode,
      });
      return presentHousehold(actor, household);
    });
    return presented ?? sendNotFound(reply);
  });

  app.patch("/households/:id", { schema: { tags, params: IdParams, body: HouseholdPatchBody, response: { 200: HouseholdResponse, ...errorResponses } } }, async (request, reply) =>
    changeHousehold(request, reply, request.params.id, 200, (trx, context, household) => editHousehold(trx, context, household, request.body)),
  );

  app.post("/households/:id/members", { schema: { tags, params: IdParams, body: MemberAddBody, response: { 201: HouseholdResponse, ...errorResponses } } }, async (request, reply) =>
    changeHousehold(request, reply, request.params.id, 201, (trx, context, household) => addMember(trx, context, household, request.body)),
  );

  app.delete("/households/:id/members/:personId", { schema: { tags, params: MemberParams, response: { 200: HouseholdResponse, ...errorResponses } } }, async (request, reply) =>
    changeHousehold(request, reply, request.params.id, 200, (trx, context, household) => endMembership(trx, context, household, request.params.personId)),
  );

  app.get("/households/:id/history", { schema: { tags, params: IdParams, response: { 200: HistoryResponse, ...errorResponses } } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnRegistry(actor, "household", "read")) return sendForbidden(reply);
    const household = await findHousehold(db, request.params.id);
    if (!household || !mayOnRegistry(actor, "household", "read", household)) return sendNotFound(reply);
    const entries = await loadHistory(db, "household", household.id);
    return { items: entries.map((entry) => presentHistoryEntry(entry, seesFullRecord(actor, household))) };
  });
}
