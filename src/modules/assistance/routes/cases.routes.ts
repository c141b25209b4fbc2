/**
 * Case routes, declared as data: the permission (401/403) and the case as target (one 404 for "missing" and
 * "not yours") are checked by mountRoutes; a write then opens a transaction, re-reads the case with a row lock,
 * runs the command (which writes its audit entry in the transaction) and presents the case.
 */
import { Type, type Static, type TSchema } from "typebox";
import { err, ok, type Problem, type Result } from "../../../core/result";
import { inTransaction, inTransactionWhenOk, type Executor, type Trx } from "../../../db/transaction";
import { commandContext, notFoundProblem } from "../../../platform/http/command-reply";
import { defineRoute, type AnyRoute, type RouteTarget } from "../../../platform/http/route";
import type { Actor } from "../../../platform/roles";
import { findHousehold, findPerson } from "../../registry/repository";
import { decideAppeal, decideCase, fileAppeal } from "../commands/case.decide";
import { adjustCase, recordFraud, recordReview, reportChange, stopCase } from "../commands/case.change";
import {
  recordAppraisal,
  recordInvestigation,
  recordTownOpinion,
  startPublicity,
  withdrawCase,
} from "../commands/case.process";
import { submitCase } from "../commands/case.submit";
import { caseScope, mayOnAssistance, type AssistanceAction } from "../policies";
import { CasePage, CaseResponse, MyCasesResponse } from "../responses";
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
async function isOwnCase(trx: Executor, actor: Actor | null, record: CaseRecord): Promise<boolean> {
  if (!actor?.personId) return false;
  const person = await findPerson(trx, actor.personId);
  return person?.householdId === record.householdId || record.applicantPersonId === actor.personId;
}

/** A case and whether it is the caller's own household's. */
interface CaseTarget {
  record: CaseRecord;
  own: boolean;
}

/** The case of `:id`: in scope for staff who may do `action` on its 镇区, or (when `residentMay`) the resident of its household. */
function caseTarget(action: AssistanceAction, residentMay: boolean): RouteTarget<{ id: string }, unknown, CaseTarget> {
  return {
    resource: "case",
    load: async (executor, { params, actor }) => {
      const record = await findCase(executor, params.id);
      return record ? { record, own: residentMay && (await isOwnCase(executor, actor, record)) } : null;
    },
    inScope: (actor, { record, own }) => mayOnAssistance(actor, action, record) || own,
  };
}

type Writer<B> = (
  trx: Trx,
  context: ReturnType<typeof commandContext>,
  actor: Actor,
  record: CaseRecord,
  body: B,
) => Promise<Result<CaseRecord, Problem>>;

/** One workflow step on a case: its permission, the action staff need on the case's 镇区, and whether its resident may do it too. */
function caseWrite<B extends TSchema>(
  path: string,
  summary: { zh: string; en: string },
  body: B,
  permission: string,
  action: AssistanceAction,
  write: Writer<Static<B>>,
  residentMay = false,
): AnyRoute {
  return defineRoute({
    method: "POST",
    url: `/assistance/cases/:id/${path}`,
    summary,
    tags,
    permission,
    params: IdParams,
    body,
    target: caseTarget(action, residentMay),
    response: { 200: CaseResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) => {
        const input = body as Static<B>;
        const record = await findCase(trx, params.id, { lock: true });
        if (!record) return err(notFoundProblem);
        const staff = mayOnAssistance(actor, action);
        const written = await write(trx, commandContext(request, actor), actor, record, input);
        if (!written.ok) return written;
        return ok(await presentCase(trx, actor, written.value, await caseEvents(trx, written.value.id), !staff));
      }),
  });
}

const WithdrawalBody = Type.Object(
  { reason: Type.String({ minLength: 2, maxLength: 500 }) },
  { additionalProperties: false },
);

