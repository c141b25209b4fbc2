import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { errorBody } from "../platform/http/request-context";

declare module "fastify" {
  interface FastifyRequest {
    /** The Idempotency-Key of a POST whose response should be stored. */
    idempotencyKey: string | null;
  }
}

/**
 * Honours `Idempotency-Key` on POST for signed-in callers: the first response (below 500) is stored per
 * account and key, and a repeat gets it back with `idempotent-replayed: true` instead of running again.
 */
export function installIdempotency(app: FastifyInstance, db: Kysely<Database>): void {
  app.decorateRequest("idempotencyKey", null);
  app.addHook("preHandler", async (request, reply) => {
    const key = request.headers["idempotency-key"];
    if (request.method !== "POST" || typeof key !== "string" || !request.actor) return;
    if (key.length < 1 || key.length > 200) {
      return reply.code(400).send(errorBody("validation_failed", "Idempotency-Key must have 1–200 characters", { "Idempotency-Key": "1–200 characters" }));
    }
    const stored = await db
      .selectFrom("idempotency_keys")
      .selectAll()
      .where("account_id", "=", request.actor.id)
      .where("key", "=", key)
      .executeTakeFirst();
    if (!stored) {
      request.idempotencyKey = key;
      return;
    }
    const path = request.url.split("?")[0];
    if (stored.method !== request.method || stored.path !== path) {
      return reply
        .code(422)
        .send(errorBody("idempotency_key_reused", "该 Idempotency-Key 已用于另一个请求 (key already used for another request)", { "Idempotency-Key": "already used" }));
    }
    return reply.code(stored.status_code).header("idempotent-replayed", "true").send(stored.body);
  });
  app.addHook("onSend", async (request, reply, payload) => {
    if (!request.idempotencyKey || !request.actor || reply.statusCode >= 500) return payload;
    let body: unknown;
    try {
      body = typeof payload === "string" ? JSON.parse(payload) : null;
    } catch {
      body = null;
    }
    await db
      .insertInto("idempotency_keys")
      .values({
        account_id: request.actor.id,
        key: request.idempotencyKey,
        method: request.method,
        path: request.url.split("?")[0],
        status_code: reply.statusCode,
        body: JSON.stringify(body),
      })
      .onConflict((conflict) => conflict.columns(["account_id", "key"]).doNothing())
      .execute();
    return payload;
  });
}
