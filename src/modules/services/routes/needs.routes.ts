/**
 * Need routes: publish (officer), public list and page, bids (vendor, sealed until the deadline), the opened bids
 * with the ranking (officer), the panel (reviewer: declare, see, score), exception and award (officer).
 */
import { clock } from "../../../core/clock";
import { fenToYuanString } from "../../../core/money";
import { meanHundredths } from "../contracts.presenters";
import { vendorFinalScores } from "../contracts.repository";
import { err, ok } from "../../../core/result";
import { inTransactionWhenOk, type Executor } from "../../../db/transaction";
import { commandContext } from "../../../platform/http/command-reply";
import { defineRoute, type AnyRoute } from "../../../platform/http/route";
import { publishNeed, recordException, submitBid } from "../commands/needs";
import { awardNeed, computeAward, declarePanel, scoreBid, sealedProblem } from "../commands/panel";
import { findList } from "../../../platform/publicity/publicity.lists";
import { presentBid, presentNeed, presentPublicAward, presentResults, presentReview } from "../presenters";
import {
  findNeed,
  findVendorOfAccount,
  hasDeclared,
  listNeeds,
  needReviews,
  openedBids,
  ownBid,
  type NeedRecord,
} from "../repository";
import {
  BidResponse,
  DeclarationResponse,
  NeedResponse,
  NeedsResponse,
  OpenedBidsResponse,
  OwnBidResponse,
  PanelViewResponse,
  PublicAwardsResponse,
  ReviewResultResponse,
} from "../responses";
import { AwardBody, BidBody, DeclarationBody, ExceptionBody, IdParams, NeedBody, ScoreBody } from "../schemas";

const tags = ["services"];
const needTarget = {
  resource: "servicesNeed",
  load: (executor: Executor, { params }: { params: { id: string } }) => findNeed(executor, params.id),
};

/** A need for the API: counts bids only once they are opened. */
async function needView(executor: Executor, need: NeedRecord) {
  const today = clock.today();
  const bids = await openedBids(executor, need, today);
  return presentNeed(need, today, bids ? bids.length : null);
}

