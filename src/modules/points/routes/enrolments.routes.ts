import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { err } from "../../../core/result";
import type { Executor } from "../../../db/transaction";
import { inTransactionWhenOk } from "../../../db/transaction";
import { commandContext, notFoundProblem, outOfScopeProblem, sendRefusal } from "../../../platform/http/command-reply";
import { requireActor, sendError, sendForbidden, sendNotFound } from "../../../platform/http/request-context";
import type { ModuleDependencies } from "../../../platform/module";
import { hasRole, type Actor } from "../../../platform/roles";
import { holdsRoleInTown } from "../../../platform/access/scope";
import { enrol, recordFraud } from "../commands/enrolment";
import { confirmFact, declareFact, sendFact } from "../commands/facts";
import { pointsDb } from "../points.tables";
import { defaultPolicyId } from "../points.scoring";
import { mayEnrol, mayOnEnrolment } from "../policies";
import { messages, presentApplication, presentEnrolment, presentFact, publishedResult, scoreHistory } from "../presenters";
import { findEnrolment, findEnrolmentOfPerson, findFact, findFacts, type EnrolmentRecord } from "../repository";
import { EnrolBody, FactBody, FactParams, FraudBody, IdParams, PersonQuery } from "../schemas";

const tags = ["points"];

/** The whole case file of an enrolment: header, facts, applications with history and published result, messages. */
export async function caseFile(executor: Executor, actor: Actor, enrolment: EnrolmentRecord) {
  const applications = await pointsDb(executor).selectFrom("points_applications").selectAll().where("enrolment_id", "=", enrolment.id).orderBy("applied_at").execute();
  const presented = [];
  for (const application of applications) {
    presented.push({ ...presentApplication(actor, application), history: await scoreHistory(executor, application.id), result: await publishedResult(executor, application.cycle_id, application.id) });
  }
  return { enrolment: presentEnrolment(actor, enrolment), facts: (await findFacts(executor, enrolment.id)).map(presentFact), applications: presented, messages: await messages(executor, enrolment.id) };
}

/** Enrolment routes: enrol (Reg. Art. 2), the case file, facts with evidence, counter checks, fraud. */
export function enrolmentRoutes(instance: FastifyInstance, { db }: ModuleDependencies): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.post("/points/enrolments", { schema: { tags, body: EnrolBody } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayEnrol(actor)) return sendForbidden(reply);
    const staff = hasRole(actor, "clerk") || hasRole(actor, "programme_admin");
    const personId = staff ? request.body.personId : actor.personId;
    if (!personId) return sendError(reply, 400, "validation_failed", "personId: 请指定人员 (name the person)", { personId: "required" });
    const result = await inTransactionWhenOk(db, async (trx) => {
      const person = await trx.selectFrom("persons").select(["id", "town_code"]).where("id", "=", personId).executeTakeFirst();
      if (!person) return err(notFoundProblem);
      if (staff && !hasRole(actor, "programme_admin") && !holdsRoleInTown(actor, "clerk", person.town_code)) return err(outOfScopeProblem("personId"));
      return enrol(trx, commandContext(request, actor), { personId, residencePermitNumber: request.body.residencePermitNumber, workStartedOn: request.body.workStartedOn });
    });
    if (!result.ok) return sendRefusal(reply, result.error);
    return reply.code(201).send(presentEnrolment(actor, result.value));
  });

  app.get("/points/me", { schema: { tags } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!actor.personId) return sendNotFound(reply);
    const enrolment = await findEnrolmentOfPerson(db, actor.personId);
    return enrolment ? caseFile(db, actor, enrolment) : sendNotFound(reply);
  });

  app.get("/points/enrolments", { schema: { tags, querystring: PersonQuery } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const enrolment = await findEnrolmentOfPerson(db, request.query.personId);
    if (!enrolment || !mayOnEnrolment(actor, "read", enrolment)) return sendNotFound(reply);
    return presentEnrolment(actor, enrolment);
  });

  app.get("/points/enrolments/:id", { schema: { tags, params: IdParams } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const enrolment = await findEnrolment(db, request.params.id);
    if (!enrolment || !mayOnEnrolment(actor, "read", enrolment)) return sendNotFound(reply);
    return caseFile(db, actor, enrolment);
  });

  app.put("/points/enrolments/:id/facts/:fact", { schema: { tags, params: FactParams, body: FactBody } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const result = await inTransactionWhenOk(db, async (trx) => {
      const enrolment = await findEnrolment(trx, request.params.id);
      if (!enrolment || !mayOnEnrolment(actor, "declare", enrolment)) return err(notFoundProblem);
      const by = mayOnEnrolment(actor, "counter", enrolment) ? "clerk" : "resident";
      return declareFact(trx, commandContext(request, actor), enrolment, { fact: request.params.fact, ...request.body }, by, defaultPolicyId);
    });
    if (!result.ok) return sendRefusal(reply, result.error);
    return presentFact(result.value);
  });

  for (const [path, command] of [["confirm", confirmFact], ["send", sendFact]] as const) {
    app.post(`/points/facts/:id/${path}`, { schema: { tags, params: IdParams } }, async (request, reply) => {
      const actor = requireActor(request, reply);
      if (!actor) return reply;
      const result = await inTransactionWhenOk(db, async (trx) => {
        const fact = await findFact(trx, request.params.id);
        const enrolment = fact ? await findEnrolment(trx, fact.enrolment_id) : undefined;
        if (!fact || !enrolment || !mayOnEnrolment(actor, "counter", enrolment)) return err(notFoundProblem);
        return command(trx, commandContext(request, actor), fact);
      });
      if (!result.ok) return sendRefusal(reply, result.error);
      return presentFact(result.value);
    });
  }

  app.post("/points/enrolments/:id/fraud", { schema: { tags, params: IdParams, body: FraudBody } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const result = await inTransactionWhenOk(db, async (trx) => {
      const enrolment = await findEnrolment(trx, request.params.id);
      if (!enrolment || !mayOnEnrolment(actor, "counter", enrolment)) return err(notFoundProblem);
      return recordFraud(trx, commandContext(request, actor), enrolment, request.body.reason);
    });
    if (!result.ok) return sendRefusal(reply, result.error);
    return presentEnrolment(actor, result.value);
  });
}
