/**
 * The community and town steps of a case: investigation (who, when, findings), democratic appraisal (quorum
 * and votes), the town opinion (due within 15 working days), the 7-day community publicity through the
 * platform's publicity lists (masked), and withdrawal.
 */
import { fenToYuanString } from "../../../core/money";
import { err, ok, type Problem, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { checkAttachableFiles } from "../../../platform/files/files.commands";
import { publishList } from "../../../platform/publicity/publicity.lists";
import type { Actor } from "../../../platform/roles";
import { findHousehold } from "../../registry/repository";
import { findCase, type CaseRecord } from "../repository";
import type { AppraisalBody, InvestigationBody, PublicityBody, TownOpinionBody } from "../schemas";
import { assistanceDb } from "../tables";
import { appraisalValid, decisionDue, timings } from "../workflow";
import { bump, checkDate, checkStep, recordEvent, type CommandContext } from "./context";
import { clock } from "../../../core/clock";

async function checkFiles(
  trx: Trx,
  actor: Actor | null,
  fileIds: string[] | undefined,
): Promise<Result<null, Problem>> {
  if (!actor || !fileIds?.length) return ok(null);
  const files = await checkAttachableFiles(trx, actor, fileIds, "fileIds");
  return files.ok ? ok(null) : files;
}

/** Records the household investigation; the case becomes `investigated` (a second investigation adds to the timeline). */
export async function recordInvestigation(
  trx: Trx,
  context: CommandContext,
  record: CaseRecord,
  input: InvestigationBody,
): Promise<Result<CaseRecord, Problem>> {
  const step = checkStep(record, "investigate");
  if (!step.ok) return step;
  const today = clock.today();
  const dates: [string, string][] = [
    [input.homeVisit.on, "homeVisit.on"],
    ...input.neighbourVisits.map((visit, index): [string, string] => [visit.on, `neighbourVisits.${index}.on`]),
    ...input.dataChecks.map((check, index): [string, string] => [check.on, `dataChecks.${index}.on`]),
  ];
  for (const [value, field] of dates) {
    const checked = checkDate(value, field, today, record.submittedOn);
    if (!checked.ok) return checked;
  }
  const files = await checkFiles(trx, context.actor, input.fileIds);
  if (!files.ok) return files;
  await assistanceDb(trx)
    .updateTable("assistance_cases")
    .set({ state: "investigated", ...bump(record) })
    .where("id", "=", record.id)
    .execute();
  await recordEvent(trx, context, record, {
    kind: "investigated",
    onDate: dates
      .map(([value]) => value)
      .sort()
      .at(-1)!,
    details: { homeVisit: input.homeVisit, neighbourVisits: input.neighbourVisits, dataChecks: input.dataChecks },
    fileIds: input.fileIds,
    before: { state: record.state },
  });
  return ok((await findCase(trx, record.id))!);
}

/** Records a democratic appraisal; only a valid one (≥ 2/3 present, ≥ 2/3 of them agree) moves the case on. */
export async function recordAppraisal(
  trx: Trx,
  context: CommandContext,
  record: CaseRecord,
  input: AppraisalBody,
): Promise<Result<CaseRecord, Problem>> {
  const step = checkStep(record, "appraise");
  if (!step.ok) return step;
  if (input.present > input.members)
    return err({
      code: "invalid_votes",
      message: "出席人数不能多于评议成员 (present exceeds members)",
      field: "present",
    });
  if (input.agree > input.present)
    return err({ code: "invalid_votes", message: "同意人数不能多于出席人数 (agree exceeds present)", field: "agree" });
  const dated = checkDate(input.heldOn, "heldOn", clock.today(), record.submittedOn);
  if (!dated.ok) return dated;
  const files = await checkFiles(trx, context.actor, input.fileIds);
  if (!files.ok) return files;
  const validity = appraisalValid(input);
  if (validity.valid) {
    await assistanceDb(trx)
      .updateTable("assistance_cases")
      .set({ state: "appraised", ...bump(record) })
      .where("id", "=", record.id)
      .execute();
  } else {
    await assistanceDb(trx).updateTable("assistance_cases").set(bump(record)).where("id", "=", record.id).execute();
  }
  await recordEvent(trx, context, record, {
    kind: validity.valid ? "appraised" : "appraisal_invalid",
    onDate: input.heldOn,
    details: {
      members: input.members,
      present: input.present,
      agree: input.agree,
      minutes: input.minutes,
      ...validity,
    },
    fileIds: input.fileIds,
    before: { state: record.state },
  });
  return ok((await findCase(trx, record.id))!);
}

/** Records the town's opinion; late when after the 15-working-day deadline (recorded, not refused). */
export async function recordTownOpinion(
  trx: Trx,
  context: CommandContext,
  record: CaseRecord,
  input: TownOpinionBody,
): Promise<Result<CaseRecord, Problem>> {
  const step = checkStep(record, "town_opinion");
  if (!step.ok) return step;
  const dated = checkDate(input.givenOn, "givenOn", clock.today(), record.submittedOn);
  if (!dated.ok) return dated;
  const late = input.givenOn > record.townDueOn;
  // Without a recommendation there is no publicity: the case goes straight to civil affairs for its decision.
  const decisionDueOn = input.recommend ? null : decisionDue(input.givenOn);
  await assistanceDb(trx)
    .updateTable("assistance_cases")
    .set({ state: "town_reviewed", decision_due_on: decisionDueOn, ...bump(record) })
    .where("id", "=", record.id)
    .execute();
  await recordEvent(trx, context, record, {
    kind: "town_opinion",
    onDate: input.givenOn,
    details: { recommend: input.recommend, opinion: input.opinion, dueOn: record.townDueOn, late },
    before: { state: record.state },
  });
  return ok((await findCase(trx, record.id))!);
}

/** Starts the community publicity: a masked list (head, members, income, amount; never the full ID number). */
export async function startPublicity(
  trx: Trx,
  context: CommandContext,
  actor: Actor,
  record: CaseRecord,
  input: PublicityBody,
): Promise<Result<CaseRecord, Problem>> {
  const step = checkStep(record, "publicise");
  if (!step.ok) return step;
  const opinion = await assistanceDb(trx)
    .selectFrom("assistance_case_events")
    .select(["details", "on_date"])
    .where("case_id", "=", record.id)
    .where("kind", "=", "town_opinion")
    .orderBy("created_at", "desc")
    .executeTakeFirst();
  if (opinion?.details.recommend !== true)
    return err({
      code: "not_recommended",
      message: "镇街未推荐，不予公示 (the town did not recommend the case)",
      field: "state",
    });
  if (input.startOn < opinion.on_date)
    return err({
      code: "date_too_early",
      message: `startOn 不能早于镇街意见日期 ${opinion.on_date}`,
      field: "startOn",
    });
  const household = await findHousehold(trx, record.householdId);
  const head = household?.members.find((member) => member.relationship === "head") ?? household?.members[0];
  const incomeFen = record.members.reduce((sum, member) => sum + member.incomeFen, 0);
  const published = await publishList(
    trx,
    { actor, requestId: context.requestId },
    {
      kind: "assistance.case",
      subjectKey: `assistance:case:${record.id}`,
      title: `最低生活保障申请公示（${record.number}）`,
      townCode: record.townCode,
      startDate: input.startOn,
      workingDays: timings.publicityWorkingDays,
      columns: [
        { key: "members", label: "家庭人口" },
        { key: "income", label: "家庭月收入（元）" },
        { key: "amount", label: "拟保障金额（元/月）" },
      ],
      entries: [
        {
          rank: null,
          name: head?.name ?? record.payeeName,
          idNumber: head?.idNumber ?? "",
          townCode: record.townCode,
          values: {
            members: record.members.length,
            income: fenToYuanString(incomeFen),
            amount: fenToYuanString(record.eligibility.totalFen),
          },
          subjectType: "assistance_case",
          subjectId: record.id,
        },
      ],
    },
  );
  if (!published.ok) return published;
  const endOn = published.value.endDate;
  await assistanceDb(trx)
    .updateTable("assistance_cases")
    .set({
      state: "publicised",
      publicity_start_on: input.startOn,
      publicity_end_on: endOn,
      publicity_list_id: published.value.id,
      decision_due_on: decisionDue(endOn),
      ...bump(record),
    })
    .where("id", "=", record.id)
    .execute();
  await recordEvent(trx, context, record, {
    kind: "publicised",
    onDate: input.startOn,
    details: {
      listId: published.value.id,
      startOn: input.startOn,
      endOn,
      workingDays: timings.publicityWorkingDays,
      decisionDueOn: decisionDue(endOn),
    },
    before: { state: record.state },
  });
  return ok((await findCase(trx, record.id))!);
}

/** Withdraws an application before the decision; its members become free for another case. */
export async function withdrawCase(
  trx: Trx,
  context: CommandContext,
  record: CaseRecord,
  reason: string,
): Promise<Result<CaseRecord, Problem>> {
  const step = checkStep(record, "withdraw");
  if (!step.ok) return step;
  const db = assistanceDb(trx);
  await db
    .updateTable("assistance_cases")
    .set({ state: "withdrawn", ...bump(record) })
    .where("id", "=", record.id)
    .execute();
  await db.updateTable("assistance_case_members").set({ open: false }).where("case_id", "=", record.id).execute();
  await recordEvent(trx, context, record, {
    kind: "withdrawn",
    onDate: clock.today(),
    details: { reason },
    before: { state: record.state },
  });
  return ok((await findCase(trx, record.id))!);
}
