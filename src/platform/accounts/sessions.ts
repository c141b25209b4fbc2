import { createHash, randomBytes } from "node:crypto";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { Executor, Trx } from "../../db/transaction";
import { isRole, type Actor } from "../roles";

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
 * limit, of an enabled account — with the account and its role grants, in one query (every signed-in request
 * runs it), and records the use (at most once a minute). Null when there is no such session.
 */
export async function findSession(
  executor: Executor,
  token: string,
  now = clockNow(),
): Promise<{ actor: Actor; csrfToken: string } | null> {
  const row = await executor
    .selectFrom("sessions")
    .innerJoin("accounts", "accounts.id", "sessions.account_id")
    .select((eb) => [
      "sessions.csrf_token",
      "sessions.token_hash",
      "sessions.last_seen_at",
      "accounts.id",
      "accounts.username",
      "accounts.display_name",
      "accounts.person_id",
      jsonArrayFrom(
        eb
          .selectFrom("account_roles")
          .select(["account_roles.role", "account_roles.town_code", "account_roles.department_code"])
          .whereRef("account_roles.account_id", "=", "accounts.id"),
      ).as("grants"),
    ])
    .where("sessions.token_hash", "=", hashToken(token))
    .where("sessions.expires_at", ">", now)
    .where("sessions.last_seen_at", ">", new Date(now.getTime() - sessionIdleMinutes * 60_000))
    .where("accounts.disabled", "=", false)
    .executeTakeFirst();
  if (!row) return null;
  if (now.getTime() - row.last_seen_at.getTime() >= touchEveryMs) {
    await executor
      .updateTable("sessions")
      .set({ last_seen_at: now })
      .where("token_hash", "=", row.token_hash)
      .execute();
  }
  return {
    csrfToken: row.csrf_token,
    actor: {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      personId: row.person_id,
      grants: row.grants.flatMap((grant) =>
        isRole(grant.role)
          ? [{ role: grant.role, townCode: grant.town_code, departmentCode: grant.department_code }]
          : [],
      ),
    },
  };
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
