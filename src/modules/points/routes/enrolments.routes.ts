import { err } from "../../../core/result";
import type { Executor } from "../../../db/transaction";
import { inTransactionWhenOk } from "../../../db/transaction";
import { commandContext, notFoundProblem, outOfScopeProblem, sendRefusal } from "../../../platform/http/command-reply";
import { sendError, sendNotFound } from "../../../platform/http/request-context";
import { defineRoute, type AnyRoute } from "../../../platform/http/route";
import { hasRole, type Actor } from "../../../platform/roles";
import { holdsRoleInTown } from "../../../platform/access/scope";
import { enrol, recordFraud } from "../commands/enrolment";
import { confirmFact, declareFact, sendFact } from "../commands/facts";
import { defaultPolicyId } from "../points.scoring";
import { countingFacts, scoreBreakdown } from "../commands/scores";
import { mayOnEnrolment } from "../policies";
import {
  messages,
  presentApplication,
  presentEnrolment,
  presentFact,
  publishedResult,
  scoreHistory,
} from "../presenters";
import {
  findEnrolment,
  findEnrolmentOfPerson,
  findFact,
  findFacts,
  selectApplications,
  type EnrolmentRecord,
} from "../repository";
import { CaseFileResponse, EnrolmentResponse, FactResponse } from "../responses";
import { EnrolBody, FactBody, FactParams, FraudBody, IdParams, PersonQuery } from "../schemas";
import { counterFactTarget, enrolmentOfPersonTarget, enrolmentTarget } from "./targets";
import { ledgerFactsOf } from "../../participation/facts";
import { clock } from "../../../core/clock";

const tags = ["points"];

/** The whole case file of an enrolment: header, facts, applications with history and published result, messages. */
export async function caseFile(executor: Executor, actor: Actor, enrolment: EnrolmentRecord) {
  const applications = await selectApplications(executor)
    .where("a.enrolment_id", "=", enrolment.id)
    .orderBy("a.applied_at")
    .execute();
  const presented = [];
  const facts = applications.length ? await countingFacts(executor, enrolment.id) : {};
  for (const application of applications) {
    presented.push({
      ...presentApplication(actor, application),
      history: await scoreHistory(executor, application.id),
      breakdown: await scoreBreakdown(executor, application, facts),
      result: await publishedResult(executor, application.cycle_id, application.id),
    });
  }
  return {
    enrolment: presentEnrolment(actor, enrolment),
    facts: (await findFacts(executor, enrolment.id)).map(presentFact),
    applications: presented,
    messages: await messages(executor, enrolment.id),
    volunteerLedger: (await ledgerFactsOf(executor, enrolment.person_id, clock.today())) ?? [],
  };
}

const presentEnrolmentFor = (enrolment: EnrolmentRecord, { actor }: { actor: Actor }) =>
  presentEnrolment(actor, enrolment);