export const needRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "GET",
    url: "/services/awards",
    summary: {
      zh: "购买服务中标结果：已评定需求的中标机构、金额、方式和日期（公开）",
      en: "Service awards: the winner, amount, method and date of every awarded need (public)",
    },
    tags,
    permission: "public",
    cache: { maxAge: 300 },
    response: { 200: PublicAwardsResponse },
    handler: async ({ db }) => {
      const items = [];
      for (const need of await listNeeds(db)) {
        if (need.status !== "awarded") continue;
        const publicity = need.publicityListId ? await findList(db, need.publicityListId) : null;
        const award = presentPublicAward(need, publicity);
        if (award) items.push(award);
      }
      // Newest published first (the list comes newest bidding deadline first, which breaks ties).
      items.sort((a, b) =>
        (b.publishedOn ?? "") > (a.publishedOn ?? "") ? 1 : (b.publishedOn ?? "") < (a.publishedOn ?? "") ? -1 : 0,
      );
      return { items };
    },
  }),
  defineRoute({
    method: "GET",
    url: "/services/needs",
    summary: { zh: "政府购买服务需求（公开）", en: "Service needs (public)" },
    tags,
    permission: "public",
    response: { 200: NeedsResponse },
    handler: async ({ db }) => ({
      items: await Promise.all((await listNeeds(db)).map((need) => needView(db, need))),
    }),
  }),
  defineRoute({
    method: "GET",
    url: "/services/needs/:id",
    summary: { zh: "一项服务需求及评审结果（公开）", en: "One service need with its award (public)" },
    tags,
    permission: "public",
    params: IdParams,
    target: needTarget,
    response: { 200: NeedResponse },
    handler: ({ db, target }) => needView(db, target),
  }),
  defineRoute({
    method: "POST",
    url: "/services/needs",
    summary: { zh: "发布服务需求", en: "Publish a service need" },
    tags,
    permission: "services.needs.manage",
    body: NeedBody,
    response: { 201: NeedResponse },
    command: ({ db, request, actor, body }) =>
      inTransactionWhenOk(db, (trx) => publishNeed(trx, commandContext(request, actor), body)),
    present: (need, { db }) => needView(db, need),
  }),
  defineRoute({
    method: "POST",
    url: "/services/needs/:id/bids",
    summary: { zh: "投标（截止前可修改本机构投标）", en: "Bid, or replace the caller's own bid, before the deadline" },
    tags,
    permission: "services.bids.submit",
    params: IdParams,
    body: BidBody,
    target: needTarget,
    response: { 201: BidResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) =>
        submitBid(
          trx,
          commandContext(request, actor),
          (await findNeed(trx, params.id))!,
          await findVendorOfAccount(trx, actor.id),
          body,
        ),
      ),
    present: (bid) => presentBid(bid),
  }),
  defineRoute({
    method: "GET",
    url: "/services/needs/:id/bids/mine",
    summary: { zh: "本机构的投标", en: "The caller's own bid on a need" },
    tags,
    permission: "services.bids.submit",
    params: IdParams,
    target: needTarget,
    response: { 200: OwnBidResponse },
    handler: async ({ db, actor, target }) => {
      const vendor = await findVendorOfAccount(db, actor.id);
      const bid = vendor ? await ownBid(db, target.id, vendor.id) : undefined;
      return { bid: bid ? presentBid(bid) : null };
    },
  }),
  defineRoute({
    method: "GET",
    url: "/services/needs/:id/bids",
    summary: {
      zh: "开标后的投标、评分和排名（截止前密封）",
      en: "The opened bids with reviews and ranking (sealed before the deadline)",
    },
    tags,
    permission: "services.needs.read",
    params: IdParams,
    target: needTarget,
    response: { 200: OpenedBidsResponse },
    command: async ({ db, target }) => {
      const computed = await computeAward(db, target);
      if (!computed.ok) return computed;
      const { award, bids } = computed.value;
      return ok({
        need: await needView(db, target),
        bids: bids.map(presentBid),
        reviews: (await needReviews(db, target.id)).map(presentReview),
        results: presentResults(award),
        awardable: award.awardable,
        winnerBidId: award.winner === null ? null : String(award.winner),
        reason: award.reason,
      });
    },
    present: (value) => value,
  }),
  defineRoute({
    method: "GET",
    url: "/services/needs/:id/panel",
    summary: {
      zh: "评审：声明利益冲突后查看未回避的投标",
      en: "Panel view: the bidding vendors to declare on, then the bids not recused from",
    },
    tags,
    permission: "services.panel",
    params: IdParams,
    target: needTarget,
    response: { 200: PanelViewResponse },
    command: async ({ db, actor, target }) => {
      const bids = await openedBids(db, target, clock.today());
      if (!bids) return err(sealedProblem(target));
      const declared = await hasDeclared(db, target.id, actor.id);
      const mine = (await needReviews(db, target.id)).filter((review) => review.reviewerId === actor.id);
      const recused = mine.filter((review) => review.conflict).map((review) => review.bidId);
      return ok({
        need: await needView(db, target),
        declared,
        vendors: await Promise.all(
          bids.map(async (bid) => {
            const mean = meanHundredths(await vendorFinalScores(db, bid.vendorId));
            return {
              vendorId: bid.vendorId,
              vendorName: bid.vendorName,
              pastPerformance: mean === null ? null : fenToYuanString(mean),
            };
          }),
        ),
        bids: declared ? bids.filter((bid) => !recused.includes(bid.id)).map(presentBid) : [],
        recusedBidIds: recused,
        myReviews: mine.map(presentReview),
      });
    },
    present: (value) => value,
  }),
  defineRoute({
    method: "POST",
    url: "/services/needs/:id/declaration",
    summary: { zh: "声明利益冲突（一次）", en: "Declare conflicts of interest (once)" },
    tags,
    permission: "services.panel",
    params: IdParams,
    body: DeclarationBody,
    target: needTarget,
    response: { 201: DeclarationResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) =>
        declarePanel(trx, commandContext(request, actor), (await findNeed(trx, params.id))!, body),
      ),
    present: (value) => value,
  }),
  defineRoute({
    method: "POST",
    url: "/services/needs/:id/scores",
    summary: { zh: "按评分项评分", en: "Score a bid per criterion" },
    tags,
    permission: "services.panel",
    params: IdParams,
    body: ScoreBody,
    target: needTarget,
    response: { 200: ReviewResultResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) =>
        scoreBid(trx, commandContext(request, actor), (await findNeed(trx, params.id))!, body),
      ),
    present: (review) => presentReview(review),
  }),
  defineRoute({
    method: "POST",
    url: "/services/needs/:id/exception",
    summary: { zh: "记录不足三家的例外理由", en: "Record the exception allowing fewer than 3 valid bids" },
    tags,
    permission: "services.needs.manage",
    params: IdParams,
    body: ExceptionBody,
    target: needTarget,
    response: { 200: NeedResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) =>
        recordException(trx, commandContext(request, actor), (await findNeed(trx, params.id))!, body),
      ),
    present: (need, { db }) => needView(db, need),
  }),
  defineRoute({
    method: "POST",
    url: "/services/needs/:id/award",
    summary: { zh: "评定中标并公示", en: "Award to the top of the ranking and publish it for objections" },
    tags,
    permission: "services.needs.manage",
    params: IdParams,
    body: AwardBody,
    target: needTarget,
    response: { 200: NeedResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, async (trx) =>
        awardNeed(trx, commandContext(request, actor), (await findNeed(trx, params.id))!, body),
      ),
    present: (need, { db }) => needView(db, need),
  }),
];
