import { Type } from "typebox";
import { err, ok } from "../../core/result";
import { sendRefusal } from "../../platform/http/command-reply";
import { inTransaction } from "../../db/transaction";
import { login } from "../../platform/accounts/login";
import { checkPasswordStrength, hashPassword, verifyPassword } from "../../platform/accounts/password";
import { deleteSession, deleteSessionsOf, sessionLifetimeHours } from "../../platform/accounts/sessions";
import { abilities } from "../../platform/access/abilities";
import { appendAudit } from "../../platform/audit/audit.log";
import { errorBody, sendError } from "../../platform/http/request-context";
import { defineRoute, type AnyRoute } from "../../platform/http/route";
import type { ModuleManifest } from "../../platform/module";
import type { Actor } from "../../platform/roles";
import { sessionCookie } from "../authentication";
import { SessionResponse } from "../../platform/http/response-schemas";
import { statusForProblem } from "../../platform/problems";

const PasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
    newPassword: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

const SessionsEnded = Type.Object({ ok: Type.Boolean(), sessionsEnded: Type.Integer() });

const LoginBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

/** The signed-in user as the web app sees it. */
export function presentUser(actor: Actor) {
  return {
    id: actor.id,
    username: actor.username,
    displayName: actor.displayName,
    personId: actor.personId,
    roles: actor.grants,
  };
}

/** Routes options. */
export interface AuthRouteOptions {
  modules: readonly ModuleManifest[];
  loginRateLimitPerMinute: number;
  secureCookies: boolean;
}

/** Sign in (rate limited, lockout after repeated failures), sign out, and who am I. */
export function authRoutes(options: AuthRouteOptions): readonly AnyRoute[] {
  const { modules } = options;
  const tags = ["auth"];
  return [
    defineRoute({
      method: "POST",
      url: "/auth/login",
      summary: {
        zh: "登录（按地址限速；同一地址对同一用户名多次失败后暂停）",
        en: "Sign in (rate limited per address; paused for a username after repeated failures from one address)",
      },
      tags,
      permission: "public",
      body: LoginBody,
      response: { 200: SessionResponse },
      config: { rateLimit: { max: options.loginRateLimitPerMinute, timeWindow: "1 minute" } },
      csrfExempt: true,
      errors: [401, 403, 423, 429],
      handler: async ({ db, request, reply, body }) => {
        const result = await inTransaction(db, (trx) =>
          login(trx, {
            ...body,
            address: request.ip,
            requestId: request.id,
            previousToken: request.cookies[sessionCookie] ?? null,
          }),
        );
        if (!result.ok) {
          const { code, message, lockedUntil } = result.error;
          if (code === "account_locked")
            return reply.code(423).send({ error: { ...errorBody(code, message).error, lockedUntil } });
          return sendError(reply, statusForProblem(code), code, message);
        }
        const { actor, session } = result.value;
        reply.setCookie(sessionCookie, session.token, {
          path: "/",
          httpOnly: true,
          sameSite: "lax",
          // Secure when configured, and whenever the request came over HTTPS (directly, or through a trusted
          // proxy's X-Forwarded-Proto with GONGZHI_TRUST_PROXY=1).
          secure: options.secureCookies || request.protocol === "https",
          maxAge: sessionLifetimeHours * 3600,
        });
        return { user: presentUser(actor), abilities: abilities(actor, modules), csrfToken: session.csrfToken };
      },
    }),
    defineRoute({
      method: "POST",
      url: "/auth/logout",
      summary: { zh: "退出登录", en: "Sign out" },
      tags,
      permission: "session.own",
      response: { 200: Type.Object({ ok: Type.Boolean() }) },
      handler: async ({ db, request, reply, actor }) => {
        await inTransaction(db, async (trx) => {
          await deleteSession(trx, request.sessionToken!);
          await appendAudit(trx, {
            actorId: actor.id,
            actorUsername: actor.username,
            action: "session.logout",
            entityType: "account",
            entityId: actor.id,
            requestId: request.id,
          });
        });
        reply.clearCookie(sessionCookie, { path: "/" });
        return { ok: true };
      },
    }),
    defineRoute({
      method: "POST",
      url: "/auth/logout-everywhere",
      summary: {
        zh: "在所有设备上退出登录（结束本账户的全部会话）",
        en: "Sign out everywhere (end every session of the account)",
      },
      tags,
      permission: "session.own",
      response: { 200: SessionsEnded },
      handler: async ({ db, request, reply, actor }) => {
        const ended = await inTransaction(db, async (trx) => {
          const count = await deleteSessionsOf(trx, actor.id);
          await appendAudit(trx, {
            actorId: actor.id,
            actorUsername: actor.username,
            action: "session.logout_everywhere",
            entityType: "account",
            entityId: actor.id,
            after: { sessionsEnded: count },
            requestId: request.id,
          });
          return count;
        });
        reply.clearCookie(sessionCookie, { path: "/" });
        return { ok: true, sessionsEnded: ended };
      },
    }),
    defineRoute({
      method: "POST",
      url: "/auth/password",
      summary: {
        zh: "修改本人密码（需当前密码；其他会话随之结束）",
        en: "Change one's own password (the current one required; the other sessions end)",
      },
      tags,
      permission: "session.own",
      body: PasswordBody,
      response: { 200: SessionsEnded },
      handler: async ({ db, request, reply, actor, body }) => {
        const result = await inTransaction(db, async (trx) => {
          const account = await trx
            .selectFrom("accounts")
            .select(["password_hash", "version"])
            .where("id", "=", actor.id)
            .forUpdate()
            .executeTakeFirstOrThrow();
          if (!(await verifyPassword(account.password_hash, body.currentPassword)))
            return err({
              code: "wrong_password",
              message: "当前密码不正确 (the current password is wrong)",
              field: "currentPassword",
            });
          const strength = checkPasswordStrength(body.newPassword, "newPassword");
          if (!strength.ok) return strength;
          await trx
            .updateTable("accounts")
            .set({
              password_hash: await hashPassword(body.newPassword),
              version: account.version + 1,
              updated_at: new Date(),
            })
            .where("id", "=", actor.id)
            .execute();
          const count = await deleteSessionsOf(trx, actor.id, request.sessionToken);
          await appendAudit(trx, {
            actorId: actor.id,
            actorUsername: actor.username,
            action: "account.password_changed",
            entityType: "account",
            entityId: actor.id,
            after: { by: "self", otherSessionsEnded: count },
            requestId: request.id,
          });
          return ok(count);
        });
        if (!result.ok) return sendRefusal(reply, result.error);
        return { ok: true, sessionsEnded: result.value };
      },
    }),
    defineRoute({
      method: "GET",
      url: "/auth/me",
      summary: { zh: "当前用户、能力和 CSRF 令牌", en: "The signed-in user, abilities and CSRF token" },
      tags,
      permission: "session.own",
      response: { 200: SessionResponse },
      handler: ({ request, actor }) => ({
        user: presentUser(actor),
        abilities: abilities(actor, modules),
        csrfToken: request.csrfToken,
      }),
    }),
  ];
}
