/** Queries of the services module. Bids are read only through `sealedBids`/`openedBids`, which enforce the seal. */
import { addDays } from "../../core/dates";
import type { Executor } from "../../db/transaction";
import { EXPIRY_WARNING_DAYS } from "./catalogue";
import { servicesDb, type Indicator, type ServiceWeights } from "./tables";

export interface RequirementRecord {
  requirement: string;
  fileId: string | null;
  passed: boolean | null;
  checkNote: string;
  checkedOn: string | null;
}

export interface VendorRecord {
  id: string;
  accountId: string;
  name: string;
  creditCode: string;
  legalRepresentative: string;
  townCode: string | null;
  bankAccount: string;
  qualifications: string[];
  qualifiedOn: string | null;
  qualifiedUntil: string | null;
  requirements: RequirementRecord[];
  createdAt: Date;
}

function vendorQuery(executor: Executor) {
  return servicesDb(executor)
    .selectFrom("services_vendors")
    .select([
      "id",
      "account_id as accountId",
      "name",
      "credit_code as creditCode",
      "legal_representative as legalRepresentative",
      "town_code as townCode",
      "bank_account as bankAccount",
      "qualifications",
      "qualified_on as qualifiedOn",
      "qualified_until as qualifiedUntil",
      "created_at as createdAt",
    ]);
}

async function withRequirements(
  executor: Executor,
  rows: Omit<VendorRecord, "requirements">[],
): Promise<VendorRecord[]> {
  if (rows.length === 0) return [];
  const requirements = await servicesDb(executor)
    .selectFrom("services_vendor_requirements")
    .select([
      "vendor_id as vendorId",
      "requirement",
      "file_id as fileId",
      "passed",
      "check_note as checkNote",
      "checked_on as checkedOn",
    ])
    .where(
      "vendor_id",
      "in",
      rows.map((row) => row.id),
    )
    .orderBy("requirement")
    .execute();
  return rows.map((row) => ({
    ...row,
    requirements: requirements
      .filter((each) => each.vendorId === row.id)
      .map(({ vendorId: _vendorId, ...rest }) => rest),
  }));
}

export async function findVendor(executor: Executor, id: string): Promise<VendorRecord | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const row = await vendorQuery(executor).where("id", "=", id).executeTakeFirst();
  return row ? (await withRequirements(executor, [row]))[0] : undefined;
}

export async function findVendorOfAccount(executor: Executor, accountId: string): Promise<VendorRecord | undefined> {
  const row = await vendorQuery(executor).where("account_id", "=", accountId).executeTakeFirst();
  return row ? (await withRequirements(executor, [row]))[0] : undefined;
}

/** Vendors for reviewers: all, unqualified first. */
export async function listVendors(executor: Executor): Promise<VendorRecord[]> {
  return withRequirements(
    executor,
    await vendorQuery(executor).orderBy("qualified_until", "asc").orderBy("name").execute(),
  );
}

/** The public qualified list: vendors qualified on `today`. */
export async function listQualifiedVendors(executor: Executor, today: string): Promise<VendorRecord[]> {
  return withRequirements(
    executor,
    await vendorQuery(executor)
      .where("qualified_on", "<=", today)
      .where("qualified_until", ">=", today)
      .orderBy("name")
      .execute(),
  );
}

/** Qualified vendors whose qualification ends within the warning window (30 days) from `today`. */
export async function listExpiringVendors(executor: Executor, today: string): Promise<VendorRecord[]> {
  return withRequirements(
    executor,
    await vendorQuery(executor)
      .where("qualified_until", ">=", today)
      .where("qualified_until", "<=", addDays(today, EXPIRY_WARNING_DAYS))
      .orderBy("qualified_until")
      .execute(),
  );
}

/** Whether a vendor is qualified on `today` for every category listed. */
export function isQualified(vendor: VendorRecord, today: string, categories: readonly string[] = []): boolean {
  return (
    vendor.qualifiedOn !== null &&
    vendor.qualifiedUntil !== null &&
    vendor.qualifiedOn <= today &&
    today <= vendor.qualifiedUntil &&
    categories.every((category) => vendor.qualifications.includes(category))
  );
}

export interface NeedRecord {
  id: string;
  departmentCode: string;
  departmentName: string;
  title: string;
  description: string;
  townCode: string;
  budgetFen: number;
  periodStart: string;
  periodEnd: string;
  requiredQualifications: string[];
  indicators: Indicator[];
  weights: ServiceWeights;
  bidsCloseOn: string;
  status: "open" | "awarded" | "not_awarded";
  exceptionReason: string | null;
  award: unknown;
  winnerBidId: string | null;
  publicityListId: string | null;
  createdAt: Date;
}

