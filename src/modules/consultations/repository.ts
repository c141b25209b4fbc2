/**
 * Queries and access rules of consultations. A public consultation is open to everyone; a community deliberation
 * (村居议事) is seen only by the residents of its 社区, the clerks of its 镇区 and city-wide staff.
 */
import { sql } from "kysely";
import { today } from "../../core/clock";
import { maskName } from "../../core/masking";
import type { Executor } from "../../db/transaction";
import { holdsAnyRole } from "../../platform/access/scope";
import { townsWithRole, type Actor } from "../../platform/roles";
import { moderationRules } from "./rules";
import { consultationsDb, type ConsultationKind } from "./tables";

export interface ConsultationRecord {
  id: string;
  reference: string;
  kind: ConsultationKind;
  title: string;
  summary: string;
  departmentCode: string | null;
  departmentName: string | null;
  townCode: string | null;
  communityId: string | null;
  communityName: string | null;
  opensOn: string;
  closesOn: string;
  reportSummary: string | null;
  reportPublishedOn: string | null;
  decisionTitle: string | null;
  decisionText: string | null;
  decisionPublishedOn: string | null;
  meetingHeldOn: string | null;
  meetingPresent: string[] | null;
  votesFor: number | null;
  votesAgainst: number | null;
  votesAbstain: number | null;
  outcome: string | null;
  commentCount: number;
}

/** Consultations with their department, community and comment count. */
export function consultationQuery(executor: Executor) {
  return consultationsDb(executor)
    .selectFrom("consultations as c")
    .leftJoin("departments as d", "d.code", "c.department_code")
    .leftJoin("communities as m", "m.id", "c.community_id")
    .select([
      "c.id",
      "c.reference",
      "c.kind",
      "c.title",
      "c.summary",
      "c.department_code as departmentCode",
      "d.name as departmentName",
      "c.town_code as townCode",
      "c.community_id as communityId",
      "m.name as communityName",
      "c.opens_on as opensOn",
      "c.closes_on as closesOn",
      "c.report_summary as reportSummary",
      "c.report_published_on as reportPublishedOn",
      "c.decision_title as decisionTitle",
      "c.decision_text as decisionText",
      "c.decision_published_on as decisionPublishedOn",
      "c.meeting_held_on as meetingHeldOn",
      "c.meeting_present as meetingPresent",
      "c.votes_for as votesFor",
      "c.votes_against as votesAgainst",
      "c.votes_abstain as votesAbstain",
      "c.outcome",
      sql<number>`(select count(*)::int from consultation_comments k where k.consultation_id = c.id)`.as(
        "commentCount",
      ),
    ]);
}

/** The community (社区) of the actor's person, if any. */
export async function communityOf(executor: Executor, actor: Actor | null): Promise<string | null> {
  if (!actor?.personId) return null;
  const row = await executor
    .selectFrom("persons")
    .select("community_id")
    .where("id", "=", actor.personId)
    .executeTakeFirst();
  return row?.community_id ?? null;
}

/** Staff who see every community deliberation of a town (clerks of the town) or all of them (city-wide roles). */
function staffSees(actor: Actor | null, record: { townCode: string | null }): boolean {
  if (holdsAnyRole(actor, ["programme_admin", "auditor", "policy_officer"])) return true;
  return record.townCode !== null && townsWithRole(actor, "clerk").includes(record.townCode);
}

/** Whether the actor may see the consultation (public ones: everyone). */
export function maySee(actor: Actor | null, record: ConsultationRecord, actorCommunity: string | null): boolean {
  if (record.kind === "public") return true;
  return staffSees(actor, record) || (actorCommunity !== null && actorCommunity === record.communityId);
}

/** Whether the actor moderates the consultation's comments. */
export function mayModerate(actor: Actor | null, record: ConsultationRecord): boolean {
  if (holdsAnyRole(actor, ["programme_admin"])) return true;
  if (record.kind === "public") return holdsAnyRole(actor, ["policy_officer"]);
  return record.townCode !== null && townsWithRole(actor, "clerk").includes(record.townCode);
}

/** Whether the actor publishes the report, the decision or the meeting record. */
export function mayManage(actor: Actor | null, record: ConsultationRecord): boolean {
  return mayModerate(actor, record);
}

/** Where a consultation stands today. */
export function statusOf(record: ConsultationRecord, day = today()): string {
  if (record.decisionPublishedOn) return "decided";
  if (record.reportPublishedOn || record.meetingHeldOn) return "reported";
  if (day < record.opensOn) return "upcoming";
  if (day <= record.closesOn) return "open";
  return "closed";
}

/** One consultation, undefined when the actor may not see it (a 404, like a missing one). */
export async function findVisibleConsultation(
  executor: Executor,
  id: string,
  actor: Actor | null,
): Promise<ConsultationRecord | undefined> {
  const record = await consultationQuery(executor).where("c.id", "=", id).executeTakeFirst();
  if (!record) return undefined;
  return maySee(actor, record, await communityOf(executor, actor)) ? record : undefined;
}

