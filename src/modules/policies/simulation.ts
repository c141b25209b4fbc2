/**
 * Trying a draft on the current applicants: the CLI's `simulatePoints` (as `gongzhi policy simulate`) over the
 * accepted applications of a points cycle, run as a durable job; the result (kept with the job) says who moves,
 * by how much, per 镇区, and is also written as an XLSX workbook.
 */
import ExcelJS from "exceljs";
import { Type } from "typebox";
import { formatPoints } from "../../core/points";
import { err, ok, type Problem, type Result } from "../../core/result";
import { maskName } from "../../core/masking";
import { spreadsheetRow } from "../../core/spreadsheet";
import type { Executor } from "../../db/transaction";
import { simulatePoints } from "../../rules/points.simulate";
import type { Plan } from "../../rules/scorecard.plan";
import { audit } from "../../platform/commands/context";
import { defineJob } from "../../platform/jobs";
import { applicantPopulation, simulationCycle } from "../points/policy-population";
import { activeVersionOf, pointsVersions } from "./store";

/** What a simulation job is asked: the draft, and optionally the baseline, the cycle and one application date. */
export interface SimulationPayload {
  draftId: string;
  baselineId?: string;
  cycleId?: string;
  date?: string;
}

/** One applicant whose score or eligibility changes (points in decimal points). */
export interface Mover {
  applicationId: string;
  name: string;
  purpose: string;
  townCode: string;
  baseline: number;
  draft: number;
  change: number;
  eligibleBefore: boolean;
  eligibleAfter: boolean;
}

/** The result a simulation job keeps (and the API and the workbook show). */
export interface SimulationResult {
  draft: { id: string; zh: string; en: string };
  baseline: { id: string; zh: string; en: string };
  cycle: { id: string; year: number; title: string } | null;
  date: string | null;
  applicants: number;
  scored: number;
  refused: { draft: number; baseline: number; examples: string[] };
  ignoredFacts: { draft: string[]; baseline: string[] };
  gained: number;
  lost: number;
  unchanged: number;
  towns: {
    townCode: string;
    townName: string;
    scored: number;
    gained: number;
    lost: number;
    unchanged: number;
    totalChange: number;
    averageChange: number;
    eligibleBefore: number;
    eligibleAfter: number;
  }[];
  purposes: { purpose: string; zh: string; eligibleBefore: number; eligibleAfter: number }[];
  movers: Mover[];
}

const points = (hundredths: number) => Number(formatPoints(hundredths));

/** Resolves the versions of a simulation: the draft, and its baseline (the family's active version by default). */
export function simulationVersions(payload: SimulationPayload): Result<{ draft: Plan; baseline: Plan }, Problem> {
  const plans = pointsVersions();
  if (!plans.ok) return err({ code: "invalid_policy", message: "政策文件无法加载 (policies do not load)" });
  const draft = plans.value.find((plan) => plan.version.id === payload.draftId);
  if (!draft) return err({ code: "not_found", field: "draftId", message: "未找到该政策版本 (no such version)" });
  const baseline = payload.baselineId
    ? plans.value.find((plan) => plan.version.id === payload.baselineId)
    : activeVersionOf(plans.value, draft.version.family);
  if (!baseline)
    return err({
      code: "not_found",
      field: "baselineId",
      message: "没有可比较的现行版本 (no baseline version)",
    });
  if (baseline.version.id === draft.version.id)
    return err({
      code: "same_version",
      field: "baselineId",
      message: "请选择与现行版本不同的版本进行模拟 (the draft and the baseline are the same version)",
    });
  return ok({ draft, baseline });
}

