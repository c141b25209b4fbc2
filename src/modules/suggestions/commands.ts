/**
 * The suggestions module's commands, each inside the caller's transaction with its audit entry: propose, support
 * (once per person; at the threshold the answer deadline starts), review, answer, progress notes, settings.
 */
import { sql } from "kysely";
import { addWorkingDays } from "../../core/calendar";
import { today } from "../../core/clock";
import { err, ok, type Result } from "../../core/result";
import type { Trx } from "../../db/transaction";
import { audit, isUniqueViolation, type CommandContext } from "../../platform/commands/context";
import type { Actor } from "../../platform/roles";
import { findCampaignByCode } from "../participation/repository";
import { findSuggestion, suggestionSettings, type SuggestionRecord } from "./repository";
import type { AnswerBody, ProgressBody, ProposeBody } from "./schemas";
import { suggestionsDb } from "./tables";

function refuse(code: string, zh: string, en: string, field?: string) {
  return err({ code, message: `${zh} (${en})`, ...(field ? { field } : {}) });
}

/** A resident proposes an idea; the owning department is the one named, else the campaign's. */
export async function proposeSuggestion(
  trx: Trx,
  context: CommandContext,
  input: ProposeBody,
): Promise<Result<SuggestionRecord>> {
  const actor = context.actor;
  if (!actor.personId) return refuse("no_person", "账号未关联人员", "the account is not linked to a person");
  const title = input.title.trim();
  const body = input.body.trim();
  if (!title) return refuse("invalid_title", "标题不能为空", "title must not be empty", "title");
  if (!body) return refuse("invalid_body", "内容不能为空", "the text must not be empty", "body");
  const town = await trx.selectFrom("towns").select("code").where("code", "=", input.townCode).executeTakeFirst();
  if (!town) return refuse("unknown_town", "未知的镇区", "unknown town", "townCode");
  let campaign: { id: string; departmentCode: string } | null = null;
  if (input.campaignCode) {
    const found = await findCampaignByCode(trx, input.campaignCode);
    if (!found) return refuse("unknown_campaign", "未知的全民参与活动", "unknown campaign", "campaignCode");
    campaign = { id: found.id, departmentCode: found.departmentCode };
  }
  const departmentCode = input.departmentCode ?? campaign?.departmentCode ?? null;
  if (!departmentCode)
    return refuse(
      "department_required",
      "请选择负责答复的部门或全民参与活动",
      "name the department that answers, or a campaign",
      "departmentCode",
    );
  const department = await trx
    .selectFrom("departments")
    .select("code")
    .where("code", "=", departmentCode)
    .executeTakeFirst();
  if (!department) return refuse("unknown_department", "未知的部门", "unknown department", "departmentCode");
  const settings = await suggestionSettings(trx);
  const submittedOn = today();
  const number = await sql<{ n: string }>`select nextval('suggestion_number_seq') as n`.execute(trx);
  const reference = `JZ-${submittedOn.slice(0, 4)}-${String(number.rows[0].n).padStart(5, "0")}`;
  const inserted = await suggestionsDb(trx)
    .insertInto("suggestions")
    .values({
      reference,
      title,
      body,
      campaign_id: campaign?.id ?? null,
      town_code: input.townCode,
      department_code: departmentCode,
      proposer_account_id: actor.id,
      proposer_person_id: actor.personId,
      support_threshold: settings.supportThreshold,
      answer_working_days: settings.answerWorkingDays,
      submitted_on: submittedOn,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await audit(trx, context, {
    action: "suggestion.propose",
    entityType: "suggestion",
    entityId: inserted.id,
    townCode: input.townCode,
    after: { reference, title, departmentCode, campaignCode: input.campaignCode ?? null },
  });
  return ok((await findSuggestion(trx, inserted.id))!);
}

/**
 * A verified resident supports an idea once. The idea's row is locked so the count is exact; the support that
 * reaches the threshold starts the department's answer deadline (working days from today).
 */
export async function supportSuggestion(
  trx: Trx,
  context: CommandContext,
  suggestion: SuggestionRecord,
): Promise<Result<SuggestionRecord>> {
  const actor = context.actor;
  if (!actor.personId) return refuse("no_person", "账号未关联人员", "the account is not linked to a person");
  if (actor.personId === suggestion.proposerPersonId)
    return refuse("own_suggestion", "不能支持自己提出的金点子", "you cannot support your own idea");
  if (suggestion.state !== "submitted" && suggestion.state !== "under_review")
    return refuse(
      "suggestion_answered",
      "该金点子已答复，不再接受支持",
      "the idea has been answered: supports are closed",
    );
  const locked = await suggestionsDb(trx)
    .selectFrom("suggestions")
    .select(["support_count", "support_threshold", "threshold_reached_on", "answer_working_days"])
    .where("id", "=", suggestion.id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  try {
    await suggestionsDb(trx)
      .insertInto("suggestion_supports")
      .values({
        suggestion_id: suggestion.id,
        town_code: suggestion.townCode,
        person_id: actor.personId,
        account_id: actor.id,
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error, "suggestion_supports_once"))
      return refuse("already_supported", "您已支持过该金点子", "you already support this idea");
    throw error;
  }
  const count = locked.support_count + 1;
  const reached = locked.threshold_reached_on === null && count >= locked.support_threshold;
  const reachedOn = today();
  await suggestionsDb(trx)
    .updateTable("suggestions")
    .set({
      support_count: count,
      ...(reached
        ? { threshold_reached_on: reachedOn, answer_due_on: addWorkingDays(reachedOn, locked.answer_working_days) }
        : {}),
    })
    .where("id", "=", suggestion.id)
    .execute();
  await audit(trx, context, {
    action: reached ? "suggestion.support.threshold" : "suggestion.support",
    entityType: "suggestion",
    entityId: suggestion.id,
    townCode: suggestion.townCode,
    after: { supportCount: count, ...(reached ? { thresholdReachedOn: reachedOn } : {}) },
  });
  return ok((await findSuggestion(trx, suggestion.id))!);
}

/** The owning department takes an idea under review. */
export async function reviewSuggestion(
  trx: Trx,
  context: CommandContext<Actor>,
  suggestion: SuggestionRecord,
): Promise<Result<SuggestionRecord>> {
  if (suggestion.state !== "submitted")
    return refuse("invalid_state", "只有新提交的金点子可以转入审议", "only a submitted idea goes under review");
  await suggestionsDb(trx)
    .updateTable("suggestions")
    .set({ state: "under_review" })
    .where("id", "=", suggestion.id)
    .where("state", "=", "submitted")
    .execute();
  await audit(trx, context, {
    action: "suggestion.review",
    entityType: "suggestion",
    entityId: suggestion.id,
    townCode: suggestion.townCode,
    before: { state: suggestion.state },
    after: { state: "under_review" },
  });
  return ok((await findSuggestion(trx, suggestion.id))!);
}

/** The department's public answer: adopted, partly adopted or not adopted, with its reasons. */
export async function answerSuggestion(
  trx: Trx,
  context: CommandContext<Actor>,
  suggestion: SuggestionRecord,
  input: AnswerBody,
): Promise<Result<SuggestionRecord>> {
  if (suggestion.state !== "submitted" && suggestion.state !== "under_review")
    return refuse("already_answered", "该金点子已答复", "the idea has already been answered");
  const answer = input.answer.trim();
  if (answer.length < (input.outcome === "adopted" ? 1 : 10))
    return refuse(
      "reason_required",
      "不采纳或部分采纳须写明理由（至少 10 个字）",
      "not adopting, or adopting in part, needs the reason (at least 10 characters)",
      "answer",
    );
  await suggestionsDb(trx)
    .updateTable("suggestions")
    .set({ state: input.outcome, answer, answered_on: today(), answered_by: context.actor.id })
    .where("id", "=", suggestion.id)
    .execute();
  await audit(trx, context, {
    action: "suggestion.answer",
    entityType: "suggestion",
    entityId: suggestion.id,
    townCode: suggestion.townCode,
    before: { state: suggestion.state },
    after: { state: input.outcome, answer },
  });
  return ok((await findSuggestion(trx, suggestion.id))!);
}

/** A progress note on an adopted idea; `implemented` closes it as implemented. */
export async function recordProgress(
  trx: Trx,
  context: CommandContext<Actor>,
  suggestion: SuggestionRecord,
  input: ProgressBody,
): Promise<Result<SuggestionRecord>> {
  if (suggestion.state !== "adopted" && suggestion.state !== "partly_adopted")
    return refuse(
      "not_adopted",
      "只有采纳或部分采纳的金点子可以记录落实进展",
      "progress is recorded on adopted or partly adopted ideas only",
    );
  const text = input.text.trim();
  if (!text) return refuse("invalid_text", "进展说明不能为空", "the note must not be empty", "text");
  await suggestionsDb(trx)
    .insertInto("suggestion_progress")
    .values({
      suggestion_id: suggestion.id,
      text,
      implemented: input.implemented === true,
      author_account_id: context.actor.id,
    })
    .execute();
  if (input.implemented)
    await suggestionsDb(trx)
      .updateTable("suggestions")
      .set({ state: "implemented" })
      .where("id", "=", suggestion.id)
      .execute();
  await audit(trx, context, {
    action: "suggestion.progress",
    entityType: "suggestion",
    entityId: suggestion.id,
    townCode: suggestion.townCode,
    after: { text, implemented: input.implemented === true },
  });
  return ok((await findSuggestion(trx, suggestion.id))!);
}

/** Programme admins set the threshold and the answer deadline that new ideas get. */
export async function updateSettings(
  trx: Trx,
  context: CommandContext<Actor>,
  input: { supportThreshold: number; answerWorkingDays: number },
): Promise<Result<{ supportThreshold: number; answerWorkingDays: number }>> {
  const before = await suggestionSettings(trx);
  await suggestionsDb(trx)
    .updateTable("suggestion_settings")
    .set({
      support_threshold: input.supportThreshold,
      answer_working_days: input.answerWorkingDays,
      updated_at: new Date(),
    })
    .execute();
  await audit(trx, context, {
    action: "suggestion.settings",
    entityType: "suggestion_settings",
    entityId: "settings",
    townCode: null,
    before,
    after: input,
  });
  return ok(input);
}
