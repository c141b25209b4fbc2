/**
 * Consultation routes: the list and one consultation (public ones for everyone, a community's for its residents
 * and staff), the published moderation rules, publishing drafts, comments and supports (rate-limited), hiding a
 * comment with its reason, the closing report, the final decision and the community meeting's record.
 */
import { inTransactionWhenOk } from "../../db/transaction";
import { commandContext } from "../../platform/http/command-reply";
import { defineRoute, type AnyRoute, type RouteTarget } from "../../platform/http/route";
import { holdsAnyRole } from "../../platform/access/scope";
import { townsWithRole, type Actor } from "../../platform/roles";
import {
  addComment,
  hideComment,
  publishCommunityConsultation,
  publishConsultation,
  publishDecision,
  publishReport,
  recordMeeting,
  supportComment,
} from "./commands";
import {
  findVisibleConsultation,
  listVisibleConsultations,
  mayManage,
  mayModerate,
  presentConsultation,
  presentSummary,
  type ConsultationRecord,
} from "./repository";
import { ConsultationList, ConsultationResponse, RulesResponse } from "./responses";
import { moderationRules } from "./rules";
import {
  CommentBody,
  CommentParams,
  CommunityConsultationBody,
  DecisionBody,
  HideBody,
  IdParams,
  MeetingBody,
  PublicConsultationBody,
  ReportBody,
} from "./schemas";
import { accountOrAddress, perAddressFactor } from "../../platform/http/public-routes";

const tags = ["consultations"];

/** Comments per hour by one account or address. */
export const commentsPerHour = 20;
/** Supports of comments per hour by one account or address. */
export const commentSupportsPerHour = 60;

const visible: RouteTarget<{ id: string }, unknown, ConsultationRecord, Actor | null> = {
  resource: "consultation",
  load: (executor, { params, actor }) => findVisibleConsultation(executor, params.id, actor),
};

const moderated: RouteTarget<{ id: string }, unknown, ConsultationRecord> = {
  resource: "consultation",
  load: (executor, { params, actor }) => findVisibleConsultation(executor, params.id, actor),
  inScope: (actor, record) => mayModerate(actor, record),
};

const managed: RouteTarget<{ id: string }, unknown, ConsultationRecord> = {
  resource: "consultation",
  load: (executor, { params, actor }) => findVisibleConsultation(executor, params.id, actor),
  inScope: (actor, record) => mayManage(actor, record),
};

/** The town codes where the actor publishes community deliberations ("all" for programme admins). */
function mayActInTown(actor: Actor) {
  return (townCode: string) =>
    holdsAnyRole(actor, ["programme_admin"]) || townsWithRole(actor, "clerk").includes(townCode);
}

