/**
 * Volunteering routes: the public activity list; organisers publish activities, see the roster, check volunteers
 * in and out (from the list or by the QR token) and confirm hours; residents sign up and cancel.
 */
import { now } from "../../../core/clock";
import { err } from "../../../core/result";
import { inTransactionWhenOk } from "../../../db/transaction";
import { commandContext } from "../../../platform/http/command-reply";
import { defineRoute, type AnyRoute, type RouteTarget } from "../../../platform/http/route";
import type { Actor } from "../../../platform/roles";
import { confirmHours } from "../commands/ledger.commands";
import {
  addOrganiser,
  cancelSignup,
  checkIn,
  checkOut,
  createActivity,
  removeOrganiser,
  signUp,
} from "../commands/volunteering.commands";
import { formatHours } from "../hours";
import { ledgerOfActivity } from "../ledger.repository";
import { presentActivity, presentCheck, presentLedgerEntry, presentSignup } from "../presenters";
import { findOrganisation } from "../../registry/repository";
import {
  ActivitiesResponse,
  ActivityResponse,
  CancelResponse,
  CheckResponse,
  LedgerEntryResponse,
  OrganiserAccountList,
  OrganiserActivitiesResponse,
  OrganiserList,
  OrganiserResponse,
  RosterResponse,
  SignupResponse,
} from "../responses";
import {
  ActivityCreateBody,
  ActivityListQuery,
  CheckTimeBody,
  ConfirmHoursBody,
  IdParams,
  OrganiserAccountQuery,
  OrganiserBody,
  OrganiserParams,
  TokenCheckInBody,
} from "../schemas";
import {
  activityRoster,
  findActivity,
  findActivityTarget,
  findSignupByToken,
  findSignupTarget,
  listActivities,
  organisationsOf,
  organisersOf,
  searchOrganiserAccounts,
  type ActivityTarget,
  type SignupTarget,
} from "../volunteering.repository";

const tags = ["participation"];

/** An activity its caller organises (404 for any other). */
const organisedActivity: RouteTarget<{ id: string }, unknown, ActivityTarget> = {
  resource: "activity",
  load: (executor, { params, actor }) => findActivityTarget(executor, params.id, actor),
  inScope: (_actor: Actor, activity) => activity.organisedByCaller,
};

/** A sign-up to an activity its caller organises. */
const organisedSignup: RouteTarget<{ id: string }, unknown, SignupTarget> = {
  resource: "signup",
  load: (executor, { params, actor }) => findSignupTarget(executor, params.id, actor),
  inScope: (_actor: Actor, signup) => signup.organisedByCaller,
};

/** The caller's own sign-up. */
const ownSignup: RouteTarget<{ id: string }, unknown, SignupTarget> = {
  resource: "signup",
  load: (executor, { params, actor }) => findSignupTarget(executor, params.id, actor),
  inScope: (actor: Actor, signup) => actor.personId !== null && signup.personId === actor.personId,
};

