import { err, ok, type Problem, type Result } from "../../core/result";
import type { Trx } from "../../db/transaction";
import { appendAudit } from "../audit/audit.log";
import type { Actor } from "../roles";
import { loadActor } from "./accounts.repository";
import { verifyPassword } from "./password";
import { clockNow, createSession, deleteExpiredSessions, deleteSession, type NewSession } from "./sessions";

/** Failures allowed inside the window from one address for one username; the next one blocks that pair. */
export const maxFailures = 5;
/** The failure window and the block duration, in minutes. */
export const lockMinutes = 15;

// Verified against when the username is unknown, so both paths take the same time.
const unknownUserHash =
  "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$H802ZnZrjYe9qkX4jQfBWTQtJnmj6Noz+sJrSQ8gzOM";

/** A refused login; `lockedUntil` (ISO time) says when this address may try this username again. */
export type LoginProblem = Problem & { lockedUntil?: string };

function blocked(until: Date): Result<never, LoginProblem> {
  return err({
    code: "account_locked",
    message: `连续失败次数过多，请于 ${until.toISOString()} 后再试 (too many failed attempts: try again after ${until.toISOString()})`,
    lockedUntil: until.toISOString(),
  });
}

/**
 * Signs in: checks the password and slows down guessing. Failures are counted per username as typed and client
 * address, for unknown usernames exactly as for real ones: the 6th failure in 15 minutes blocks that pair for 15
 * minutes (423, the same answer whether the account exists or not). Another address — the account's owner —
 * is not blocked; the per-address rate limit of the route bounds guessing across usernames.
 */
export async function login(
  trx: Trx,
  input: { username: string; password: string; address?: string; requestId?: string; previousToken?: string | null },
  now = clockNow(),
): Promise<Result<{ actor: Actor; session: NewSession }, LoginProblem>> {
  const invalid = err({ code: "invalid_credentials", message: "用户名或密码错误 (wrong username or password)" });
  const pair = { username_key: input.username, address: input.address ?? "unknown" };
  const throttle = await trx
    .selectFrom("login_throttles")
    .selectAll()
    .where("username_key", "=", pair.username_key)
    .where("address", "=", pair.address)
    .forUpdate()
    .executeTakeFirst();
  if (throttle?.blocked_until && throttle.blocked_until > now) return blocked(throttle.blocked_until);
  const account = await trx
    .selectFrom("accounts")
    .selectAll()
    .where("username", "=", input.username)
    .forUpdate()
    .executeTakeFirst();
  const passwordMatches = await verifyPassword(account?.password_hash ?? unknownUserHash, input.password);
  if (account && passwordMatches && account.disabled) {
    // Told only to whoever knows the password, so a disabled account is not revealed to a guesser.
    return err({
      code: "account_disabled",
      message: "此账户已停用，请联系管理员 (this account has been disabled: ask an administrator)",
    });
  }
  if (!account || !passwordMatches) {
    const windowOpen = throttle && now.getTime() - throttle.window_start.getTime() < lockMinutes * 60_000;
    const failures = windowOpen ? throttle.failure_count + 1 : 1;
    const blocks = failures > maxFailures;
    const blockedUntil = new Date(now.getTime() + lockMinutes * 60_000);
    const row = {
      failure_count: blocks ? 0 : failures,
      window_start: windowOpen && !blocks ? throttle.window_start : now,
      blocked_until: blocks ? blockedUntil : null,
    };
    await trx
      .insertInto("login_throttles")
      .values({ ...pair, ...row })
      .onConflict((conflict) => conflict.columns(["username_key", "address"]).doUpdateSet(row))
      .execute();
    if (!blocks) return invalid;
    await appendAudit(trx, {
      actorId: null,
      actorUsername: null,
      action: "account.locked",
      entityType: "account",
      entityId: account?.id ?? "unknown-account",
      after: { failures, blockedMinutes: lockMinutes, knownAccount: account !== undefined },
      requestId: input.requestId,
    });
    return blocked(blockedUntil);
  }
  await trx
    .deleteFrom("login_throttles")
    .where("username_key", "=", pair.username_key)
    .where("address", "=", pair.address)
    .execute();
  const actor = await loadActor(trx, account.id);
  if (!actor) return invalid;
  // A session id presented before sign-in is never kept (no fixation): it ends, and a new one is made.
  if (input.previousToken) await deleteSession(trx, input.previousToken);
  await deleteExpiredSessions(trx, account.id, now);
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
