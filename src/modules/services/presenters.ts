/** Rows → API shapes of the services module. */
import { addDays } from "../../core/dates";
import { fenToYuanString } from "../../core/money";
import type { PublicityList } from "../../platform/publicity/publicity.lists";
import type { ServiceAward } from "../../rules/panel/services.award";
import { EXPIRY_WARNING_DAYS, vendorRequirements } from "./catalogue";
import {
  bidsOpened,
  isQualified,
  type BidRecord,
  type NeedRecord,
  type ReviewRecord,
  type VendorRecord,
} from "./repository";

const requirementLabels = new Map<string, string>(vendorRequirements.map((each) => [each.code, each.label]));

export function presentVendor(vendor: VendorRecord, today: string) {
  const qualified = isQualified(vendor, today);
  return {
    id: vendor.id,
    name: vendor.name,
    creditCode: vendor.creditCode,
    legalRepresentative: vendor.legalRepresentative,
    townCode: vendor.townCode,
    bankAccount: vendor.bankAccount,
    qualifications: vendor.qualifications,
    qualifiedOn: vendor.qualifiedOn,
    qualifiedUntil: vendor.qualifiedUntil,
    qualified,
    expiresSoon: qualified && vendor.qualifiedUntil! <= addDays(today, EXPIRY_WARNING_DAYS),
    requirements: vendor.requirements.map((each) => ({
      ...each,
      label: requirementLabels.get(each.requirement) ?? each.requirement,
    })),
    createdAt: new Date(vendor.createdAt).toISOString(),
  };
}

export function presentPublicVendor(vendor: VendorRecord) {
  return {
    id: vendor.id,
    name: vendor.name,
    townCode: vendor.townCode,
    qualifications: vendor.qualifications,
    qualifiedUntil: vendor.qualifiedUntil!,
  };
}

interface StoredAward {
  ranking: { bidId: string; vendorName: string; priceFen: number; score: string; rank: number }[];
}

/** A need: the bid count only once opened, the ranking only once awarded. */
export function presentNeed(need: NeedRecord, today: string, bidCount: number | null) {
  const opened = bidsOpened(need, today);
  const award = need.award as StoredAward | null;
  return {
    id: need.id,
    departmentCode: need.departmentCode,
    departmentName: need.departmentName,
    title: need.title,
    description: need.description,
    townCode: need.townCode,
    budgetYuan: fenToYuanString(need.budgetFen),
    periodStart: need.periodStart,
    periodEnd: need.periodEnd,
    requiredQualifications: need.requiredQualifications,
    indicators: need.indicators,
    weights: need.weights,
    bidsCloseOn: need.bidsCloseOn,
    bidsOpened: opened,
    bidCount: opened ? bidCount : null,
    status: need.status,
    exceptionReason: need.exceptionReason,
    winnerBidId: need.winnerBidId,
    ranking: (award?.ranking ?? []).map((entry) => ({
      bidId: entry.bidId,
      vendorName: entry.vendorName,
      priceYuan: fenToYuanString(entry.priceFen),
      score: entry.score,
      rank: entry.rank,
    })),
    publicityListId: need.publicityListId,
    createdAt: new Date(need.createdAt).toISOString(),
  };
}

export function presentBid(bid: BidRecord) {
  return {
    id: bid.id,
    needId: bid.needId,
    vendorId: bid.vendorId,
    vendorName: bid.vendorName,
    priceYuan: fenToYuanString(bid.priceFen),
    plan: bid.plan,
    team: bid.team,
    submittedAt: new Date(bid.submittedAt).toISOString(),
  };
}

const points = (hundredths: number | null) => (hundredths === null ? null : fenToYuanString(hundredths));

export function presentReview(review: ReviewRecord) {
  return {
    bidId: review.bidId,
    reviewerId: review.reviewerId,
    reviewerName: review.reviewerName,
    conflict: review.conflict,
    conflictNote: review.conflictNote,
    plan: points(review.plan),
    staff: points(review.staff),
    past: points(review.past),
  };
}

export function presentResults(award: ServiceAward) {
  return award.bids.map((bid) => ({
    bidId: String(bid.id),
    valid: bid.valid,
    invalidity: bid.invalidity ?? null,
    reviewers: bid.reviewers,
    recused: bid.recused,
    means: bid.means,
    pricePoints: bid.pricePoints ?? null,
    score: bid.score ?? null,
    rank: bid.rank ?? null,
  }));
}

/** The award as stored on an awarded need (commands/panel.ts). */
interface StoredAwardDetail extends StoredAward {
  reason?: string;
  validBids?: number;
}

/**
 * An awarded need for the public awards page: the winner (an organisation), its price and score, the method (the
 * 3-bid rule met, or a recorded exception) and the dates of the result's publicity; no other bid is shown.
 * Undefined for a need without a recorded winner.
 */
export function presentPublicAward(need: NeedRecord, publicity: PublicityList | null) {
  const award = need.award as StoredAwardDetail | null;
  const winner = award?.ranking.find((entry) => entry.bidId === need.winnerBidId);
  if (need.status !== "awarded" || !award || !winner) return undefined;
  return {
    id: need.id,
    title: need.title,
    departmentCode: need.departmentCode,
    departmentName: need.departmentName,
    townCode: need.townCode,
    budgetYuan: fenToYuanString(need.budgetFen),
    periodStart: need.periodStart,
    periodEnd: need.periodEnd,
    winner: winner.vendorName,
    amountYuan: fenToYuanString(winner.priceFen),
    score: winner.score,
    validBids: award.validBids ?? null,
    method: award.reason === "exception_recorded" ? "exception" : "scoring",
    exceptionReason: award.reason === "exception_recorded" ? need.exceptionReason : null,
    publishedOn: publicity?.startDate ?? null,
    publicityEndOn: publicity?.endDate ?? null,
  };
}
