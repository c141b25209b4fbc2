import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { err } from "../../../core/result";
import { inTransactionWhenOk } from "../../../db/transaction";
import { commandContext, notFoundProblem, sendRefusal } from "../../../platform/http/command-reply";
import { requireActor, sendForbidden } from "../../../platform/http/request-context";
import type { ModuleDependencies } from "../../../platform/module";
import { listObjections, objectionDeadline } from "../../../platform/publicity/publicity.objections";
import { verifierDepartments } from "../../../platform/publicity/publicity.policy";
import { presentObjection } from "../../../platform/publicity/publicity.presenters";
import { hasRole, townsWithRole } from "../../../platform/roles";
import { reportDeduction } from "../commands/deduction";
import { decideFact } from "../commands/facts";
import { pointsDb } from "../points.tables";
import { defaultPolicyId } from "../points.scoring";
import { mayAdministerPoints, mayDecideForDepartment, mayReportDeduction } from "../policies";
import { presentFact } from "../presenters";
import { findFact, type FactRecord } from "../repository";
import { DecideBody, DeductionBody, IdParams } from "../schemas";
import { clock } from "../../../core/clock";

const tags = ["points"];

/** A queue item: the fact with its current deadline and whether it is overdue. */
function queueItem(fact: FactRecord, today: string) {
  const due = fact.status === "declared" ? fact.forward_due : fact.check_due;
  return { ...presentFact(fact), stage: fact.status === "declared" ? "forward" : "check", due, overdue: due !== null && today > due };
}

/** Verification routes: the department queue (Impl. Art. 15), decisions, deduction events, and escalation of overdue items. */
export function verificationRoutes(instance: FastifyInstance, { db }: ModuleDependencies): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get("/points/verification/queue", { schema: { tags } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const today = clock.today();
    const facts = pointsDb(db).selectFrom("points_facts").selectAll().orderBy("check_due").orderBy("forward_due").orderBy("id").limit(500);
    if (hasRole(actor, "verifier")) {
      const departments = verifierDepartments(actor);
      let query = facts.where("status", "=", "with_department");
      if (departments !== "all") query = departments.length ? query.where("department_code", "in", departments) : query.where("department_code", "=", "");
      const objections = await listObjections(db, { ...(departments === "all" ? {} : { departmentCodes: departments }), statuses: ["forwarded"] });
      return { facts: (await query.execute()).map((fact) => queueItem(fact, today)), objections: objections.map((objection) => presentObjection(objection, today)) };
    }
    if (hasRole(actor, "clerk")) {
      const towns = townsWithRole(actor, "clerk");
      const query = facts.where("status", "=", "declared").where("town_code", "in", towns.length ? towns : [""]);
      const objections = await listObjections(db, { townCodes: towns, statuses: ["received"] });
      return { facts: (await query.execute()).map((fact) => queueItem(fact, today)), objections: objections.map((objection) => presentObjection(objection, today)) };
    }
    return sendForbidden(reply);
  });

  app.get("/points/verification/overdue", { schema: { tags } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayAdministerPoints(actor)) return sendForbidden(reply);
    const today = clock.today();
    const facts = await pointsDb(db).selectFrom("points_facts").selectAll()
      .where((eb) => eb.or([eb.and([eb("status", "=", "declared"), eb("forward_due", "<", today)]), eb.and([eb("status", "=", "with_department"), eb("check_due", "<", today)])]))
      .orderBy("forward_due").limit(500).execute();
    const objections = (await listObjections(db, { statuses: ["received", "forwarded"] })).filter((objection) => objectionDeadline(objection, today).overdue);
    return { facts: facts.map((fact) => queueItem(fact, today)), objections: objections.map((objection) => presentObjection(objection, today)) };
  });

  app.post("/points/facts/:id/decide", { schema: { tags, params: IdParams, body: DecideBody } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!hasRole(actor, "verifier")) return sendForbidden(reply);
    const result = await inTransactionWhenOk(db, async (trx) => {
      const fact = await findFact(trx, request.params.id);
      if (!fact || !mayDecideForDepartment(actor, fact.department_code)) return err(notFoundProblem);
      return decideFact(trx, commandContext(request, actor), fact, request.body, defaultPolicyId);
    });
    if (!result.ok) return sendRefusal(reply, result.error);
    return presentFact(result.value);
  });

  app.post("/points/deductions", { schema: { tags, body: DeductionBody } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayReportDeduction(actor)) return sendForbidden(reply);
    const result = await inTransactionWhenOk(db, (trx) => reportDeduction(trx, commandContext(request, actor), request.body, verifierDepartments(actor)));
    if (!result.ok) return sendRefusal(reply, result.error);
    return reply.code(201).send(result.value);
  });
}
