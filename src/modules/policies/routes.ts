/**
 * The policy officer's routes over points versions: list and read, run the golden tests, read a simulation (a
 * job) and its workbook, make a draft, approve, activate. Each calls the rules engine's function the CLI calls.
 */
import { inTransactionWhenOk } from "../../db/transaction";
import { commandContext } from "../../platform/http/command-reply";
import { sendError } from "../../platform/http/request-context";
import { defineRoute, type AnyRoute, type RouteTarget } from "../../platform/http/route";
import { findJob, type JobRecord } from "../../platform/jobs";
import { hasRole, type Actor } from "../../platform/roles";
import type { Plan } from "../../rules/scorecard.plan";
import { statusForProblem } from "../../platform/problems";
import { activateVersion, approveVersion, createDraft } from "./commands";
import { goldenReport } from "./golden";
import { presentDetail, presentSummary, versionPeople } from "./presenters";
import {
  ActivationResponse,
  GoldenRunResponse,
  SimulationResponse,
  VersionDetail,
  VersionListResponse,
  VersionSummary,
} from "./responses";
import { ActivateBody, DraftBody, JobParams, VersionParams } from "./schemas";
import { simulationJob, simulationXlsx, type SimulationResult } from "./simulation";
import { findVersion, pointsVersions } from "./store";

const tags = ["policies"];

// Versions are city-wide policy: every holder of the read permission sees all of them.
const version: RouteTarget<{ id: string }, undefined, Plan> = {
  resource: "policyVersion",
  load: (_executor, { params }) => Promise.resolve(findVersion(params.id)),
};

/** A simulation job: one's own, or any for those who may simulate or read everything. */
const simulation: RouteTarget<{ id: string }, undefined, JobRecord> = {
  resource: "policySimulation",
  load: async (executor, { params }) => {
    const job = await findJob(executor, params.id);
    return job?.kind === simulationJob.kind && job.status === "succeeded" ? job : undefined;
  },
  inScope: (actor: Actor, job) =>
    job.created_by === actor.id ||
    hasRole(actor, "policy_officer") ||
    hasRole(actor, "programme_admin") ||
    hasRole(actor, "auditor"),
};

function resultOf(job: JobRecord): SimulationResult & { jobId: string } {
  return { ...(job.result as SimulationResult), jobId: job.id };
}