export const volunteeringRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "GET",
    url: "/participation/activities",
    summary: { zh: "志愿服务活动（尚未结束的）", en: "Volunteer activities not yet over (public)" },
    tags,
    permission: "public",
    querystring: ActivityListQuery,
    response: { 200: ActivitiesResponse },
    handler: async ({ db, query }) => ({
      items: (await listActivities(db, { from: now(), campaignCode: query.campaign, townCode: query.town })).map(
        presentActivity,
      ),
    }),
  }),
  defineRoute({
    method: "GET",
    url: "/participation/activities/:id",
    summary: { zh: "一个志愿服务活动", en: "One volunteer activity (public)" },
    tags,
    permission: "public",
    params: IdParams,
    target: { resource: "activity", load: (executor, { params }) => findActivity(executor, params.id) },
    response: { 200: ActivityResponse },
    handler: ({ target }) => presentActivity(target),
  }),
  defineRoute({
    method: "POST",
    url: "/participation/organisations/:id/organisers",
    summary: { zh: "指定组织的志愿服务组织者账号", en: "Make an organiser account an organiser of an organisation" },
    tags,
    permission: "participation.organisers.manage",
    params: IdParams,
    body: OrganiserBody,
    target: { resource: "organisation", load: (executor, { params }) => findOrganisation(executor, params.id) },
    response: { 201: OrganiserResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, (trx) => addOrganiser(trx, commandContext(request, actor), params.id, body.username)),
    present: (value) => value,
  }),
  defineRoute({
    method: "GET",
    url: "/participation/organisations/:id/organisers",
    summary: { zh: "组织的志愿服务组织者账号", en: "The organiser accounts of an organisation" },
    tags,
    permission: "participation.organisers.manage",
    params: IdParams,
    target: { resource: "organisation", load: (executor, { params }) => findOrganisation(executor, params.id) },
    response: { 200: OrganiserList },
    handler: async ({ db, params }) => ({ items: await organisersOf(db, params.id) }),
  }),
  defineRoute({
    method: "DELETE",
    url: "/participation/organisations/:id/organisers/:accountId",
    summary: {
      zh: "取消账号的组织者身份（已发布的活动和已确认的时长不变）",
      en: "Remove an organiser from an organisation (its activities and confirmed hours stay)",
    },
    tags,
    permission: "participation.organisers.manage",
    params: OrganiserParams,
    target: { resource: "organisation", load: (executor, { params }) => findOrganisation(executor, params.id) },
    response: { 200: OrganiserResponse },
    command: ({ db, request, actor, params }) =>
      inTransactionWhenOk(db, (trx) =>
        removeOrganiser(trx, commandContext(request, actor), params.id, params.accountId),
      ),
    present: (value) => value,
  }),
  defineRoute({
    method: "GET",
    url: "/participation/organiser-accounts",
    summary: {
      zh: "可指定为组织者的账号（持组织者角色，按用户名或姓名搜索）",
      en: "Accounts holding the organiser role, searched by username or display name",
    },
    tags,
    permission: "participation.organisers.manage",
    querystring: OrganiserAccountQuery,
    response: { 200: OrganiserAccountList },
    handler: async ({ db, query }) => ({ items: await searchOrganiserAccounts(db, query.q, 20) }),
  }),
  defineRoute({
    method: "GET",
    url: "/participation/organiser/activities",
    summary: { zh: "本人所在组织的活动", en: "The activities of the caller's organisations" },
    tags,
    permission: "participation.organise",
    response: { 200: OrganiserActivitiesResponse },
    handler: async ({ db, actor }) => {
      const organisations = await organisationsOf(db, actor.id);
      const items = await listActivities(db, { organisationIds: organisations.map((row) => row.id) });
      return { organisations, items: items.map(presentActivity) };
    },
  }),
  defineRoute({
    method: "POST",
    url: "/participation/activities",
    summary: { zh: "发布志愿服务活动", en: "Publish a volunteer activity" },
    tags,
    permission: "participation.organise",
    body: ActivityCreateBody,
    response: { 201: ActivityResponse },
    command: ({ db, request, actor, body }) =>
      inTransactionWhenOk(db, (trx) => createActivity(trx, commandContext(request, actor), body)),
    present: presentActivity,
  }),
  defineRoute({
    method: "GET",
    url: "/participation/activities/:id/roster",
    summary: { zh: "活动报名名单（组织者）", en: "An activity's roster (its organisers)" },
    tags,
    permission: "participation.organise",
    params: IdParams,
    target: organisedActivity,
    response: { 200: RosterResponse },
    handler: async ({ db, target }) => ({
      activity: presentActivity(target),
      items: (await activityRoster(db, target.id)).map((row) => ({
        signupId: row.id,
        personId: row.personId,
        name: row.personName,
        status: row.status,
        partyMember: Boolean(row.partyMember),
        checkedInAt: row.checkedInAt ? new Date(row.checkedInAt).toISOString() : null,
        checkedOutAt: row.checkedOutAt ? new Date(row.checkedOutAt).toISOString() : null,
        confirmedHours: formatHours(Number(row.confirmedHundredths ?? 0)),
      })),
      entries: (await ledgerOfActivity(db, target.id)).map(presentLedgerEntry),
    }),
  }),
  defineRoute({
    method: "POST",
    url: "/participation/activities/:id/check-in",
    summary: { zh: "扫码签到（志愿者出示的二维码）", en: "Check in by the QR token the volunteer shows" },
    tags,
    permission: "participation.organise",
    params: IdParams,
    body: TokenCheckInBody,
    target: organisedActivity,
    response: { 200: CheckResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) => {
        const signup = await findSignupByToken(trx, params.id, body.token);
        if (!signup)
          return err({
            code: "unknown_token",
            message: "二维码不属于本活动的有效报名 (the code is not a live sign-up of this activity)",
            field: "token",
          });
        return checkIn(trx, commandContext(request, actor), signup.id);
      }),
    present: presentCheck,
  }),
  defineRoute({
    method: "POST",
    url: "/participation/signups/:id/check-in",
    summary: { zh: "名单签到", en: "Check a volunteer in from the list" },
    tags,
    permission: "participation.organise",
    params: IdParams,
    body: CheckTimeBody,
    target: organisedSignup,
    response: { 200: CheckResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, (trx) => checkIn(trx, commandContext(request, actor), params.id, body.at)),
    present: presentCheck,
  }),
  defineRoute({
    method: "POST",
    url: "/participation/signups/:id/check-out",
    summary: { zh: "签退", en: "Check a volunteer out" },
    tags,
    permission: "participation.organise",
    params: IdParams,
    body: CheckTimeBody,
    target: organisedSignup,
    response: { 200: CheckResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, (trx) => checkOut(trx, commandContext(request, actor), params.id, body.at)),
    present: presentCheck,
  }),
  defineRoute({
    method: "POST",
    url: "/participation/signups/:id/hours",
    summary: { zh: "确认志愿服务时长（记入台账）", en: "Confirm a volunteer's hours (a ledger entry)" },
    tags,
    permission: "participation.organise",
    params: IdParams,
    body: ConfirmHoursBody,
    target: organisedSignup,
    response: { 201: LedgerEntryResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, (trx) => confirmHours(trx, commandContext(request, actor), params.id, body.hours)),
    present: presentLedgerEntry,
  }),
  defineRoute({
    method: "POST",
    url: "/participation/activities/:id/signups",
    summary: { zh: "报名参加活动（满员时候补）", en: "Sign up (the waiting list when full)" },
    tags,
    permission: "participation.volunteer",
    params: IdParams,
    target: { resource: "activity", load: (executor, { params }) => findActivity(executor, params.id) },
    response: { 201: SignupResponse },
    command: ({ db, request, actor, params }) =>
      inTransactionWhenOk(db, (trx) => signUp(trx, commandContext(request, actor), params.id)),
    present: presentSignup,
  }),
  defineRoute({
    method: "POST",
    url: "/participation/signups/:id/cancel",
    summary: {
      zh: "取消报名（名额依次递补给候补者）",
      en: "Cancel a sign-up (the first on the waiting list gets the place)",
    },
    tags,
    permission: "participation.volunteer",
    params: IdParams,
    target: ownSignup,
    response: { 200: CancelResponse },
    command: ({ db, request, actor, params }) =>
      inTransactionWhenOk(db, (trx) => cancelSignup(trx, commandContext(request, actor), params.id)),
    present: ({ signup, promoted }) => ({ signup: presentSignup(signup), promoted: promoted !== null }),
  }),
];
