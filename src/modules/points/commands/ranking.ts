/**
 * The ranking run as a job: reads the cycle's inputs into columns, calls the pure allocation engine, and stores the
 * policy version, the counts, the input snapshot rows with their hash and the result rows with their hash — all in
 * one transaction, so an interrupted run leaves nothing behind and a re-run over the same inputs gives the same hash.
 */
import { sql } from "kysely";
import { formatPoints } from "../../../core/points";
import { err, ok, type Problem, type Result } from "../../../core/result";
import type { Trx } from "../../../db/transaction";
import { finaliseList, publishList, type EntryInput } from "../../../platform/publicity/publicity.lists";
import {
  allocateColumns,
  CUTOFF_NONE,
  OUTCOME,
  presentSummaries,
  type ApplicationResult,
  type Purpose,
} from "../allocation";
import { pointsDb } from "../points.tables";
import { findRun, type CycleRecord, type RunRecord } from "../repository";
import { contextColumns, loadRunInput } from "../run/run.input";
import { outcomeCounts, resultReader, streamedResultHash, writeRunRows } from "../run/run.result";
import { runListRows } from "../run/run.rows";
import { audit, type CommandContext } from "../../../platform/commands/context";
import { tellResidents } from "./scores";
import { notifyMany } from "../../../platform/notifications/notifications";
import { clock } from "../../../core/clock";
import { codeLabels, labelOf } from "../../../platform/labels/labels";

/** Tuning and measuring a run: rows per bulk statement, and a callback told each stage's wall time (read, allocate, hash, write). */
export interface RankingOptions {
  chunkRows?: number;
  onStage?: (name: string, ms: number) => void;
}

/**
 * Runs the ranking of a cycle and stores it as a new run (status `completed`, ready for review): the applications
 * are read in chunks into the engine's columns, allocated by `allocateColumns`, and the snapshot and result rows
 * are written in bulk, all in the caller's transaction.
 */
