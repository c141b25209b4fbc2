/**
 * The consultations module's commands, each in the caller's transaction with its audit entry: publish a draft
 * (a department's or a community's), comment, support a comment, hide a comment by a published rule, publish the
 * closing report answering every comment, publish the decision that links to it, record a community meeting.
 */
import { sql } from "kysely";
import { today } from "../../core/clock";
import { err, ok, type Result } from "../../core/result";
import type { Trx } from "../../db/transaction";
import { audit, isUniqueViolation, type CommandContext } from "../../platform/commands/context";
import { notFoundProblem } from "../../platform/http/command-reply";
import type { Actor } from "../../platform/roles";
import { communityOf, findComment, findVisibleConsultation, statusOf, type ConsultationRecord } from "./repository";
import { isModerationRule } from "./rules";
import type {
  CommentBody,
  CommunityConsultationBody,
  DecisionBody,
  HideBody,
  MeetingBody,
  PublicConsultationBody,
  ReportBody,
} from "./schemas";
import { consultationsDb } from "./tables";

function refuse(code: string, zh: string, en: string, field?: string) {
  return err({ code, message: `${zh} (${en})`, ...(field ? { field } : {}) });
}

async function insertConsultation(
  trx: Trx,
  context: CommandContext,
  values: {
    kind: "public" | "community";
    title: string;
    summary: string;
    departmentCode: string | null;
    townCode: string | null;
    communityId: string | null;
    opensOn: string;
    closesOn: string;
    articles: { heading: string; body: string }[];
  },
): Promise<Result<ConsultationRecord>> {
  if (values.closesOn < values.opensOn)
    return refuse("invalid_period", "截止日期不能早于开始日期", "closesOn must not be before opensOn", "closesOn");
  if (values.closesOn < today())
    return refuse("closes_in_past", "截止日期不能早于今天", "closesOn must not be in the past", "closesOn");
  const number = await sql<{ n: string }>`select nextval('consultation_number_seq') as n`.execute(trx);
  const prefix = values.kind === "public" ? "ZQ" : "YS";
  const reference = `${prefix}-${values.opensOn.slice(0, 4)}-${String(number.rows[0].n).padStart(4, "0")}`;
  const db = consultationsDb(trx);
  const inserted = await db
    .insertInto("consultations")
    .values({
      reference,
      kind: values.kind,
      title: values.title.trim(),
      summary: values.summary.trim(),
      department_code: values.departmentCode,
      town_code: values.townCode,
      community_id: values.communityId,
      opens_on: values.opensOn,
      closes_on: values.closesOn,
      created_by: context.actor.id,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("consultation_articles")
    .values(
      values.articles.map((article, index) => ({
        consultation_id: inserted.id,
        number: index + 1,
        heading: article.heading.trim(),
        body: article.body.trim(),
      })),
    )
    .execute();
  await audit(trx, context, {
    action: "consultation.publish",
    entityType: "consultation",
    entityId: inserted.id,
    townCode: values.townCode,
    after: { reference, kind: values.kind, title: values.title, opensOn: values.opensOn, closesOn: values.closesOn },
  });
  return ok((await findVisibleConsultation(trx, inserted.id, context.actor))!);
}

/** A department publishes a draft decision split into articles, open from opensOn to closesOn. */
export async function publishConsultation(
  trx: Trx,
  context: CommandContext,
  input: PublicConsultationBody,
): Promise<Result<ConsultationRecord>> {
  const department = await trx
    .selectFrom("departments")
    .select("code")
    .where("code", "=", input.departmentCode)
    .executeTakeFirst();
  if (!department) return refuse("unknown_department", "未知的部门", "unknown department", "departmentCode");
  return insertConsultation(trx, context, {
    kind: "public",
    title: input.title,
    summary: input.summary ?? "",
    departmentCode: input.departmentCode,
    townCode: null,
    communityId: null,
    opensOn: input.opensOn,
    closesOn: input.closesOn,
    articles: input.articles,
  });
}

/** A community's council puts a local matter to its residents (村居议事); clerks of the town publish it. */
export async function publishCommunityConsultation(
  trx: Trx,
  context: CommandContext,
  input: CommunityConsultationBody,
  mayActInTown: (townCode: string) => boolean,
): Promise<Result<ConsultationRecord>> {
  const community = await trx
    .selectFrom("communities")
    .select(["id", "town_code"])
    .where("id", "=", input.communityId)
    .executeTakeFirst();
  if (!community || !mayActInTown(community.town_code))
    return refuse(
      "unknown_community",
      "未知的社区（或不在本人镇区）",
      "unknown community (or not in your town)",
      "communityId",
    );
  return insertConsultation(trx, context, {
    kind: "community",
    title: input.title,
    summary: input.summary ?? "",
    departmentCode: null,
    townCode: community.town_code,
    communityId: community.id,
    opensOn: input.opensOn,
    closesOn: input.closesOn,
    articles: input.articles,
  });
}

/** A resident comments on one article while the consultation is open (a community's: its residents only). */
export async function addComment(
  trx: Trx,
  context: CommandContext,
  consultation: ConsultationRecord,
  input: CommentBody,
): Promise<Result<{ id: string }>> {
  const actor = context.actor;
  if (!actor.personId) return refuse("no_person", "账号未关联人员", "the account is not linked to a person");
  const status = statusOf(consultation);
  if (status !== "open")
    return refuse(
      "consultation_not_open",
      `征求意见期为 ${consultation.opensOn} 至 ${consultation.closesOn}，现不接受意见`,
      `comments are taken from ${consultation.opensOn} to ${consultation.closesOn} only`,
    );
  if (consultation.kind === "community" && (await communityOf(trx, actor)) !== consultation.communityId)
    return refuse("not_of_community", "只有本社区居民可以参与议事", "only the community's residents take part");
  const article = await consultationsDb(trx)
    .selectFrom("consultation_articles")
    .select("id")
    .where("id", "=", input.articleId)
    .where("consultation_id", "=", consultation.id)
    .executeTakeFirst();
  if (!article) return refuse("unknown_article", "未知的条文", "no such article in this draft", "articleId");
  const text = input.text.trim();
  if (!text) return refuse("invalid_text", "意见不能为空", "the comment must not be empty", "text");
  // The distribution key: a community deliberation's 镇区, or the commenter's for a city-wide consultation.
  const townCode =
    consultation.townCode ??
    (await trx.selectFrom("persons").select("town_code").where("id", "=", actor.personId).executeTakeFirstOrThrow())
      .town_code;
  const inserted = await consultationsDb(trx)
    .insertInto("consultation_comments")
    .values({
      consultation_id: consultation.id,
      article_id: article.id,
      person_id: actor.personId,
      town_code: townCode,
      account_id: actor.id,
      text,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await audit(trx, context, {
    action: "consultation.comment",
    entityType: "consultation_comment",
    entityId: inserted.id,
    townCode: consultation.townCode,
    after: { consultation: consultation.reference, articleId: article.id },
  });
  return ok(inserted);
}

/** A resident supports another's comment, once. */
export async function supportComment(
  trx: Trx,
  context: CommandContext,
  consultation: ConsultationRecord,
  commentId: string,
): Promise<Result<{ id: string }>> {
  const actor = context.actor;
  if (!actor.personId) return refuse("no_person", "账号未关联人员", "the account is not linked to a person");
  const comment = await findComment(trx, commentId);
  // A comment of another consultation, or none: the one "not found" (a guessed id tells nothing).
  if (!comment || comment.consultation_id !== consultation.id) return err(notFoundProblem);
  if (comment.hidden_at) return refuse("comment_hidden", "该意见已被隐藏", "the comment is hidden");
  if (comment.person_id === actor.personId)
    return refuse("own_comment", "不能支持自己的意见", "you cannot support your own comment");
  if (statusOf(consultation) !== "open")
    return refuse("consultation_not_open", "征求意见期已结束", "the consultation is not open");
  try {
    await consultationsDb(trx)
      .insertInto("consultation_comment_supports")
      .values({ comment_id: comment.id, town_code: comment.town_code, person_id: actor.personId, account_id: actor.id })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error, "consultation_comment_supports_once"))
      return refuse("already_supported", "您已支持过该意见", "you already support this comment");
    throw error;
  }
  await consultationsDb(trx)
    .updateTable("consultation_comments")
    .set((eb) => ({ support_count: eb("support_count", "+", 1) }))
    .where("id", "=", comment.id)
    .execute();
  await audit(trx, context, {
    action: "consultation.comment.support",
    entityType: "consultation_comment",
    entityId: comment.id,
    townCode: consultation.townCode,
  });
  return ok({ id: comment.id });
}

/** A moderator hides a comment under a published rule; the reason is shown in its place. Never deleted. */
export async function hideComment(
  trx: Trx,
  context: CommandContext<Actor>,
  consultation: ConsultationRecord,
  commentId: string,
  input: HideBody,
): Promise<Result<{ id: string }>> {
  if (!isModerationRule(input.rule))
    return refuse("unknown_rule", "请选择已公布的管理规则", "name one of the published moderation rules", "rule");
  const comment = await findComment(trx, commentId);
  // A comment of another consultation, or none: the one "not found" (a guessed id tells nothing).
  if (!comment || comment.consultation_id !== consultation.id) return err(notFoundProblem);
  if (comment.hidden_at) return refuse("already_hidden", "该意见已被隐藏", "the comment is already hidden");
  const reason = input.reason.trim();
  if (!reason) return refuse("reason_required", "须写明隐藏理由", "the reason is required", "reason");
  await consultationsDb(trx)
    .updateTable("consultation_comments")
    .set({ hidden_at: new Date(), hidden_rule: input.rule, hidden_reason: reason, hidden_by: context.actor.id })
    .where("id", "=", comment.id)
    .execute();
  await audit(trx, context, {
    action: "consultation.comment.hide",
    entityType: "consultation_comment",
    entityId: comment.id,
    townCode: consultation.townCode,
    after: { rule: input.rule, reason },
  });
  return ok({ id: comment.id });
}

/**
 * After the close, the report answers every visible comment in groups (each group: the comments, a summary, the
 * outcome and the answer). A comment left unanswered, or one from another consultation, is refused.
 */
export async function publishReport(
  trx: Trx,
  context: CommandContext<Actor>,
  consultation: ConsultationRecord,
  input: ReportBody,
): Promise<Result<ConsultationRecord>> {
  if (statusOf(consultation) !== "closed")
    return refuse(
      consultation.reportPublishedOn ? "report_published" : "consultation_not_closed",
      consultation.reportPublishedOn ? "报告已发布" : `征求意见期至 ${consultation.closesOn} 结束后才能发布报告`,
      consultation.reportPublishedOn
        ? "the report is already published"
        : `the report follows the close on ${consultation.closesOn}`,
    );
  const db = consultationsDb(trx);
  const comments = await db
    .selectFrom("consultation_comments")
    .select(["id", "article_id", "hidden_at"])
    .where("consultation_id", "=", consultation.id)
    .execute();
  const known = new Map(comments.map((comment) => [comment.id, comment]));
  const articleIds = new Set(
    (
      await db.selectFrom("consultation_articles").select("id").where("consultation_id", "=", consultation.id).execute()
    ).map((row) => row.id),
  );
  const answered = new Set<string>();
  for (const [index, item] of input.items.entries()) {
    if (item.articleId && !articleIds.has(item.articleId))
      return refuse("unknown_article", "未知的条文", "no such article in this draft", `items.${index}.articleId`);
    for (const id of item.commentIds) {
      if (!known.has(id))
        return refuse(
          "unknown_comment",
          "意见不属于本次征求意见",
          "a comment of another consultation",
          `items.${index}.commentIds`,
        );
      answered.add(id);
    }
  }
  const unanswered = comments.filter((comment) => !comment.hidden_at && !answered.has(comment.id));
  if (unanswered.length > 0)
    return refuse(
      "comments_unanswered",
      `还有 ${unanswered.length} 条意见未在报告中答复`,
      `${unanswered.length} comments are not answered by any group of the report`,
      "items",
    );
  await db
    .insertInto("consultation_report_items")
    .values(
      input.items.map((item, index) => ({
        consultation_id: consultation.id,
        position: index + 1,
        article_id: item.articleId ?? null,
        comment_ids: item.commentIds,
        summary: item.summary.trim(),
        outcome: item.outcome,
        response: item.response.trim(),
      })),
    )
    .execute();
  const publishedOn = today();
  await db
    .updateTable("consultations")
    .set({ report_summary: input.summary.trim(), report_published_on: publishedOn })
    .where("id", "=", consultation.id)
    .execute();
  await audit(trx, context, {
    action: "consultation.report",
    entityType: "consultation",
    entityId: consultation.id,
    townCode: consultation.townCode,
    after: { publishedOn, groups: input.items.length, comments: answered.size },
  });
  return ok((await findVisibleConsultation(trx, consultation.id, context.actor))!);
}

/** The final decision, published after the report and linked to it. */
export async function publishDecision(
  trx: Trx,
  context: CommandContext<Actor>,
  consultation: ConsultationRecord,
  input: DecisionBody,
): Promise<Result<ConsultationRecord>> {
  if (!consultation.reportPublishedOn)
    return refuse("report_required", "须先发布征求意见情况报告", "publish the consultation report first");
  if (consultation.decisionPublishedOn)
    return refuse("decision_published", "最终决定已发布", "the decision is already published");
  const publishedOn = today();
  await consultationsDb(trx)
    .updateTable("consultations")
    .set({ decision_title: input.title.trim(), decision_text: input.text.trim(), decision_published_on: publishedOn })
    .where("id", "=", consultation.id)
    .execute();
  await audit(trx, context, {
    action: "consultation.decision",
    entityType: "consultation",
    entityId: consultation.id,
    townCode: consultation.townCode,
    after: { title: input.title, publishedOn },
  });
  return ok((await findVisibleConsultation(trx, consultation.id, context.actor))!);
}

/** A community council's meeting: the residents present, the vote and the outcome, published to the community. */
export async function recordMeeting(
  trx: Trx,
  context: CommandContext<Actor>,
  consultation: ConsultationRecord,
  input: MeetingBody,
): Promise<Result<ConsultationRecord>> {
  if (consultation.kind !== "community")
    return refuse("not_community", "只有村居议事记录议事会议", "meetings are recorded for community deliberations");
  if (consultation.meetingHeldOn)
    return refuse("meeting_recorded", "议事结果已发布", "the outcome is already published");
  if (input.heldOn > today())
    return refuse("meeting_in_future", "会议日期不能晚于今天", "the meeting date must not be in the future", "heldOn");
  if (input.heldOn < consultation.opensOn)
    return refuse(
      "meeting_before_opening",
      "会议日期不能早于议事开始",
      "the meeting cannot precede the opening",
      "heldOn",
    );
  const present = input.present.map((name) => name.trim()).filter(Boolean);
  const votes = input.votesFor + input.votesAgainst + input.votesAbstain;
  if (votes > present.length)
    return refuse(
      "votes_exceed_present",
      `表决票数（${votes}）不能多于出席人数（${present.length}）`,
      `votes (${votes}) cannot exceed the residents present (${present.length})`,
      "votesFor",
    );
  await consultationsDb(trx)
    .updateTable("consultations")
    .set({
      meeting_held_on: input.heldOn,
      meeting_present: present,
      votes_for: input.votesFor,
      votes_against: input.votesAgainst,
      votes_abstain: input.votesAbstain,
      outcome: input.outcome.trim(),
    })
    .where("id", "=", consultation.id)
    .execute();
  await audit(trx, context, {
    action: "consultation.meeting",
    entityType: "consultation",
    entityId: consultation.id,
    townCode: consultation.townCode,
    after: {
      heldOn: input.heldOn,
      present: present.length,
      votesFor: input.votesFor,
      votesAgainst: input.votesAgainst,
      votesAbstain: input.votesAbstain,
    },
  });
  return ok((await findVisibleConsultation(trx, consultation.id, context.actor))!);
}