/** Scores the cycle's applicants under both versions and summarises the movement per 镇区. */
export async function simulateApplicants(
  executor: Executor,
  payload: SimulationPayload,
  onProgress: (done: number, total: number | null, label: string) => void = () => {},
): Promise<Result<SimulationResult, Problem>> {
  const versions = simulationVersions(payload);
  if (!versions.ok) return versions;
  const { draft, baseline } = versions.value;
  const cycle = await simulationCycle(executor, payload.cycleId);
  if (payload.cycleId && !cycle)
    return err({ code: "not_found", field: "cycleId", message: "未找到该申请周期 (no such cycle)" });
  onProgress(0, 3, "read");
  const population = cycle
    ? await applicantPopulation(executor, cycle.id, (done, total) => onProgress(done, total, "read"))
    : [];
  onProgress(1, 3, "score");
  const report = simulatePoints(draft, baseline, population, payload.date, 0, true);
  onProgress(2, 3, "summarise");
  const towns = new Map(
    (await executor.selectFrom("towns").select(["code", "name"]).execute()).map((row) => [row.code, row.name]),
  );
  const nameOf = new Map(population.map((request) => [request.id, request.personName]));
  const threshold = (plan: Plan, purpose: string) =>
    plan.purposes.find((candidate) => candidate.name === purpose)?.threshold ?? Infinity;
  const changes = report.changes ?? [];
  const eligibility = changes.map((change) => ({
    change,
    before: change.baseline >= threshold(baseline, change.purpose),
    after: change.draft >= threshold(draft, change.purpose),
  }));
  const movers = eligibility
    .filter(({ change, before, after }) => change.change !== 0 || before !== after)
    .sort((a, b) => Math.abs(b.change.change) - Math.abs(a.change.change) || a.change.change - b.change.change)
    .map(({ change, before, after }) => ({
      applicationId: String(change.id),
      name: maskName(nameOf.get(String(change.id)) ?? ""),
      purpose: change.purpose,
      townCode: change.town,
      baseline: points(change.baseline),
      draft: points(change.draft),
      change: points(change.change),
      eligibleBefore: before,
      eligibleAfter: after,
    }));
  const eligibleByTown = new Map<string, { before: number; after: number }>();
  for (const { change, before, after } of eligibility) {
    const counts = eligibleByTown.get(change.town) ?? { before: 0, after: 0 };
    counts.before += before ? 1 : 0;
    counts.after += after ? 1 : 0;
    eligibleByTown.set(change.town, counts);
  }
  const purposeNames = [...new Set(changes.map((change) => change.purpose))].sort();
  return ok({
    draft: { id: draft.version.id, ...draft.version.title },
    baseline: { id: baseline.version.id, ...baseline.version.title },
    cycle: cycle ? { id: cycle.id, year: cycle.year, title: cycle.title } : null,
    date: payload.date ?? null,
    applicants: population.length,
    scored: report.scored,
    refused: { draft: report.invalid.policy, baseline: report.invalid.baseline, examples: report.invalid.examples },
    ignoredFacts: { draft: report.ignoredFacts.policy, baseline: report.ignoredFacts.baseline },
    gained: report.gained,
    lost: report.lost,
    unchanged: report.unchanged,
    towns: Object.entries(report.byTown)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([townCode, movement]) => ({
        townCode,
        townName: towns.get(townCode) ?? townCode,
        scored: movement.scored,
        gained: movement.gained,
        lost: movement.lost,
        unchanged: movement.unchanged,
        totalChange: points(movement.totalChange),
        averageChange: movement.scored ? Math.round(movement.totalChange / movement.scored) / 100 : 0,
        eligibleBefore: eligibleByTown.get(townCode)?.before ?? 0,
        eligibleAfter: eligibleByTown.get(townCode)?.after ?? 0,
      })),
    purposes: purposeNames.map((purpose) => {
      const rows = eligibility.filter(({ change }) => change.purpose === purpose);
      return {
        purpose,
        zh: draft.version.purposes.find((item) => item.name === purpose)?.zh ?? purpose,
        eligibleBefore: rows.filter((row) => row.before).length,
        eligibleAfter: rows.filter((row) => row.after).length,
      };
    }),
    movers,
  });
}

