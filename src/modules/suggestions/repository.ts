/** Queries of the suggestions module: one idea, the public list, supports, progress notes, settings. */
import { sql } from "kysely";
import { maskName } from "../../core/masking";
import type { Executor } from "../../db/transaction";
import { holdsAnyRole } from "../../platform/access/scope";
import type { Actor } from "../../platform/roles";
import { suggestionsDb, type SuggestionState } from "./tables";

/** An idea with its names resolved. */
export interface SuggestionRecord {
  id: string;
  reference: string;
  title: string;
  body: string;
  state: SuggestionState;
  campaignCode: string | null;
  campaignName: string | null;
  townCode: string;
  departmentCode: string;
  departmentName: string;
  proposerName: string;
  proposerAccountId: string | null;
  proposerPersonId: string;
  supportCount: number;
  supportThreshold: number;
  answerWorkingDays: number;
  submittedOn: string;
  thresholdReachedOn: string | null;
  answerDueOn: string | null;
  answer: string | null;
  answeredOn: string | null;
}

function suggestionQuery(executor: Executor) {
  return suggestionsDb(executor)
    .selectFrom("suggestions as s")
    .innerJoin("departments as d", "d.code", "s.department_code")
    .innerJoin("persons as p", "p.id", "s.proposer_person_id")
    .leftJoin("participation_campaigns as c", "c.id", "s.campaign_id")
    .select([
      "s.id",
      "s.reference",
      "s.title",
      "s.body",
      "s.state",
      "c.code as campaignCode",
      "c.name as campaignName",
      "s.town_code as townCode",
      "s.department_code as departmentCode",
      "d.name as departmentName",
      "p.name as proposerName",
      "s.proposer_account_id as proposerAccountId",
      "s.proposer_person_id as proposerPersonId",
      "s.support_count as supportCount",
      "s.support_threshold as supportThreshold",
      "s.answer_working_days as answerWorkingDays",
      "s.submitted_on as submittedOn",
      "s.threshold_reached_on as thresholdReachedOn",
      "s.answer_due_on as answerDueOn",
      "s.answer",
      "s.answered_on as answeredOn",
    ]);
}

/** One idea. */
export async function findSuggestion(executor: Executor, id: string): Promise<SuggestionRecord | undefined> {
  return suggestionQuery(executor).where("s.id", "=", id).executeTakeFirst();
}

/** The filters of the public list. */
export interface SuggestionFilter {
  state?: string;
  campaign?: string;
  town?: string;
  q?: string;
  awaitingAnswer?: boolean;
  page: number;
  pageSize: number;
}

/** The public list, newest first, with the total. */
export async function searchSuggestions(executor: Executor, filter: SuggestionFilter) {
  let query = suggestionQuery(executor);
  if (filter.state) query = query.where("s.state", "=", filter.state as SuggestionState);
  if (filter.campaign) query = query.where("c.code", "=", filter.campaign);
  if (filter.town) query = query.where("s.town_code", "=", filter.town);
  if (filter.awaitingAnswer)
    query = query.where("s.threshold_reached_on", "is not", null).where("s.answered_on", "is", null);
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
    query = query.where((eb) =>
      eb.or([eb("s.title", "ilike", pattern), eb("s.body", "ilike", pattern), eb("s.reference", "ilike", pattern)]),
    );
  }
  const total = await query
    .clearSelect()
    .select(sql<number>`count(*)::int`.as("n"))
    .executeTakeFirstOrThrow();
  const items = await query
    .orderBy("s.submitted_on", "desc")
    .orderBy("s.reference", "desc")
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { items, total: Number(total.n) };
}

/** Whether the person already supports the idea. */
export async function supports(executor: Executor, suggestionId: string, personId: string | null): Promise<boolean> {
  if (!personId) return false;
  const row = await suggestionsDb(executor)
    .selectFrom("suggestion_supports")
    .select("person_id")
    .where("suggestion_id", "=", suggestionId)
    .where("person_id", "=", personId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The progress notes of an idea, oldest first. */
export async function progressOf(executor: Executor, suggestionId: string) {
  return suggestionsDb(executor)
    .selectFrom("suggestion_progress")
    .select(["text", "implemented", "created_at as createdAt"])
    .where("suggestion_id", "=", suggestionId)
    .orderBy("created_at")
    .execute();
}

/** The threshold and the answer deadline new ideas get. */
export async function suggestionSettings(executor: Executor) {
  const row = await suggestionsDb(executor)
    .selectFrom("suggestion_settings")
    .select(["support_threshold as supportThreshold", "answer_working_days as answerWorkingDays"])
    .executeTakeFirstOrThrow();
  return row;
}

/** The departments where the actor answers ideas (verifier grants). */
export function answeringDepartments(actor: Actor | null): string[] {
  if (!actor) return [];
  return actor.grants
    .filter((grant) => grant.role === "verifier" && grant.departmentCode)
    .map((grant) => grant.departmentCode!);
}

/** Whether the actor answers for the idea's department (its officers, or a programme admin). */
export function mayAnswer(actor: Actor | null, suggestion: { departmentCode: string }): boolean {
  return holdsAnyRole(actor, ["programme_admin"]) || answeringDepartments(actor).includes(suggestion.departmentCode);
}

/** Counts of a campaign's ideas for its public page. */
export async function campaignSuggestionFigures(executor: Executor, campaignId: string) {
  const row = await suggestionsDb(executor)
    .selectFrom("suggestions")
    .select((eb) => [
      eb.fn.countAll<number>().as("proposed"),
      eb.fn.count<number>("id").filterWhere("state", "in", ["adopted", "partly_adopted", "implemented"]).as("adopted"),
    ])
    .where("campaign_id", "=", campaignId)
    .executeTakeFirstOrThrow();
  return { proposed: Number(row.proposed), adopted: Number(row.adopted) };
}

/** The public view of an idea (the proposer's name masked). */
export function presentSummary(record: SuggestionRecord, today: string) {
  return {
    id: record.id,
    reference: record.reference,
    title: record.title,
    state: record.state,
    campaignCode: record.campaignCode,
    campaignName: record.campaignName,
    townCode: record.townCode,
    departmentCode: record.departmentCode,
    departmentName: record.departmentName,
    proposer: maskName(record.proposerName),
    supportCount: record.supportCount,
    supportThreshold: record.supportThreshold,
    submittedOn: record.submittedOn,
    thresholdReachedOn: record.thresholdReachedOn,
    answerDueOn: record.answerDueOn,
    answerOverdue: record.answerDueOn !== null && record.answeredOn === null && record.answerDueOn < today,
    answeredOn: record.answeredOn,
  };
}
