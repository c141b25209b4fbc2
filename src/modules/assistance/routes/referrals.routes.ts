/**
 * Referral routes (转介): items another module forwards for the assistance desk's decision (a services vendor's
 * recommendation that a household receives 低保). Clerks of the referral's 镇区 and programme admins list, read,
 * accept (opening the household's application, or linking a case already open) and decline; anyone else in scope
 * gets the single 404. A write re-reads the referral with a row lock inside its transaction.
 */
import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import { err, type Result } from "../../../core/result";
import type { Database } from "../../../db/schema";
import { inTransactionWhenOk, type Executor, type Trx } from "../../../db/transaction";
import type { CommandContext } from "../../../platform/commands/context";
import { townScope } from "../../../platform/access/scope";
import { commandContext, notFoundProblem } from "../../../platform/http/command-reply";
import { defineRoute, type AnyRoute } from "../../../platform/http/route";
import { acceptReferralWithApplication, acceptReferralWithCase, declineReferral } from "../commands/referral.commands";
import { mayOnAssistance } from "../policies";
import { presentReferral } from "../referrals.presenters";
import { findReferral, listReferrals, type ReferralRecord } from "../referrals.repository";
import type { Actor } from "../../../platform/roles";
import { ReferralResponse, ReferralsResponse } from "../responses";
import { CaseCreateBody, IdParams, ReferralDeclineBody, ReferralLinkBody, ReferralListQuery } from "../schemas";

const tags = ["assistance"];
const permission = "assistance.referrals";

/** The referral of `:id`, in scope for its 镇区's clerks and the programme admins. */
const referralTarget = {
  resource: "referral",
  load: (executor: Executor, { params }: { params: { id: string } }) => findReferral(executor, params.id),
  inScope: (actor: Parameters<typeof mayOnAssistance>[0], referral: { townCode: string }) =>
    mayOnAssistance(actor, "case.create", referral),
};

/**
 * The command of a decision route: the referral re-read with a row lock in the route's transaction (the single
 * 404 if it is gone), then the decision.
 */
function onLockedReferral<Body>(
  decide: (trx: Trx, context: CommandContext, referral: ReferralRecord, body: Body) => Promise<Result<ReferralRecord>>,
) {
  return ({
    db,
    request,
    actor,
    params,
    body,
  }: {
    db: Kysely<Database>;
    request: FastifyRequest;
    actor: Actor;
    params: { id: string };
    body: Body;
  }): Promise<Result<ReferralRecord>> =>
    inTransactionWhenOk(db, async (trx) => {
      const referral = await findReferral(trx, params.id, { lock: true });
      if (!referral) return err(notFoundProblem);
      return decide(trx, commandContext(request, actor), referral, body);
    });
}

export const referralRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "GET",
    url: "/assistance/referrals",
    summary: {
      zh: "转介到低保的事项（镇区工作人员限本镇区）",
      en: "Referrals into assistance (clerks: their town)",
    },
    tags,
    permission,
    querystring: ReferralListQuery,
    response: { 200: ReferralsResponse },
    handler: async ({ db, actor, query }) => ({
      items: (
        await listReferrals(db, { scope: townScope(actor, ["programme_admin"], ["clerk"]), status: query.status })
      ).map(presentReferral),
    }),
  }),
  defineRoute({
    method: "GET",
    url: "/assistance/referrals/:id",
    summary: { zh: "查看一项转介", en: "Read a referral" },
    tags,
    permission,
    params: IdParams,
    target: referralTarget,
    response: { 200: ReferralResponse },
    handler: ({ target }) => presentReferral(target),
  }),
  defineRoute({
    method: "POST",
    url: "/assistance/referrals/:id/acceptance",
    summary: {
      zh: "受理转介：为该户受理低保申请（与窗口受理相同），转介随之生效",
      en: "Accept a referral by opening the household's application (as at the counter); only then it takes effect",
    },
    tags,
    permission,
    params: IdParams,
    body: CaseCreateBody,
    target: referralTarget,
    response: { 200: ReferralResponse },
    command: onLockedReferral(acceptReferralWithApplication),
    present: (referral: ReferralRecord) => presentReferral(referral),
  }),
  defineRoute({
    method: "POST",
    url: "/assistance/referrals/:id/case-link",
    summary: {
      zh: "受理转介：关联该户已在办的低保案件",
      en: "Accept a referral by linking the household's case already open",
    },
    tags,
    permission,
    params: IdParams,
    body: ReferralLinkBody,
    target: referralTarget,
    response: { 200: ReferralResponse },
    command: onLockedReferral(acceptReferralWithCase),
    present: (referral: ReferralRecord) => presentReferral(referral),
  }),
  defineRoute({
    method: "POST",
    url: "/assistance/referrals/:id/decline",
    summary: { zh: "不予受理转介（须说明理由）", en: "Decline a referral (with the reason)" },
    tags,
    permission,
    params: IdParams,
    body: ReferralDeclineBody,
    target: referralTarget,
    response: { 200: ReferralResponse },
    command: onLockedReferral(declineReferral),
    present: (referral: ReferralRecord) => presentReferral(referral),
  }),
];