export const consultationRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "GET",
    url: "/consultations",
    summary: {
      zh: "征求意见和村居议事（村居议事仅本社区可见）",
      en: "Consultations, and the community deliberations the caller may see",
    },
    tags,
    permission: "public",
    response: { 200: ConsultationList },
    handler: async ({ db, actor }) => ({ items: (await listVisibleConsultations(db, actor)).map(presentSummary) }),
  }),
  defineRoute({
    method: "GET",
    url: "/consultations/moderation-rules",
    summary: { zh: "公布的意见管理规则", en: "The published moderation rules" },
    tags,
    permission: "public",
    response: { 200: RulesResponse },
    handler: () => ({ items: moderationRules.map((rule) => ({ ...rule })) }),
  }),
  defineRoute({
    method: "GET",
    url: "/consultations/:id",
    summary: {
      zh: "一次征求意见：条文、意见（隐藏的注明理由）、报告和最终决定",
      en: "One consultation: articles, comments (hidden ones with the reason), report and decision",
    },
    tags,
    permission: "public",
    params: IdParams,
    target: visible,
    response: { 200: ConsultationResponse },
    handler: ({ db, actor, target }) => presentConsultation(db, actor, target),
  }),
  defineRoute({
    method: "POST",
    url: "/consultations",
    summary: { zh: "发布征求意见稿（按条文）", en: "Publish a draft for consultation, article by article" },
    tags,
    permission: "consultations.manage",
    body: PublicConsultationBody,
    response: { 201: ConsultationResponse },
    command: ({ db, request, actor, body }) =>
      inTransactionWhenOk(db, (trx) => publishConsultation(trx, commandContext(request, actor), body)),
    present: (record, { db, actor }) => presentConsultation(db, actor, record),
  }),
  defineRoute({
    method: "POST",
    url: "/consultations/community",
    summary: { zh: "发起村居议事（一个社区）", en: "Open a community deliberation (one 社区)" },
    tags,
    permission: "consultations.community",
    body: CommunityConsultationBody,
    response: { 201: ConsultationResponse },
    command: ({ db, request, actor, body }) =>
      inTransactionWhenOk(db, (trx) =>
        publishCommunityConsultation(trx, commandContext(request, actor), body, mayActInTown(actor)),
      ),
    present: (record, { db, actor }) => presentConsultation(db, actor, record),
  }),
  defineRoute({
    method: "POST",
    url: "/consultations/:id/comments",
    summary: { zh: "对条文提出意见", en: "Comment on an article" },
    tags,
    permission: "consultations.comment",
    params: IdParams,
    body: CommentBody,
    target: visible,
    config: {
      rateLimit: {
        max: commentsPerHour,
        timeWindow: "1 hour",
        keyGenerator: accountOrAddress,
        perAddress: commentsPerHour * perAddressFactor,
      },
    },
    errors: [429],
    response: { 201: ConsultationResponse },
    command: ({ db, request, actor, target, body }) =>
      inTransactionWhenOk(db, async (trx) => {
        const added = await addComment(trx, commandContext(request, actor), target, body);
        return added.ok ? { ok: true as const, value: target } : added;
      }),
    present: (record, { db, actor }) => presentConsultation(db, actor, record),
  }),
  defineRoute({
    method: "POST",
    url: "/consultations/:id/comments/:commentId/supports",
    summary: { zh: "支持他人的意见（每人一次）", en: "Support another's comment (once per person)" },
    tags,
    permission: "consultations.comment",
    params: CommentParams,
    target: visible,
    config: {
      rateLimit: {
        max: commentSupportsPerHour,
        timeWindow: "1 hour",
        keyGenerator: accountOrAddress,
        perAddress: commentSupportsPerHour * perAddressFactor,
      },
    },
    errors: [429],
    response: { 200: ConsultationResponse },
    command: ({ db, request, actor, target, params }) =>
      inTransactionWhenOk(db, async (trx) => {
        const done = await supportComment(trx, commandContext(request, actor), target, params.commentId);
        return done.ok ? { ok: true as const, value: target } : done;
      }),
    present: (record, { db, actor }) => presentConsultation(db, actor, record),
  }),
  defineRoute({
    method: "POST",
    url: "/consultations/:id/comments/:commentId/hide",
    summary: {
      zh: "按公布的规则隐藏意见（原处注明理由，不删除）",
      en: "Hide a comment under a published rule (the reason shown in its place; never deleted)",
    },
    tags,
    permission: "consultations.moderate",
    params: CommentParams,
    body: HideBody,
    target: moderated,
    response: { 200: ConsultationResponse },
    command: ({ db, request, actor, target, params, body }) =>
      inTransactionWhenOk(db, async (trx) => {
        const done = await hideComment(trx, commandContext(request, actor), target, params.commentId, body);
        return done.ok ? { ok: true as const, value: target } : done;
      }),
    present: (record, { db, actor }) => presentConsultation(db, actor, record),
  }),
  defineRoute({
    method: "POST",
    url: "/consultations/:id/report",
    summary: {
      zh: "发布征求意见情况报告（逐组答复意见）",
      en: "Publish the closing report (an answer to each group of comments)",
    },
    tags,
    permission: "consultations.moderate",
    params: IdParams,
    body: ReportBody,
    target: managed,
    response: { 200: ConsultationResponse },
    command: ({ db, request, actor, target, body }) =>
      inTransactionWhenOk(db, (trx) => publishReport(trx, commandContext(request, actor), target, body)),
    present: (record, { db, actor }) => presentConsultation(db, actor, record),
  }),
  defineRoute({
    method: "POST",
    url: "/consultations/:id/decision",
    summary: { zh: "发布最终决定（链接征求意见报告）", en: "Publish the final decision (linked to the report)" },
    tags,
    permission: "consultations.moderate",
    params: IdParams,
    body: DecisionBody,
    target: managed,
    response: { 200: ConsultationResponse },
    command: ({ db, request, actor, target, body }) =>
      inTransactionWhenOk(db, (trx) => publishDecision(trx, commandContext(request, actor), target, body)),
    present: (record, { db, actor }) => presentConsultation(db, actor, record),
  }),
  defineRoute({
    method: "POST",
    url: "/consultations/:id/meeting",
    summary: {
      zh: "记录村居议事会议：出席居民、表决和结果（向本社区公布）",
      en: "Record a community meeting: residents present, the vote and the outcome (published to the community)",
    },
    tags,
    permission: "consultations.community",
    params: IdParams,
    body: MeetingBody,
    target: managed,
    response: { 200: ConsultationResponse },
    command: ({ db, request, actor, target, body }) =>
      inTransactionWhenOk(db, (trx) => recordMeeting(trx, commandContext(request, actor), target, body)),
    present: (record, { db, actor }) => presentConsultation(db, actor, record),
  }),
];
