/**
 * The policy officer's commands on points versions: create a draft from a version, approve (golden tests pass,
 * approver ≠ author), activate from a date. Each runs the rules engine's lifecycle function (the CLI's), writes
 * its audit entry in the transaction, and writes the scorecard file last.
 */
import { sql, type Kysely } from "kysely";
import { clock } from "../../core/clock";
import { isIsoDate } from "../../core/dates";
import { err, ok, type Problem, type Result } from "../../core/result";
import type { Trx } from "../../db/transaction";
import { activatePolicy, approvePolicy } from "../../rules/policy.lifecycle";
import type { Plan } from "../../rules/scorecard.plan";
import { audit, type CommandContext } from "../../platform/commands/context";
import { forgetLoadedPolicies } from "../points/points.scoring";
import {
  checkDraft,
  familyOf,
  findVersion,
  removeDraft,
  saveStatus,
  writeDraft,
  type DraftSpecification,
} from "./store";

/** The table of the people behind the versions made or decided on the screens (migration 0075). */
export interface PolicyPeopleDatabase {
  policy_version_people: {
    version_id: string;
    folder: string;
    author_id: string | null;
    author_username: string | null;
    created_at?: Date;
    approved_by: string | null;
    approved_at: Date | null;
    activated_by: string | null;
    activated_at: Date | null;
  };
}

/** Views an executor with the policy-people table typed. */
export function peopleDb(executor: unknown): Kysely<PolicyPeopleDatabase> {
  return executor as Kysely<PolicyPeopleDatabase>;
}

/** One person at a time writes policy files (a transaction-scoped lock, released at commit or rollback). */
async function lockPolicies(trx: Trx): Promise<void> {
  await sql`select pg_advisory_xact_lock(750075)`.execute(trx);
}

const notFound: Problem = { code: "not_found", message: "未找到该政策版本 (no such policy version)" };

/** The Chinese sentence of a lifecycle refusal, with the engine's English detail after it. */
function refusal(problem: Problem, plan: Plan): Problem {
  const zh: Record<string, string> = {
    invalid_transition:
      plan.version.status === "draft"
        ? "只有已批准的版本才能生效，请先批准"
        : `该版本当前为「${statusZh[plan.version.status] ?? plan.version.status}」，不能执行此操作`,
    no_golden_tests: "该版本没有黄金测试，不能批准：请先为它编写按法规手算的测试用例",
    golden_tests_failed: "有黄金测试未通过，不能批准：请先运行测试查看未通过的用例",
    overlapping_versions: "生效日期须晚于现行版本的生效日期",
    invalid_date: "生效日期不是有效日期，请按 年-月-日 填写",
  };
  return { ...problem, message: `${zh[problem.code] ?? "操作被拒绝"} (${problem.message})` };
}

const statusZh: Record<string, string> = { draft: "草稿", approved: "已批准", active: "现行", superseded: "已废止" };

function snapshot(plan: Plan) {
  return { status: plan.version.status, effective: plan.version.effective };
}

/** Approves a draft: refused when the caller wrote it (four eyes) or while a golden test fails. */
export async function approveVersion(trx: Trx, context: CommandContext, id: string): Promise<Result<Plan, Problem>> {
  await lockPolicies(trx);
  const plan = findVersion(id);
  if (!plan) return err(notFound);
  const people = await peopleDb(trx)
    .selectFrom("policy_version_people")
    .selectAll()
    .where("version_id", "=", id)
    .executeTakeFirst();
  if (people?.author_id && people.author_id === context.actor.id)
    return err({
      code: "four_eyes_required",
      field: "approver",
      message: "草稿须由起草人以外的人批准（双人复核）(the author of a draft cannot approve it)",
    });
  const approved = approvePolicy(plan);
  if (!approved.ok) return err(refusal(approved.error, plan));
  await peopleDb(trx)
    .insertInto("policy_version_people")
    .values({
      version_id: id,
      folder: plan.version.folder,
      author_id: null,
      author_username: null,
      approved_by: context.actor.id,
      approved_at: clock.now(),
      activated_by: null,
      activated_at: null,
    })
    .onConflict((conflict) =>
      conflict.column("version_id").doUpdateSet({ approved_by: context.actor.id, approved_at: clock.now() }),
    )
    .execute();
  await audit(trx, context, {
    action: "policy.approve",
    entityType: "policy_version",
    entityId: id,
    townCode: null,
    before: snapshot(plan),
    after: snapshot(approved.value),
  });
  saveStatus(approved.value);
  forgetLoadedPolicies();
  return ok(approved.value);
}

