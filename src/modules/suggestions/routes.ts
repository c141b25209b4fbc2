/**
 * Suggestion routes (金点子): the public list and pages, proposing and supporting (verified residents, rate-limited),
 * the owning department's review, answer and progress notes, the programme admin's settings, campaign figures.
 */
import { today } from "../../core/clock";
import { inTransactionWhenOk } from "../../db/transaction";
import { commandContext } from "../../platform/http/command-reply";
import { defineRoute, type AnyRoute, type RouteTarget } from "../../platform/http/route";
import type { Actor } from "../../platform/roles";
import { findCampaignByCode } from "../participation/repository";
import {
  answerSuggestion,
  proposeSuggestion,
  recordProgress,
  reviewSuggestion,
  supportSuggestion,
  updateSettings,
} from "./commands";
import {
  campaignSuggestionFigures,
  findSuggestion,
  mayAnswer,
  presentSummary,
  progressOf,
  searchSuggestions,
  suggestionSettings,
  supports,
  type SuggestionRecord,
} from "./repository";
import { CampaignSuggestionFigures, SettingsResponse, SuggestionPage, SuggestionResponse } from "./responses";
import { AnswerBody, CodeParams, IdParams, ListQuery, ProgressBody, ProposeBody, SettingsBody } from "./schemas";
import type { Executor } from "../../db/transaction";
import { accountOrAddress, perAddressFactor } from "../../platform/http/public-routes";

const tags = ["suggestions"];

/** Ideas proposed per hour by one account. */
export const proposalsPerHour = 5;
/** Supports per hour by one account or address. */
export const supportsPerHour = 60;

const suggestion: RouteTarget<{ id: string }, unknown, SuggestionRecord, Actor | null> = {
  resource: "suggestion",
  load: (executor, { params }) => findSuggestion(executor, params.id),
};

const answerable: RouteTarget<{ id: string }, unknown, SuggestionRecord> = {
  resource: "suggestion",
  load: (executor, { params }) => findSuggestion(executor, params.id),
  inScope: (actor: Actor, record) => mayAnswer(actor, record),
};

/** The full view of an idea for the caller. */
async function presentFull(db: Executor, actor: Actor | null, record: SuggestionRecord) {
  return {
    ...presentSummary(record, today()),
    body: record.body,
    answer: record.answer,
    progress: (await progressOf(db, record.id)).map((note) => ({
      text: note.text,
      implemented: note.implemented,
      createdAt: new Date(note.createdAt).toISOString(),
    })),
    supportedByMe: await supports(db, record.id, actor?.personId ?? null),
    mine: actor !== null && actor.id === record.proposerAccountId,
    mayAnswer: mayAnswer(actor, record),
  };
}