/** Case routes: apply, list, read, and every workflow step. */
export const caseRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "POST",
    url: "/assistance/cases",
    summary: {
      zh: "受理低保申请（窗口，或居民为本户网上申请）",
      en: "Open a case (at the counter, or a resident online for their household)",
    },
    tags,
    permission: "assistance.cases.open",
    body: CaseCreateBody,
    response: { 201: CaseResponse },
    command: ({ db, request, actor, body }) => {
      const staff = mayOnAssistance(actor, "case.create");
      return inTransactionWhenOk(db, async (trx) => {
        const household = await findHousehold(trx, body.householdId);
        if (!household) return err({ ...notFoundProblem, field: "householdId" });
        if (staff) {
          if (!mayOnAssistance(actor, "case.create", household))
            return err({ ...notFoundProblem, field: "householdId" });
        } else if (!household.members.some((member) => member.personId === actor.personId)) {
          return err({ ...notFoundProblem, field: "householdId" });
        }
        const submitted = await submitCase(
          trx,
          commandContext(request, actor),
          household,
          body,
          staff ? "counter" : "online",
        );
        if (!submitted.ok) return submitted;
        return ok(await presentCase(trx, actor, submitted.value, await caseEvents(trx, submitted.value.id), !staff));
      });
    },
  }),
  defineRoute({
    method: "GET",
    url: "/assistance/cases",
    summary: { zh: "低保案件列表（镇区工作人员限本镇区）", en: "Cases in the caller's scope (clerks: their town)" },
    tags,
    permission: "assistance.cases.read",
    querystring: CaseListQuery,
    response: { 200: CasePage },
    handler: async ({ db, actor, query }) => {
      const { page = 1, pageSize = 20, state, townCode, q, overdue } = query;
      const found = await listCases(db, {
        scope: caseScope(actor),
        state: state as CaseState | undefined,
        townCode,
        q,
        overdue,
        today: clock.today(),
        page,
        pageSize,
      });
      return { items: found.items.map(presentCaseSummary), total: found.total, page, pageSize };
    },
  }),
  defineRoute({
    method: "GET",
    url: "/assistance/my-cases",
    summary: { zh: "本户的低保案件", en: "My household's cases" },
    tags,
    permission: "assistance.apply",
    response: { 200: MyCasesResponse },
    handler: ({ db, actor }) =>
      inTransaction(db, async (trx) => {
        const person = await findPerson(trx, actor.personId!);
        if (!person?.householdId) return { items: [] };
        const own = [];
        for (const id of await casesOfHousehold(trx, person.householdId)) {
          const record = (await findCase(trx, id))!;
          own.push(await presentCase(trx, actor, record, await caseEvents(trx, record.id), true));
        }
        return { items: own };
      }),
  }),
  defineRoute({
    method: "GET",
    url: "/assistance/cases/:id",
    summary: {
      zh: "查看低保案件（工作人员按范围，居民限本户）",
      en: "Read a case (staff in scope, or the resident of its household)",
    },
    tags,
    permission: "assistance.cases.view",
    params: IdParams,
    target: caseTarget("case.read", true),
    // A staff read of the full case file is in the access log; the resident reading their own case is not.
    accessLog: ({ record, own }) =>
      own
        ? null
        : { action: "case.read", entityType: "assistance_case", entityId: record.id, townCode: record.townCode },
    response: { 200: CaseResponse },
    handler: async ({ db, actor, target: { record } }) =>
      presentCase(db, actor, record, await caseEvents(db, record.id), !mayOnAssistance(actor, "case.read", record)),
  }),
  caseWrite(
    "investigation",
    { zh: "入户调查", en: "Record the home investigation" },
    InvestigationBody,
    "assistance.cases.process",
    "case.process",
    (trx, context, _actor, record, body) => recordInvestigation(trx, context, record, body),
  ),
  caseWrite(
    "appraisal",
    { zh: "民主评议", en: "Record the community appraisal" },
    AppraisalBody,
    "assistance.cases.process",
    "case.process",
    (trx, context, _actor, record, body) => recordAppraisal(trx, context, record, body),
  ),
  caseWrite(
    "town-opinion",
    { zh: "镇街审核意见", en: "Record the town's opinion" },
    TownOpinionBody,
    "assistance.cases.process",
    "case.process",
    (trx, context, _actor, record, body) => recordTownOpinion(trx, context, record, body),
  ),
  caseWrite(
    "publicity",
    { zh: "开始公示", en: "Start the publicity period" },
    PublicityBody,
    "assistance.cases.process",
    "case.process",
    (trx, context, actor, record, body) => startPublicity(trx, context, actor, record, body),
  ),
  caseWrite(
    "decision",
    { zh: "审批决定", en: "Decide the case" },
    DecisionBody,
    "assistance.cases.decide",
    "case.decide",
    (trx, context, actor, record, body) => decideCase(trx, context, actor, record, body),
  ),
  caseWrite(
    "appeal",
    { zh: "提出复核申请", en: "File an appeal" },
    AppealBody,
    "assistance.cases.respond",
    "case.process",
    (trx, context, _actor, record, body) => fileAppeal(trx, context, record, body),
    true,
  ),
  caseWrite(
    "appeal-decision",
    { zh: "复核决定", en: "Decide an appeal" },
    AppealDecisionBody,
    "assistance.cases.decide",
    "case.decide",
    (trx, context, actor, record, body) => decideAppeal(trx, context, actor, record, body),
  ),
  caseWrite(
    "withdrawal",
    { zh: "撤回申请", en: "Withdraw the application" },
    WithdrawalBody,
    "assistance.cases.respond",
    "case.process",
    (trx, context, _actor, record, body) => withdrawCase(trx, context, record, body.reason),
    true,
  ),
  caseWrite(
    "changes",
    { zh: "报告家庭情况变化", en: "Report a change in the household" },
    ChangeReportBody,
    "assistance.cases.respond",
    "case.process",
    (trx, context, _actor, record, body) => reportChange(trx, context, record, body),
    true,
  ),
  caseWrite(
    "reviews",
    { zh: "定期复核", en: "Record a periodic review" },
    ReviewBody,
    "assistance.cases.process",
    "case.process",
    (trx, context, _actor, record, body) => recordReview(trx, context, record, body),
  ),
  caseWrite(
    "adjustments",
    { zh: "调整保障金额", en: "Adjust the benefit" },
    AdjustmentBody,
    "assistance.cases.process",
    "case.process",
    (trx, context, _actor, record, body) => adjustCase(trx, context, record, body),
  ),
  caseWrite(
    "stop",
    { zh: "停发", en: "Stop the benefit" },
    StopBody,
    "assistance.cases.decide",
    "case.decide",
    (trx, context, _actor, record, body) => stopCase(trx, context, record, body),
  ),
  caseWrite(
    "fraud",
    { zh: "记录骗保", en: "Record fraud" },
    FraudBody,
    "assistance.cases.decide",
    "case.decide",
    (trx, context, _actor, record, body) => recordFraud(trx, context, record, body),
  ),
];
