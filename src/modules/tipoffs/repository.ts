/**
 * Tip-off queries. `TipoffRecord` never carries the reporter's identity; only `reporterOf` reads it, and only
 * the presenter for the handling department's officers calls it.
 */
import { sql } from "kysely";
import { listCampaigns } from "../participation/repository";
import type { Executor } from "../../db/transaction";
import { tipoffsDb, type TipoffEventKind, type TipoffState, type TipoffAuthor } from "./tables";

/** A tip-off as staff and the reporter see it (no identity). */
export interface TipoffRecord {
  id: string;
  reference: string;
  token: string;
  categoryCode: string;
  categoryName: string;
  /** The 全民 campaign the tip answers, by code (null: none). */
  campaignCode: string | null;
  categoryPublic: boolean;
  townCode: string;
  place: string;
  latitude: number | null;
  longitude: number | null;
  description: string;
  channel: "web" | "open311";
  anonymous: boolean;
  departmentCode: string;
  departmentName: string;
  state: TipoffState;
  submittedOn: string;
  submittedAt: Date;
  dueOn: string;
  investigationDays: number;
  assignedAccountId: string | null;
  outcomeNote: string | null;
  decidedOn: string | null;
  rewardFen: number | null;
  rewardNote: string | null;
  rewardGrantedOn: string | null;
  rewardCollectedOn: string | null;
  updatedAt: Date;
  version: number;
}

/** The reporter of a tip-off: read only for the handling department's officers. */
export interface TipoffReporter {
  accountId: string | null;
  personId: string | null;
  name: string | null;
  phone: string | null;
  email: string | null;
  idNumber: string | null;
}

/** One event of a tip-off's timeline. */
export interface TipoffEvent {
  id: string;
  author: TipoffAuthor;
  kind: TipoffEventKind;
  text: string;
  toReporter: boolean;
  createdAt: Date;
}

/** A photo's metadata. */
export interface TipoffPhoto {
  id: string;
  tipoffId: string;
  mediaType: "image/jpeg" | "image/png";
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  createdAt: Date;
}

/** A category as stored. */
export interface CategoryRecord {
  code: string;
  name: string;
  description: string;
  departmentCode: string;
  departmentName: string;
  public: boolean;
  investigationDays: number;
  active: boolean;
  routing: { townCode: string; departmentCode: string }[];
}

function selectTipoffs(executor: Executor) {
  return tipoffsDb(executor)
    .selectFrom("tipoffs as t")
    .innerJoin("tipoff_categories as c", "c.code", "t.category_code")
    .innerJoin("departments as d", "d.code", "t.department_code")
    .select([
      "t.id",
      "t.campaign_id",
      "t.reference",
      "t.token",
      "t.category_code",
      "c.name as category_name",
      "c.public as category_public",
      "t.town_code",
      "t.place",
      "t.latitude",
      "t.longitude",
      "t.description",
      "t.channel",
      "t.anonymous",
      "t.department_code",
      "d.name as department_name",
      "t.state",
      "t.submitted_on",
      "t.submitted_at",
      "t.due_on",
      "t.investigation_days",
      "t.assigned_account_id",
      "t.outcome_note",
      "t.decided_on",
      "t.reward_fen",
      "t.reward_note",
      "t.reward_granted_on",
      "t.reward_collected_on",
      "t.updated_at",
      "t.version",
    ]);
}

/** Campaign codes by id, through the participation module's exported query (never its table). */
async function campaignCodes(executor: Executor, rows: { campaign_id: string | null }[]): Promise<Map<string, string>> {
  if (!rows.some((row) => row.campaign_id)) return new Map();
  return new Map((await listCampaigns(executor)).map((campaign) => [campaign.id, campaign.code]));
}

type TipoffRow = Awaited<ReturnType<ReturnType<typeof selectTipoffs>["executeTakeFirstOrThrow"]>>;

