/**
 * The panel on a need: each reviewer declares conflicts of interest (per bidding vendor) before seeing the bids,
 * is recused from those bids, and scores the others per criterion; the officer awards through the shared
 * scoring code (src/rules/panel) and publishes the result for objections.
 */
import { clock } from "../../../core/clock";
import { fenToYuanString } from "../../../core/money";
import { parsePointsResult } from "../../../core/points";
import { err, ok, type Problem, type Result } from "../../../core/result";
import type { Executor, Trx } from "../../../db/transaction";
import { audit, type CommandContext } from "../../../platform/commands/context";
import { publishList } from "../../../platform/publicity/publicity.lists";
import { awardServices, type ServiceAward } from "../../../rules/panel/services.award";
import {
  findNeed,
  hasDeclared,
  needReviews,
  openedBids,
  type BidRecord,
  type NeedRecord,
  type ReviewRecord,
} from "../repository";
import { servicesDb } from "../tables";

function refuse(code: string, field: string, message: string): { ok: false; error: Problem } {
  return err({ code, field, message: `${field}: ${message}` });
}

/** The refusal of any read or step that needs the bids before the deadline has passed: no count, no content. */
export function sealedProblem(need: Pick<NeedRecord, "bidsCloseOn">): Problem {
  return {
    code: "bids_sealed",
    field: "bidsCloseOn",
    message: `bidsCloseOn: 投标截止（${need.bidsCloseOn}）前投标保持密封 (bids stay sealed until ${need.bidsCloseOn} has passed)`,
  };
}

async function opened(trx: Executor, need: NeedRecord): Promise<Result<BidRecord[]>> {
  const bids = await openedBids(trx, need, clock.today());
  return bids ? ok(bids) : err(sealedProblem(need));
}

/**
 * A reviewer joins the panel by declaring, once, the vendors among the bidders with whom they have a conflict of
 * interest (possibly none). Conflicted bids get a recused review; the others can then be seen and scored.
 */
export async function declarePanel(
  trx: Trx,
  context: CommandContext,
  need: NeedRecord,
  input: { conflicts: { vendorId: string; note?: string }[] },
): Promise<Result<{ needId: string; recusedBidIds: string[] }>> {
  const bids = await opened(trx, need);
  if (!bids.ok) return bids;
  if (need.status !== "open") return refuse("need_closed", "status", "该需求已评定 (the need is already decided)");
  if (await hasDeclared(trx, need.id, context.actor.id))
    return refuse("already_declared", "conflicts", "已声明利益冲突，不能更改 (the declaration is made once)");
  const recused: string[] = [];
  for (const [index, conflict] of input.conflicts.entries()) {
    const bid = bids.value.find((each) => each.vendorId === conflict.vendorId);
    if (!bid)
      return refuse(
        "unknown_vendor",
        `conflicts.${index}.vendorId`,
        "该机构未投标 (this vendor did not bid on the need)",
      );
    recused.push(bid.id);
    await servicesDb(trx)
      .insertInto("services_reviews")
      .values({
        bid_id: bid.id,
        reviewer_id: context.actor.id,
        conflict: true,
        conflict_note: conflict.note?.trim() ?? "",
      })
      .execute();
  }
  await servicesDb(trx)
    .insertInto("services_panel_members")
    .values({ need_id: need.id, reviewer_id: context.actor.id, declared_at: clock.now() })
    .execute();
  await audit(trx, context, {
    action: "services.panel.declare",
    entityType: "services_need",
    entityId: need.id,
    townCode: need.townCode,
    after: { conflicts: input.conflicts },
  });
  return ok({ needId: need.id, recusedBidIds: recused });
}

function readScore(value: number, field: string): Result<number> {
  const hundredths = parsePointsResult(value, field);
  if (!hundredths.ok)
    return refuse("invalid_score", field, "评分须为0–100，最多两位小数 (a score is 0–100 with at most 2 decimals)");
  if (hundredths.value < 0 || hundredths.value > 10000)
    return refuse("invalid_score", field, `评分 ${value} 超出0–100 (a score is 0–100)`);
  return hundredths;
}

/** A declared, non-recused reviewer scores a bid per criterion (plan, staff, past), 0–100; a new score replaces. */
export async function scoreBid(
  trx: Trx,
  context: CommandContext,
  need: NeedRecord,
  input: { bidId: string; plan: number; staff: number; past: number },
): Promise<Result<ReviewRecord>> {
  const bids = await opened(trx, need);
  if (!bids.ok) return bids;
  if (need.status !== "open") return refuse("need_closed", "status", "该需求已评定 (the need is already decided)");
  if (!(await hasDeclared(trx, need.id, context.actor.id)))
    return refuse(
      "declaration_required",
      "conflicts",
      "评分前须先声明利益冲突 (declare conflicts of interest before seeing and scoring the bids)",
    );
  const bid = bids.value.find((each) => each.id === input.bidId);
  if (!bid) return refuse("unknown_bid", "bidId", "该投标不属于此需求 (no such bid on this need)");
  const scores = { plan: 0, staff: 0, past: 0 };
  for (const key of ["plan", "staff", "past"] as const) {
    const score = readScore(input[key], key);
    if (!score.ok) return score;
    scores[key] = score.value;
  }
  const db = servicesDb(trx);
  const existing = await db
    .selectFrom("services_reviews")
    .select(["conflict"])
    .where("bid_id", "=", bid.id)
    .where("reviewer_id", "=", context.actor.id)
    .executeTakeFirst();
  if (existing?.conflict)
    return refuse(
      "recused",
      "bidId",
      "已声明利益冲突，回避评分 (you declared a conflict with this vendor and are recused)",
    );
  if (existing)
    await db
      .updateTable("services_reviews")
      .set({ ...scores, scored_at: clock.now() })
      .where("bid_id", "=", bid.id)
      .where("reviewer_id", "=", context.actor.id)
      .execute();
  else
    await db
      .insertInto("services_reviews")
      .values({ bid_id: bid.id, reviewer_id: context.actor.id, conflict: false, ...scores, scored_at: clock.now() })
      .execute();
  await audit(trx, context, {
    action: "services.panel.score",
    entityType: "services_bid",
    entityId: bid.id,
    townCode: need.townCode,
    after: scores,
  });
  const review = (await needReviews(trx, need.id)).find(
    (each) => each.bidId === bid.id && each.reviewerId === context.actor.id,
  )!;
  return ok(review);
}

