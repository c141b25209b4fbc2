/**
 * Case routes. Each request reads top to bottom: authenticate → validate (TypeBox) → open a transaction →
 * load the case (row lock for writes) → authorize (pure policy; one 404 for "missing" and "not yours") →
 * command (writes its audit entry in the transaction) → present.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { err, ok, type Problem, type Result } from "../../../core/result";
import { inTransaction, inTransactionWhenOk, type Trx } from "../../../db/transaction";
import { commandContext, notFoundProblem, sendRefusal } from "../../../platform/http/command-reply";
import { requireActor, sendForbidden, sendNotFound } from "../../../platform/http/request-context";
import type { ModuleDependencies } from "../../../platform/module";
import type { Actor } from "../../../platform/roles";
import { findHousehold, findPerson } from "../../registry/repository";
import { decideAppeal, decideCase, fileAppeal } from "../commands/case.decide";
import { adjustCase, recordFraud, recordReview, reportChange, stopCase } from "../commands/case.change";
import { recordAppraisal, recordInvestigation, recordTownOpinion, startPublicity, withdrawCase } from "../commands/case.process";
import { submitCase } from "../commands/case.submit";
import { caseScope, mayApplyOnline, mayOnAssistance, type AssistanceAction } from "../policies";
import { presentCase, presentCaseSummary } from "../presenters";
import { caseEvents, casesOfHousehold, findCase, listCases, type CaseRecord } from "../repository";
import {
  AdjustmentBody,
  AppealBody,
  AppealDecisionBody,
  AppraisalBody,
  CaseCreateBody,
  CaseListQuery,
  ChangeReportBody,
  DecisionBody,
  FraudBody,
  IdParams,
  InvestigationBody,
  PublicityBody,
  ReviewBody,
  StopBody,
  TownOpinionBody,
} from "../schemas";
import type { CaseState } from "../tables";
import { clock } from "../../../core/clock";

const tags = ["assistance"];

/** Whether the resident's own household is the case's household. */
async function isOwnCase(trx: Trx, actor: Actor, record: CaseRecord): Promise<boolean> {
  if (!actor.personId) return false;
  const person = await findPerson(trx, actor.personId);
  return person?.householdId === record.householdId || record.applicantPersonId === actor.personId;
}

type Writer = (trx: Trx, actor: Actor, record: CaseRecord, request: FastifyRequest) => Promise<Result<CaseRecord, Problem>>;

/** One write route on a case: the action it needs, and whether the resident of the household may do it too. */
function caseWrite(app: FastifyInstance, db: ModuleDependencies["db"], path: string, body: object, action: AssistanceAction, write: Writer, residentMay = false) {
  app.post(`/assistance/cases/:id/${path}`, { schema: { tags, params: IdParams, body } }, async (request: FastifyRequest, reply: FastifyReply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const staff = mayOnAssistance(actor, action);
    if (!staff && !(residentMay && mayApplyOnline(actor))) return sendForbidden(reply);
    const { id } = request.params as { id: string };
    const result = await inTransactionWhenOk(db, async (trx) => {
      const record = await findCase(trx, id, { lock: true });
      if (!record) return err(notFoundProblem);
      const allowed = mayOnAssistance(actor, action, record) || (residentMay && (await isOwnCase(trx, actor, record)));
      if (!allowed) return err(notFoundProblem);
      const written = await write(trx, actor, record, request);
      if (!written.ok) return written;
      return ok(await presentCase(trx, actor, written.value, await caseEvents(trx, written.value.id), !staff));
    });
    if (!result.ok) return sendRefusal(reply, result.error);
    return reply.code(200).send(result.value);
  });
}