function toRecord(row: TipoffRow, campaigns: Map<string, string>): TipoffRecord {
  return {
    id: row.id,
    reference: row.reference,
    token: row.token,
    categoryCode: row.category_code,
    categoryName: row.category_name,
    campaignCode: row.campaign_id ? (campaigns.get(row.campaign_id) ?? null) : null,
    categoryPublic: row.category_public,
    townCode: row.town_code,
    place: row.place,
    latitude: row.latitude,
    longitude: row.longitude,
    description: row.description,
    channel: row.channel,
    anonymous: row.anonymous,
    departmentCode: row.department_code,
    departmentName: row.department_name,
    state: row.state,
    submittedOn: row.submitted_on,
    submittedAt: row.submitted_at,
    dueOn: row.due_on,
    investigationDays: row.investigation_days,
    assignedAccountId: row.assigned_account_id,
    outcomeNote: row.outcome_note,
    decidedOn: row.decided_on,
    rewardFen: row.reward_fen === null ? null : Number(row.reward_fen),
    rewardNote: row.reward_note,
    rewardGrantedOn: row.reward_granted_on,
    rewardCollectedOn: row.reward_collected_on,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** A tip-off by id. */
export async function findTipoff(executor: Executor, id: string): Promise<TipoffRecord | undefined> {
  const row = await selectTipoffs(executor).where("t.id", "=", id).executeTakeFirst();
  return row ? toRecord(row, await campaignCodes(executor, [row])) : undefined;
}

/** A tip-off by the hash of its receipt code. */
export async function findTipoffByReceiptHash(executor: Executor, hash: string): Promise<TipoffRecord | undefined> {
  const row = await selectTipoffs(executor).where("t.receipt_hash", "=", hash).executeTakeFirst();
  return row ? toRecord(row, await campaignCodes(executor, [row])) : undefined;
}

/** Locks a tip-off's row for a change (inside a transaction) and returns it fresh. */
export async function lockTipoff(executor: Executor, id: string): Promise<TipoffRecord | undefined> {
  await tipoffsDb(executor).selectFrom("tipoffs").select("id").where("id", "=", id).forUpdate().execute();
  return findTipoff(executor, id);
}

/** Filters of the staff queue. */
export interface TipoffFilter {
  /** The departments whose tips the caller sees, or every department. */
  departments: string[] | "all";
  /** Only tips of public (non-confidential) categories. */
  publicOnly?: boolean;
  state?: TipoffState;
  categoryCode?: string;
  townCode?: string;
  /** Words in the reference, place or description (never the reporter). */
  q?: string;
  fromDate?: string;
  toDate?: string;
  ids?: string[];
  page: number;
  pageSize: number;
}

/** A page of tip-offs, newest first. */
export async function searchTipoffs(
  executor: Executor,
  filter: TipoffFilter,
): Promise<{ items: TipoffRecord[]; total: number }> {
  let query = selectTipoffs(executor);
  if (filter.departments !== "all") {
    if (filter.departments.length === 0) return { items: [], total: 0 };
    query = query.where("t.department_code", "in", filter.departments);
  }
  if (filter.publicOnly) query = query.where("c.public", "=", true);
  if (filter.state) query = query.where("t.state", "=", filter.state);
  if (filter.categoryCode) query = query.where("t.category_code", "=", filter.categoryCode);
  if (filter.townCode) query = query.where("t.town_code", "=", filter.townCode);
  if (filter.fromDate) query = query.where("t.submitted_at", ">=", sql<Date>`${filter.fromDate}::timestamptz`);
  if (filter.toDate) query = query.where("t.submitted_at", "<=", sql<Date>`${filter.toDate}::timestamptz`);
  if (filter.ids) {
    if (filter.ids.length === 0) return { items: [], total: 0 };
    query = query.where("t.id", "in", filter.ids);
  }
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    query = query.where((eb) =>
      eb.or([eb("t.reference", "ilike", like), eb("t.place", "ilike", like), eb("t.description", "ilike", like)]),
    );
  }
  const counted = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy("t.submitted_at", "desc")
    .orderBy("t.id")
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  const campaigns = await campaignCodes(executor, rows);
  return { items: rows.map((row) => toRecord(row, campaigns)), total: Number(counted.count) };
}

/** The reporter's identity (handling department only: callers check `isHandlingOfficer` first). */
export async function reporterOf(executor: Executor, tipoffId: string): Promise<TipoffReporter | undefined> {
  const row = await tipoffsDb(executor)
    .selectFrom("tipoff_reporters")
    .selectAll()
    .where("tipoff_id", "=", tipoffId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    accountId: row.account_id,
    personId: row.person_id,
    name: row.name,
    phone: row.phone,
    email: row.email,
    idNumber: row.id_number,
  };
}

/** A tip-off's timeline, oldest first; `reporterView` keeps only what the reporter may read. */
export async function eventsOf(executor: Executor, tipoffId: string, reporterView = false): Promise<TipoffEvent[]> {
  let query = tipoffsDb(executor).selectFrom("tipoff_events").selectAll().where("tipoff_id", "=", tipoffId);
  if (reporterView) query = query.where("to_reporter", "=", true);
  const rows = await query.orderBy("created_at").orderBy("id").execute();
  return rows.map((row) => ({
    id: row.id,
    author: row.author,
    kind: row.kind,
    text: row.text,
    toReporter: row.to_reporter,
    createdAt: row.created_at,
  }));
}

/** A tip-off's photos. */
export async function photosOf(executor: Executor, tipoffId: string): Promise<TipoffPhoto[]> {
  const rows = await tipoffsDb(executor)
    .selectFrom("tipoff_photos")
    .selectAll()
    .where("tipoff_id", "=", tipoffId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    tipoffId: row.tipoff_id,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    storageKey: row.storage_key,
    createdAt: row.created_at,
  }));
}

