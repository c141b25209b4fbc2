import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sql, type Kysely } from "kysely";
import type { Database } from "../db/schema";
import { errorBody } from "../platform/http/request-context";

declare module "fastify" {
  interface FastifyRequest {
    /** The Idempotency-Key this request reserved; its response is stored when it is sent. */
    idempotencyKey: string | null;
  }
}

/** A reservation older than this is taken to be abandoned (its process stopped before answering). */
export const abandonedReservationMinutes = 5;

/** Reserves the key for this caller: true when this request inserted the reservation row (the primary key decides). */
async function reserve(
  db: Kysely<Database>,
  accountId: string,
  key: string,
  method: string,
  path: string,
): Promise<boolean> {
  await db
    .deleteFrom("idempotency_keys")
    .where("account_id", "=", accountId)
    .where("key", "=", key)
    .where("status_code", "is", null)
    .where("created_at", "<", sql<Date>`now() - make_interval(mins => ${abandonedReservationMinutes})`)
    .execute();
  const inserted = await db
    .insertInto("idempotency_keys")
    .values({ account_id: accountId, key, method, path, status_code: null, body: null })
    .onConflict((conflict) => conflict.columns(["account_id", "key"]).doNothing())
    .returning("key")
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Answers a request whose key another request holds: 422 for another route, 409 while it runs, else its response again. */
async function answerTaken(
  db: Kysely<Database>,
  request: FastifyRequest,
  reply: FastifyReply,
  key: string,
  path: string,
) {
  const stored = await db
    .selectFrom("idempotency_keys")
    .selectAll()
    .where("account_id", "=", request.actor!.id)
    .where("key", "=", key)
    .executeTakeFirst();
  if (stored && (stored.method !== request.method || stored.path !== path)) {
    return reply
      .code(422)
      .send(
        errorBody(
          "idempotency_key_reused",
          "该 Idempotency-Key 已用于另一个请求 (key already used for another request)",
          { "Idempotency-Key": "already used" },
        ),
      );
  }
  if (!stored || stored.status_code === null) {
    // Not stored: the first request failed with 5xx and gave the key up between our insert and this read.
    return reply
      .code(409)
      .send(
        errorBody(
          "idempotency_in_progress",
          "相同 Idempotency-Key 的请求正在处理，请稍后重试 (a request with this key is still running)",
          { "Idempotency-Key": "in progress" },
        ),
      );
  }
  return reply.code(stored.status_code).header("idempotent-replayed", "true").send(stored.body);
}

/**
 * Honours `Idempotency-Key` on POST for signed-in callers. The key is reserved first (a row inserted under the
 * primary key (account, key), which works alike on PGlite and PostgreSQL), so of two concurrent requests only one
 * runs the command; the other gets 409 `idempotency_in_progress` while it runs and its stored response
 * (with `idempotent-replayed: true`) afterwards. A 5xx answer releases the key so the caller may retry.
 */
export function installIdempotency(app: FastifyInstance, db: Kysely<Database>): void {
  app.decorateRequest("idempotencyKey", null);
  app.addHook("preHandler", async (request, reply) => {
    const key = request.headers["idempotency-key"];
    if (request.method !== "POST" || typeof key !== "string" || !request.actor) return;
    if (key.length < 1 || key.length > 200) {
      return reply.code(400).send(
        errorBody("validation_failed", "Idempotency-Key must have 1–200 characters", {
          "Idempotency-Key": "1–200 characters",
        }),
      );
    }
    const path = request.url.split("?")[0];
    if (await reserve(db, request.actor.id, key, request.method, path)) {
      request.idempotencyKey = key;
      return;
    }
    return answerTaken(db, request, reply, key, path);
  });
  app.addHook("onSend", async (request, reply, payload) => {
    if (!request.idempotencyKey || !request.actor) return payload;
    const row = db
      .updateTable("idempotency_keys")
      .where("account_id", "=", request.actor.id)
      .where("key", "=", request.idempotencyKey);
    if (reply.statusCode >= 500) {
      await db
        .deleteFrom("idempotency_keys")
        .where("account_id", "=", request.actor.id)
        .where("key", "=", request.idempotencyKey)
        .execute();
      return payload;
    }
    let body: unknown;
    try {
      body = typeof payload === "string" ? JSON.parse(payload) : null;
    } catch {
      body = null;
    }
    await row.set({ status_code: reply.statusCode, body: JSON.stringify(body) }).execute();
    return payload;
  });
}
