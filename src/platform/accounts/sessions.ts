import { createHash, randomBytes } from "node:crypto";
import type { Executor, Trx } from "../../db/transaction";

/** How long a session lasts without signing in again. */
export const sessionLifetimeHours = 12;

/** A new session: the token for the cookie (never stored) and the CSRF token for the web app. */
export interface NewSession {
  token: string;
  csrfToken: string;
}

/** The sha256 of a cookie token: what the sessions table stores, so a leaked table holds no usable token. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a session for an account and returns its tokens. */
export async function createSession(trx: Trx, accountId: string, now = new Date()): Promise<NewSession> {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  await trx
    .insertInto("sessions")
    .values({
      token_hash: hashToken(token),
      account_id: accountId,
      csrf_token: csrfToken,
      expires_at: new Date(now.getTime() + sessionLifetimeHours * 3_600_000),
    })
    .execute();
  return { token, csrfToken };
}

/** Finds an unexpired session by its cookie token. */
export async function findSession(executor: Executor, token: string, now = new Date()) {
  return executor
    .selectFrom("sessions")
    .select(["account_id", "csrf_token", "token_hash"])
    .where("token_hash", "=", hashToken(token))
    .where("expires_at", ">", now)
    .executeTakeFirst();
}

/** Ends a session. */
export async function deleteSession(trx: Trx, token: string): Promise<void> {
  await trx.deleteFrom("sessions").where("token_hash", "=", hashToken(token)).execute();
}
