/**
 * Civil-affairs decisions: approve or refuse (within 10 working days, a written reason for a refusal; a late
 * approval is allowed and flagged), appeals of a refusal within the time allowed, and the appeal decision.
 * The caller loads the case with a row lock and the decision checks the version read, so two officers
 * deciding at once produce one decision and one 409.
 */
import { fenToYuanString } from "../../../core/money";
import { err, ok, type Problem, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { checkAttachableFiles } from "../../../platform/files/files.commands";
import { publishList } from "../../../platform/publicity/publicity.lists";
import { publicityDb } from "../../../platform/publicity/publicity.tables";
import type { Actor } from "../../../platform/roles";
import { findHousehold } from "../../registry/repository";
import { assessEligibility } from "../eligibility";
import { parametersInForce } from "../parameters";
import { findCase, type CaseRecord } from "../repository";
import type { AppealBody, AppealDecisionBody, DecisionBody } from "../schemas";
import { assistanceDb } from "../tables";
import { appealDue, monthOf, nextMonth, nextReview, timings } from "../workflow";
import { bump, checkDate, checkStep, checkVersion, recordEvent, type CommandContext } from "./context";
import { clock } from "../../../core/clock";

/** The title of a 镇区's approved list of a month: `石岐区最低生活保障对象名单（2026年11月）`. */
export function approvedListTitle(townName: string, month: string): string {
  return `${townName}最低生活保障对象名单（${month.slice(0, 4)}年${Number(month.slice(5, 7))}月）`;
}

/** Republishes the month's approved list of the case's 镇区 (公布): every case approved there that month, masked. */
async function publishApprovedList(
  trx: Trx,
  context: CommandContext,
  actor: Actor,
  record: CaseRecord,
  decidedOn: string,
): Promise<Result<null, Problem>> {
  const month = monthOf(decidedOn);
  const approved = await assistanceDb(trx)
    .selectFrom("assistance_cases")
    .select(["id", "household_id", "payee_name", "eligibility"])
    .where("town_code", "=", record.townCode)
    .where("decision", "=", "approved")
    .where("decided_on", ">=", `${month}-01`)
    .where("decided_on", "<", `${nextMonth(month)}-01`)
    .orderBy("number")
    .execute();
  const entries = [];
  for (const row of approved) {
    const household = await findHousehold(trx, row.household_id);
    const head = household?.members.find((member) => member.relationship === "head") ?? household?.members[0];
    entries.push({
      rank: null,
      name: head?.name ?? row.payee_name,
      idNumber: head?.idNumber ?? "",
      townCode: record.townCode,
      values: { members: household?.members.length ?? 0, amount: fenToYuanString(row.eligibility.totalFen) },
      subjectType: "assistance_case",
      subjectId: row.id,
    });
  }
  // The title names the 镇区 and the month, so the 24 镇区's lists of a month are told apart on the public page.
  const town = await trx.selectFrom("towns").select("name").where("code", "=", record.townCode).executeTakeFirst();
  const published = await publishList(
    trx,
    { actor, requestId: context.requestId },
    {
      kind: "assistance.approved",
      subjectKey: `assistance:approved:${record.townCode}:${month}`,
      title: approvedListTitle(town?.name ?? record.townCode, month),
      townCode: record.townCode,
      startDate: decidedOn,
      workingDays: timings.publicityWorkingDays,
      columns: [
        { key: "members", label: "保障人数" },
        { key: "amount", label: "保障金额（元/月）" },
      ],
      entries,
    },
  );
  return published.ok ? ok(null) : published;
}

/** Puts an approved case into payment from the decision month, re-checking eligibility under the standard then in force. */
async function activate(
  trx: Trx,
  context: CommandContext,
  actor: Actor,
  record: CaseRecord,
  decidedOn: string,
  extra: Record<string, unknown>,
): Promise<Result<null, Problem>> {
  const month = monthOf(decidedOn);
  const eligibility = assessEligibility(
    {
      caseId: record.id,
      members: record.members,
      assetsFen: record.assetsFen,
      secondHome: record.secondHome,
      vehicle: record.vehicle,
    },
    month,
    await parametersInForce(trx),
  );
  if (!eligibility.ok) return eligibility;
  if (!eligibility.value.eligible) {
    return err({
      code: "not_eligible",
      message: `不符合条件，不能批准：${eligibility.value.reasons.map((reason) => reason.message).join("；")}`,
      field: "decision",
    });
  }
  await assistanceDb(trx)
    .updateTable("assistance_cases")
    .set({
      state: "active",
      decision: "approved",
      decided_on: decidedOn,
      eligibility: JSON.stringify(eligibility.value),
      start_month: month,
      next_review_on: nextReview(decidedOn, record.workCapacity, record.seriousIllness),
      appeal_due_on: null,
      ...extra,
      ...bump(record),
    })
    .where("id", "=", record.id)
    .execute();
  return publishApprovedList(trx, context, actor, record, decidedOn);
}

/** Approves or refuses a case; a refusal needs a written reason the household receives. */
export async function decideCase(
  trx: Trx,
  context: CommandContext,
  actor: Actor,
  record: CaseRecord,
  input: DecisionBody,
): Promise<Result<CaseRecord, Problem>> {
  const version = checkVersion(record, input.version);
  if (!version.ok) return version;
  const step = checkStep(record, "decide");
  if (!step.ok) return step;
  const after = record.state === "publicised" ? record.publicityEndOn! : record.submittedOn;
  const dated = checkDate(input.decidedOn, "decidedOn", clock.today(), after);
  if (!dated.ok) return dated;
  if (record.state === "publicised" && input.decidedOn <= record.publicityEndOn!) {
    return err({
      code: "publicity_not_over",
      message: `公示期至 ${record.publicityEndOn} 结束后方可审批 (publicity runs until then)`,
      field: "decidedOn",
    });
  }
  if (record.state === "town_reviewed" && input.decision === "approved") {
    return err({
      code: "not_recommended",
      message: "未经公示的案件不能批准 (a case approved must have been publicised)",
      field: "decision",
    });
  }
  const reason = input.reason?.trim() ?? "";
  if (input.decision === "refused" && reason.length < 5) {
    return err({
      code: "reason_required",
      message: "不予批准须书面说明理由 (a refusal needs a written reason of at least 5 characters)",
      field: "reason",
    });
  }
  const late = record.decisionDueOn !== null && input.decidedOn > record.decisionDueOn;
  if (input.decision === "approved" && record.publicityListId) {
    const pending = await publicityDb(trx)
      .selectFrom("publicity_objections")
      .select("id")
      .where("list_id", "=", record.publicityListId)
      .where("status", "in", ["received", "forwarded"])
      .executeTakeFirst();
    if (pending)
      return err({
        code: "objection_pending",
        message: "公示期间有异议尚未核查完毕，暂不能批准 (an objection to the publicity is not yet answered)",
        field: "decision",
      });
  }
  if (input.decision === "approved") {
    const activated = await activate(trx, context, actor, record, input.decidedOn, {
      decision_late: late,
      decision_reason: reason || null,
    });
    if (!activated.ok) return activated;
  } else {
    await assistanceDb(trx)
      .updateTable("assistance_cases")
      .set({
        state: "refused",
        decision: "refused",
        decided_on: input.decidedOn,
        decision_late: late,
        decision_reason: reason,
        appeal_due_on: appealDue(input.decidedOn),
        ...bump(record),
      })
      .where("id", "=", record.id)
      .execute();
    await assistanceDb(trx)
      .updateTable("assistance_case_members")
      .set({ open: false })
      .where("case_id", "=", record.id)
      .execute();
  }
  await recordEvent(trx, context, record, {
    kind: input.decision,
    onDate: input.decidedOn,
    details: {
      reason: reason || null,
      dueOn: record.decisionDueOn,
      late,
      // the monthly amount granted, so the timeline and the audit log say what was approved
      ...(input.decision === "approved" ? { totalFen: record.eligibility.totalFen } : {}),
    },
    before: { state: record.state, version: record.version },
  });
  return ok((await findCase(trx, record.id))!);
}

/** Files an appeal against a refusal within the time allowed. */
export async function fileAppeal(
  trx: Trx,
  context: CommandContext,
  record: CaseRecord,
  input: AppealBody,
): Promise<Result<CaseRecord, Problem>> {
  const step = checkStep(record, "appeal");
  if (!step.ok) return step;
  const dated = checkDate(input.filedOn, "filedOn", clock.today(), record.decidedOn ?? undefined);
  if (!dated.ok) return dated;
  if (!record.appealDueOn || input.filedOn > record.appealDueOn) {
    return err({
      code: "appeal_too_late",
      message: `申诉期限已过（至 ${record.appealDueOn ?? "—"}）(the time to appeal has passed)`,
      field: "filedOn",
    });
  }
  if (context.actor && input.fileIds?.length) {
    const files = await checkAttachableFiles(trx, context.actor, input.fileIds, "fileIds");
    if (!files.ok) return files;
  }
  // Members rejoin the open case; a member taken into another case since then blocks the appeal.
  const db = assistanceDb(trx);
  for (const member of await db
    .selectFrom("assistance_case_members")
    .select("person_id")
    .where("case_id", "=", record.id)
    .execute()) {
    const other = await db
      .selectFrom("assistance_case_members")
      .select("case_id")
      .where("person_id", "=", member.person_id)
      .where("open", "=", true)
      .executeTakeFirst();
    if (other)
      return err({
        code: "member_in_open_case",
        message: "成员已在另一宗案件中 (a member is in another open case)",
        field: "state",
      });
  }
  await db
    .updateTable("assistance_cases")
    .set({ state: "appealed", ...bump(record) })
    .where("id", "=", record.id)
    .execute();
  await db.updateTable("assistance_case_members").set({ open: true }).where("case_id", "=", record.id).execute();
  await recordEvent(trx, context, record, {
    kind: "appealed",
    onDate: input.filedOn,
    details: { reason: input.reason },
    fileIds: input.fileIds,
    before: { state: record.state },
  });
  return ok((await findCase(trx, record.id))!);
}

/** Decides an appeal: granted puts the case into payment, dismissed keeps the refusal final. */
export async function decideAppeal(
  trx: Trx,
  context: CommandContext,
  actor: Actor,
  record: CaseRecord,
  input: AppealDecisionBody,
): Promise<Result<CaseRecord, Problem>> {
  const version = checkVersion(record, input.version);
  if (!version.ok) return version;
  const step = checkStep(record, "appeal_decide");
  if (!step.ok) return step;
  const dated = checkDate(input.decidedOn, "decidedOn", clock.today(), record.decidedOn ?? undefined);
  if (!dated.ok) return dated;
  if (input.outcome === "granted") {
    const activated = await activate(trx, context, actor, record, input.decidedOn, { decision_reason: input.reason });
    if (!activated.ok) return activated;
  } else {
    await assistanceDb(trx)
      .updateTable("assistance_cases")
      .set({ state: "refused", appeal_due_on: null, ...bump(record) })
      .where("id", "=", record.id)
      .execute();
    await assistanceDb(trx)
      .updateTable("assistance_case_members")
      .set({ open: false })
      .where("case_id", "=", record.id)
      .execute();
  }
  await recordEvent(trx, context, record, {
    kind: `appeal_${input.outcome}`,
    onDate: input.decidedOn,
    details: { reason: input.reason },
    before: { state: record.state },
  });
  return ok((await findCase(trx, record.id))!);
}
