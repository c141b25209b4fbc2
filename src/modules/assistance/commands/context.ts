/** Assistance-specific command helpers: the timeline event, step, version and date checks. The context and audit helper are shared (src/platform/commands/context.ts). */
import { err, type Problem, type Result } from "../../../core/result";
import { parseYuan } from "../../../core/money";
import type { Trx } from "../../../db/transaction";
import { actingUsername, audit, type CommandContext as SharedCommandContext } from "../../../platform/commands/context";
import type { Actor } from "../../../platform/roles";
import type { CaseRecord } from "../repository";
import { assistanceDb } from "../tables";
import { stepAllowed, stepsFrom } from "../workflow";

/** Assistance commands also run as scheduled jobs and from the CLI, so the actor may be absent (see `username`). */
export type CommandContext = SharedCommandContext<Actor | null>;

/** Adds a timeline event to a case and the matching audit entry, both in the command's transaction. */
export async function recordEvent(
  trx: Trx,
  context: CommandContext,
  record: CaseRecord,
  event: { kind: string; onDate: string; details: Record<string, unknown>; fileIds?: string[]; before?: unknown },
): Promise<void> {
  await assistanceDb(trx)
    .insertInto("assistance_case_events")
    .values({
      case_id: record.id,
      town_code: record.townCode,
      kind: event.kind,
      on_date: event.onDate,
      details: JSON.stringify(event.details),
      file_ids: event.fileIds ?? [],
      actor_id: context.actor?.id ?? null,
      actor_username: actingUsername(context),
    })
    .execute();
  await audit(trx, context, {
    action: `assistance.case.${event.kind}`,
    entityType: "assistance_case",
    entityId: record.id,
    townCode: record.townCode,
    before: event.before,
    after: { onDate: event.onDate, ...event.details, ...(event.fileIds?.length ? { fileIds: event.fileIds } : {}) },
  });
}

/** Refuses a step the case's state does not allow, naming the state. */
export function checkStep(record: CaseRecord, step: keyof typeof stepsFrom): Result<null, Problem> {
  if (stepAllowed(step, record.state)) return { ok: true, value: null };
  return err({
    code: "invalid_state",
    message: `案件当前状态为 ${record.state}，不能执行此步骤 (step ${step} needs state ${stepsFrom[step].join(" or ")})`,
    field: "state",
  });
}

/** Refuses a stale version (somebody saved first). */
export function checkVersion(record: CaseRecord, version: number): Result<null, Problem> {
  if (record.version === version) return { ok: true, value: null };
  return err({
    code: "version_conflict",
    message: "案件已被他人修改，请刷新后重试 (the case changed since you read it)",
    field: "version",
  });
}

/** Refuses a date in the future or before an earlier step. */
export function checkDate(value: string, field: string, today: string, notBefore?: string): Result<null, Problem> {
  if (value > today)
    return err({ code: "date_in_future", message: `${field} 不能晚于今天 (must not be in the future)`, field });
  if (notBefore && value < notBefore)
    return err({
      code: "date_too_early",
      message: `${field} 不能早于 ${notBefore} (must not be before ${notBefore})`,
      field,
    });
  return { ok: true, value: null };
}

/** Parses yuan exactly into fen; refuses non-numbers and negatives naming the field. */
export function parseAmount(value: string | number, field: string): Result<number, Problem> {
  const parsed = parseYuan(value, field);
  if (!parsed.ok) return err({ code: "invalid_amount", message: parsed.error.message, field });
  if (parsed.value < 0)
    return err({ code: "invalid_amount", message: `${field} 不能为负数 (must not be negative)`, field });
  return parsed;
}

/** Bumps a case's version and updated time along with other changes. */
export function bump(record: CaseRecord) {
  return { version: record.version + 1, updated_at: new Date() };
}
