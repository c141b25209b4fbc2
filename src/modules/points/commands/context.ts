import type { Trx } from "../../../db/transaction";
import { appendAudit } from "../../../platform/audit/audit.log";
import type { Actor } from "../../../platform/roles";

/** Who runs a points command and under which request id; every command also receives the transaction. */
export interface CommandContext {
  actor: Actor;
  requestId: string | null;
}

/** Records one audit entry for a points change, in the command's transaction. */
export async function audit(
  trx: Trx,
  context: CommandContext,
  entry: { action: string; entityType: string; entityId: string; townCode: string | null; before?: unknown; after?: unknown },
): Promise<void> {
  await appendAudit(trx, { actorId: context.actor.id, actorUsername: context.actor.username, requestId: context.requestId, ...entry });
}

/** A refusal that names the rule and its clause, so the resident and the clerk can see why. */
export function refusal(code: string, field: string, message: string, clause: string) {
  return { code, field, message: `${message}（${clause}）` };
}

/** Tells whether an error is a PostgreSQL unique violation on the named constraint or index. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const candidate = error as { code?: string; constraint?: string; message?: string };
  return candidate?.code === "23505" && (candidate.constraint === constraint || (candidate.message ?? "").includes(constraint));
}