function needQuery(executor: Executor) {
  return servicesDb(executor)
    .selectFrom("services_needs as n")
    .innerJoin("departments as d", "d.code", "n.department_code")
    .select([
      "n.id",
      "n.department_code as departmentCode",
      "d.name as departmentName",
      "n.title",
      "n.description",
      "n.town_code as townCode",
      "n.budget_fen as budgetFen",
      "n.period_start as periodStart",
      "n.period_end as periodEnd",
      "n.required_qualifications as requiredQualifications",
      "n.indicators",
      "n.weights",
      "n.bids_close_on as bidsCloseOn",
      "n.status",
      "n.exception_reason as exceptionReason",
      "n.award",
      "n.winner_bid_id as winnerBidId",
      "n.publicity_list_id as publicityListId",
      "n.created_at as createdAt",
    ]);
}

type NeedRow = Awaited<ReturnType<ReturnType<typeof needQuery>["executeTakeFirstOrThrow"]>>;
function toNeed(row: NeedRow): NeedRecord {
  return { ...row, budgetFen: Number(row.budgetFen), status: row.status as NeedRecord["status"] };
}

export async function findNeed(executor: Executor, id: string): Promise<NeedRecord | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const row = await needQuery(executor).where("n.id", "=", id).executeTakeFirst();
  return row ? toNeed(row) : undefined;
}

/** Every need, newest deadline first. */
export async function listNeeds(executor: Executor): Promise<NeedRecord[]> {
  return (await needQuery(executor).orderBy("n.bids_close_on", "desc").orderBy("n.id").execute()).map(toNeed);
}

/** Whether a need's bids are open for reading on `today`: the day after the last bidding day. */
export function bidsOpened(need: Pick<NeedRecord, "bidsCloseOn">, today: string): boolean {
  return today > need.bidsCloseOn;
}

export interface BidRecord {
  id: string;
  needId: string;
  vendorId: string;
  vendorName: string;
  priceFen: number;
  plan: string;
  team: string;
  submittedAt: Date;
}

function bidQuery(executor: Executor) {
  return servicesDb(executor)
    .selectFrom("services_bids as b")
    .innerJoin("services_vendors as v", "v.id", "b.vendor_id")
    .select([
      "b.id",
      "b.need_id as needId",
      "b.vendor_id as vendorId",
      "v.name as vendorName",
      "b.price_fen as priceFen",
      "b.plan",
      "b.team",
      "b.submitted_at as submittedAt",
    ]);
}

/** The bids of a need, only once opened; undefined while sealed (callers answer without a count). */
export async function openedBids(
  executor: Executor,
  need: Pick<NeedRecord, "id" | "bidsCloseOn">,
  today: string,
): Promise<BidRecord[] | undefined> {
  if (!bidsOpened(need, today)) return undefined;
  const rows = await bidQuery(executor)
    .where("b.need_id", "=", need.id)
    .orderBy("b.submitted_at")
    .orderBy("b.id")
    .execute();
  return rows.map((row) => ({ ...row, priceFen: Number(row.priceFen) }));
}

/** A vendor's own bid on a need (a vendor always sees its own). */
export async function ownBid(executor: Executor, needId: string, vendorId: string): Promise<BidRecord | undefined> {
  const row = await bidQuery(executor)
    .where("b.need_id", "=", needId)
    .where("b.vendor_id", "=", vendorId)
    .executeTakeFirst();
  return row ? { ...row, priceFen: Number(row.priceFen) } : undefined;
}

export interface ReviewRecord {
  bidId: string;
  reviewerId: string;
  reviewerName: string;
  conflict: boolean;
  conflictNote: string;
  plan: number | null;
  staff: number | null;
  past: number | null;
}

/** The reviews of a need's bids (after opening only: reviews exist only then). */
export async function needReviews(executor: Executor, needId: string): Promise<ReviewRecord[]> {
  return servicesDb(executor)
    .selectFrom("services_reviews as r")
    .innerJoin("services_bids as b", "b.id", "r.bid_id")
    .innerJoin("accounts as a", "a.id", "r.reviewer_id")
    .select([
      "r.bid_id as bidId",
      "r.reviewer_id as reviewerId",
      "a.display_name as reviewerName",
      "r.conflict",
      "r.conflict_note as conflictNote",
      "r.plan",
      "r.staff",
      "r.past",
    ])
    .where("b.need_id", "=", needId)
    .orderBy("a.username")
    .execute();
}

/** Whether the reviewer has declared on the need's panel. */
export async function hasDeclared(executor: Executor, needId: string, reviewerId: string): Promise<boolean> {
  const row = await servicesDb(executor)
    .selectFrom("services_panel_members")
    .select("need_id")
    .where("need_id", "=", needId)
    .where("reviewer_id", "=", reviewerId)
    .executeTakeFirst();
  return row !== undefined;
}