export const suggestionRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "GET",
    url: "/suggestions",
    summary: { zh: "金点子列表（可筛选、搜索）", en: "Suggestions: list, filter and search (public)" },
    tags,
    permission: "public",
    querystring: ListQuery,
    response: { 200: SuggestionPage },
    handler: async ({ db, query }) => {
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 20;
      const { items, total } = await searchSuggestions(db, { ...query, page, pageSize });
      const day = today();
      return { items: items.map((item) => presentSummary(item, day)), total, page, pageSize };
    },
  }),
  defineRoute({
    method: "GET",
    url: "/suggestions/settings",
    summary: { zh: "金点子答复门槛和期限", en: "The support threshold and the answer deadline (public)" },
    tags,
    permission: "public",
    response: { 200: SettingsResponse },
    handler: ({ db }) => suggestionSettings(db),
  }),
  defineRoute({
    method: "PUT",
    url: "/suggestions/settings",
    summary: { zh: "设置金点子答复门槛和期限", en: "Set the support threshold and the answer deadline" },
    tags,
    permission: "suggestions.settings",
    body: SettingsBody,
    response: { 200: SettingsResponse },
    command: ({ db, request, actor, body }) =>
      inTransactionWhenOk(db, (trx) => updateSettings(trx, commandContext(request, actor), body)),
    present: (value) => value,
  }),
  defineRoute({
    method: "GET",
    url: "/suggestions/:id",
    summary: { zh: "一条金点子及其答复、落实进展", en: "One suggestion with its answer and progress (public)" },
    tags,
    permission: "public",
    params: IdParams,
    target: suggestion,
    response: { 200: SuggestionResponse },
    handler: ({ db, actor, target }) => presentFull(db, actor, target),
  }),
  defineRoute({
    method: "POST",
    url: "/suggestions",
    summary: { zh: "提出金点子", en: "Propose a suggestion" },
    tags,
    permission: "suggestions.propose",
    body: ProposeBody,
    config: {
      rateLimit: {
        max: proposalsPerHour,
        timeWindow: "1 hour",
        keyGenerator: accountOrAddress,
        perAddress: proposalsPerHour * perAddressFactor,
      },
    },
    errors: [429],
    response: { 201: SuggestionResponse },
    command: ({ db, request, actor, body }) =>
      inTransactionWhenOk(db, (trx) => proposeSuggestion(trx, commandContext(request, actor), body)),
    present: (record, { db, actor }) => presentFull(db, actor, record),
  }),
  defineRoute({
    method: "POST",
    url: "/suggestions/:id/supports",
    summary: { zh: "支持金点子（每人一次）", en: "Support a suggestion (once per person)" },
    tags,
    permission: "suggestions.support",
    params: IdParams,
    target: suggestion,
    config: {
      rateLimit: {
        max: supportsPerHour,
        timeWindow: "1 hour",
        keyGenerator: accountOrAddress,
        perAddress: supportsPerHour * perAddressFactor,
      },
    },
    errors: [429],
    response: { 200: SuggestionResponse },
    command: ({ db, request, actor, target }) =>
      inTransactionWhenOk(db, (trx) => supportSuggestion(trx, commandContext(request, actor), target)),
    present: (record, { db, actor }) => presentFull(db, actor, record),
  }),
  defineRoute({
    method: "POST",
    url: "/suggestions/:id/review",
    summary: { zh: "转入审议（负责部门）", en: "Take a suggestion under review (the owning department)" },
    tags,
    permission: "suggestions.answer",
    params: IdParams,
    target: answerable,
    response: { 200: SuggestionResponse },
    command: ({ db, request, actor, target }) =>
      inTransactionWhenOk(db, (trx) => reviewSuggestion(trx, commandContext(request, actor), target)),
    present: (record, { db, actor }) => presentFull(db, actor, record),
  }),
  defineRoute({
    method: "POST",
    url: "/suggestions/:id/answer",
    summary: {
      zh: "公开答复：采纳、部分采纳或不采纳（写明理由）",
      en: "The public answer: adopted, partly adopted or not adopted (with the reason)",
    },
    tags,
    permission: "suggestions.answer",
    params: IdParams,
    body: AnswerBody,
    target: answerable,
    response: { 200: SuggestionResponse },
    command: ({ db, request, actor, target, body }) =>
      inTransactionWhenOk(db, (trx) => answerSuggestion(trx, commandContext(request, actor), target, body)),
    present: (record, { db, actor }) => presentFull(db, actor, record),
  }),
  defineRoute({
    method: "POST",
    url: "/suggestions/:id/progress",
    summary: { zh: "记录落实进展（可标记已落实）", en: "Record implementation progress (optionally: implemented)" },
    tags,
    permission: "suggestions.answer",
    params: IdParams,
    body: ProgressBody,
    target: answerable,
    response: { 200: SuggestionResponse },
    command: ({ db, request, actor, target, body }) =>
      inTransactionWhenOk(db, (trx) => recordProgress(trx, commandContext(request, actor), target, body)),
    present: (record, { db, actor }) => presentFull(db, actor, record),
  }),
  defineRoute({
    method: "GET",
    url: "/suggestions/campaigns/:code/figures",
    summary: { zh: "全民参与活动的金点子数据", en: "A campaign's suggestions in figures (public)" },
    tags,
    permission: "public",
    params: CodeParams,
    target: {
      resource: "campaign",
      load: (executor, { params }) => findCampaignByCode(executor, params.code),
    },
    response: { 200: CampaignSuggestionFigures },
    handler: async ({ db, target }) => ({ code: target.code, ...(await campaignSuggestionFigures(db, target.id)) }),
  }),
];
