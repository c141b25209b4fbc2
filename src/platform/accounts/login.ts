import { err, ok, type Problem, type Result } from "../../core/result";
import type { Trx } from "../../db/transaction";
import { appendAudit } from "../audit/audit.log";
import type { Actor } from "../roles";
import { loadActor } from "./accounts.repository";
import { verifyPassword } from "./password";
import { createSession, type NewSession } from "./sessions";

/** Failures allowed inside the window; the next one locks the account. */
export const maxFailures = 5;
/** The failure window and the lock duration, in minutes. */
export const lockMinutes = 15;

// Verified against when the username is unknown, so both paths take the same time.
const unknownUserHash =
  "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$H802ZnZrjYe9qkX4jQfBWTQtJnmj6Noz+sJrSQ8gzOM";

/** A refused login; `lockedUntil` (ISO time) says when a locked account may sign in again. */
export type LoginProblem = Problem & { lockedUntil?: string };

/** Signs in: checks the password, counts failures, locks after the 6th failure in 15 minutes. */
export async function login(
  trx: Trx,
  input: { username: string; password: string; requestId?: string },
  now = new Date(),
): Promise<Result<{ actor: Actor; session: NewSession }, LoginProblem>> {
  const invalid = err({ code: "invalid_credentials", message: "用户名或密码错误 (wrong username or password)" });
  const account = await trx
    .selectFrom("accounts")
    .selectAll()
    .where("username", "=", input.username)
    .forUpdate()
    .executeTakeFirst();
  if (!account) {
    await verifyPassword(unknownUserHash, input.password);
    return invalid;
  }
  if (account.locked_until && account.locked_until > now) {
    return err({
      code: "account_locked",
      message: `账户已锁定 (account locked until ${account.locked_until.toISOString()})`,
      lockedUntil: account.locked_until.toISOString(),
    });
  }
  const passwordMatches = await verifyPassword(account.password_hash, input.password);
  if (!passwordMatches || account.disabled) {
    const windowOpen =
      account.failure_window_start && now.getTime() - account.failure_window_start.getTime() < lockMinutes * 60_000;
    const failures = windowOpen ? account.failure_count + 1 : 1;
    const locks = failures > maxFailures;
    const lockedUntil = new Date(now.getTime() + lockMinutes * 60_000);
    await trx
      .updateTable("accounts")
      .set({
        failure_count: locks ? 0 : failures,
        failure_window_start: locks ? null : windowOpen ? account.failure_window_start : now,
        locked_until: locks ? lockedUntil : null,
      })
      .where("id", "=", account.id)
      .execute();
    if (!locks) return invalid;
    await appendAudit(trx, {
      actorId: null,
      actorUsername: null,
      action: "account.locked",
      entityType: "account",
      entityId: account.id,
      after: { failures, lockedMinutes: lockMinutes },
      requestId: input.requestId,
    });
    return err({
      code: "account_locked",
      message: `连续失败次数过多，账户锁定 ${lockMinutes} 分钟 (account locked until ${lockedUntil.toISOString()})`,
      lockedUntil: lockedUntil.toISOString(),
    });
  }
  await trx
    .updateTable("accounts")
    .set({ failure_count: 0, failure_window_start: null, locked_until: null })
    .where("id", "=", account.id)
    .execute();
  const actor = await loadActor(trx, account.id);
  if (!actor) return invalid;
  await trx.deleteFrom("sessions").where("account_id", "=", account.id).where("expires_at", "<=", now).execute();
  const session = await createSession(trx, account.id, now);
  await appendAudit(trx, {
    actorId: actor.id,
    actorUsername: actor.username,
    action: "session.login",
    entityType: "account",
    entityId: actor.id,
    requestId: input.requestId,
  });
  return ok({ actor, session });
}