/** The simulation as a job: anyone who may simulate enqueues it; its audit entry names the versions compared. */
export const simulationJob = defineJob<SimulationPayload>({
  kind: "policies.simulate",
  title: "政策草案模拟",
  payload: Type.Object(
    {
      draftId: Type.String({ minLength: 1, maxLength: 80, pattern: "^[a-z0-9-]+$" }),
      baselineId: Type.Optional(Type.String({ minLength: 1, maxLength: 80, pattern: "^[a-z0-9-]+$" })),
      cycleId: Type.Optional(Type.String({ format: "uuid" })),
      date: Type.Optional(Type.String({ format: "date" })),
    },
    { additionalProperties: false },
  ),
  permission: "policies.simulate",
  dedupeKey: (payload) =>
    `policies.simulate:${payload.draftId}:${payload.baselineId ?? ""}:${payload.cycleId ?? ""}:${payload.date ?? ""}`,
  maxAttempts: 2,
  run: async (trx, job) => {
    if (!job.actor) return err({ code: "forbidden", message: "模拟须由政策专员提交 (a person must enqueue this job)" });
    const result = await simulateApplicants(trx, job.payload, job.progress);
    if (!result.ok) return result;
    await audit(
      trx,
      { actor: job.actor, requestId: job.requestId },
      {
        action: "policy.simulate",
        entityType: "policy_version",
        entityId: result.value.draft.id,
        townCode: null,
        after: {
          baseline: result.value.baseline.id,
          cycle: result.value.cycle?.id ?? null,
          scored: result.value.scored,
          gained: result.value.gained,
          lost: result.value.lost,
        },
      },
    );
    return ok({ ...result.value, jobId: job.id });
  },
});

const purposeZh: Record<string, string> = { school: "积分入学", housing: "承租公租房", hukou: "积分入户" };

/** The simulation as an XLSX workbook: the summary per 镇区, then every applicant who moves. */
export async function simulationXlsx(result: SimulationResult): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const summary = workbook.addWorksheet("按镇区汇总");
  summary.addRow(spreadsheetRow([`草案：${result.draft.zh}（${result.draft.id}）`]));
  summary.addRow(spreadsheetRow([`对比：${result.baseline.zh}（${result.baseline.id}）`]));
  summary.addRow(
    spreadsheetRow([
      `申请周期：${result.cycle ? result.cycle.title : "无"}；计分申请 ${result.scored} 宗，上升 ${result.gained}，下降 ${result.lost}，不变 ${result.unchanged}`,
    ]),
  );
  summary.addRow([]);
  summary.addRow(
    spreadsheetRow([
      "镇区",
      "计分申请数",
      "上升",
      "下降",
      "不变",
      "积分变化合计",
      "平均变化",
      "达线人数（现行）",
      "达线人数（草案）",
    ]),
  );
  for (const town of result.towns)
    summary.addRow(
      spreadsheetRow([
        town.townName,
        town.scored,
        town.gained,
        town.lost,
        town.unchanged,
        town.totalChange,
        town.averageChange,
        town.eligibleBefore,
        town.eligibleAfter,
      ]),
    );
  const movers = workbook.addWorksheet("积分变化名单");
  movers.addRow(
    spreadsheetRow(["申请编号", "姓名", "用途", "镇区", "现行积分", "草案积分", "变化", "现行达线", "草案达线"]),
  );
  const townName = new Map(result.towns.map((town) => [town.townCode, town.townName]));
  for (const mover of result.movers)
    movers.addRow(
      spreadsheetRow([
        mover.applicationId,
        mover.name,
        purposeZh[mover.purpose] ?? mover.purpose,
        townName.get(mover.townCode) ?? mover.townCode,
        mover.baseline,
        mover.draft,
        mover.change,
        mover.eligibleBefore ? "是" : "否",
        mover.eligibleAfter ? "是" : "否",
      ]),
    );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