/** Puts an approved version in force from a date (today or later); the family's active version is superseded. */
export async function activateVersion(
  trx: Trx,
  context: CommandContext,
  id: string,
  from: string,
): Promise<Result<{ activated: Plan; superseded: Plan[] }, Problem>> {
  await lockPolicies(trx);
  const plan = findVersion(id);
  if (!plan) return err(notFound);
  if (isIsoDate(from) && from < clock.today())
    return err({
      code: "activation_in_past",
      field: "from",
      message: `生效日期不能早于今天（${clock.today()}）：已经按现行版本计算的积分不追溯改变 (a version cannot start in the past)`,
    });
  const activated = activatePolicy(plan, from, familyOf(plan));
  if (!activated.ok) return err(refusal(activated.error, plan));
  await peopleDb(trx)
    .insertInto("policy_version_people")
    .values({
      version_id: id,
      folder: plan.version.folder,
      author_id: null,
      author_username: null,
      approved_by: null,
      approved_at: null,
      activated_by: context.actor.id,
      activated_at: clock.now(),
    })
    .onConflict((conflict) =>
      conflict.column("version_id").doUpdateSet({ activated_by: context.actor.id, activated_at: clock.now() }),
    )
    .execute();
  for (const superseded of activated.value.superseded) {
    const before = familyOf(plan).find((other) => other.version.id === superseded.version.id);
    await audit(trx, context, {
      action: "policy.supersede",
      entityType: "policy_version",
      entityId: superseded.version.id,
      townCode: null,
      before: before ? snapshot(before) : undefined,
      after: snapshot(superseded),
    });
  }
  await audit(trx, context, {
    action: "policy.activate",
    entityType: "policy_version",
    entityId: id,
    townCode: null,
    before: snapshot(plan),
    after: snapshot(activated.value.activated),
  });
  for (const superseded of activated.value.superseded) saveStatus(superseded);
  saveStatus(activated.value.activated);
  forgetLoadedPolicies();
  return ok(activated.value);
}

/** The form of a draft made from a version (the source's id, then the new draft's specification). */
export interface DraftInput extends DraftSpecification {
  sourceId: string;
}

/**
 * Makes a draft from a version (usually the active one) with edited parameters, validated by the scorecard
 * loader as the CLI loads it; the draft's folder holds the new scorecard.yaml and a copy of the golden tests.
 */
export async function createDraft(
  trx: Trx,
  context: CommandContext,
  input: DraftInput,
): Promise<Result<Plan, Problem & { fields?: Record<string, string> }>> {
  await lockPolicies(trx);
  const source = findVersion(input.sourceId);
  if (!source) return err({ ...notFound, field: "sourceId" });
  if (!isIsoDate(input.effectiveFrom))
    return err({
      code: "invalid_date",
      field: "effectiveFrom",
      message: "拟生效日期不是有效日期，请按 年-月-日 填写 (not a date)",
    });
  const checked = checkDraft(source, input);
  if (!checked.ok) {
    const [first] = checked.error;
    const duplicate = checked.error.some((problem) => problem.code === "duplicate_version");
    return err({
      code: duplicate ? "duplicate_version" : "invalid_policy",
      field: first.field,
      message: duplicate
        ? `已有同名的政策版本，请换一个版本编号 (${first.message})`
        : `草稿未通过政策校验：${checked.error.length} 处问题，见标红的项目 (${checked.error.map((problem) => problem.message).join("; ")})`,
      fields: Object.fromEntries(
        checked.error.map((problem) => [problem.field, `${problemZh(problem.code)} (${problem.message})`]),
      ),
    });
  }
  await peopleDb(trx)
    .insertInto("policy_version_people")
    .values({
      version_id: input.id,
      folder: checked.value.folder,
      author_id: context.actor.id,
      author_username: context.actor.username,
      approved_by: null,
      approved_at: null,
      activated_by: null,
      activated_at: null,
    })
    .execute();
  await audit(trx, context, {
    action: "policy.draft",
    entityType: "policy_version",
    entityId: input.id,
    townCode: null,
    after: {
      source: source.version.id,
      status: "draft",
      effective: { from: input.effectiveFrom },
      parameters: input.indicators,
    },
  });
  try {
    writeDraft(source, checked.value);
  } catch (error) {
    removeDraft(checked.value.folder);
    throw error;
  }
  forgetLoadedPolicies();
  return ok(checked.value.plan);
}

/** A Chinese sentence per loader problem code, for the field it marks. */
function problemZh(code: string): string {
  const sentences: Record<string, string> = {
    invalid_cap: "上限不能小于 0",
    invalid_points: "分值须为数字，最多两位小数",
    inexact_multiplier: "乘以系数后分值须精确到 0.01，请调整分值",
    invalid_policy_id: "版本编号须以政策族名开头",
    duplicate_version: "已有同名的政策版本",
    unknown_indicator: "没有这个指标",
    unknown_value: "该指标没有这个取值",
    not_editable: "该指标不能这样修改",
  };
  return sentences[code] ?? "不符合政策文件的规则";
}