export async function runRanking(
  trx: Trx,
  context: CommandContext,
  cycle: CycleRecord,
  options: RankingOptions = {},
): Promise<Result<RunRecord, Problem>> {
  let mark = performance.now();
  const stage = (name: string) => {
    const now = performance.now();
    options.onStage?.(name, now - mark);
    mark = now;
  };
  const loaded = await loadRunInput(trx, cycle);
  stage("read");
  if (!loaded.ok) return loaded;
  const input = loaded.value;
  const count = input.applicants.count;
  if (count === 0)
    return err({
      code: "no_applications",
      field: "cycleId",
      message: "本周期没有申请，无需排名 (no applications in this cycle)",
    });
  const out = allocateColumns(input.applicants, input.quotas, input.schools);
  const { sortedSchools } = contextColumns(input.context);
  const reader = resultReader(input, sortedSchools, out);
  const summaries = presentSummaries({ towns: input.context.towns, quotas: input.quotas }, out);
  const second = out.statistics.secondRound;
  const hukouSecondRound = {
    places: second.places,
    candidates: second.candidates,
    admitted: second.admitted,
    cutoffTotal: second.cutoffTotal === CUTOFF_NONE ? null : second.cutoffTotal,
  };
  stage("allocate");
  const hash = streamedResultHash(count, reader, summaries, second);
  let eligible = 0;
  let admitted = 0;
  for (let row = 0; row < count; row++) {
    eligible += input.applicants.eligible[row];
    if (out.outcome[row] === OUTCOME.admitted) admitted++;
  }
  const db = pointsDb(trx);
  const last = await db
    .selectFrom("points_runs")
    .select("sequence")
    .where("cycle_id", "=", cycle.id)
    .orderBy("sequence", "desc")
    .limit(1)
    .executeTakeFirst();
  const row = await db
    .insertInto("points_runs")
    .values({
      cycle_id: cycle.id,
      sequence: (last?.sequence ?? 0) + 1,
      status: "completed",
      policy_id: cycle.policy_id,
      input_hash: input.snapshotHash,
      result_hash: hash,
      application_count: count,
      eligible_count: eligible,
      admitted_count: admitted,
      context: JSON.stringify(input.context),
      summary: JSON.stringify({ summaries, hukouSecondRound, outcomes: outcomeCounts(count, reader) }),
      created_by: context.actor.id,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  stage("hash");
  await writeRunRows(trx, row.id, input, reader, options.chunkRows);
  stage("write");
  const run = (await findRun(trx, row.id))!;
  await audit(trx, context, {
    action: "points.run",
    entityType: "points_run",
    entityId: run.id,
    townCode: null,
    after: {
      cycleId: cycle.id,
      sequence: run.sequence,
      policyId: run.policy_id,
      inputHash: run.input_hash,
      resultHash: run.result_hash,
      applications: count,
    },
  });
  return ok(run);
}

/** Chinese labels of the outcomes on the public list, from the code dictionary (`rankingOutcome`). */
export const outcomeLabels = Object.fromEntries(
  (Object.keys(codeLabels.rankingOutcome) as ApplicationResult["outcome"][]).map((code) => [
    code,
    labelOf("rankingOutcome", code),
  ]),
) as Record<ApplicationResult["outcome"], string>;
const gradeLabels: Record<string, string> = { primary_1: "小学一年级", junior_1: "初中一年级" };
const purposeLabels: Record<Purpose, string> = { school: "积分入学", hukou: "积分入户", housing: "积分承租公租房" };

/** The publicity period of a purpose in working days (Impl. Arts. 9–11). */
export function publicityDays(purpose: Purpose): number {
  return purpose === "housing" ? 20 : 5;
}

function resultLabel(result: ApplicationResult, schoolNames: ReadonlyMap<string, string>): string {
  const base = outcomeLabels[result.outcome];
  if (result.outcome === "admitted" && result.schoolId) return `${base}（${schoolNames.get(result.schoolId) ?? ""}）`;
  if (result.outcome === "admitted" && result.round === 2) return `${base}（第二轮）`;
  return base;
}

/**
 * Publishes a reviewed run as publicity lists, one per 镇区 and purpose (housing city-wide). Only a `completed`
 * run moves to `published`, in one conditional update, so two publish requests at once publish once.
 */
export async function publishRun(
  trx: Trx,
  context: CommandContext,
  run: RunRecord,
  cycle: CycleRecord,
  options: { onProgress?: (done: number, total: number, label: string) => void } = {},
): Promise<Result<RunRecord, Problem>> {
  const db = pointsDb(trx);
  const claimed = await db
    .updateTable("points_runs")
    .set({ status: "published", published_at: new Date() })
    .where("id", "=", run.id)
    .where("status", "=", "completed")
    .returning("id")
    .executeTakeFirst();
  if (!claimed)
    return err({
      code: "already_published",
      field: "status",
      message: "该排名结果已公示 (this run is already published)",
    });
  const applications = await db
    .selectFrom("points_applications as a")
    .innerJoin("persons as p", "p.id", "a.person_id")
    .select(["a.id", "a.enrolment_id", "p.name", "p.id_number"])
    .where("a.cycle_id", "=", cycle.id)
    .execute();
  const byId = new Map(applications.map((application) => [application.id, application]));
  const schoolNames = new Map(
    (await db.selectFrom("points_schools").select(["id", "name"]).where("cycle_id", "=", cycle.id).execute()).map(
      (school) => [school.id, school.name],
    ),
  );
  const townNames = new Map(
    (await trx.selectFrom("towns").select(["code", "name"]).execute()).map((town) => [town.code, town.name]),
  );
  const scopes = await db
    .selectFrom("points_run_results")
    .select(["purpose", "town_code"])
    .distinct()
    .where("run_id", "=", run.id)
    .execute();
  const keys = [
    ...new Set(scopes.map((scope) => `${scope.purpose}:${scope.purpose === "housing" ? "city" : scope.town_code}`)),
  ].sort((a, b) => (a < b ? -1 : 1));
  const listIds: string[] = [];
  const published: ApplicationResult[] = [];
  for (const [index, key] of keys.entries()) {
    options.onProgress?.(index, keys.length, key);
    const [purpose, town] = key.split(":") as [Purpose, string];
    const rows = await runListRows(trx, run.id, purpose, town === "city" ? null : town);
    const entries: EntryInput[] = rows.map(({ result: item, total }) => {
      published.push(item);
      const application = byId.get(item.applicationId)!;
      return {
        rank: item.rank,
        name: application.name,
        idNumber: application.id_number,
        townCode: item.townCode,
        subjectType: "points_application",
        subjectId: item.applicationId,
        values: {
          total: formatPoints(total),
          ...(purpose === "school" ? { grade: gradeLabels[item.grade ?? ""] ?? "" } : {}),
          result: resultLabel(item, schoolNames),
        },
      };
    });
    const place = town === "city" ? "全市" : (townNames.get(town) ?? town);
    const list = await publishList(trx, context, {
      kind: `points.${purpose}`,
      subjectKey: `points:${cycle.id}:${key}`,
      title: `${cycle.year}年度${place}${purposeLabels[purpose]}排名公示`,
      townCode: town === "city" ? null : town,
      startDate: clock.today(),
      workingDays: publicityDays(purpose),
      columns: [
        { key: "total", label: "积分" },
        ...(purpose === "school" ? [{ key: "grade", label: "年级" }] : []),
        { key: "result", label: "结果" },
      ],
      entries,
    });
    if (!list.ok) return list;
    listIds.push(list.value.id);
  }
  await db.updateTable("points_runs").set({ list_ids: listIds }).where("id", "=", run.id).execute();
  options.onProgress?.(keys.length, keys.length, "notices");
  await tellResidents(
    trx,
    published.flatMap((item) => {
      const application = byId.get(item.applicationId);
      return application
        ? [
            {
              enrolmentId: application.enrolment_id,
              text: `${cycle.year}年度${purposeLabels[item.purpose]}排名已公示：${item.rank === null ? "未排名" : `第 ${item.rank} 名`}，${outcomeLabels[item.outcome]}。公示期内可提出异议。`,
            },
          ]
        : [];
    }),
  );
  await audit(trx, context, {
    action: "points.run.publish",
    entityType: "points_run",
    entityId: run.id,
    townCode: null,
    after: { lists: listIds.length },
  });
  return ok((await findRun(trx, run.id))!);
}

/** Publishes the final list: every list of the run is made final (its period over, no open objection). */
export async function finaliseRun(
  trx: Trx,
  context: CommandContext,
  run: RunRecord,
): Promise<Result<RunRecord, Problem>> {
  if (run.status !== "published")
    return err({
      code: "run_not_published",
      field: "status",
      message: `该排名状态为 ${run.status}，须先公示 (publish it first)`,
    });
  const open = await pointsDb(trx)
    .selectFrom("publicity_objections")
    .select("id")
    .where("list_id", "in", run.list_ids.length ? run.list_ids : ["00000000-0000-0000-0000-000000000000"])
    .where("status", "in", ["received", "forwarded"])
    .executeTakeFirst();
  if (open)
    return err({
      code: "objections_pending",
      field: "objections",
      message: "仍有未答复的异议 (objections still open)",
    });
  for (const listId of run.list_ids) {
    const done = await finaliseList(trx, context, listId, clock.today());
    if (!done.ok) return done;
  }
  await pointsDb(trx).updateTable("points_runs").set({ status: "final" }).where("id", "=", run.id).execute();
  await tellFinalResults(trx, run.list_ids);
  await audit(trx, context, {
    action: "points.run.finalise",
    entityType: "points_run",
    entityId: run.id,
    townCode: null,
    after: { status: "final" },
  });
  return ok((await findRun(trx, run.id))!);
}

/**
 * Tells every applicant on the final lists that the list is published, with their rank and result: a message in
 * their case file and a notification to their own account (if they have one) linking to their notice PDF.
 */
async function tellFinalResults(trx: Trx, listIds: readonly string[]): Promise<void> {
  if (listIds.length === 0) return;
  const rows = await pointsDb(trx)
    .selectFrom("publicity_entries as e")
    .innerJoin("publicity_lists as l", "l.id", "e.list_id")
    .innerJoin("points_applications as a", (join) => join.on(sql<boolean>`a.id::text = e.subject_id`))
    .innerJoin("points_enrolments as n", "n.id", "a.enrolment_id")
    .leftJoin("accounts as c", (join) => join.onRef("c.person_id", "=", "n.person_id").on("c.disabled", "=", false))
    .select([
      "a.id as applicationId",
      "a.enrolment_id as enrolmentId",
      "e.rank",
      "e.values",
      "l.title",
      "c.id as accountId",
    ])
    .where("e.list_id", "in", [...listIds])
    .where("e.subject_type", "=", "points_application")
    .execute();
  const told = new Set<string>();
  const messages: { enrolmentId: string; text: string }[] = [];
  const notifications = [];
  for (const row of rows) {
    const values = (typeof row.values === "string" ? JSON.parse(row.values) : row.values) as Record<string, unknown>;
    const result = typeof values.result === "string" && values.result ? `，${values.result}` : "";
    const text = `${row.title.replace(/排名公示$/, "")}名单已正式公布：${row.rank === null ? "未排名" : `第 ${row.rank} 名`}${result}。通知书可在“我的积分”下载。`;
    if (!told.has(row.applicationId)) {
      told.add(row.applicationId);
      messages.push({ enrolmentId: row.enrolmentId, text });
    }
    if (row.accountId)
      notifications.push({
        accountId: row.accountId,
        kind: "list.final" as const,
        text,
        link: `/api/v1/points/applications/${row.applicationId}/notice`,
      });
  }
  await tellResidents(trx, messages);
  await notifyMany(trx, notifications);
}
