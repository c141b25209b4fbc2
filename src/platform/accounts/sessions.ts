import { createHash, randomBytes } from "node:crypto";
import type { Executor, Trx } from "../../db/transaction";

/** The absolute lifetime of a session: signed in again after this, however active. */
export const sessionLifetimeHours = 12;
/** A session unused for this long ends (idle expiry). */
export const sessionIdleMinutes = 30;
/** How often use moves a session's last-seen time on (fewer writes; idle expiry is exact to this). */
const touchEveryMs = 60_000;

// Session time is the system's (which libfaketime moves for a whole process), not the platform's business clock:
// tests that move the business date (a cycle in May, a payroll next month) keep their sessions. The session tests
// set this clock to check idle and absolute expiry.
let sessionClock: () => Date = () => new Date();

/** The current instant for sessions and sign-in throttling. */
export function clockNow(): Date {
  return sessionClock();
}

/** Sets the session clock (tests); without an argument, back to the system clock. */
export function setSessionClock(source?: () => Date): void {
  sessionClock = source ?? (() => new Date());
}

/** A new session: the token for the cookie (never stored) and the CSRF token for the web app. */
export interface NewSession {
  token: string;
  csrfToken: string;
}

/** The sha256 of a cookie token: what the sessions table stores, so a leaked table holds no usable token. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a session for an account with fresh random tokens (a new id at every sign-in: no fixation). */
export async function createSession(trx: Trx, accountId: string, now = clockNow()): Promise<NewSession> {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  await trx
    .insertInto("sessions")
    .values({
      token_hash: hashToken(token),
      account_id: accountId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + sessionLifetimeHours * 3_600_000),
    })
    .execute();
  return { token, csrfToken };
}

/**
 * Finds a live session by its cookie token — not past its absolute expiry, not idle for longer than the idle
 * limit — and records the use (at most once a minute).
 */
export async function findSession(executor: Executor, token: string, now = clockNow()) {
  const session = await executor
    .selectFrom("sessions")
    .select(["account_id", "csrf_token", "token_hash", "last_seen_at"])
    .where("token_hash", "=", hashToken(token))
    .where("expires_at", ">", now)
    .where("last_seen_at", ">", new Date(now.getTime() - sessionIdleMinutes * 60_000))
    .executeTakeFirst();
  if (session && now.getTime() - session.last_seen_at.getTime() >= touchEveryMs) {
    await executor
      .updateTable("sessions")
      .set({ last_seen_at: now })
      .where("token_hash", "=", session.token_hash)
      .execute();
  }
  return session;
}

/** Ends a session. */
export async function deleteSession(trx: Trx, token: string): Promise<void> {
  await trx.deleteFrom("sessions").where("token_hash", "=", hashToken(token)).execute();
}

/** Ends every session of an account (sign out everywhere, password changed); returns how many ended. */
export async function deleteSessionsOf(trx: Trx, accountId: string, except?: string | null): Promise<number> {
  let query = trx.deleteFrom("sessions").where("account_id", "=", accountId);
  if (except) query = query.where("token_hash", "<>", hashToken(except));
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Removes sessions past their absolute or idle expiry (housekeeping at sign-in). */
export async function deleteExpiredSessions(trx: Trx, accountId: string, now = clockNow()): Promise<void> {
  await trx
    .deleteFrom("sessions")
    .where("account_id", "=", accountId)
    .where((eb) =>
      eb.or([
        eb("expires_at", "<=", now),
        eb("last_seen_at", "<=", new Date(now.getTime() - sessionIdleMinutes * 60_000)),
      ]),
    )
    .execute();
}