/** Enrolment routes: enrol (Reg. Art. 2), the case file, facts with evidence, counter checks, fraud. */
export const enrolmentRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "POST",
    url: "/points/enrolments",
    summary: {
      zh: "积分登记（居民本人，或窗口为本镇区居民代办）",
      en: "Enrol in the points scheme (a resident, or a clerk for a resident of their town)",
    },
    tags,
    permission: "points.enrol",
    body: EnrolBody,
    response: { 201: EnrolmentResponse },
    handler: async ({ db, request, reply, actor, body }) => {
      const staff = hasRole(actor, "clerk") || hasRole(actor, "programme_admin");
      const personId = staff ? body.personId : actor.personId;
      if (!personId)
        return sendError(reply, 400, "validation_failed", "personId: 请指定人员 (name the person)", {
          personId: "required",
        });
      const result = await inTransactionWhenOk(db, async (trx) => {
        const person = await trx
          .selectFrom("persons")
          .select(["id", "town_code"])
          .where("id", "=", personId)
          .executeTakeFirst();
        if (!person) return err(notFoundProblem);
        if (staff && !hasRole(actor, "programme_admin") && !holdsRoleInTown(actor, "clerk", person.town_code))
          return err(outOfScopeProblem("personId"));
        return enrol(trx, commandContext(request, actor), {
          personId,
          residencePermitNumber: body.residencePermitNumber,
          workStartedOn: body.workStartedOn,
        });
      });
      if (!result.ok) return sendRefusal(reply, result.error);
      return presentEnrolment(actor, result.value);
    },
  }),
  defineRoute({
    method: "GET",
    url: "/points/me",
    summary: { zh: "我的积分档案", en: "My points case file" },
    tags,
    permission: "points.own",
    response: { 200: CaseFileResponse },
    handler: async ({ db, reply, actor }) => {
      if (!actor.personId) return sendNotFound(reply);
      const enrolment = await findEnrolmentOfPerson(db, actor.personId);
      return enrolment ? caseFile(db, actor, enrolment) : sendNotFound(reply);
    },
  }),
  defineRoute({
    method: "GET",
    url: "/points/enrolments",
    summary: { zh: "按人员查找积分登记", en: "Find a person's enrolment" },
    tags,
    permission: "points.enrolments.read",
    querystring: PersonQuery,
    target: enrolmentOfPersonTarget,
    response: { 200: EnrolmentResponse },
    handler: ({ actor, target }) => presentEnrolment(actor, target),
  }),
  defineRoute({
    method: "GET",
    url: "/points/enrolments/:id",
    summary: {
      zh: "积分档案：登记、事实、申请、消息",
      en: "An enrolment's case file: header, facts, applications, messages",
    },
    tags,
    permission: "points.enrolments.read",
    params: IdParams,
    target: enrolmentTarget("read"),
    // A staff read of the case file is in the access log; the resident reading their own is not.
    accessLog: (enrolment, actor) =>
      actor.personId === enrolment.person_id
        ? null
        : {
            action: "enrolment.read",
            entityType: "points_enrolment",
            entityId: enrolment.id,
            townCode: enrolment.town_code,
          },
    response: { 200: CaseFileResponse },
    handler: ({ db, actor, target }) => caseFile(db, actor, target),
  }),
  defineRoute({
    method: "PUT",
    url: "/points/enrolments/:id/facts/:fact",
    summary: { zh: "申报或更正一项积分事实（附证明材料）", en: "Declare or correct a fact, with evidence" },
    tags,
    permission: "points.declare",
    params: FactParams,
    body: FactBody,
    target: enrolmentTarget("declare"),
    response: { 200: FactResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) => {
        const enrolment = await findEnrolment(trx, params.id);
        if (!enrolment) return err(notFoundProblem);
        const by = mayOnEnrolment(actor, "counter", enrolment) ? "clerk" : "resident";
        return declareFact(
          trx,
          commandContext(request, actor),
          enrolment,
          { fact: params.fact, ...body },
          by,
          defaultPolicyId,
        );
      }),
    present: presentFact,
  }),
  ...(
    [
      ["confirm", confirmFact, { zh: "窗口确认事实", en: "Confirm a fact at the counter" }],
      ["send", sendFact, { zh: "将事实送主管部门核查", en: "Send a fact to its department for checking" }],
    ] as const
  ).map(([path, command, summary]) =>
    defineRoute({
      method: "POST",
      url: `/points/facts/:id/${path}`,
      summary,
      tags,
      permission: "points.counter",
      params: IdParams,
      target: counterFactTarget,
      response: { 200: FactResponse },
      command: ({ db, request, actor, params }) =>
        inTransactionWhenOk(db, async (trx) => {
          const fact = await findFact(trx, params.id);
          if (!fact) return err(notFoundProblem);
          return command(trx, commandContext(request, actor), fact);
        }),
      present: presentFact,
    }),
  ),
  defineRoute({
    method: "POST",
    url: "/points/enrolments/:id/fraud",
    summary: { zh: "记录失信（取消资格）", en: "Record fraud (bars the enrolment)" },
    tags,
    permission: "points.counter",
    params: IdParams,
    body: FraudBody,
    target: enrolmentTarget("counter"),
    response: { 200: EnrolmentResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) => {
        const enrolment = await findEnrolment(trx, params.id);
        if (!enrolment) return err(notFoundProblem);
        return recordFraud(trx, commandContext(request, actor), enrolment, body.reason);
      }),
    present: presentEnrolmentFor,
  }),
];
