/**
 * Tip-off commands: a report (web or Open311) with its receipt code, the reporter's additions and reward
 * collection (by receipt code, no account), and the handling department's work: take, message, decide, reward.
 * Commands never commit. The reporter's actions are audited under the system name `tipoff-reporter` with no
 * account, and no audit entry, error or event carries the reporter's identity.
 */
import { randomBytes } from "node:crypto";
import type { Updateable } from "kysely";
import { addWorkingDays } from "../../../core/calendar";
import { clock } from "../../../core/clock";
import { validateIdNumber } from "../../../core/id-number";
import { parseYuan } from "../../../core/money";
import { validatePhone } from "../../../core/phone";
import { err, ok, type Problem, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { audit, type CommandContext } from "../../../platform/commands/context";
import type { Actor } from "../../../platform/roles";
import { findCampaignByCode } from "../../participation/repository";
import { findPersonIdByIdNumber, townExists } from "../../registry/repository";
import { findCategory, findTipoff, lockTipoff, type TipoffRecord } from "../repository";
import { newReceiptCode, newToken, receiptHash } from "../receipt";
import { tipoffsDb, type TipoffAuthor, type TipoffEventKind, type TipoffsTable } from "../tables";

/** The system name audit entries record for what a reporter does (never their account). */
export const reporterUsername = "tipoff-reporter";

/** The context of a reporter's action: no actor, so the audit log cannot name them. */
export function reporterContext(requestId: string | null): CommandContext<Actor | null> {
  return { actor: null, username: reporterUsername, requestId };
}

/** What a report says. */
export interface ReportInput {
  categoryCode: string;
  townCode: string;
  place: string;
  description: string;
  anonymous: boolean;
  latitude?: number | null;
  longitude?: number | null;
  reporter?: { name?: string; phone?: string; idNumber?: string; email?: string };
  /** The 全民 campaign's code, when the report answers one. */
  campaignCode?: string;
}

/** Where a report came from: the web form (possibly signed in) or an Open311 client with its key. */
export type ReportChannel =
  | { kind: "web"; account: { id: string; displayName: string; personId: string | null } | null }
  | { kind: "open311"; keyId: string; publicOnly: true };

const emailPattern = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

function refuse(code: string, field: string, message: string): { ok: false; error: Problem } {
  return err({ code, field, message });
}

function reference(today: string): string {
  return `XS${today.replaceAll("-", "")}-${randomBytes(3).toString("hex").toUpperCase()}`;
}

/** Files a report: checks it, routes it by category and 镇区, sets the deadline and returns the receipt code once. */
export async function submitTipoff(
  trx: Trx,
  requestId: string | null,
  input: ReportInput,
  channel: ReportChannel,
): Promise<Result<{ tipoff: TipoffRecord; receiptCode: string }>> {
  const category = await findCategory(trx, input.categoryCode);
  const categoryField = channel.kind === "open311" ? "service_code" : "categoryCode";
  if (!category || !category.active || (channel.kind === "open311" && !category.public))
    return refuse("unknown_category", categoryField, `未知的举报类别 "${input.categoryCode}" (unknown category)`);
  if (!(await townExists(trx, input.townCode)))
    return refuse("unknown_town", "townCode", `未知镇区 "${input.townCode}" (unknown town)`);
  const campaign = input.campaignCode ? await findCampaignByCode(trx, input.campaignCode) : undefined;
  if (input.campaignCode && !campaign)
    return refuse("unknown_campaign", "campaignCode", `未知活动 "${input.campaignCode}" (unknown campaign)`);
  const place = input.place.trim();
  if (place.length < 2 || place.length > 200)
    return refuse("invalid_place", "place", "place: 请填写地点，2 至 200 字 (2 to 200 characters)");
  const description = input.description.trim();
  if (description.length < 5 || description.length > 4000)
    return refuse("invalid_description", "description", "description: 请描述线索，5 至 4000 字 (5 to 4000 characters)");
  const coordinates = [input.latitude ?? null, input.longitude ?? null];
  if ((coordinates[0] === null) !== (coordinates[1] === null))
    return refuse("invalid_position", "latitude", "latitude/longitude: 经纬度须同时填写 (give both or neither)");
  if (coordinates[0] !== null && (Math.abs(coordinates[0]) > 90 || Math.abs(coordinates[1]!) > 180))
    return refuse("invalid_position", "latitude", "latitude/longitude: 经纬度超出范围 (out of range)");

  let identity: {
    account_id: string | null;
    person_id: string | null;
    name: string | null;
    phone: string | null;
    email: string | null;
    id_number: string | null;
  } | null = null;
  if (!input.anonymous) {
    const given = input.reporter ?? {};
    const name = given.name?.trim() || (channel.kind === "web" ? channel.account?.displayName : undefined) || null;
    if (!name)
      return refuse("reporter_required", "reporter.name", "reporter.name: 实名举报请填写姓名 (give your name)");
    if (name.length > 60) return refuse("invalid_name", "reporter.name", "reporter.name: 姓名过长 (too long)");
    let phone: string | null = null;
    if (given.phone?.trim()) {
      const checked = validatePhone(given.phone, "reporter.phone");
      if (!checked.ok) return checked;
      phone = checked.value;
    }
    let idNumber: string | null = null;
    if (given.idNumber?.trim()) {
      const checked = validateIdNumber(given.idNumber.trim());
      if (!checked.ok) return refuse(checked.error.code, "reporter.idNumber", checked.error.message);
      idNumber = given.idNumber.trim().toUpperCase();
    }
    const email = given.email?.trim() || null;
    if (email && (email.length > 120 || !emailPattern.test(email)))
      return refuse("invalid_email", "reporter.email", "reporter.email: 电子邮箱格式不正确 (invalid email)");
    const account = channel.kind === "web" ? channel.account : null;
    identity = {
      account_id: account?.id ?? null,
      person_id: account?.personId ?? null,
      name,
      phone,
      email,
      id_number: idNumber,
    };
  }

  const today = clock.today();
  const routed = category.routing.find((route) => route.townCode === input.townCode);
  const departmentCode = routed?.departmentCode ?? category.departmentCode;
  const receiptCode = newReceiptCode();
  const db = tipoffsDb(trx);
  const row = await db
    .insertInto("tipoffs")
    .values({
      reference: reference(today),
      receipt_hash: receiptHash(receiptCode),
      token: newToken(),
      category_code: category.code,
      town_code: input.townCode,
      place,
      latitude: coordinates[0],
      longitude: coordinates[1],
      description,
      channel: channel.kind,
      anonymous: input.anonymous,
      department_code: departmentCode,
      state: "submitted",
      submitted_on: today,
      due_on: addWorkingDays(today, category.investigationDays),
      investigation_days: category.investigationDays,
      open311_key_id: channel.kind === "open311" ? channel.keyId : null,
      campaign_id: campaign?.id ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (identity)
    await db
      .insertInto("tipoff_reporters")
      .values({ tipoff_id: row.id, town_code: input.townCode, ...identity })
      .execute();
  await addEvent(trx, row.id, "system", "submitted", "");
  const tipoff = (await findTipoff(trx, row.id))!;
  await audit(trx, reporterContext(requestId), {
    action: "tipoff.submit",
    entityType: "tipoff",
    entityId: tipoff.id,
    townCode: tipoff.townCode,
    after: {
      reference: tipoff.reference,
      category: tipoff.categoryCode,
      campaign: tipoff.campaignCode,
      department: tipoff.departmentCode,
      channel: tipoff.channel,
      anonymous: tipoff.anonymous,
      dueOn: tipoff.dueOn,
    },
  });
  return ok({ tipoff, receiptCode });
}

/** Appends a timeline event. */
export async function addEvent(
  trx: Trx,
  tipoffId: string,
  author: TipoffAuthor,
  kind: TipoffEventKind,
  text: string,
  toReporter = true,
): Promise<void> {
  const db = tipoffsDb(trx);
  await db
    .insertInto("tipoff_events")
    .values({
      tipoff_id: tipoffId,
      // the tip-off's 镇区 (the distribution key)
      town_code: db.selectFrom("tipoffs").select("town_code").where("id", "=", tipoffId),
      author,
      kind,
      text,
      to_reporter: toReporter,
    })
    .execute();
}

async function touch(trx: Trx, tipoff: TipoffRecord, set: Updateable<TipoffsTable>): Promise<TipoffRecord> {
  await tipoffsDb(trx)
    .updateTable("tipoffs")
    .set((eb) => ({ ...set, updated_at: clock.now(), version: eb("version", "+", 1) }))
    .where("id", "=", tipoff.id)
    .execute();
  return (await findTipoff(trx, tipoff.id))!;
}

function closedProblem(field: string): Problem {
  return { code: "tipoff_closed", field, message: "线索已办结 (the tip-off is closed)" };
}

/** The reporter adds information (by receipt code); refused once the tip is closed. */
export async function addInformation(
  trx: Trx,
  requestId: string | null,
  found: TipoffRecord,
  text: string,
): Promise<Result<TipoffRecord>> {
  const tipoff = (await lockTipoff(trx, found.id))!;
  if (tipoff.state === "verified" || tipoff.state === "not_verified") return err(closedProblem("text"));
  const cleaned = text.trim();
  if (cleaned.length < 2 || cleaned.length > 4000)
    return refuse("invalid_text", "text", "text: 补充内容 2 至 4000 字 (2 to 4000 characters)");
  await addEvent(trx, tipoff.id, "reporter", "information", cleaned);
  const updated = await touch(trx, tipoff, {});
  await audit(trx, reporterContext(requestId), {
    action: "tipoff.information",
    entityType: "tipoff",
    entityId: tipoff.id,
    townCode: tipoff.townCode,
  });
  return ok(updated);
}

/** An officer of the handling department takes the tip: it is now being investigated, by them. */
export async function takeTipoff(
  trx: Trx,
  context: CommandContext,
  found: TipoffRecord,
): Promise<Result<TipoffRecord>> {
  const tipoff = (await lockTipoff(trx, found.id))!;
  if (tipoff.state !== "submitted" && tipoff.state !== "investigating") return err(closedProblem("state"));
  const updated = await touch(trx, tipoff, { state: "investigating", assigned_account_id: context.actor.id });
  if (tipoff.state === "submitted") await addEvent(trx, tipoff.id, "department", "taken", "线索已受理，正在核查");
  await audit(trx, context, {
    action: "tipoff.take",
    entityType: "tipoff",
    entityId: tipoff.id,
    townCode: tipoff.townCode,
    before: { state: tipoff.state },
    after: { state: updated.state },
  });
  return ok(updated);
}

/** The department writes to the reporter (shown with the receipt code), or a note for staff only. */
export async function messageReporter(
  trx: Trx,
  context: CommandContext,
  found: TipoffRecord,
  input: { text: string; toReporter: boolean },
): Promise<Result<TipoffRecord>> {
  const tipoff = (await lockTipoff(trx, found.id))!;
  const cleaned = input.text.trim();
  if (cleaned.length < 2 || cleaned.length > 4000)
    return refuse("invalid_text", "text", "text: 内容 2 至 4000 字 (2 to 4000 characters)");
  await addEvent(trx, tipoff.id, "department", "message", cleaned, input.toReporter);
  const updated = await touch(trx, tipoff, {});
  await audit(trx, context, {
    action: "tipoff.message",
    entityType: "tipoff",
    entityId: tipoff.id,
    townCode: tipoff.townCode,
    after: { toReporter: input.toReporter },
  });
  return ok(updated);
}

/** The department's finding: verified or not, with a note the reporter reads. */
export async function decideTipoff(
  trx: Trx,
  context: CommandContext,
  found: TipoffRecord,
  input: { verified: boolean; note: string },
): Promise<Result<TipoffRecord>> {
  const tipoff = (await lockTipoff(trx, found.id))!;
  if (tipoff.state === "verified" || tipoff.state === "not_verified") return err(closedProblem("verified"));
  const note = input.note.trim();
  if (note.length < 2 || note.length > 2000)
    return refuse("invalid_note", "note", "note: 请写明核查结果，2 至 2000 字 (2 to 2000 characters)");
  const state = input.verified ? "verified" : "not_verified";
  const today = clock.today();
  const updated = await touch(trx, tipoff, {
    state,
    outcome_note: note,
    decided_on: today,
    assigned_account_id: tipoff.assignedAccountId ?? context.actor.id,
  });
  await addEvent(trx, tipoff.id, "department", state, note);
  if (input.verified) await linkReporterPerson(trx, tipoff.id);
  await audit(trx, context, {
    action: "tipoff.decide",
    entityType: "tipoff",
    entityId: tipoff.id,
    townCode: tipoff.townCode,
    before: { state: tipoff.state },
    after: { state, decidedOn: today },
  });
  return ok(updated);
}

/** A named reporter who gave an ID number is linked to their registered person, for the points scheme. */
async function linkReporterPerson(trx: Trx, tipoffId: string): Promise<void> {
  const db = tipoffsDb(trx);
  const reporter = await db
    .selectFrom("tipoff_reporters")
    .select(["person_id", "id_number"])
    .where("tipoff_id", "=", tipoffId)
    .executeTakeFirst();
  if (!reporter || reporter.person_id || !reporter.id_number) return;
  const personId = await findPersonIdByIdNumber(trx, reporter.id_number);
  if (personId)
    await db.updateTable("tipoff_reporters").set({ person_id: personId }).where("tipoff_id", "=", tipoffId).execute();
}

/** The department grants a reward for a verified tip; the reporter collects it with the receipt code. */
export async function grantReward(
  trx: Trx,
  context: CommandContext,
  found: TipoffRecord,
  input: { amountYuan: string | number; note: string },
): Promise<Result<TipoffRecord>> {
  const tipoff = (await lockTipoff(trx, found.id))!;
  if (tipoff.state !== "verified")
    return refuse("not_verified", "amountYuan", "只有经核实的线索才能给予奖励 (only a verified tip earns a reward)");
  if (tipoff.rewardFen !== null)
    return err({ code: "reward_exists", field: "amountYuan", message: "已登记奖励 (a reward is already recorded)" });
  const amount = parseYuan(input.amountYuan, "amountYuan");
  if (!amount.ok) return amount;
  if (amount.value <= 0 || amount.value > 300_000_00)
    return refuse(
      "invalid_amount",
      "amountYuan",
      "amountYuan: 奖励金额须大于 0 且不超过 30 万元 (0 < amount ≤ 300,000 yuan)",
    );
  const note = input.note.trim();
  if (note.length < 2 || note.length > 1000)
    return refuse("invalid_note", "note", "note: 请写明领取方式，2 至 1000 字 (how to collect, 2 to 1000 characters)");
  const today = clock.today();
  const updated = await touch(trx, tipoff, { reward_fen: amount.value, reward_note: note, reward_granted_on: today });
  await addEvent(trx, tipoff.id, "department", "reward", note);
  await audit(trx, context, {
    action: "tipoff.reward",
    entityType: "tipoff",
    entityId: tipoff.id,
    townCode: tipoff.townCode,
    after: { rewardFen: amount.value, grantedOn: today },
  });
  return ok(updated);
}

/** The reporter collects the reward with the receipt code (once). */
export async function collectReward(
  trx: Trx,
  requestId: string | null,
  found: TipoffRecord,
): Promise<Result<TipoffRecord>> {
  const tipoff = (await lockTipoff(trx, found.id))!;
  if (tipoff.rewardFen === null)
    return err({ code: "no_reward", field: "receiptCode", message: "该线索没有奖励 (no reward for this tip)" });
  if (tipoff.rewardCollectedOn !== null)
    return err({
      code: "reward_collected",
      field: "receiptCode",
      message: "奖励已领取 (the reward was already collected)",
    });
  const today = clock.today();
  const updated = await touch(trx, tipoff, { reward_collected_on: today });
  await addEvent(trx, tipoff.id, "reporter", "reward_collected", "");
  await audit(trx, reporterContext(requestId), {
    action: "tipoff.reward.collect",
    entityType: "tipoff",
    entityId: tipoff.id,
    townCode: tipoff.townCode,
    after: { collectedOn: today },
  });
  return ok(updated);
}
