/** Service needs: a department publishes one, vendors bid (sealed until the deadline), an officer records an exception. */
import { clock } from "../../../core/clock";
import { isIsoDate } from "../../../core/dates";
import { parseYuan } from "../../../core/money";
import { err, ok, type Problem, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { audit, isUniqueViolation, type CommandContext } from "../../../platform/commands/context";
import { DEFAULT_SERVICE_WEIGHTS } from "../../../rules/panel/services.award";
import { categoryCodes } from "../catalogue";
import { findNeed, isQualified, ownBid, type BidRecord, type NeedRecord, type VendorRecord } from "../repository";
import { servicesDb, type Indicator, type ServiceWeights } from "../tables";

function refuse(code: string, field: string, message: string): { ok: false; error: Problem } {
  return err({ code, field, message: `${field}: ${message}` });
}

export interface NeedInput {
  departmentCode: string;
  title: string;
  description: string;
  townCode: string;
  budgetYuan: string | number;
  periodStart: string;
  periodEnd: string;
  requiredQualifications?: string[];
  indicators?: Indicator[];
  weights?: ServiceWeights;
  bidsCloseOn: string;
}

/** Publishes a service need with its budget, period, requirements, indicators and weights (default 30/40/20/10). */
export async function publishNeed(trx: Trx, context: CommandContext, input: NeedInput): Promise<Result<NeedRecord>> {
  const title = input.title.trim();
  if (!title) return refuse("invalid_title", "title", "标题不能为空 (title must not be empty)");
  const budget = parseYuan(input.budgetYuan, "budgetYuan");
  if (!budget.ok) return budget;
  if (budget.value <= 0) return refuse("invalid_amount", "budgetYuan", "预算须大于0 (the budget must be above 0)");
  for (const field of ["periodStart", "periodEnd", "bidsCloseOn"] as const)
    if (!isIsoDate(input[field])) return refuse("invalid_date", field, "须为 YYYY-MM-DD (must be a real date)");
  if (input.periodEnd < input.periodStart)
    return refuse("invalid_period", "periodEnd", "结束日期不能早于开始日期 (the period must not end before it starts)");
  const today = clock.today();
  if (input.bidsCloseOn < today)
    return refuse(
      "invalid_date",
      "bidsCloseOn",
      `投标截止日不能早于今天 ${today} (the bid deadline must not be in the past)`,
    );
  const categories = [...new Set(input.requiredQualifications ?? [])];
  const unknownCategory = categories.find((category) => !categoryCodes.includes(category));
  if (unknownCategory)
    return refuse(
      "invalid_categories",
      "requiredQualifications",
      `未知的服务类别 "${unknownCategory}" (unknown category)`,
    );
  const weights = input.weights ?? { ...DEFAULT_SERVICE_WEIGHTS };
  if (weights.price + weights.plan + weights.staff + weights.past <= 0)
    return refuse("invalid_weights", "weights", "权重之和须大于0 (the weights must add up to more than 0)");
  const db = servicesDb(trx);
  const department = await db
    .selectFrom("departments")
    .select("code")
    .where("code", "=", input.departmentCode)
    .executeTakeFirst();
  if (!department) return refuse("unknown_department", "departmentCode", "未知的部门 (unknown department)");
  const town = await db.selectFrom("towns").select("code").where("code", "=", input.townCode).executeTakeFirst();
  if (!town) return refuse("unknown_town", "townCode", "未知的镇区 (unknown town)");
  const { id } = await db
    .insertInto("services_needs")
    .values({
      department_code: input.departmentCode,
      title,
      description: input.description.trim(),
      town_code: input.townCode,
      budget_fen: budget.value,
      period_start: input.periodStart,
      period_end: input.periodEnd,
      required_qualifications: categories,
      indicators: JSON.stringify(input.indicators ?? []),
      weights: JSON.stringify(weights),
      bids_close_on: input.bidsCloseOn,
      created_by: context.actor.id,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await audit(trx, context, {
    action: "services.need.publish",
    entityType: "services_need",
    entityId: id,
    townCode: input.townCode,
    after: {
      title,
      budgetFen: budget.value,
      bidsCloseOn: input.bidsCloseOn,
      weights,
      requiredQualifications: categories,
    },
  });
  return ok((await findNeed(trx, id))!);
}

/** An officer records why a need may be awarded with fewer than 3 valid bids. */
export async function recordException(
  trx: Trx,
  context: CommandContext,
  need: NeedRecord,
  input: { reason: string },
): Promise<Result<NeedRecord>> {
  if (need.status !== "open") return refuse("need_closed", "status", "该需求已评定 (the need is already decided)");
  const reason = input.reason.trim();
  if (!reason) return refuse("invalid_reason", "reason", "须说明理由 (the reason must not be empty)");
  await servicesDb(trx)
    .updateTable("services_needs")
    .set({ exception_reason: reason })
    .where("id", "=", need.id)
    .execute();
  await audit(trx, context, {
    action: "services.need.exception",
    entityType: "services_need",
    entityId: need.id,
    townCode: need.townCode,
    before: { exceptionReason: need.exceptionReason },
    after: { exceptionReason: reason },
  });
  return ok((await findNeed(trx, need.id))!);
}

export interface BidInput {
  priceYuan: string | number;
  plan: string;
  team: string;
}

/**
 * A qualified, unexpired vendor bids (or replaces its own bid) on or before the last bidding day. The answer is
 * the vendor's own bid only; nothing here reads or reveals other bids.
 */
export async function submitBid(
  trx: Trx,
  context: CommandContext,
  need: NeedRecord,
  vendor: VendorRecord | undefined,
  input: BidInput,
): Promise<Result<BidRecord>> {
  const today = clock.today();
  if (need.status !== "open" || today > need.bidsCloseOn)
    return refuse(
      "bidding_closed",
      "bidsCloseOn",
      `投标已于 ${need.bidsCloseOn} 截止 (bidding closed at the end of ${need.bidsCloseOn})`,
    );
  if (!vendor)
    return refuse("vendor_not_qualified", "vendor", "本账号尚未登记机构 (this account has no registered organisation)");
  if (!isQualified(vendor, today, need.requiredQualifications)) {
    const expired = vendor.qualifiedUntil !== null && vendor.qualifiedUntil < today;
    return refuse(
      "vendor_not_qualified",
      "vendor",
      expired
        ? `机构资质已于 ${vendor.qualifiedUntil} 到期 (the qualification expired on ${vendor.qualifiedUntil})`
        : `机构不具备所需资质 ${need.requiredQualifications.join("、") || "（资格审核）"} (the vendor is not qualified for this need)`,
    );
  }
  const price = parseYuan(input.priceYuan, "priceYuan");
  if (!price.ok) return price;
  if (price.value <= 0) return refuse("invalid_amount", "priceYuan", "报价须大于0 (the price must be above 0)");
  const plan = input.plan.trim();
  if (!plan) return refuse("invalid_plan", "plan", "服务方案不能为空 (the service plan must not be empty)");
  const team = input.team.trim();
  if (!team) return refuse("invalid_team", "team", "团队不能为空 (the team must not be empty)");
  const db = servicesDb(trx);
  const previous = await ownBid(trx, need.id, vendor.id);
  try {
    if (previous)
      await db
        .updateTable("services_bids")
        .set({ price_fen: price.value, plan, team, submitted_at: new Date(clock.now()) })
        .where("id", "=", previous.id)
        .execute();
    else
      await db
        .insertInto("services_bids")
        .values({
          need_id: need.id,
          vendor_id: vendor.id,
          price_fen: price.value,
          plan,
          team,
          submitted_at: clock.now(),
        })
        .execute();
  } catch (error) {
    if (isUniqueViolation(error, "services_bids_one_per_vendor"))
      return refuse("version_conflict", "bid", "同时提交了两次投标，请重试 (two submissions raced; try again)");
    throw error;
  }
  const bid = (await ownBid(trx, need.id, vendor.id))!;
  // Sealed: the audit entry names the bid only, never the need, vendor, price or content.
  await audit(trx, context, {
    action: previous ? "services.bid.replace" : "services.bid.submit",
    entityType: "services_bid",
    entityId: bid.id,
    townCode: null,
    after: { sealed: true },
  });
  return ok(bid);
}
