import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { findSession } from "../platform/accounts/sessions";
import { errorBody } from "../platform/http/request-context";

/** The session cookie's name. */
export const sessionCookie = "gz_session";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Installs authentication for /api: loads the actor from the session cookie, then refuses every
 * state-changing request (unless its route is declared `csrfExempt`) whose x-csrf-token header does not match the session (403 csrf_required).
 */
export function installAuthentication(app: FastifyInstance, db: Kysely<Database>): void {
  app.decorateRequest("actor", null);
  app.decorateRequest("csrfToken", null);
  app.decorateRequest("sessionToken", null);
  app.addHook("onRequest", async (request, reply) => {
    if (!request.url.startsWith("/api/")) return;
    const token = request.cookies[sessionCookie];
    if (token) {
      const session = await findSession(db, token);
      if (session) {
        request.actor = session.actor;
        request.csrfToken = session.csrfToken;
        request.sessionToken = token;
      }
    }
    // The route table marks the only exemption (sign-in, which has no session yet): `csrfExempt` in its declaration.
    if (safeMethods.has(request.method) || request.routeOptions.config?.csrfExempt === true) return;
    if (!request.actor) return; // routes answer 401 for anonymous callers
    if (request.headers["x-csrf-token"] !== request.csrfToken) {
      return reply
        .code(403)
        .send(errorBody("csrf_required", "缺少或错误的 CSRF 令牌 (send the x-csrf-token header from login)"));
    }
  });
}