/** Case routes: apply, list, read, and every workflow step. */
export function caseRoutes(instance: FastifyInstance, { db }: ModuleDependencies): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.post("/assistance/cases", { schema: { tags, body: CaseCreateBody } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const staff = mayOnAssistance(actor, "case.create");
    if (!staff && !mayApplyOnline(actor)) return sendForbidden(reply);
    const result = await inTransactionWhenOk(db, async (trx) => {
      const household = await findHousehold(trx, request.body.householdId);
      if (!household) return err({ ...notFoundProblem, field: "householdId" });
      if (staff) {
        if (!mayOnAssistance(actor, "case.create", household)) return err({ ...notFoundProblem, field: "householdId" });
      } else if (!household.members.some((member) => member.personId === actor.personId)) {
        return err({ ...notFoundProblem, field: "householdId" });
      }
      const submitted = await submitCase(trx, commandContext(request, actor), household, request.body, staff ? "counter" : "online");
      if (!submitted.ok) return submitted;
      return ok(await presentCase(trx, actor, submitted.value, await caseEvents(trx, submitted.value.id), !staff));
    });
    if (!result.ok) return sendRefusal(reply, result.error);
    return reply.code(201).send(result.value);
  });

  app.get("/assistance/cases", { schema: { tags, querystring: CaseListQuery } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayOnAssistance(actor, "case.read")) return sendForbidden(reply);
    const { page = 1, pageSize = 20, state, townCode, q, overdue } = request.query;
    const found = await listCases(db, { scope: caseScope(actor), state: state as CaseState | undefined, townCode, q, overdue, today: clock.today(), page, pageSize });
    return { items: found.items.map(presentCaseSummary), total: found.total, page, pageSize };
  });

  app.get("/assistance/my-cases", { schema: { tags } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    if (!mayApplyOnline(actor)) return sendForbidden(reply);
    return inTransaction(db, async (trx) => {
      const person = await findPerson(trx, actor.personId!);
      if (!person?.householdId) return { items: [] };
      const own = [];
      for (const id of await casesOfHousehold(trx, person.householdId)) {
        const record = (await findCase(trx, id))!;
        own.push(await presentCase(trx, actor, record, await caseEvents(trx, record.id), true));
      }
      return { items: own };
    });
  });

  app.get("/assistance/cases/:id", { schema: { tags, params: IdParams } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    const staff = mayOnAssistance(actor, "case.read");
    if (!staff && !mayApplyOnline(actor)) return sendForbidden(reply);
    const presented = await inTransaction(db, async (trx) => {
      const record = await findCase(trx, request.params.id);
      if (!record) return null;
      if (!mayOnAssistance(actor, "case.read", record) && !(await isOwnCase(trx, actor, record))) return null;
      return presentCase(trx, actor, record, await caseEvents(trx, record.id), !mayOnAssistance(actor, "case.read", record));
    });
    return presented ?? sendNotFound(reply);
  });

  const context = (request: FastifyRequest, actor: Actor) => commandContext(request, actor);
  caseWrite(app, db, "investigation", InvestigationBody, "case.process", (trx, actor, record, request) =>
    recordInvestigation(trx, context(request, actor), record, request.body as InvestigationBody));
  caseWrite(app, db, "appraisal", AppraisalBody, "case.process", (trx, actor, record, request) =>
    recordAppraisal(trx, context(request, actor), record, request.body as AppraisalBody));
  caseWrite(app, db, "town-opinion", TownOpinionBody, "case.process", (trx, actor, record, request) =>
    recordTownOpinion(trx, context(request, actor), record, request.body as TownOpinionBody));
  caseWrite(app, db, "publicity", PublicityBody, "case.process", (trx, actor, record, request) =>
    startPublicity(trx, context(request, actor), actor, record, request.body as PublicityBody));
  caseWrite(app, db, "decision", DecisionBody, "case.decide", (trx, actor, record, request) =>
    decideCase(trx, context(request, actor), actor, record, request.body as DecisionBody));
  caseWrite(app, db, "appeal", AppealBody, "case.process", (trx, actor, record, request) =>
    fileAppeal(trx, context(request, actor), record, request.body as AppealBody), true);
  caseWrite(app, db, "appeal-decision", AppealDecisionBody, "case.decide", (trx, actor, record, request) =>
    decideAppeal(trx, context(request, actor), actor, record, request.body as AppealDecisionBody));
  caseWrite(app, db, "withdrawal", { type: "object", properties: { reason: { type: "string", minLength: 2, maxLength: 500 } }, required: ["reason"], additionalProperties: false }, "case.process",
    (trx, actor, record, request) => withdrawCase(trx, context(request, actor), record, (request.body as { reason: string }).reason), true);
  caseWrite(app, db, "changes", ChangeReportBody, "case.process", (trx, actor, record, request) =>
    reportChange(trx, context(request, actor), record, request.body as ChangeReportBody), true);
  caseWrite(app, db, "reviews", ReviewBody, "case.process", (trx, actor, record, request) =>
    recordReview(trx, context(request, actor), record, request.body as ReviewBody));
  caseWrite(app, db, "adjustments", AdjustmentBody, "case.process", (trx, actor, record, request) =>
    adjustCase(trx, context(request, actor), record, request.body as AdjustmentBody));
  caseWrite(app, db, "stop", StopBody, "case.decide", (trx, actor, record, request) =>
    stopCase(trx, context(request, actor), record, request.body as StopBody));
  caseWrite(app, db, "fraud", FraudBody, "case.decide", (trx, actor, record, request) =>
    recordFraud(trx, context(request, actor), record, request.body as FraudBody));
}
