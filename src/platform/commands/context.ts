/**
 * What every module's commands share: who runs the command (the context), the audit entry it writes in its
 * transaction, and the test for a PostgreSQL unique violation that a command turns into a refusal.
 */
import type { Trx } from "../../db/transaction";
import { appendAudit } from "../audit/audit.log";
import type { Actor } from "../roles";

/**
 * Who runs a command and under which request id; every command also receives the transaction. Most commands
 * need a signed-in actor (the default); a module whose commands also run as scheduled jobs or from the CLI
 * uses `CommandContext<Actor | null>` and names the system user in `username`.
 */
export interface CommandContext<TActor extends Actor | null = Actor> {
  actor: TActor;
  /** The name recorded when there is no actor (a job, the CLI); ignored when an actor is present. */
  username?: string;
  requestId: string | null;
}

/** What a command records about one change: the action, the record it changed, and before/after snapshots. */
export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  townCode: string | null;
  before?: unknown;
  after?: unknown;
}

/** The username an audit entry or a timeline event records for a context: the actor's, else the named system user. */
export function actingUsername(context: CommandContext<Actor | null>): string {
  return context.actor?.username ?? context.username ?? "system";
}

/** Writes one audit entry in the command's transaction (so a rolled-back change leaves no entry). */
export async function audit(trx: Trx, context: CommandContext<Actor | null>, entry: AuditEntry): Promise<void> {
  await appendAudit(trx, {
    actorId: context.actor?.id ?? null,
    actorUsername: actingUsername(context),
    requestId: context.requestId,
    ...entry,
  });
}

/**
 * Tells whether an error is a PostgreSQL unique violation (SQLSTATE 23505) on one of the named constraints or
 * unique indexes. PostgreSQL names the constraint in `constraint`; PGlite sometimes only in the message.
 */
export function isUniqueViolation(error: unknown, ...constraints: string[]): boolean {
  const candidate = error as { code?: string; constraint?: string; message?: string } | null | undefined;
  if (candidate?.code !== "23505") return false;
  return constraints.some((name) => candidate.constraint === name || (candidate.message ?? "").includes(name));
}