export const policyRoutes: readonly AnyRoute[] = [
  defineRoute({
    method: "GET",
    url: "/policies/points/versions",
    summary: {
      zh: "积分政策版本：生效日期、状态（草稿/已批准/现行/已废止）、所依据的法规",
      en: "Points policy versions: dates, state (draft/approved/active/superseded), legal document",
    },
    tags,
    permission: "policies.read",
    response: { 200: VersionListResponse },
    handler: async ({ db }) => {
      const plans = pointsVersions();
      const people = await versionPeople(db);
      if (!plans.ok) return { items: [], problems: plans.error.map((problem) => problem.message) };
      const order = { draft: 0, approved: 1, active: 2, superseded: 3 };
      const items = [...plans.value].sort(
        (a, b) =>
          order[a.version.status] - order[b.version.status] ||
          b.version.effective.from.localeCompare(a.version.effective.from),
      );
      return { items: items.map((plan) => presentSummary(plan, people)), problems: [] };
    },
  }),
  defineRoute({
    method: "GET",
    url: "/policies/points/versions/:id",
    summary: { zh: "积分政策版本：各用途分数线和计分指标（含条款）", en: "A version: thresholds and scorecard rows" },
    tags,
    permission: "policies.read",
    params: VersionParams,
    target: version,
    response: { 200: VersionDetail },
    handler: async ({ db, target }) => presentDetail(target, await versionPeople(db)),
  }),
  defineRoute({
    method: "POST",
    url: "/policies/points/versions/:id/golden-tests",
    summary: {
      zh: "运行该版本的黄金测试（与 gongzhi policy test 相同），逐条显示是否通过",
      en: "Run the version's golden tests (as gongzhi policy test): pass/fail per case",
    },
    tags,
    permission: "policies.read",
    params: VersionParams,
    target: version,
    response: { 200: GoldenRunResponse },
    handler: ({ target }) => goldenReport(target),
  }),
  defineRoute({
    method: "POST",
    url: "/policies/points/versions/:id/approve",
    summary: {
      zh: "批准草稿：黄金测试须全部通过，批准人不能是起草人",
      en: "Approve a draft: every golden test passes; the approver is not its author",
    },
    tags,
    permission: "policies.decide",
    params: VersionParams,
    target: version,
    response: { 200: VersionSummary },
    command: ({ db, request, actor, params }) =>
      inTransactionWhenOk(db, (trx) => approveVersion(trx, commandContext(request, actor), params.id)),
    present: async (plan, { db }) => presentSummary(plan, await versionPeople(db)),
  }),
  defineRoute({
    method: "POST",
    url: "/policies/points/versions/:id/activate",
    summary: {
      zh: "已批准的版本自某日起生效，同族现行版本于前一日废止",
      en: "Put an approved version in force from a date; the family's active version ends the day before",
    },
    tags,
    permission: "policies.decide",
    params: VersionParams,
    body: ActivateBody,
    target: version,
    response: { 200: ActivationResponse },
    command: ({ db, request, actor, params, body }) =>
      inTransactionWhenOk(db, (trx) => activateVersion(trx, commandContext(request, actor), params.id, body.from)),
    present: async (value, { db }) => {
      const people = await versionPeople(db);
      return {
        activated: presentSummary(value.activated, people),
        superseded: value.superseded.map((plan) => presentSummary(plan, people)),
      };
    },
  }),
  defineRoute({
    method: "POST",
    url: "/policies/points/drafts",
    summary: {
      zh: "以某版本（通常为现行版本）为底稿起草新版本，修改指标分值和上限（按政策文件规则校验）",
      en: "Draft a new version from a version, editing points and caps (validated as the policy files are)",
    },
    tags,
    permission: "policies.draft",
    body: DraftBody,
    response: { 201: VersionDetail },
    handler: async ({ db, request, reply, actor, body }) => {
      const created = await inTransactionWhenOk(db, (trx) => createDraft(trx, commandContext(request, actor), body));
      if (!created.ok) {
        const { code, message, field, fields } = created.error;
        return sendError(reply, statusForProblem(code), code, message, fields ?? (field ? { [field]: message } : {}));
      }
      return presentDetail(created.value, await versionPeople(db));
    },
  }),
  defineRoute({
    method: "GET",
    url: "/policies/points/simulations/:id",
    summary: {
      zh: "模拟结果：谁的积分变化、变化多少、各镇区汇总（模拟以任务运行）",
      en: "A simulation's result: who moves, by how much, per 镇区 (the simulation runs as a job)",
    },
    tags,
    permission: "policies.read",
    params: JobParams,
    target: simulation,
    response: { 200: SimulationResponse },
    handler: ({ target }) => resultOf(target),
  }),
  defineRoute({
    method: "GET",
    url: "/policies/points/simulations/:id/report.xlsx",
    summary: { zh: "下载模拟结果（XLSX）", en: "Download a simulation (XLSX)" },
    tags,
    permission: "policies.read",
    params: JobParams,
    target: simulation,
    response: {
      200: {
        mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        description: "the simulation",
      },
    },
    handler: async ({ target, reply }) => {
      const result = resultOf(target);
      const name = encodeURIComponent(`积分政策模拟-${result.draft.id}-对比-${result.baseline.id}.xlsx`);
      return reply
        .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header(
          "content-disposition",
          `attachment; filename="policy-simulation-${result.draft.id}.xlsx"; filename*=UTF-8''${name}`,
        )
        .header("x-content-type-options", "nosniff")
        .send(await simulationXlsx(result));
    },
  }),
];