/** The consultations the actor may see, newest first. */
export async function listVisibleConsultations(executor: Executor, actor: Actor | null) {
  const community = await communityOf(executor, actor);
  const rows = await consultationQuery(executor).orderBy("c.opens_on", "desc").limit(500).execute();
  return rows.filter((row) => maySee(actor, row, community));
}

/** A comment with what moderation and the report need. */
export async function findComment(executor: Executor, id: string) {
  return consultationsDb(executor)
    .selectFrom("consultation_comments")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
}

/** The summary view. */
export function presentSummary(record: ConsultationRecord) {
  return {
    id: record.id,
    reference: record.reference,
    kind: record.kind,
    title: record.title,
    summary: record.summary,
    departmentName: record.departmentName,
    townCode: record.townCode,
    communityName: record.communityName,
    opensOn: record.opensOn,
    closesOn: record.closesOn,
    status: statusOf(record),
    commentCount: Number(record.commentCount),
  };
}

/** The full view: articles with their comments (hidden ones with the reason in place), report, decision, meeting. */
export async function presentConsultation(executor: Executor, actor: Actor | null, record: ConsultationRecord) {
  const db = consultationsDb(executor);
  const articles = await db
    .selectFrom("consultation_articles")
    .select(["id", "number", "heading", "body"])
    .where("consultation_id", "=", record.id)
    .orderBy("number")
    .execute();
  const comments = await db
    .selectFrom("consultation_comments as k")
    .innerJoin("persons as p", "p.id", "k.person_id")
    .select([
      "k.id",
      "k.article_id as articleId",
      "k.person_id as personId",
      "p.name as authorName",
      "k.text",
      "k.support_count as supportCount",
      "k.hidden_at as hiddenAt",
      "k.hidden_rule as hiddenRule",
      "k.hidden_reason as hiddenReason",
      "k.created_at as createdAt",
    ])
    .where("k.consultation_id", "=", record.id)
    .orderBy("k.created_at")
    .execute();
  const supported = new Set(
    actor?.personId
      ? (
          await db
            .selectFrom("consultation_comment_supports as s")
            .innerJoin("consultation_comments as k", "k.id", "s.comment_id")
            .select("s.comment_id")
            .where("k.consultation_id", "=", record.id)
            .where("s.person_id", "=", actor.personId)
            .execute()
        ).map((row) => row.comment_id)
      : [],
  );
  const reportItems = record.reportPublishedOn
    ? await db
        .selectFrom("consultation_report_items as r")
        .leftJoin("consultation_articles as a", "a.id", "r.article_id")
        .select(["a.number as articleNumber", "r.comment_ids as commentIds", "r.summary", "r.outcome", "r.response"])
        .where("r.consultation_id", "=", record.id)
        .orderBy("r.position")
        .execute()
    : [];
  const community = await communityOf(executor, actor);
  const status = statusOf(record);
  const commenter =
    actor?.personId != null &&
    actor.grants.some((grant) => grant.role === "resident") &&
    (record.kind === "public" || community === record.communityId);
  return {
    ...presentSummary(record),
    articles: articles.map((article) => ({
      ...article,
      comments: comments
        .filter((comment) => comment.articleId === article.id)
        .map((comment) => {
          const rule = moderationRules.find((candidate) => candidate.code === comment.hiddenRule);
          return {
            id: comment.id,
            author: maskName(comment.authorName),
            text: comment.hiddenAt ? null : comment.text,
            hidden: comment.hiddenAt
              ? {
                  rule: comment.hiddenRule ?? "",
                  ruleLabel: rule ? `${rule.zh} (${rule.en})` : (comment.hiddenRule ?? ""),
                  reason: comment.hiddenReason ?? "",
                  on: new Date(comment.hiddenAt).toISOString().slice(0, 10),
                }
              : null,
            supportCount: comment.supportCount,
            supportedByMe: supported.has(comment.id),
            mine: actor?.personId != null && actor.personId === comment.personId,
            createdAt: new Date(comment.createdAt).toISOString(),
          };
        }),
    })),
    report: record.reportPublishedOn
      ? {
          summary: record.reportSummary ?? "",
          publishedOn: record.reportPublishedOn,
          items: reportItems.map((item) => ({ ...item, articleNumber: item.articleNumber ?? null })),
        }
      : null,
    decision:
      record.decisionPublishedOn && record.decisionTitle
        ? { title: record.decisionTitle, text: record.decisionText ?? "", publishedOn: record.decisionPublishedOn }
        : null,
    meeting: record.meetingHeldOn
      ? {
          heldOn: record.meetingHeldOn,
          present: record.meetingPresent ?? [],
          votesFor: record.votesFor ?? 0,
          votesAgainst: record.votesAgainst ?? 0,
          votesAbstain: record.votesAbstain ?? 0,
          outcome: record.outcome ?? "",
        }
      : null,
    mayComment: commenter && status === "open",
    mayModerate: mayModerate(actor, record),
    mayManage: mayManage(actor, record),
  };
}
