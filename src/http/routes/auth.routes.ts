import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { inTransaction } from "../../db/transaction";
import { login } from "../../platform/accounts/login";
import { deleteSession, sessionLifetimeHours } from "../../platform/accounts/sessions";
import { abilities } from "../../platform/access/abilities";
import { appendAudit } from "../../platform/audit/audit.log";
import { errorBody, requireActor, sendError } from "../../platform/http/request-context";
import type { ModuleManifest } from "../../platform/module";
import type { Actor } from "../../platform/roles";
import { sessionCookie } from "../authentication";
import { errorResponses, SessionResponse } from "../../platform/http/response-schemas";

const LoginBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

/** The signed-in user as the web app sees it. */
export function presentUser(actor: Actor) {
  return { id: actor.id, username: actor.username, displayName: actor.displayName, personId: actor.personId, roles: actor.grants };
}

/** Routes options. */
export interface AuthRouteOptions {
  db: Kysely<Database>;
  modules: readonly ModuleManifest[];
  loginRateLimitPerMinute: number;
  secureCookies: boolean;
}

/** Sign in (rate limited, lockout after repeated failures), sign out, and who am I. */
export function authRoutes(instance: FastifyInstance, options: AuthRouteOptions): void {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db, modules } = options;

  app.post(
    "/auth/login",
    {
      schema: { tags: ["auth"], body: LoginBody, response: { 200: SessionResponse, ...errorResponses } },
      config: { rateLimit: { max: options.loginRateLimitPerMinute, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const result = await inTransaction(db, (trx) => login(trx, { ...request.body, requestId: request.id }));
      if (!result.ok) {
        const { code, message, lockedUntil } = result.error;
        if (code === "account_locked") return reply.code(423).send({ error: { ...errorBody(code, message).error, lockedUntil } });
        return sendError(reply, 401, code, message);
      }
      const { actor, session } = result.value;
      reply.setCookie(sessionCookie, session.token, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: options.secureCookies,
        maxAge: sessionLifetimeHours * 3600,
      });
      return { user: presentUser(actor), abilities: abilities(actor, modules), csrfToken: session.csrfToken };
    },
  );

  app.post("/auth/logout", { schema: { tags: ["auth"], response: { 200: Type.Object({ ok: Type.Boolean() }), ...errorResponses } } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
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
  });

  app.get("/auth/me", { schema: { tags: ["auth"], response: { 200: SessionResponse, ...errorResponses } } }, async (request, reply) => {
    const actor = requireActor(request, reply);
    if (!actor) return reply;
    return { user: presentUser(actor), abilities: abilities(actor, modules), csrfToken: request.csrfToken };
  });
}