/** Categories, with their routing per 镇区; `active` and `publicOnly` narrow the list. */
export async function listCategories(
  executor: Executor,
  filter: { activeOnly?: boolean; publicOnly?: boolean; code?: string } = {},
): Promise<CategoryRecord[]> {
  let query = tipoffsDb(executor)
    .selectFrom("tipoff_categories as c")
    .innerJoin("departments as d", "d.code", "c.department_code")
    .select([
      "c.code",
      "c.name",
      "c.description",
      "c.department_code",
      "d.name as department_name",
      "c.public",
      "c.investigation_days",
      "c.active",
    ]);
  if (filter.activeOnly) query = query.where("c.active", "=", true);
  if (filter.publicOnly) query = query.where("c.public", "=", true);
  if (filter.code) query = query.where("c.code", "=", filter.code);
  const rows = await query.orderBy("c.created_at").orderBy("c.code").execute();
  const routing = await tipoffsDb(executor).selectFrom("tipoff_routing").selectAll().orderBy("town_code").execute();
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    description: row.description,
    departmentCode: row.department_code,
    departmentName: row.department_name,
    public: row.public,
    investigationDays: row.investigation_days,
    active: row.active,
    routing: routing
      .filter((route) => route.category_code === row.code)
      .map((route) => ({ townCode: route.town_code, departmentCode: route.department_code })),
  }));
}

/** One category by code. */
export async function findCategory(executor: Executor, code: string): Promise<CategoryRecord | undefined> {
  return (await listCategories(executor, { code }))[0];
}

/** Tip-offs tagged with a campaign, and how many of them were verified (for the campaign's figures). */
export async function campaignTipoffFigures(
  executor: Executor,
  campaignId: string,
): Promise<{ reported: number; verified: number }> {
  const row = await tipoffsDb(executor)
    .selectFrom("tipoffs")
    .select((eb) => [
      eb.fn.countAll<number>().as("reported"),
      eb.fn.count<number>("id").filterWhere("state", "=", "verified").as("verified"),
    ])
    .where("campaign_id", "=", campaignId)
    .executeTakeFirstOrThrow();
  return { reported: Number(row.reported), verified: Number(row.verified) };
}