/** The scoring input of a need in the `services award` contract's shape (scores back from hundredths). */
export function awardInput(need: NeedRecord, bids: readonly BidRecord[], reviews: readonly ReviewRecord[]) {
  const points = (hundredths: number | null) => (hundredths ?? 0) / 100;
  return {
    weights: need.weights,
    budget_yuan: Number(fenToYuanString(need.budgetFen)),
    exception: need.exceptionReason ? { reason: need.exceptionReason } : false,
    bids: bids.map((bid) => ({ id: bid.id, vendor: bid.vendorId, price_yuan: Number(fenToYuanString(bid.priceFen)) })),
    reviews: reviews
      .filter((review) => review.conflict || review.plan !== null)
      .map((review) => ({
        reviewer: review.reviewerId,
        bid: review.bidId,
        conflict: review.conflict,
        ...(review.conflict
          ? {}
          : { scores: { plan: points(review.plan), staff: points(review.staff), past: points(review.past) } }),
      })),
  };
}

/** The current ranking of an opened need, computed by the shared scoring code. */
export async function computeAward(
  trx: Executor,
  need: NeedRecord,
): Promise<Result<{ award: ServiceAward; bids: BidRecord[] }>> {
  const bids = await opened(trx, need);
  if (!bids.ok) return bids;
  const award = awardServices(awardInput(need, bids.value, await needReviews(trx, need.id)));
  if (!award.ok) return award;
  return ok({ award: award.value, bids: bids.value });
}

/**
 * Awards a need once its bids are opened: the winner is the top of the ranking when awardable (3 valid bids or a
 * recorded exception); the ranking is published for objections (公示) from `publicityStartOn` for 5 working days.
 */
export async function awardNeed(
  trx: Trx,
  context: CommandContext,
  need: NeedRecord,
  input: { publicityStartOn?: string; workingDays?: number },
): Promise<Result<NeedRecord>> {
  if (need.status !== "open") return refuse("need_closed", "status", "该需求已评定 (the need is already decided)");
  const computed = await computeAward(trx, need);
  if (!computed.ok) return computed;
  const { award, bids } = computed.value;
  if (!award.awardable || award.winner === null) {
    const why: Record<string, string> = {
      fewer_than_3_valid_bids: "有效投标不足3家且未记录例外理由 (fewer than 3 valid bids and no recorded exception)",
      no_valid_bids: "没有有效投标 (no valid bid)",
      valid_bid_not_scored: "尚有有效投标未经评审 (a valid bid has not been scored by any reviewer)",
    };
    return refuse("not_awardable", "award", why[award.reason] ?? award.reason);
  }
  const today = clock.today();
  const vendorNames = new Map(bids.map((bid) => [bid.id, bid.vendorName]));
  const ranked = award.bids.filter((bid) => bid.rank !== undefined);
  const published = await publishList(trx, context, {
    kind: "services.award",
    subjectKey: `services:need:${need.id}`,
    title: `政府购买服务评审结果公示（${need.title}）`,
    townCode: need.townCode,
    startDate: input.publicityStartOn ?? today,
    workingDays: input.workingDays ?? 5,
    columns: [
      { key: "vendor", label: "投标机构" },
      { key: "price", label: "报价（元）" },
      { key: "score", label: "综合得分" },
      { key: "result", label: "结果" },
    ],
    entries: ranked.map((bid) => ({
      rank: bid.rank!,
      name: vendorNames.get(String(bid.id)) ?? "",
      idNumber: "",
      townCode: need.townCode,
      values: {
        vendor: vendorNames.get(String(bid.id)) ?? "",
        price: fenToYuanString(Number(bid.priceFen)),
        score: bid.score!,
        result: bid.id === award.winner ? "拟中标" : "",
      },
      subjectType: "services_bid",
      subjectId: String(bid.id),
    })),
  });
  if (!published.ok) return published;
  const stored = {
    reason: award.reason,
    validBids: award.validBids,
    exception: award.exception,
    ranking: ranked.map((bid) => ({
      bidId: String(bid.id),
      vendorName: vendorNames.get(String(bid.id)) ?? "",
      priceFen: Number(bid.priceFen),
      score: bid.score!,
      rank: bid.rank!,
    })),
  };
  await servicesDb(trx)
    .updateTable("services_needs")
    .set({
      status: "awarded",
      award: JSON.stringify(stored),
      winner_bid_id: String(award.winner),
      publicity_list_id: published.value.id,
    })
    .where("id", "=", need.id)
    .execute();
  await audit(trx, context, {
    action: "services.need.award",
    entityType: "services_need",
    entityId: need.id,
    townCode: need.townCode,
    after: { winnerBidId: award.winner, reason: award.reason, publicityListId: published.value.id },
  });
  return ok((await findNeed(trx, need.id))!);
}
